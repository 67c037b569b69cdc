// Fluid volumes from weight and age: the WHO Plan B table, WHO weight-for-age, Holliday-Segar
// maintenance and the WHO Plan A amounts after each loose stool.
#include "orscalc/plan.hpp"

#include <algorithm>
#include <limits>

namespace orscalc {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// WHO 2005, "The treatment of diarrhoea: a manual for physicians and other senior health
// workers", chart 3 (Plan B): approximate ORS in the first 4 hours, by age when the weight is
// unknown; the amount is otherwise 75 mL/kg.
constexpr PlanBRow plan_b_rows[] = {
    {0, 4, 0, 5, 200, 400},      {4, 12, 5, 8, 400, 600},       {12, 24, 8, 11, 600, 800},
    {24, 60, 11, 16, 800, 1200}, {60, 180, 16, 30, 1200, 2200}, {180, inf, 30, inf, 2200, 4000},
};

struct WeightAtAge {
    double months;
    double boys_kg, girls_kg;
};

// Medians of the WHO Child Growth Standards (2006), weight-for-age, 0-60 months, and of the
// WHO Reference 2007, weight-for-age, 5-10 years (the reference has no weight-for-age beyond
// 10 years). Sex is not asked: the mean of the two medians is used. The 0-5 year values are
// the standards' published medians rounded to 0.1 kg; verify the 5-10 year row against the
// WHO 2007 tables (wfa-boys/girls-z-who-2007-exp) when the reference folder gains them.
constexpr WeightAtAge weight_for_age_medians[] = {
    {0, 3.3, 3.2},    {1, 4.5, 4.2},    {2, 5.6, 5.1},     {3, 6.4, 5.8},     {4, 7.0, 6.4},
    {5, 7.5, 6.9},    {6, 7.9, 7.3},    {9, 8.9, 8.2},     {12, 9.6, 8.9},    {18, 10.9, 10.2},
    {24, 12.2, 11.5}, {36, 14.3, 13.9}, {48, 16.3, 16.1},  {60, 18.3, 18.2},  {72, 20.5, 20.2},
    {84, 22.9, 22.4}, {96, 25.4, 25.0}, {108, 28.1, 28.2}, {120, 31.2, 31.9},
};

} // namespace

std::span<const PlanBRow> plan_b_table() {
    return plan_b_rows;
}

const PlanBRow& plan_b_row_for_weight(double weight_kg) {
    for (const auto& row : plan_b_rows)
        if (weight_kg < row.weight_max_kg) return row;
    return plan_b_rows[std::size(plan_b_rows) - 1];
}

const PlanBRow& plan_b_row_for_age(double age_months) {
    for (const auto& row : plan_b_rows)
        if (age_months < row.age_max_months) return row;
    return plan_b_rows[std::size(plan_b_rows) - 1];
}

std::optional<double> weight_for_age_kg(double age_months) {
    const auto& t = weight_for_age_medians;
    if (age_months < 0 || age_months > t[std::size(t) - 1].months) return std::nullopt;
    auto mean = [](const WeightAtAge& w) { return (w.boys_kg + w.girls_kg) / 2; };
    for (std::size_t i = 1; i < std::size(t); ++i)
        if (age_months <= t[i].months) {
            double f = (age_months - t[i - 1].months) / (t[i].months - t[i - 1].months);
            return mean(t[i - 1]) + f * (mean(t[i]) - mean(t[i - 1]));
        }
    return mean(t[0]);
}

// Holliday MA, Segar WE. Pediatrics 1957;19:823-32: 100 mL/kg/day for the first 10 kg, 50 for
// the next 10, 20 for each kg above 20. The source gives no adult cap, so none is applied.
double holliday_segar_ml_per_day(double weight_kg) {
    double w = weight_kg;
    return 100 * std::min(w, 10.0) + 50 * std::clamp(w - 10, 0.0, 10.0) +
           20 * std::max(w - 20, 0.0);
}

// The hourly form of the same rule: 4 mL/kg/h, 2, then 1 (the "4-2-1 rule").
double holliday_segar_ml_per_hour(double weight_kg) {
    double w = weight_kg;
    return 4 * std::min(w, 10.0) + 2 * std::clamp(w - 10, 0.0, 10.0) + 1 * std::max(w - 20, 0.0);
}

// WHO 2005 manual, chart 2 (Plan A): after each loose stool, under 2 years 50-100 mL,
// 2 up to 10 years 100-200 mL, older children and adults as much as wanted.
VolumeRange plan_a_ml_per_stool(double age_months) {
    if (age_months < 24) return {50, 100};
    if (age_months < 120) return {100, 200};
    return {0, inf};
}

} // namespace orscalc
