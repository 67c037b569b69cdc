#pragma once
// The weight check's part of make_plan (issue 15): one call, after the weight is decided.
#include "orscalc/plan.hpp"

namespace orscalc::plan_detail {

// Places a given weight on the growth reference for the age (plan.weight_check). Throws
// InputError naming the weight when it is below 1 kg, or biologically implausible for the age
// and not confirmed (request.weight_confirmed).
void check_plan_weight(Plan& plan, const PlanRequest& request);

} // namespace orscalc::plan_detail
