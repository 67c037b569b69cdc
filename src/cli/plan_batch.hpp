#pragma once
// `plan --input FILE`: every patient row planned in one streaming pass; one output row or one
// stderr line per input row; a summary of supplies with --summary.
#include "context.hpp"

#include "orscalc/plan.hpp"

#include <string>

namespace orscalc::cli {

struct BatchOptions {
    std::string input;        // a path, or "-" for standard input
    std::string input_format; // "csv", "jsonl", or empty: from the file name (.jsonl, .ndjson)
    bool summary = false;     // print the totals instead of the rows
    bool strict = false;      // stop at the first bad row
};

// Streams the answer itself (Answer::streamed); the exit code is 2 when a row was rejected,
// else 3 when a patient needs care, else 0. A file-level problem (unreadable input, a bad
// header; any bad row with --strict) throws InputError and leaves --output untouched.
Answer run_plan_batch(Context& context, const BatchOptions& options, const PlanRequest& defaults);

// The summary's Report (command "plan-summary") for people and as name,value rows.
std::string table_plan_summary(const Report& report);
std::string csv_plan_summary(const Report& report);

} // namespace orscalc::cli
