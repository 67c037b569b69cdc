#pragma once
// Small pieces for human-readable tables: JSON values as text, gauges, wrapped warnings.
#include "report.hpp"

#include <optional>
#include <string>

namespace orscalc::cli {

// A number as it appears in JSON (shortest form), "-" for null, strings as they are.
std::string cell(const Report& value);
std::optional<double> number(const Report& value);

// A fixed-width picture of a value against [min, max]:  "[....|===o===|....]".
// The range's ends are '|', the inside '=', the value 'o' ('<' / '>' beyond the scale,
// '?' when unknown).
std::string gauge(std::optional<double> value, std::optional<double> min, std::optional<double> max,
                  int width = 23);

// Renderers of one command's Report, by Answer::command.
std::string table_check(const Report& r);
std::string table_mix(const Report& r); // table_mix.cpp
std::string table_list_ingredients(const Report& r);
std::string table_list_targets(const Report& r);
std::string table_show_ingredient(const Report& r);
std::string table_show_target(const Report& r);

} // namespace orscalc::cli
