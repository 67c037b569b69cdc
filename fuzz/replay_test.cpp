// Replays every committed seed and every past finding through the fuzz entry points, in the
// normal test suite (no libFuzzer needed): fuzz/corpus/<target>/ and
// tests/data/fuzz-regressions/<target>/. A file that once crashed must now pass.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "entries.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

using Entry = int (*)(const std::uint8_t*, std::size_t);

std::size_t replay(const std::string& target, Entry entry) {
    namespace fs = std::filesystem;
    std::size_t count = 0;
    for (std::string root : {"/fuzz/corpus/", "/tests/data/fuzz-regressions/"}) {
        fs::path dir = fs::path(ORSCALC_SOURCE_DIR + root + target);
        if (!fs::is_directory(dir)) continue;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file() && e.path().filename() != "README.md")
                files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::vector<char> bytes{std::istreambuf_iterator<char>(in), {}};
            INFO(file.string());
            CHECK_NOTHROW(entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
            ++count;
        }
    }
    return count;
}

} // namespace

TEST_CASE("fuzz replay: recipe files") {
    CHECK(replay("recipe", orscalc::fuzz::recipe) > 0);
}
TEST_CASE("fuzz replay: mixture files") {
    CHECK(replay("mixture", orscalc::fuzz::mixture) > 0);
}
TEST_CASE("fuzz replay: quantities and formulas") {
    CHECK(replay("quantity", orscalc::fuzz::quantity) > 0);
}
TEST_CASE("fuzz replay: the command line") {
    CHECK(replay("cli", orscalc::fuzz::cli) > 0);
}
TEST_CASE("fuzz replay: CSV files") {
    CHECK(replay("csv", orscalc::fuzz::csv) > 0);
}
TEST_CASE("fuzz replay: patient files planned in batch") {
    CHECK(replay("patients", orscalc::fuzz::patients) > 0);
}
