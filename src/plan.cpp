// make_plan: the rules of src/plan_*.cpp assembled into one plan. Arithmetic only.
#include "orscalc/plan.hpp"
#include "plan_internal.hpp"
#include "plan_plausibility.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace orscalc {
namespace {

using plan_detail::scaled;

void note(Plan& p, PlanNote n) {
    p.notes |= bit(n);
}

// Weight as given, else estimated from age (WHO weight-for-age), else an error naming both.
void decide_weight(Plan& p, const PlanRequest& r) {
    if (r.age_months && (*r.age_months < 0 || *r.age_months > max_age_months))
        throw InputError(
            fmt::format("age '{:g} months': an age must be 0 to 120 years", *r.age_months));
    p.age_months = r.age_months;
    if (r.weight_kg) {
        if (!(*r.weight_kg >= min_weight_kg && *r.weight_kg <= max_weight_kg))
            throw InputError(fmt::format("weight '{:g}kg': a body weight must be {} to {} kg",
                                         *r.weight_kg, min_weight_kg, max_weight_kg));
        p.weight_kg = *r.weight_kg;
        p.plan_b_row = &plan_b_row_for_weight(p.weight_kg);
        return;
    }
    if (!r.age_months)
        throw InputError("weight or age: give one, e.g. --weight 12kg or --age 18mo");
    auto estimate = weight_for_age_kg(*r.age_months);
    if (!estimate)
        throw InputError("weight: needed above 10 years of age (the WHO weight-for-age reference "
                         "stops at 10 years), e.g. --weight 40kg");
    p.weight_kg = *estimate;
    p.weight_estimated = true;
    // WHO 2005 chart 3: use the patient's age only when you do not know the weight.
    p.plan_b_row = &plan_b_row_for_age(*r.age_months);
    note(p, PlanNote::weight_estimated);
}

void decide_category(Plan& p, const PlanRequest& r) {
    if (r.dehydration_percent) {
        double pct = *r.dehydration_percent;
        if (!(pct > 0 && pct <= 20))
            throw InputError(
                fmt::format("dehydration '{:g}%': must be above 0 and at most 20", pct));
        // WHO 2005 manual: rough deficits: none < 5 %, some 5-10 %, severe > 10 %.
        p.category = pct < 5     ? DehydrationCategory::none
                     : pct <= 10 ? DehydrationCategory::some
                                 : DehydrationCategory::severe;
        p.percent = pct;
        p.rule = DehydrationRule::percent;
    } else if (r.dehydration) {
        p.category = *r.dehydration;
        p.rule = DehydrationRule::category;
    }
    if (r.signs) {
        p.signs = classify_signs(r.signs);
        if (p.rule == DehydrationRule::not_assessed) {
            p.category = p.signs.category;
            p.rule = DehydrationRule::signs;
        } else if (p.signs.category > p.category) {
            // The signs say more than the category given: the more severe one is safer.
            p.category = p.signs.category;
            p.rule = DehydrationRule::signs;
            note(p, PlanNote::signs_override_category);
        }
    }
    if (p.rule == DehydrationRule::not_assessed) note(p, PlanNote::dehydration_not_assessed);
}

void decide_volumes(Plan& p, const PlanRequest& r) {
    const double w = p.weight_kg;
    p.maintenance_ml_per_day = holliday_segar_ml_per_day(w);
    p.maintenance_ml_per_hour = holliday_segar_ml_per_hour(w);
    if (w >= 30) note(p, PlanNote::adult_no_maintenance_cap);
    // CDC MMWR 2003;52(RR-16): 10 mL/kg for each watery stool, 2 mL/kg for each vomit;
    // a measured volume replaces the estimate.
    p.replacement_ml_per_stool = r.stool_volume_ml.value_or(10 * w);
    p.replacement_ml_per_vomit = r.vomit_volume_ml.value_or(2 * w);
    p.stool_volume_measured = r.stool_volume_ml.has_value();
    p.vomit_volume_measured = r.vomit_volume_ml.has_value();
    if (p.age_months) p.plan_a_ml_per_stool = plan_a_ml_per_stool(*p.age_months);
    if (r.stools || r.vomits)
        p.losses_ml_per_day = r.stools.value_or(0) * p.replacement_ml_per_stool +
                              r.vomits.value_or(0) * p.replacement_ml_per_vomit;

    if (p.category == DehydrationCategory::severe) {
        // WHO 2005 chart 4 (Plan C): 100 mL/kg of Ringer's lactate IV, given by a clinic.
        p.deficit_ml = p.percent ? *p.percent * 10 * w : 100 * w;
        p.iv_ml = 100 * w;
        p.oral_plan = false;
        note(p, PlanNote::severe_plan_c);
        return;
    }
    if (p.percent) {
        // Deficit from a percentage: percent x body weight (kg) x 10 mL.
        p.deficit_ml = *p.percent * 10 * w;
    } else if (p.category == DehydrationCategory::some) {
        // WHO 2005 chart 3 (Plan B): 75 mL/kg of ORS in the first 4 hours (= 7.5 %).
        p.deficit_ml = 75 * w;
        p.percent = 7.5;
    }
    p.rehydration_ml = p.deficit_ml;
    if (p.deficit_ml <= 0) {
        p.rehydration_hours = 0;
        return;
    }
    if (p.resomal) {
        // WHO 1999 (severe malnutrition), 4.1.2: 10 mL/kg/h for 2 h, then 5-10 mL/kg/h for up
        // to 10 h; the first rate is the plan's rate.
        double first = std::min(p.deficit_ml, 20 * w);
        double rest = p.deficit_ml - first;
        double rate = std::max(5 * w, rest / 10);
        p.rehydration_hours = first / (10 * w) + rest / rate;
        p.rate_ml_per_hour = 10 * w;
        return;
    }
    // Plan B: over 4 hours (CDC MMWR 2003: replace the deficit over 3-4 hours).
    p.rehydration_hours = 4;
    p.rate_ml_per_hour = p.deficit_ml / 4;
}

void decide_fluid(Plan& p, const PlanRequest& r, const PlanData& data) {
    p.fluid_ml = p.oral_plan ? p.rehydration_ml.value_or(0) + p.losses_ml_per_day.value_or(0) : 0;
    if (r.sam) {
        note(p, data.sam_target_id.empty() ? PlanNote::sam_no_resomal : PlanNote::sam_resomal);
        if (p.resomal) p.delivered = scaled(data.resomal_mmol_per_l, p.fluid_ml);
    } else {
        p.sachets = static_cast<int>(std::ceil(p.fluid_ml / data.ors_sachet_ml - 1e-9));
        p.delivered = scaled(data.ors_mmol_per_l, p.fluid_ml);
    }
    if (r.stools && *r.stools > 0) {
        // The adult cholera column from 15 years (or 30 kg without an age): the Plan B
        // table's adult row.
        p.losses_adult = p.age_months ? *p.age_months >= 180 : p.weight_kg >= 30;
        p.losses_basis = r.cause == StoolCause::not_given ? StoolCause::non_cholera : r.cause;
        if (r.cause == StoolCause::not_given) note(p, PlanNote::cause_assumed_non_cholera);
        p.stool_losses = scaled(plan_detail::stool_mmol_per_l(p.losses_basis, p.losses_adult),
                                *r.stools * p.replacement_ml_per_stool);
        if (p.oral_plan && !p.resomal && p.stool_losses->sodium > p.delivered.sodium)
            note(p, PlanNote::stool_sodium_above_ors);
    }
}

} // namespace

