#pragma once
// The fuzz targets' entry points. Each returns 0 for any input orscalc handles (an answer or a
// clean InputError) and throws std::logic_error when an invariant breaks; libFuzzer reports
// that (or any crash or sanitizer finding) as a bug, and fuzz/replay_test.cpp replays
// tests/data/fuzz-regressions/<target>/ through the same functions in the normal test suite.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace orscalc::fuzz {

int recipe(const std::uint8_t* data, std::size_t size);   // a TOML recipe file on tests/data/lib
int mixture(const std::uint8_t* data, std::size_t size);  // a mixture file, composed, evaluated
int quantity(const std::uint8_t* data, std::size_t size); // "1 1/2 tsp", formulas, fractions
int cli(const std::uint8_t* data, std::size_t size);      // argv, one word per line
int csv(const std::uint8_t* data, std::size_t size);      // a CSV file, record by record
int patients(const std::uint8_t* data, std::size_t size); // byte 0: CSV or JSONL; plan each row

// Thrown when an accepted input yields a value no caller may see (NaN, inf, a negative amount).
struct InvariantBroken : std::logic_error {
    using std::logic_error::logic_error;
};

inline void require(bool holds, const std::string& what) {
    if (!holds) throw InvariantBroken(what);
}

} // namespace orscalc::fuzz
