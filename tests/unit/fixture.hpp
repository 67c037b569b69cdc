#pragma once
// The fixture library under tests/data/lib, loaded once per test binary.
#include "orscalc/library.hpp"

inline const orscalc::Library& fixture_library() {
    static const orscalc::Library lib = orscalc::Library::from_layers(
        {orscalc::read_recipe_dir(ORSCALC_SOURCE_DIR "/tests/data/lib")});
    return lib;
}

// A library from inline TOML, for loader error tests.
inline orscalc::Library library_from(const std::string& ingredients,
                                     const std::string& targets = "") {
    auto base = orscalc::read_recipe_dir(ORSCALC_SOURCE_DIR "/tests/data/lib");
    std::vector<orscalc::RecipeText> extra;
    if (!ingredients.empty()) extra.push_back({"extra.toml", ingredients, false});
    if (!targets.empty()) extra.push_back({"extra-targets.toml", targets, true});
    return orscalc::Library::from_layers({base, extra});
}
