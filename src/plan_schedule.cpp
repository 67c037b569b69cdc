// The sip schedule: the plan's volumes as steps a caregiver can follow with a spoon or a cup.
#include "orscalc/plan.hpp"
#include "plan_internal.hpp"

#include <cmath>

namespace orscalc::plan_detail {
namespace {

// WHO 2005 manual, chart 3 (Plan B): for a child under 2 years, a teaspoonful every 1-2
// minutes; older children, frequent sips from a cup. Without an age, under 11 kg (the Plan B
// table's band for 12-23 months and below) counts as a small child.
bool small_child(const Plan& p) {
    return p.age_months ? *p.age_months < 24 : p.weight_kg < 11;
}

// A sip a person can measure, and how often, to drink rate_ml_per_hour.
void set_sips(ScheduleItem& item, const Plan& p) {
    if (item.rate_ml_per_hour <= 0) return;
    if (small_child(p)) {
        item.sip_ml = 5; // 1 teaspoon
        item.sip_every_minutes = 5 / (item.rate_ml_per_hour / 60);
        return;
    }
    item.sip_every_minutes = 5;
    item.sip_ml = std::max(10.0, std::round(item.rate_ml_per_hour / 12 / 10) * 10);
}

void add(Plan& p, ScheduleItem item) {
    if (p.schedule_size < p.schedule.size()) p.schedule[p.schedule_size++] = item;
}

} // namespace

void build_schedule(Plan& p) {
    if (p.seek_care) {
        // IMCI Plan C: if the child can drink, give the mother ORS and show her how to give
        // frequent sips on the way to the hospital.
        ScheduleItem go{ScheduleStep::to_hospital};
        go.sip_ml = small_child(p) ? 5 : 20;
        go.sip_every_minutes = 2;
        add(p, go);
    }
    if (!p.oral_plan) return;
    double start = 0;
    if (p.rehydration_ml && *p.rehydration_ml > 0) {
        if (p.resomal) {
            // WHO 1999, "Management of severe malnutrition", 4.1.2: ReSoMal 5 mL/kg every 30
            // minutes for the first 2 hours, then 5-10 mL/kg/h for up to 10 hours.
            double first_ml = std::min(*p.rehydration_ml, 20 * p.weight_kg);
            ScheduleItem slow{ScheduleStep::rehydrate_slow,
                              0,
                              first_ml / (10 * p.weight_kg),
                              first_ml,
                              10 * p.weight_kg,
                              5 * p.weight_kg,
                              30};
            add(p, slow);
            start = slow.to_hour;
            if (double rest = *p.rehydration_ml - first_ml; rest > 0) {
                double rate = std::max(5 * p.weight_kg, rest / 10);
                ScheduleItem then{ScheduleStep::rehydrate_sam, start, start + rest / rate, rest,
                                  rate};
                then.sip_ml = rate / 2;
                then.sip_every_minutes = 30;
                add(p, then);
                start = then.to_hour;
            }
        } else {
            ScheduleItem drink{ScheduleStep::rehydrate, 0, *p.rehydration_hours, *p.rehydration_ml,
                               *p.rate_ml_per_hour};
            set_sips(drink, p);
            add(p, drink);
            start = drink.to_hour;
        }
    }
    // WHO 2005 chart 3: if the child vomits, wait 10 minutes, then continue more slowly.
    if (start > 0 || p.has(PlanNote::vomiting_go_slow))
        add(p, {ScheduleStep::after_vomit, 0, start, 0, 0, 5, 2});
    if (start > 0) add(p, {ScheduleStep::reassess, start, start});
    // CDC MMWR 2003;52(RR-16): replace each stool and vomit as it happens, for as long as the
    // diarrhoea lasts; maintenance from usual drinks, breast milk and food (Holliday-Segar).
    add(p, {ScheduleStep::each_stool, start, 24, p.replacement_ml_per_stool});
    add(p, {ScheduleStep::maintain, 0, 24, p.maintenance_ml_per_day, p.maintenance_ml_per_hour});
}

} // namespace orscalc::plan_detail
