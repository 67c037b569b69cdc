#pragma once
// The recipe library: the embedded default TOML plus user directories, validated once and
// immutable afterwards; lookups by id; mixture files.
#include "orscalc/composition.hpp"
#include "orscalc/ingredient.hpp"
#include "orscalc/target.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace orscalc {

// One TOML document: its name for messages (a path) and its text.
struct RecipeText {
    std::string name;
    std::string text;
    bool is_target_file = false; // under targets/ rather than ingredients/
    // The embedded library: its text is scanned for toml++ parser traps by a unit test, so
    // start-up skips that scan (about a tenth of a command's instructions).
    bool built_in = false;
};

// The files built into the binary from recipes/ (generated at build time).
std::span<const RecipeText> embedded_recipes();

// Reads DIR/ingredients/*.toml and DIR/targets/*.toml in name order. Throws InputError for a
// path that is not a readable directory holding at least one of the two folders.
std::vector<RecipeText> read_recipe_dir(const std::string& dir);
// Splits ORSCALC_PATH ("dir1:dir2"), skipping empty parts.
std::vector<std::string> split_search_path(std::string_view value);
// Reads a whole file, refusing directories, unreadable paths and files over max_bytes.
std::string read_text_file(const std::string& path, std::size_t max_bytes = 16u << 20);

class Library {
  public:
    // Layers in order: later ones replace entries with the same id; the same id twice within
    // one layer is an error. Throws InputError (file:line:column) for any data error.
    static Library from_layers(const std::vector<std::vector<RecipeText>>& layers);
    // The embedded library, then each directory in order.
    static Library load(const std::vector<std::string>& extra_dirs = {});

    const std::vector<Ingredient>& ingredients() const { return ingredients_; } // sorted by id
    const std::vector<Target>& targets() const { return targets_; }             // sorted by id
    const Ingredient* find_ingredient(std::string_view id) const;
    const Target* find_target(std::string_view id) const;
    // As find_*, but throw InputError "unknown ingredient 'x' (did you mean 'y'?)".
    const Ingredient& ingredient(std::string_view id) const;
    const Target& target(std::string_view id) const;
    const Target& default_target() const;

    // A mixture file: name, volume (make up to), target, [ingredients] id = "amount".
    struct MixtureFile {
        Mixture mixture;
        std::string target_id; // empty: not given
    };
    MixtureFile parse_mixture(std::string_view text, const std::string& file_name) const;

  private:
    std::vector<Ingredient> ingredients_;
    std::vector<Target> targets_;
    std::size_t default_target_ = 0;
};

// The closest of the candidates to a misspelt name, or empty (edit distance <= 2 or prefix).
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

} // namespace orscalc
