#pragma once
// A recipe directory for whole-program tests that holds whether or not the embedded library
// is complete: tests/data/lib's ingredients, and its target renamed to who-2002, the embedded
// default's id, so that it replaces that default instead of adding a second one.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace orscalc::testing {

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Writes DIR/ingredients/basic.toml and DIR/targets/who-2002.toml; returns DIR.
inline std::string write_fixture_recipe_dir(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    const fs::path lib = fs::path(ORSCALC_SOURCE_DIR) / "tests/data/lib";
    fs::create_directories(dir / "ingredients");
    fs::create_directories(dir / "targets");
    std::ofstream(dir / "ingredients/basic.toml", std::ios::binary)
        << slurp(lib / "ingredients/basic.toml");
    std::string target = slurp(lib / "targets/who.toml");
    for (auto at = target.find("[who"); at != std::string::npos; at = target.find("[who", at + 1))
        target.insert(at + 4, "-2002");
    std::ofstream(dir / "targets/who-2002.toml", std::ios::binary) << target;
    return dir.string();
}

} // namespace orscalc::testing
