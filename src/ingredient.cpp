#include "orscalc/ingredient.hpp"

#include <algorithm>
#include <cmath>
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

namespace {

// One species on its own: a value in mmol_per_unit is exact whatever species_range says.
ContentRange species_box(const Ingredient& ing, std::size_t i) {
    if (const auto& v = ing.mmol_per_unit[i]) return ContentRange::point(*v);
    return ing.species_range[i];
}

// A sum of terms, unbounded once any term is.
struct BoundSum {
    double value = 0;
    bool bounded = true;
    void add(std::optional<double> term) {
        if (term)
            value += *term;
        else
            bounded = false;
    }
    std::optional<double> get() const { return bounded ? std::optional(value) : std::nullopt; }
};

// k x [range.lo, range.hi] into the least (lo) and greatest (hi) sums.
void add_scaled(BoundSum& lo, BoundSum& hi, double k, const ContentRange& range) {
    std::optional<double> at_hi = range.hi ? std::optional(k * *range.hi) : std::nullopt;
    lo.add(k > 0 ? std::optional(k * range.lo) : at_hi);
    hi.add(k > 0 ? at_hi : std::optional(k * range.lo));
}

// The greatest sum of c[s] x mmol_s over the species of one fact, each inside its own range
// and their weighted total inside the fact's. The value is concave in the total, so filling
// the species in decreasing order of c/weight is optimal (a continuous knapsack): species
// with c/weight > 0 as far as the fact's maximum, the others only as far as its minimum.
// nullopt: unbounded. No allocation: it runs per ingredient per row of every mix model.
std::optional<double> fact_max(const Ingredient& ing, const LinearFact& fact,
                               const std::array<double, species_count>& c) {
    struct Item {
        double ratio = 0;
        double room = 0; // in the fact's unit; infinite when the species has no maximum
    };
    std::array<Item, species_count> items{};
    std::size_t n = 0;
    double value = 0, total = 0;
    for (std::size_t i = 0; i < species_count; ++i) {
        const double w = fact.weight[i];
        if (w <= 0) continue;
        ContentRange box = species_box(ing, i);
        value += c[i] * box.lo;
        total += w * box.lo;
        items[n++] = {c[i] / w, box.hi ? (*box.hi - box.lo) * w : HUGE_VAL};
    }
    std::sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n),
              [](const Item& a, const Item& b) { return a.ratio > b.ratio; });
    for (std::size_t k = 0; k < n; ++k) {
        std::optional<double> goal = items[k].ratio > 0 ? fact.hi : std::optional(fact.lo);
        double need = goal ? *goal - total : HUGE_VAL;
        if (need <= 0) continue;
        double take = std::min(need, items[k].room);
        if (std::isinf(take)) return std::nullopt;
        value += items[k].ratio * take;
        total += take;
    }
    return value;
}

} // namespace

ContentBounds content_bounds(const Ingredient& ingredient, const ContentForm& form) {
    std::array<double, species_count> c = form.species;
    BoundSum lo, hi;
    if (form.osmoles != 0) {
        if (ingredient.measured_osmoles)
            add_scaled(lo, hi, form.osmoles, *ingredient.measured_osmoles);
        else if (ingredient.osmole_basis != OsmoleBasis::unknown)
            add_scaled(lo, hi, form.osmoles, ContentRange::point(ingredient.mosm_per_unit));
        else // the osmoles are the particles: each osmotic species is one osmole per mmol
            for (const auto& s : all_species())
                if (s.osmotic) c[static_cast<std::size_t>(s.species)] += form.osmoles;
    }
    std::array<bool, species_count> in_fact{};
    for (const auto& fact : ingredient.facts) {
        bool weighs = false;
        std::array<double, species_count> negated{};
        for (std::size_t i = 0; i < species_count; ++i) {
            if (fact.weight[i] <= 0) continue;
            in_fact[i] = true;
            weighs = weighs || c[i] != 0;
            negated[i] = -c[i];
        }
        if (!weighs) continue;
        hi.add(fact_max(ingredient, fact, c));
        auto least = fact_max(ingredient, fact, negated);
        lo.add(least ? std::optional(-*least) : std::nullopt);
    }
    for (std::size_t i = 0; i < species_count; ++i)
        if (c[i] != 0 && !in_fact[i]) add_scaled(lo, hi, c[i], species_box(ingredient, i));
    return {lo.get(), hi.get()};
}

std::optional<double> nominal_mmol(const Ingredient& ingredient, Species species) {
    const auto i = static_cast<std::size_t>(species);
    if (const auto& v = ingredient.mmol_per_unit[i]) return v;
    return ingredient.species_range[i].nominal;
}

ContentRange species_content(const Ingredient& ingredient, Species species) {
    ContentForm form;
    form.species[static_cast<std::size_t>(species)] = 1;
    ContentBounds b = content_bounds(ingredient, form);
    return {nominal_mmol(ingredient, species), b.lo.value_or(0), b.hi};
}

std::optional<double> nominal_mosm(const Ingredient& ingredient) {
    if (ingredient.measured_osmoles) return ingredient.measured_osmoles->nominal;
    if (ingredient.osmole_basis != OsmoleBasis::unknown) return ingredient.mosm_per_unit;
    double sum = 0;
    for (const auto& s : all_species()) {
        if (!s.osmotic) continue;
        auto v = nominal_mmol(ingredient, s.species);
        if (!v) return std::nullopt;
        sum += *v;
    }
    return sum;
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
