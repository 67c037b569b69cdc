#pragma once
// TOML -> ingredients and targets. Internal to the library; every error names file:line:column.
#include "orscalc/library.hpp"

#include <functional>
#include <memory>
#include <toml++/toml.h>

namespace orscalc::detail {

struct RawEntry {
    std::string id;
    std::string file;
    bool is_target = false;
    std::shared_ptr<const toml::table> document; // keeps the nodes (and their positions) alive
    const toml::table* table_ptr = nullptr;
    const toml::table& table() const { return *table_ptr; }
};

// Parses one document into its top-level entries (each a table keyed by id).
std::vector<RawEntry> parse_entries(const RecipeText& text);

using IngredientLookup = std::function<const Ingredient*(std::string_view id)>;

// Water, compounds and products (which refer to compounds through lookup), and composites.
Ingredient build_ingredient(const RawEntry& entry, const IngredientLookup& lookup);
Target build_target(const RawEntry& entry);

// Call before toml::parse: refuses non-ASCII text where toml++ 3.3 has undefined behaviour, and
// tables nested deeper than max_toml_depth, which overflow its recursive code's stack
// (src/toml_guard.cpp). Throws InputError at file:line:column.
inline constexpr int max_toml_depth = 100;
void reject_toml_parser_traps(const std::string& file, std::string_view text);

// Helpers shared with mixture files.
SourcePosition position(const std::string& file, const toml::node& node);
[[noreturn]] void fail_at(const std::string& file, const toml::node& node, const std::string& why);
std::string require_string(const std::string& file, const toml::table& t, std::string_view key);
Quantity quantity_at(const std::string& file, const toml::node& node);
void reject_unknown_keys(const std::string& file, const toml::table& t,
                         std::initializer_list<std::string_view> allowed);

} // namespace orscalc::detail
