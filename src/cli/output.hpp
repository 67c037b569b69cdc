#pragma once
// Writing an answer: all at once to stdout, or to a temporary file renamed into place, so a
// failure never leaves a truncated or half-written file.
#include <string>

namespace orscalc::cli {

// Throws InputError when the file cannot be written; the target is then untouched.
void write_atomically(const std::string& path, const std::string& text);
void write_stdout(const std::string& text);

} // namespace orscalc::cli
