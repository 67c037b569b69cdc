#include "orscalc/ingredient.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace orscalc {

bool Ingredient::has_tag(std::string_view tag) const {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

const Measure* Ingredient::measure(Unit unit) const {
    for (const auto& m : measures)
        if (m.unit == unit) return &m;
    return nullptr;
}

ContentBounds content_bounds(const Ingredient& ingredient, const ContentForm& form) {
    // Point data: each known species has one value. (Ranges in the data widen lo and hi.)
    double value = 0;
    for (std::size_t i = 0; i < species_count; ++i) {
        if (form.species[i] == 0) continue;
        const auto& v = ingredient.mmol_per_unit[i];
        if (!v) return {};
        value += form.species[i] * *v;
    }
    if (form.osmoles != 0) {
        if (ingredient.osmole_basis == OsmoleBasis::unknown) return {};
        value += form.osmoles * ingredient.mosm_per_unit;
    }
    return {value, value};
}

std::string_view base_unit_symbol(const Ingredient& ingredient) {
    return ingredient.is_liquid() ? "mL" : "g";
}

double amount_in_base_unit(const Ingredient& ingredient, Quantity amount) {
    const std::string_view unit = unit_symbol(amount.unit);
    if (ingredient.is_liquid()) {
        if (auto ml = to_ml(amount)) return *ml;
        if (const Measure* m = ingredient.measure(amount.unit)) {
            if (m->makes_ml) return amount.value * *m->makes_ml;
            if (ingredient.density_g_per_ml)
                return amount.value * m->grams / *ingredient.density_g_per_ml;
        }
        if (auto g = to_grams(amount)) {
            if (ingredient.density_g_per_ml) return *g / *ingredient.density_g_per_ml;
            throw InputError(
                fmt::format("{} is a liquid with no known density: give it in mL", ingredient.id));
        }
        throw InputError(
            fmt::format("{} is measured by volume (mL, L, cup, tsp): '{}' does not apply",
                        ingredient.id, unit));
    }
    if (auto g = to_grams(amount)) return *g;
    if (const Measure* m = ingredient.measure(amount.unit)) return amount.value * m->grams;
    if (amount.unit == Unit::mmol || amount.unit == Unit::meq) {
        if (!ingredient.molar_mass_g_per_mol)
            throw InputError(
                fmt::format("{} is not a pure compound: '{}' does not apply", ingredient.id, unit));
        // mEq of a salt: per formula unit, the charge carried by its cations.
        double mmol = amount.value;
        if (amount.unit == Unit::meq) {
            double cation_charge = 0;
            for (const auto& s : all_species())
                if (s.charge > 0)
                    cation_charge += at(ingredient.mmol_per_unit, s.species).value_or(0) *
                                     *ingredient.molar_mass_g_per_mol / 1000 * s.charge;
            if (cation_charge <= 0)
                throw InputError(
                    fmt::format("{} carries no charge: mEq does not apply", ingredient.id));
            mmol = amount.value / cation_charge;
        }
        return mmol * *ingredient.molar_mass_g_per_mol / 1000;
    }
    std::string known;
    for (const auto& m : ingredient.measures)
        if (m.unit) known += (known.empty() ? "" : ", ") + std::string(unit_symbol(*m.unit));
    if (dimension_of(amount.unit) == Dimension::volume)
        throw InputError(fmt::format("{} is weighed, not poured: give it in g{}{}", ingredient.id,
                                     known.empty() ? "" : " or ", known));
    throw InputError(fmt::format("{} has no known weight per {}{}", ingredient.id, unit,
                                 known.empty() ? ": give it in g"
                                               : fmt::format(" (known measures: {}, g)", known)));
}

} // namespace orscalc
