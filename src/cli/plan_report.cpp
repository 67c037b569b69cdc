// A Plan as the JSON contract of `orscalc plan` (issue 4).
#include "plan_report.hpp"
#include "plan_words.hpp"
#include "weight_words.hpp"

#include <cmath>
#include <fmt/format.h>

namespace orscalc::cli {
namespace {

// Display precision: volumes to the mL, rates and hours to 0.1, mmol to 0.1, kg to 0.1.
Report volume(double ml) {
    return rounded(ml, 0);
}
Report optional_volume(const std::optional<double>& ml) {
    return number_or_null(ml, 0);
}

std::string_view who_plan(const Plan& p) {
    if (!p.oral_plan) return "C";
    return p.rehydration_ml && *p.rehydration_ml > 0 ? "B" : "A";
}

std::string rule_words(const Plan& p) {
    switch (p.rule) {
    case DehydrationRule::percent:
        return fmt::format("{:g}% of body weight (WHO: none < 5%, some 5-10%, severe > 10%); "
                           "deficit = percent x kg x 10 mL",
                           *p.percent);
    case DehydrationRule::signs:
        return fmt::format("WHO assessment signs: {} severe, {} some (two or more decide)",
                           p.signs.severe_signs, p.signs.some_signs);
    case DehydrationRule::category:
        return p.category == DehydrationCategory::some
                   ? "given: some (WHO Plan B, 75 mL/kg in 4 hours)"
                   : fmt::format("given: {}", to_string(p.category));
    case DehydrationRule::not_assessed:
        return "not assessed: planned as none (WHO Plan A)";
    }
    return {};
}

Report electrolytes(const Electrolytes& e, bool with_glucose) {
    Report r;
    r["sodium"] = rounded(e.sodium, 1);
    r["potassium"] = rounded(e.potassium, 1);
    r["chloride"] = rounded(e.chloride, 1);
    if (with_glucose) {
        r["glucose"] = rounded(e.glucose, 1);
        r["magnesium"] = rounded(e.magnesium, 1);
        r["citrate"] = rounded(e.citrate, 1);
    } else {
        r["bicarbonate"] = rounded(e.bicarbonate, 1);
    }
    return r;
}

Report schedule(const Plan& p) {
    Report items = Report::array();
    for (const auto& s : p.steps()) {
        Report item;
        item["step"] = std::string(step_id(s.step));
        item["from_hour"] = rounded(s.from_hour, 1);
        item["to_hour"] = rounded(s.to_hour, 1);
        item["volume_ml"] = s.volume_ml > 0 ? volume(s.volume_ml) : Report(nullptr);
        item["rate_ml_per_hour"] = s.rate_ml_per_hour > 0 ? volume(s.rate_ml_per_hour) : Report();
        item["sip_ml"] = s.sip_ml > 0 ? volume(s.sip_ml) : Report(nullptr);
        item["sip_every_minutes"] =
            s.sip_every_minutes > 0 ? Report(rounded(s.sip_every_minutes, 1)) : Report(nullptr);
        item["how"] = step_words(p, s);
        items.push_back(std::move(item));
    }
    return items;
}

Report foods(const Plan& p) {
    Report list = Report::array();
    if (!p.foods) return list;
    for (const auto& f : p.data->foods) {
        Report food;
        food["id"] = f.id;
        food["name"] = f.name;
        food["serving"] = f.serving;
        food["potassium_mmol"] = number_or_null(f.potassium_mmol, 1);
        food["magnesium_mmol"] = number_or_null(f.magnesium_mmol, 1);
        food["sodium_mmol"] = number_or_null(f.sodium_mmol, 1);
        food["source"] = f.source;
        list.push_back(std::move(food));
    }
    return list;
}

Report plan_b_row(const Plan& p) {
    const PlanBRow& row = *p.plan_b_row;
    Report r;
    r["basis"] = p.weight_estimated ? "age" : "weight";
    r["age_months"] = {row.age_min_months,
                       std::isinf(row.age_max_months) ? Report() : Report(row.age_max_months)};
    r["weight_kg"] = {row.weight_min_kg,
                      std::isinf(row.weight_max_kg) ? Report() : Report(row.weight_max_kg)};
    r["ml_in_4_hours"] = {row.ml_min, row.ml_max};
    r["source"] = "WHO 2005, The treatment of diarrhoea, chart 3 (Plan B)";
    return r;
}

} // namespace

Report plan_report(const Plan& p) {
    Report r;
    r["seek_care"] = p.seek_care;
    Report flags = Report::array();
    for (std::size_t i = 0; i < red_flag_count; ++i)
        if (p.red_flags & (1u << i)) flags.push_back(std::string(id_of(static_cast<RedFlag>(i))));
    r["red_flags"] = std::move(flags);
    r["who_plan"] = std::string(who_plan(p));
    r["weight_kg"] = rounded(p.weight_kg, 1);
    r["weight_estimated"] = p.weight_estimated;
    r["weight_check"] = weight_check_report(p); // issue 15
    r["age_months"] = number_or_null(p.age_months, 1);
    r["dehydration"] = {{"category", std::string(to_string(p.category))},
                        {"percent", number_or_null(p.percent, 1)},
                        {"rule", std::string(to_string(p.rule))},
                        {"detail", rule_words(p)}};
    r["deficit_ml"] = volume(p.deficit_ml);
    r["maintenance_ml_per_day"] = volume(p.maintenance_ml_per_day);
    r["maintenance_ml_per_hour"] = volume(p.maintenance_ml_per_hour);
    r["replacement_ml_per_stool"] = volume(p.replacement_ml_per_stool);
    r["replacement_ml_per_vomit"] = volume(p.replacement_ml_per_vomit);
    r["replacement_measured"] = {{"stool", p.stool_volume_measured},
                                 {"vomit", p.vomit_volume_measured}};
    if (p.plan_a_ml_per_stool) {
        const auto& a = *p.plan_a_ml_per_stool;
        r["plan_a_ml_per_stool"] = {{"min", std::isinf(a.max_ml) ? Report() : Report(a.min_ml)},
                                    {"max", std::isinf(a.max_ml) ? Report() : Report(a.max_ml)},
                                    {"as_much_as_wanted", std::isinf(a.max_ml)}};
    } else {
        r["plan_a_ml_per_stool"] = nullptr;
    }
    r["plan_b_table"] = plan_b_row(p);
    r["losses_ml_per_day"] = optional_volume(p.losses_ml_per_day);
    r["rehydration_ml"] = optional_volume(p.rehydration_ml);
    r["rehydration_hours"] = number_or_null(p.rehydration_hours, 1);
    r["rate_ml_per_hour"] = optional_volume(p.rate_ml_per_hour);
    r["schedule"] = schedule(p);
    r["fluid"] = p.resomal ? p.data->sam_target_id : p.data->ors_id;
    r["fluid_ml"] = volume(p.fluid_ml);
    r["sachets"] = p.sachets ? Report(*p.sachets) : Report(nullptr);
    Report e;
    e["unit"] = "mmol";
    e["delivered"] = electrolytes(p.delivered, true);
    if (p.stool_losses) {
        Report losses = electrolytes(*p.stool_losses, false);
        losses["cause"] = std::string(to_string(p.losses_basis));
        losses["age_group"] = p.losses_adult ? "adult" : "child";
        e["estimated_stool_losses"] = std::move(losses);
    } else {
        e["estimated_stool_losses"] = nullptr;
    }
    r["electrolytes"] = std::move(e);
    r["foods"] = foods(p);
    PlanMessages m = plan_messages(p);
    r["warnings"] = m.warnings;
    r["notes"] = m.notes;
    return r;
}

} // namespace orscalc::cli
