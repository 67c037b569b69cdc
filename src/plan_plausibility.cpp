// make_plan's weight check (issue 15, docs/decisions/0020): the words of the refusal come
// from include/orscalc/weight_check.hpp; the warnings are the report's (src/cli/weight_words).
#include "plan_plausibility.hpp"

#include "orscalc/error.hpp"

#include <fmt/format.h>

namespace orscalc::plan_detail {

void check_plan_weight(Plan& p, const PlanRequest& r) {
    if (p.weight_estimated) return; // the median itself: nothing to check
    WeightCheck& c = p.weight_check;
    c = check_weight(p.weight_kg, p.age_months, r.sex, r.weight_in_lb);
    if (c.level == WeightLevel::implausible) {
        if (!r.weight_confirmed) throw InputError(weight_refusal_words(c));
        c.confirmed = true;
    }
}

} // namespace orscalc::plan_detail
