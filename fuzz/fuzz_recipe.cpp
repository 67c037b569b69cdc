// A recipe file, as an ingredients file and as a targets file, layered on the fixture
// library: the loader either refuses it with InputError or yields only finite values.
#include "entries.hpp"
#include "invariants.hpp"

#include "orscalc/error.hpp"

namespace orscalc::fuzz {

int recipe(const std::uint8_t* data, std::size_t size) {
    static const std::vector<RecipeText> base =
        read_recipe_dir(ORSCALC_SOURCE_DIR "/tests/data/lib");
    std::string text(reinterpret_cast<const char*>(data), size);
    for (bool is_target_file : {false, true}) {
        try {
            Library lib = Library::from_layers({base, {{"fuzz.toml", text, is_target_file}}});
            check_library(lib);
        } catch (const InputError&) {
        }
    }
    return 0;
}

} // namespace orscalc::fuzz
