#pragma once
// Table pieces for ranges and for check against every target (table_check.cpp).
#include "report.hpp"

#include <string>

namespace orscalc::cli {

// A {value, min, max} report as text: "60.2-71.4", "71.4" (a point), "at least 12.3",
// "unknown".
std::string range_cell(const Report& range);
// The same with the nominal value first where it is a range: "23.9 (2-46.3)".
std::string value_and_range_cell(const Report& range);

// show ID: an ingredient's totals, one line each ("sugars 84 g per L of glucose, ...").
std::string table_show_totals(const Report& r);

// check --target all: the mixture, its composition, one line per target.
std::string table_check_all(const Report& r);

} // namespace orscalc::cli
