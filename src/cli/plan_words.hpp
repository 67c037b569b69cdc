#pragma once
// A plan's steps, warnings and notes in plain words (shared by the JSON and the table).
#include "report.hpp"

#include "orscalc/plan.hpp"

#include <string>
#include <vector>

namespace orscalc::cli {

std::string_view step_id(ScheduleStep step); // "rehydrate", "each-stool", ...
std::string step_words(const Plan& plan, const ScheduleItem& item);

struct PlanMessages {
    std::vector<std::string> warnings; // seek care first
    std::vector<std::string> notes;
};
PlanMessages plan_messages(const Plan& plan);

} // namespace orscalc::cli
