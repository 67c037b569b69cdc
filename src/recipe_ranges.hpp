#pragma once
// A composite entry's amounts as values, sourced ranges and linear facts (recipes/README.md,
// "Values, ranges and totals"; docs/decisions/0060). Internal to the loader.
#include "recipe_parser.hpp"

namespace orscalc::detail {

// density = "1.048 g/mL", { value = ..., source = ... } or { min = ..., max = ...,
// [value = ...,] source = ... }: the nominal density, and density_range for a range.
void read_density(const std::string& file, const toml::node& node, Ingredient& ing);

// The species (values, ranges, known_zero), the [id.totals] facts and the osmolality of a
// composite entry, per base unit (g or mL). `basis` is the entry's basis as written; a value may
// name its own ("2 mEq/L"). Sets mmol_per_unit (exact values), species_range, facts,
// measured_osmoles, osmole_basis and mosm_per_unit.
void read_composite_content(const std::string& file, const toml::table& entry, Ingredient& ing,
                            Quantity basis);

} // namespace orscalc::detail
