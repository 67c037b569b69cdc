#pragma once
// Text helpers the core's parsers share (units, plan fields, patient files).
#include <string_view>

namespace orscalc::detail {

// Without the spaces and tabs people type around a value ("  12 kg ", a CSV header " Ward ").
inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace orscalc::detail
