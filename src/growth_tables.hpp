#pragma once
// The weight-for-age LMS tables of recipes/growth/, compiled at build time by
// cmake/embed_growth.cmake (which checks that every row below is where the index says).
// [0] is male, [1] female: the references' own codes 1 and 2.
#include "orscalc/growth.hpp"

#include <cstddef>

namespace orscalc::growth_tables {

struct AgedLms {
    double age; // days for WHO 2006, months for WHO 2007 and CDC 2000
    Lms lms;
};

inline constexpr std::size_t who_2006_rows = 1827; // day 0 ... 1826
inline constexpr std::size_t who_2007_rows = 62;   // month 60 ... 121 (121 repeats 120)
inline constexpr std::size_t cdc_2000_rows = 218;  // month 24, 24.5, 25.5 ... 239.5, 240

extern const AgedLms who_2006_weight_for_age[2][who_2006_rows];
extern const AgedLms who_2007_weight_for_age[2][who_2007_rows];
extern const AgedLms cdc_2000_weight_for_age[2][cdc_2000_rows];

} // namespace orscalc::growth_tables
