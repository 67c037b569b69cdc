// A plan's steps, warnings and notes in plain words for the person following it.
#include "plan_words.hpp"
#include "weight_words.hpp"

#include <cmath>
#include <fmt/format.h>

namespace orscalc::cli {
namespace {

// Rounded as in the JSON (half away from zero), so the words and the numbers agree.
std::string ml(double v) {
    return fmt::format("{} mL", rounded(v, 0));
}

std::string hours(double h) {
    return fmt::format("{:g} hour{}", rounded(h, 1), rounded(h, 1) == 1 ? "" : "s");
}

std::string fluid_name(const Plan& p) {
    return p.resomal ? "ReSoMal" : "ORS";
}

std::string sips(const ScheduleItem& s) {
    if (s.sip_ml <= 0 || s.sip_every_minutes <= 0) return {};
    if (s.sip_ml == 5)
        return fmt::format("1 teaspoon (5 mL) every {:g} minutes", rounded(s.sip_every_minutes, 1));
    return fmt::format("{} in small sips every {:g} minutes", ml(s.sip_ml),
                       rounded(s.sip_every_minutes, 1));
}

} // namespace

std::string_view step_id(ScheduleStep step) {
    switch (step) {
    case ScheduleStep::rehydrate:
        return "rehydrate";
    case ScheduleStep::rehydrate_slow:
        return "rehydrate-slowly";
    case ScheduleStep::rehydrate_sam:
        return "rehydrate-sam";
    case ScheduleStep::after_vomit:
        return "after-vomiting";
    case ScheduleStep::reassess:
        return "reassess";
    case ScheduleStep::each_stool:
        return "each-stool";
    case ScheduleStep::maintain:
        return "maintain";
    case ScheduleStep::to_hospital:
        return "on-the-way-to-care";
    }
    return "?";
}

std::string step_words(const Plan& p, const ScheduleItem& s) {
    std::string fluid = fluid_name(p);
    switch (s.step) {
    case ScheduleStep::to_hospital:
        return fmt::format("go to a health facility now; if able to drink, give sips of ORS on the "
                           "way: {}",
                           sips(s));
    case ScheduleStep::rehydrate:
        return fmt::format("{} of {} over {}: {} an hour; {} ({} every 15 minutes)",
                           ml(s.volume_ml), fluid, hours(s.to_hour - s.from_hour),
                           ml(s.rate_ml_per_hour), sips(s), ml(s.rate_ml_per_hour / 4));
    case ScheduleStep::rehydrate_slow:
        return fmt::format("{} of ReSoMal every 30 minutes for {} (5 mL/kg), by cup or spoon, "
                           "under supervision",
                           ml(s.sip_ml), hours(s.to_hour - s.from_hour));
    case ScheduleStep::rehydrate_sam:
        return fmt::format("then {} of ReSoMal an hour ({:g} mL/kg/h) for up to {}, {} in all; "
                           "stop when rehydrated or if breathing or pulse speed up",
                           ml(s.rate_ml_per_hour), rounded(s.rate_ml_per_hour / p.weight_kg, 1),
                           hours(s.to_hour - s.from_hour), ml(s.volume_ml));
    case ScheduleStep::after_vomit:
        return "after vomiting: wait 10 minutes, then continue more slowly (1 teaspoon, 5 mL, "
               "every 1-2 minutes)";
    case ScheduleStep::reassess:
        return fmt::format("at {}: look at the signs again; none left: go on with each stool "
                           "below; still some: repeat the first {}; worse: seek care now",
                           hours(s.from_hour), hours(s.from_hour));
    case ScheduleStep::each_stool: {
        std::string text =
            fmt::format("after each loose stool: {} of {}; after each vomit: {}",
                        ml(p.replacement_ml_per_stool), fluid, ml(p.replacement_ml_per_vomit));
        if (p.plan_a_ml_per_stool) {
            const auto& a = *p.plan_a_ml_per_stool;
            text += std::isinf(a.max_ml) ? " (WHO Plan A for this age: as much as wanted)"
                                         : fmt::format(" (WHO Plan A for this age: {:g}-{:g} mL)",
                                                       a.min_ml, a.max_ml);
        }
        return text;
    }
    case ScheduleStep::maintain:
        return fmt::format("and over the day: usual drinks, breast milk and food, about {} a day "
                           "({} an hour); keep eating",
                           ml(s.volume_ml), ml(s.rate_ml_per_hour));
    }
    return {};
}

PlanMessages plan_messages(const Plan& p) {
    PlanMessages m;
    auto& w = m.warnings;
    if (p.has(PlanNote::severe_plan_c))
        w.push_back(fmt::format(
            "severe dehydration: seek emergency care now: IV rehydration (WHO Plan C, {} of "
            "Ringer's lactate); no oral-only plan",
            ml(100 * p.weight_kg)));
    if (p.red_flags) {
        std::string why;
        for (std::size_t i = 0; i < red_flag_count; ++i)
            if (p.red_flags & (1u << i))
                why += (why.empty() ? "" : "; ") + std::string(describe(static_cast<RedFlag>(i)));
        w.push_back(fmt::format("seek medical care now: {}{}", why,
                                p.oral_plan ? "; start drinking on the way" : ""));
    }
    add_weight_warnings(p, w); // issue 15: neonatal referral, implausible weight for the age
    if (p.has(PlanNote::infant_under_6_months))
        w.push_back("under 6 months: keep breastfeeding between drinks of ORS; use WHO ORS "
                    "sachets, not a homemade mix");
    if (p.has(PlanNote::infant_not_breastfed_water))
        w.push_back("if not breastfed, also give 100-200 mL of clean water during the first 4 "
                    "hours (WHO Plan B)");
    if (p.has(PlanNote::sam_resomal))
        w.push_back("severe acute malnutrition: ReSoMal, not standard ORS, given slowly under "
                    "supervision (WHO 1999); stop if breathing or pulse speed up; feeding follows "
                    "the malnutrition programme (F-75), not the foods of this plan");
    if (p.has(PlanNote::sam_no_resomal))
        w.push_back("severe acute malnutrition: the recipe library has no ReSoMal target, so the "
                    "fluid's composition is unknown; standard ORS has too much sodium here");
    if (p.has(PlanNote::signs_override_category))
        w.push_back(fmt::format("the signs show {} dehydration, more than --dehydration said: "
                                "planned as {}",
                                to_string(p.category), to_string(p.category)));
    if (p.has(PlanNote::dehydration_not_assessed))
        w.push_back("dehydration not assessed: planned as none (WHO Plan A); look at the signs "
                    "(--signs) or give --dehydration");
    if (p.has(PlanNote::stool_sodium_above_ors) && p.stool_losses)
        w.push_back(fmt::format("the stools are estimated to lose {:.0f} mmol of sodium, more "
                                "than the planned ORS gives ({:.0f} mmol): keep to ORS, not plain "
                                "water",
                                p.stool_losses->sodium, p.delivered.sodium));

    auto& n = m.notes;
    if (p.has(PlanNote::weight_estimated))
        n.push_back(fmt::format("weight estimated from age: {:g} kg, the WHO weight-for-age "
                                "median (Child Growth Standards 2006 / Reference 2007); weigh "
                                "if you can",
                                rounded(p.weight_kg, 1)));
    if (p.has(PlanNote::vomiting_go_slow))
        n.push_back("vomiting: wait 10 minutes after vomiting, then give more slowly (a spoonful "
                    "every 1-2 minutes)");
    if (p.has(PlanNote::cause_assumed_non_cholera))
        n.push_back("stool losses estimated with the non-cholera figures (--cause cholera if "
                    "it is cholera)");
    if (p.has(PlanNote::adult_no_maintenance_cap))
        n.push_back("Holliday-Segar gives no adult cap: maintenance is the formula's value");
    if (p.has(PlanNote::caffeine_alcohol))
        n.push_back("avoid caffeine (coffee, strong tea, cola, energy drinks) and alcohol: they "
                    "act as diuretics and can worsen dehydration");
    return m;
}

} // namespace orscalc::cli
