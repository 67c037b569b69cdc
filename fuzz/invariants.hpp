#pragma once
// What every value orscalc accepted must satisfy, whatever the input: checked by the fuzzers.
#include "entries.hpp"

#include "orscalc/library.hpp"

#include <cmath>
#include <optional>

namespace orscalc::fuzz {

inline bool finite_non_negative(std::optional<double> v) {
    return !v || (std::isfinite(*v) && *v >= 0);
}

inline void check_library(const Library& lib) {
    for (const Ingredient& ing : lib.ingredients()) {
        for (const auto& v : ing.mmol_per_unit)
            require(finite_non_negative(v), ing.id + ": bad mmol per unit");
        require(finite_non_negative(ing.mosm_per_unit), ing.id + ": bad mOsm per unit");
        require(finite_non_negative(ing.density_g_per_ml), ing.id + ": bad density");
        require(finite_non_negative(ing.molar_mass_g_per_mol), ing.id + ": bad molar mass");
        for (const Measure& m : ing.measures)
            require(finite_non_negative(m.grams) && finite_non_negative(m.makes_ml),
                    ing.id + ": bad measure");
    }
    for (const Target& t : lib.targets())
        for (const TargetRange& r : t.ranges)
            require(finite_non_negative(r.min) && finite_non_negative(r.max) &&
                        finite_non_negative(r.ideal) && finite_non_negative(r.weight),
                    t.id + ": bad range " + r.quantity);
}

inline void check_composition(const Composition& c) {
    require(std::isfinite(c.volume_ml) && c.volume_ml > 0, "volume not finite and positive");
    require(finite_non_negative(c.water_added_ml), "bad water added");
    for (const auto& v : c.mmol_per_l)
        require(finite_non_negative(v), "concentration not finite");
    require(finite_non_negative(c.osmolarity) && finite_non_negative(c.osmolarity_known_part),
            "osmolarity not finite");
    require(!c.charge_balance() || std::isfinite(*c.charge_balance()), "charge balance");
    for (const ResolvedLine& line : c.lines)
        require(finite_non_negative(line.amount), line.ingredient->id + ": bad amount");
}

} // namespace orscalc::fuzz
