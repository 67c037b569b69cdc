#pragma once
// A Plan as the JSON contract of `orscalc plan` (issue 4), and as one CSV row written with
// fmt only (batch planning writes a million of these a second).
#include "report.hpp"

#include "orscalc/mix.hpp"
#include "orscalc/plan.hpp"

#include <string>
#include <string_view>

namespace orscalc::cli {

Report plan_report(const Plan& plan);

// `plan --have`: the mix for one batch (mix_batch_ml) as "mix", the same contract as
// `orscalc mix`, with the plan's words about it (plan_mix.cpp): a note on the batch, and a
// warning when no safe mixture could be made or the person is a young infant.
void add_plan_mix(Report& report, const Plan& plan, const MixResult& mix);

// Fixed columns, `id` first; one line each, ending in '\n'. The row quotes id as RFC 4180.
std::string_view plan_csv_header();
void append_plan_csv_row(std::string& out, const Plan& plan, std::string_view id);
std::string plan_csv_row(const Plan& plan, std::string_view id);
// The same columns as one flat JSON object on one line (JSON Lines), id first; unknown is null.
void append_plan_json_row(std::string& out, const Plan& plan, std::string_view id);

// The people's table: seek-care banner first, then volumes, schedule, sachets, electrolytes,
// foods and cautions.
std::string table_plan(const Report& report);

} // namespace orscalc::cli
