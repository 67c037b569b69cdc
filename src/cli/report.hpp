#pragma once
// One ordered Report per answer (stable keys, fixed precision); table, JSON and CSV all
// render it. No arithmetic on the domain here beyond rounding for display.
#include "exit_code.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace orscalc::cli {

using Report = nlohmann::ordered_json;

enum class Format { table, json, csv, jsonl };

struct Answer {
    std::string command; // "check", "list", ...: picks the table/CSV layout
    Report report;
    ExitCode exit_code = ExitCode::ok;
    // A command whose CSV is not a view of the Report (plan: the fixed batch row) sets it.
    std::optional<std::string> csv{};
    bool streamed = false; // the command wrote its output itself (batch planning)
};

// Text on one line: a message never spans lines, whatever the input held.
std::string one_line(std::string text);

// Rounds to `decimals` places for output (half away from zero); keeps JSON numbers short.
double rounded(double value, int decimals);
Report number_or_null(const std::optional<double>& value, int decimals);

std::string render(const Answer& answer, Format format);
std::string render_table(const Answer& answer);
std::string render_csv(const Answer& answer);

// The one plain statement of what orscalc is not.
inline constexpr const char* disclaimer =
    "orscalc is a calculator, not a doctor: it does not diagnose or replace medical care.";

} // namespace orscalc::cli
