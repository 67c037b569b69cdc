// Household measures: the steps a person can measure (1/8 level tsp of salt, 1/4 level tsp
// of sugar, half a sachet, 10 mL of a liquid, 0.1 g on a kitchen scale) and their wording.
#include "mix_model.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace orscalc::mix_model {
namespace {

bool brings_ions(const Ingredient& ing) {
    for (const auto& s : all_species())
        if (s.charge != 0 && at(ing.mmol_per_unit, s.species).value_or(0) > 0) return true;
    return false;
}

// "about 1 cup" when a liquid amount is within 3% of a whole number of quarter cups.
std::string cups_hint(double ml) {
    double quarters = std::round(ml / (ml_per_cup / 4));
    if (quarters < 1 || std::abs(quarters * ml_per_cup / 4 - ml) > 0.03 * ml) return "";
    double cups = quarters / 4;
    return fmt::format(" (about {} cup{})", format_fraction(cups, 4), cups > 1 ? "s" : "");
}

std::string tsp_words(double tsp) {
    return fmt::format("{} level tsp", format_fraction(tsp, 8));
}

} // namespace

Step household_step(const Ingredient& ing) {
    if (ing.is_liquid()) return {10, Unit::ml, 10, 5}; // a measuring jug: 10 mL, round at 50
    if (const Measure* sachet = ing.measure(Unit::sachet); sachet && sachet->grams > 0)
        return {sachet->grams / 2, Unit::sachet, 0.5, 2}; // whole or half sachets
    if (const Measure* tsp = ing.measure(Unit::tsp); tsp && tsp->grams > 0) {
        // Salts are dosed finely (1/8 tsp steps, WHO's 1/2 tsp is 4 of them); sugars in
        // quarter teaspoons (WHO's 6 level tsp is 24).
        if (brings_ions(ing)) return {tsp->grams / 8, Unit::tsp, 0.125, 2};
        return {tsp->grams / 4, Unit::tsp, 0.25, 2};
    }
    return {0.1, Unit::g, 0.1, 5}; // a pure compound: weighed on a kitchen scale
}

double amount_of(const Candidate& c, double value, bool household) {
    if (household && c.step.step > 0) return std::round(value) * c.step.step;
    return value;
}

MixAmount measured_amount(const Candidate& c, double value, bool household) {
    const Ingredient& ing = *c.ingredient;
    MixAmount a;
    a.ingredient = &ing;
    if (household && c.step.step > 0) {
        const double steps = std::round(value);
        // Steps are binary fractions (1/8, 1/4, 1/2) or whole mL, so as_measured prints
        // exactly; grams in tenths are divided, not multiplied, for the same reason.
        const double measured = c.step.unit == Unit::g ? steps / 10 : steps * c.step.unit_per_step;
        a.as_measured = {measured, c.step.unit};
        a.amount = amount_in_base_unit(ing, a.as_measured);
        switch (c.step.unit) {
        case Unit::tsp:
            a.measure = tsp_words(measured);
            break;
        case Unit::sachet:
            a.measure =
                fmt::format("{} sachet{}", format_fraction(measured, 2), measured > 1 ? "s" : "");
            break;
        case Unit::ml:
            a.measure = fmt::format("{} mL{}", measured, cups_hint(measured));
            break;
        default:
            a.measure = fmt::format("{} g (weigh it)", measured);
            break;
        }
        return a;
    }
    // Exact: grams to the milligram, millilitres to 0.1 mL.
    const double decimals = ing.is_liquid() ? 10 : 1000;
    a.amount = std::round(value * decimals) / decimals;
    a.as_measured = {a.amount, ing.is_liquid() ? Unit::ml : Unit::g};
    if (ing.is_liquid()) {
        a.measure = fmt::format("{} mL{}", a.amount, cups_hint(a.amount));
    } else if (const Measure* tsp = ing.measure(Unit::tsp); tsp && tsp->grams > 0) {
        double eighths = std::round(a.amount / tsp->grams * 8);
        a.measure = eighths > 0 ? fmt::format("{} g (about {})", a.amount, tsp_words(eighths / 8))
                                : fmt::format("{} g", a.amount);
    } else {
        a.measure = fmt::format("{} g", a.amount);
    }
    return a;
}

std::string pretty_quantity(std::string_view q) {
    if (q == "glucose_sodium_ratio") return "glucose:sodium ratio";
    if (q == "glucose_equivalent") return "glucose (with sucrose)";
    if (q == "undiluted") return "share of juice or soft drink";
    return std::string(q);
}

std::string unit_suffix(std::string_view q) {
    if (q == "osmolarity") return " mOsm/L";
    if (q == "glucose_sodium_ratio") return "";
    if (q == "undiluted") return "";
    return " mmol/L";
}

std::string format_number(double v, std::string_view q) {
    if (q == "undiluted") return fmt::format("{:.0f}%", v * 100);
    int decimals = q == "osmolarity" ? 1 : q == "glucose_sodium_ratio" ? 3 : 2;
    double scale = std::pow(10.0, decimals);
    double r = std::round(v * scale) / scale;
    return fmt::format("{}", r == 0 ? 0.0 : r);
}

} // namespace orscalc::mix_model
