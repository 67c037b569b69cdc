#include "orscalc/composition.hpp"

#include <cmath>
#include <fmt/format.h>

namespace orscalc {

std::optional<double> Composition::glucose_equivalent() const {
    auto g = species(Species::glucose);
    auto s = species(Species::sucrose);
    if (!g || !s) return std::nullopt;
    return *g + *s;
}

std::optional<double> Composition::glucose_sodium_ratio() const {
    auto g = glucose_equivalent();
    auto na = species(Species::sodium);
    if (!g || !na || *na <= 0) return std::nullopt;
    return *g / *na;
}

std::optional<double> Composition::charge_balance() const {
    if (!cations_meq_per_l || !anions_meq_per_l) return std::nullopt;
    return *cations_meq_per_l - *anions_meq_per_l;
}

bool is_known_quantity(std::string_view name) {
    return species_from_name(name) || name == "osmolarity" || name == "glucose_equivalent" ||
           name == "glucose_sodium_ratio";
}

std::optional<double> Composition::quantity(std::string_view name) const {
    if (auto s = species_from_name(name)) return species(*s);
    if (name == "osmolarity") return osmolarity;
    if (name == "glucose_equivalent") return glucose_equivalent();
    if (name == "glucose_sodium_ratio") return glucose_sodium_ratio();
    return std::nullopt;
}

double Composition::undiluted_share(const Ingredient& ingredient) const {
    double ml = 0;
    for (const auto& line : lines)
        if (line.ingredient == &ingredient && ingredient.is_liquid()) ml += line.amount;
    return volume_ml > 0 ? ml / volume_ml : 0;
}

namespace {

// Parsing caps every amount, but a user's recipe file may still combine large factors
// (densities, grams per measure): a figure that overflowed is refused, never printed or compared.
void require_finite(const Composition& c) {
    bool finite = std::isfinite(c.volume_ml) && std::isfinite(c.osmolarity_known_part) &&
                  std::isfinite(c.cations_meq_per_l.value_or(0)) &&
                  std::isfinite(c.anions_meq_per_l.value_or(0));
    for (const auto& v : c.mmol_per_l)
        finite = finite && std::isfinite(v.value_or(0));
    for (const auto& line : c.lines)
        finite = finite && std::isfinite(line.amount);
    if (!finite)
        throw InputError("the amounts are too large to compute: check each amount and its unit");
}

} // namespace

Composition compose(const Mixture& mixture) {
    Composition c;
    double liquid_ml = 0;
    for (const auto& line : mixture.lines) {
        const Ingredient& ing = *line.ingredient;
        if (ing.form == IngredientForm::food)
            throw InputError(fmt::format("{} is a food, eaten rather than mixed into a drink "
                                         "(see 'orscalc show {}')",
                                         ing.id, ing.id));
        double amount = amount_in_base_unit(ing, line.amount);
        c.lines.push_back({&ing, line.amount, amount});
        if (ing.is_liquid()) liquid_ml += amount;
    }
    if (mixture.make_up_to_ml) {
        // Dissolved solids are taken to add no volume (about 1% for an ORS); "make up to V"
        // and "dissolve in V" are then the same, as in WHO's own recipes.
        if (*mixture.make_up_to_ml + 1e-9 < liquid_ml)
            throw InputError(fmt::format(
                "the liquids already make {:.0f} mL, more than the volume asked for ({:.0f} mL)",
                liquid_ml, *mixture.make_up_to_ml));
        c.volume_ml = *mixture.make_up_to_ml;
    } else {
        c.volume_ml = liquid_ml;
    }
    c.water_added_ml = c.volume_ml - liquid_ml;
    if (c.volume_ml <= 0)
        throw InputError("the mixture has no water or other liquid: add water (e.g. --add "
                         "water=1L) or give --volume");
    // Nothing under a millilitre can be measured or drunk, and per-litre figures of a vanishing
    // volume overflow (found by tests/cli/test_hostile_input.cpp: "--volume 1e-321 mL", written
    // out in full, printed inf and nan, and nan passed its range as "ok").
    if (c.volume_ml < 1)
        throw InputError(
            fmt::format("the mixture makes {:.3g} mL: a drink needs at least 1 mL", c.volume_ml));

    SpeciesAmounts mmol{};
    for (auto& m : mmol)
        m = 0.0;
    bool osm_known = true;
    double mosm = 0;
    for (const auto& line : c.lines) {
        if (line.amount <= 0) continue; // a zero amount brings nothing, known or not
        const Ingredient& ing = *line.ingredient;
        for (std::size_t i = 0; i < species_count; ++i) {
            if (!mmol[i]) continue;
            if (!ing.mmol_per_unit[i])
                mmol[i].reset();
            else
                *mmol[i] += *ing.mmol_per_unit[i] * line.amount;
        }
        mosm += ing.mosm_per_unit * line.amount;
        if (ing.osmole_basis == OsmoleBasis::unknown) osm_known = false;
    }
    const double litres = c.volume_ml / 1000;
    double cations = 0, anions = 0;
    bool ions_known = true;
    for (const auto& s : all_species()) {
        auto& v = at(mmol, s.species);
        if (v) *v /= litres;
        if (s.charge == 0) continue;
        if (!v) {
            ions_known = false;
            continue;
        }
        (s.charge > 0 ? cations : anions) += *v * std::abs(s.charge);
    }
    c.mmol_per_l = mmol;
    c.osmolarity_known_part = mosm / litres;
    if (osm_known) c.osmolarity = c.osmolarity_known_part;
    if (ions_known) {
        c.cations_meq_per_l = cations;
        c.anions_meq_per_l = anions;
    }
    require_finite(c);
    return c;
}

} // namespace orscalc
