#pragma once
// A mixture (ingredients and amounts) -> concentrations, osmolarity, ratio, charge balance.
#include "orscalc/ingredient.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orscalc {

struct MixtureLine {
    const Ingredient* ingredient = nullptr;
    Quantity amount;
};

struct Mixture {
    std::string name;
    std::vector<MixtureLine> lines;
    std::optional<double> make_up_to_ml; // "--volume": water fills up to this volume
};

struct ResolvedLine {
    const Ingredient* ingredient = nullptr;
    Quantity as_given;
    double amount = 0; // in the ingredient's base unit: g (solid) or mL (liquid)
};

struct Composition {
    double volume_ml = 0;
    double water_added_ml = 0; // make-up water beyond what the lines already bring
    std::vector<ResolvedLine> lines;
    SpeciesAmounts mmol_per_l{};
    std::optional<double> osmolarity; // mOsm/L; nullopt when some part is unknown
    double osmolarity_known_part = 0; // a lower bound when osmolarity is unknown
    std::optional<double> cations_meq_per_l;
    std::optional<double> anions_meq_per_l;

    std::optional<double> species(Species s) const { return at(mmol_per_l, s); }
    // glucose + sucrose: each sucrose yields one glucose at the gut wall (WHO 2006, sucrose-
    // based ORS), so it counts as glucose for co-transport and for the glucose:sodium ratio.
    std::optional<double> glucose_equivalent() const;
    std::optional<double> glucose_sodium_ratio() const;
    std::optional<double> charge_balance() const; // cations - anions, mEq/L
    // Any named quantity a target may constrain: a species, "osmolarity",
    // "glucose_equivalent" or "glucose_sodium_ratio". nullopt = unknown.
    std::optional<double> quantity(std::string_view name) const;
    // Share of the final volume made of ingredients flagged undiluted_warning (juices, colas).
    double undiluted_share(const Ingredient& ingredient) const;
};

bool is_known_quantity(std::string_view name);

// Throws InputError for amounts that do not apply to their ingredient, foods in a drink,
// a mixture with no liquid or under 1 mL, a make-up volume below what the liquids already
// bring, or amounts whose figures overflow (every value of a Composition is finite).
Composition compose(const Mixture& mixture);

} // namespace orscalc