Plan make_plan(const PlanRequest& r, const PlanData& data) {
    Plan p;
    p.data = &data;
    if ((r.stools && *r.stools < 0) || (r.vomits && *r.vomits < 0))
        throw InputError(r.stools && *r.stools < 0 ? "stools: must be 0 or more"
                                                   : "vomits: must be 0 or more");
    decide_weight(p, r);
    plan_detail::check_plan_weight(p, r); // issue 15: may refuse an implausible weight
    decide_category(p, r);
    p.resomal = r.sam && !data.sam_target_id.empty();
    decide_volumes(p, r);
    decide_fluid(p, r, data);

    p.red_flags = red_flags(r);
    if (p.red_flags) note(p, PlanNote::seek_care);
    p.seek_care = p.red_flags != 0 || p.category == DehydrationCategory::severe;
    if (p.weight_check.needs_neonatal_care()) p.seek_care = true; // under 2.5 kg: issue 15
    bool young_infant = p.age_months && *p.age_months < 6;
    if (young_infant) {
        // WHO 2005: keep breastfeeding; ORS from sachets (a homemade mix is easy to get wrong
        // at this age); in Plan B a non-breastfed infant also gets 100-200 mL clean water.
        note(p, PlanNote::infant_under_6_months);
        if (p.category == DehydrationCategory::some && p.oral_plan)
            note(p, PlanNote::infant_not_breastfed_water);
    }
    if (r.vomits.value_or(0) > 0 || p.has(RedFlag::persistent_vomiting))
        note(p, PlanNote::vomiting_go_slow);
    // Caffeine and alcohol act as diuretics (reference, red flags section).
    if (p.oral_plan) note(p, PlanNote::caffeine_alcohol);
    // Severe malnutrition is fed by its programme (WHO 1999: F-75), not by kitchen foods.
    p.foods = p.oral_plan && !young_infant && !r.sam && !data.foods.empty();
    plan_detail::build_schedule(p);
    return p;
}

double mix_batch_ml(const Plan& p) {
    double first_phase = p.oral_plan ? p.rehydration_ml.value_or(0) : 0;
    return std::max(1.0, std::ceil(first_phase / 1000 - 1e-9)) * 1000;
}

} // namespace orscalc
