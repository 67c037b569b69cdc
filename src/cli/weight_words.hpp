#pragma once
// The weight check of a plan (issue 15) in words and as JSON: the report's part of it.
#include "plan_words.hpp"

#include "orscalc/plan.hpp"

namespace orscalc::cli {

// Neonatal referral first ("seek medical care now: ..."), then "check the weight: ..."; none
// for a plausible weight.
void add_weight_warnings(const Plan& plan, std::vector<std::string>& warnings);

// {"level", "codes", "reference", "sex", "z", "median_kg", "plausible_kg", "other_unit_kg",
//  "confirmed", "birth_weight"}; the reference fields are null without an age.
Report weight_check_report(const Plan& plan);

} // namespace orscalc::cli
