// A mixture file against the fixture library, then composed and evaluated as `check` does:
// every mixture accepted yields finite concentrations and a verdict.
#include "entries.hpp"
#include "invariants.hpp"

#include "orscalc/error.hpp"
#include "orscalc/target.hpp"

namespace orscalc::fuzz {

int mixture(const std::uint8_t* data, std::size_t size) {
    static const Library lib =
        Library::from_layers({read_recipe_dir(ORSCALC_SOURCE_DIR "/tests/data/lib")});
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        auto file = lib.parse_mixture(text, "fuzz.toml");
        Composition c = compose(file.mixture);
        check_composition(c);
        const Target& target =
            file.target_id.empty() ? lib.default_target() : lib.target(file.target_id);
        Evaluation e = evaluate(target, c);
        require(e.checks.size() == target.ranges.size(), "a range was not checked");
    } catch (const InputError&) {
    }
    return 0;
}

} // namespace orscalc::fuzz
