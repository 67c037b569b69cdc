// libFuzzer's entry, compiled once per target with ORSCALC_FUZZ_ENTRY naming the function
// (fuzz/CMakeLists.txt), so that the regression test can call the same functions.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return orscalc::fuzz::ORSCALC_FUZZ_ENTRY(data, size);
}
