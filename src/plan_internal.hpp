#pragma once
// The pieces make_plan assembles, one concept per file (src/plan_*.cpp).
#include "orscalc/plan.hpp"

namespace orscalc::plan_detail {

// Stool electrolyte content, mmol/L, by cause (WHO 2005 manual, annex on stool composition).
Electrolytes stool_mmol_per_l(StoolCause cause, bool adult);
Electrolytes scaled(const Electrolytes& per_l, double ml);

// Fills plan.schedule from the volumes already in the plan.
void build_schedule(Plan& plan);

} // namespace orscalc::plan_detail
