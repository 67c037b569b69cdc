#pragma once
// Elements, formulas and molar masses; the dissolved species orscalc tracks.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace orscalc {

// Element symbol -> atom count, e.g. "Na3C6H5O7.2H2O" -> {C:6, H:9, Na:3, O:9}.
using Formula = std::map<std::string, int>;

// Parses formulas with counts, parentheses and hydrate dots ("MgSO4.7H2O", "Ca(OH)2",
// "CaCl2·2H2O"). Throws InputError naming an unknown element or a malformed formula.
Formula parse_formula(std::string_view text);
// IUPAC standard atomic weights (conventional values), g/mol; throws for unknown elements.
double atomic_weight(std::string_view symbol);
double molar_mass(const Formula& formula);

enum class Species {
    sodium,
    potassium,
    magnesium,
    calcium,
    zinc,
    chloride,
    bicarbonate,
    citrate,
    sulfate,
    glucose,
    fructose,
    sucrose,
    caffeine,
    ethanol,
};
inline constexpr std::size_t species_count = 14;

struct SpeciesInfo {
    Species species;
    std::string_view name;    // lower-case id used in TOML and JSON
    std::string_view formula; // for the molar mass and the element balance of compounds
    int charge;
    bool osmotic; // counts as a particle in osmolarity (caffeine is trace)
};

const std::array<SpeciesInfo, species_count>& all_species();
const SpeciesInfo& info(Species species);
std::optional<Species> species_from_name(std::string_view name);
double species_molar_mass(Species species); // g/mol, from its formula

// mmol/L (or mmol per unit) per species; nullopt means unknown, never zero.
using SpeciesAmounts = std::array<std::optional<double>, species_count>;
inline std::optional<double>& at(SpeciesAmounts& a, Species s) {
    return a[static_cast<std::size_t>(s)];
}
inline const std::optional<double>& at(const SpeciesAmounts& a, Species s) {
    return a[static_cast<std::size_t>(s)];
}

} // namespace orscalc
