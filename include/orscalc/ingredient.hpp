#pragma once
// Ingredients: what one gram (solids, foods) or one millilitre (liquids) brings to a mixture,
// the household measures people use for it, and where every number comes from.
#include "orscalc/chemistry.hpp"
#include "orscalc/error.hpp"
#include "orscalc/units.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace orscalc {

enum class IngredientKind { water, compound, product, composite };
// solid: dissolved, adds no volume; liquid: counts as volume; food: eaten, never mixed.
enum class IngredientForm { solid, liquid, food };

// How the osmoles an ingredient brings were found.
enum class OsmoleBasis {
    particles, // every osmotic species known: the sum of particles
    measured,  // a published osmolality (mOsm/kg taken as mOsm/L: dilute aqueous drinks)
    unknown,   // some osmotic species unknown and nothing measured
};

struct Measure {
    std::optional<Unit> unit;       // tsp, tbsp, cup, pinch, sachet; none for a food serving
    std::string name;               // as written in the file ("tsp", "medium", ...)
    double grams = 0;               // per level measure (solids, foods)
    std::optional<double> makes_ml; // a sachet's intended volume of solution
    std::string source;
};

// What an ingredient's data say about one amount per base unit (mmol of a species, mOsm,
// g/mL): a nominal value for display and for the solver's objective, and the least and greatest
// values the data allow. A point value has lo == hi; an unknown amount is [0, unbounded) with
// no nominal. The nominal is the value the source states, else the midpoint of a two-sided
// range (of [0, max] for a bare maximum), else a share of a total (see LinearFact).
struct ContentRange {
    std::optional<double> nominal;
    double lo = 0;            // amounts are never negative
    std::optional<double> hi; // nullopt: the data set no upper bound
    bool is_point() const { return hi && *hi == lo; }
    static ContentRange point(double value) { return {value, value, value}; }
};

// A linear fact about species the data do not give one by one: lo <= sum over s of
// weight[s] x mmol of s <= hi per base unit, each named species >= 0 (and inside its own
// range). "Total sugars 8.4 g per 100 g, of which glucose, fructose and sucrose are unknown"
// has the molar masses as weights (g/mmol); a charge balance has |charge| (mEq/mmol). Species
// the fact names without a nominal of their own share its nominal total equally by weight.
struct LinearFact {
    std::string name;                           // "sugars", "anions"
    std::array<double, species_count> weight{}; // 0 for species the fact does not name
    double lo = 0;
    std::optional<double> hi;
    std::optional<double> nominal;
    std::string unit;          // how the total is measured: "g", "mmol" or "mEq"
    bool from_balance = false; // derived from the charge balance of the other ions
    std::string source;
};

struct Ingredient {
    std::string id;
    std::string name;
    std::string variety;
    IngredientKind kind = IngredientKind::compound;
    IngredientForm form = IngredientForm::solid;
    std::optional<std::string> formula;         // compounds only
    std::optional<double> molar_mass_g_per_mol; // compounds only
    // mmol per base unit: per gram for solid/food, per mL for liquid. Exact values only:
    // nullopt where the data give no single value (unknown, a range, or a share of a total), so
    // code that reads it never takes a nominal for a fact. Decisions of safety go through
    // content_bounds; display and objectives read nominal_mmol.
    SpeciesAmounts mmol_per_unit{};
    OsmoleBasis osmole_basis = OsmoleBasis::unknown; // measured/particles: a single value
    double mosm_per_unit = 0;               // exact when basis != unknown; a lower bound otherwise
    std::optional<double> density_g_per_ml; // the nominal density
    // The data that bound what mmol_per_unit leaves open (docs/decisions/0060): per-species
    // ranges (a species with a value in mmol_per_unit is that point, whatever is here), linear
    // facts over disjoint sets of species, a measured osmolality (mOsm per base unit; when set
    // it is the osmoles, whatever the species say) and a density range (g/mL).
    std::array<ContentRange, species_count> species_range{};
    std::vector<LinearFact> facts;
    std::optional<ContentRange> measured_osmoles;
    std::optional<ContentRange> density_range;
    std::vector<std::string> tags;  // juice, broth, ors, soft-drink, caffeinated, food ...
    bool undiluted_warning = false; // hyperosmolar drink: warn when barely diluted
    std::vector<Measure> measures;
    std::string source;    // the entry's source (values may carry their own)
    SourcePosition origin; // file:line of the entry, for messages

    bool is_liquid() const { return form == IngredientForm::liquid; }
    bool has_tag(std::string_view tag) const;
    const Measure* measure(Unit unit) const;
};

// A linear functional of what one base unit (g or mL) of an ingredient brings: the sum over
// species of species[s] x mmol of s, plus osmoles x mOsm. Every hard limit of mix and check
// is such a form at a fixed volume (sodium; osmolarity; glucose + sucrose - r x sodium).
struct ContentForm {
    std::array<double, species_count> species{};
    double osmoles = 0;
};

// The least and the greatest value a form takes over everything the ingredient's data allow
// (a point value gives lo == hi). nullopt: unbounded on that side, because a species (or the
// osmoles) the form weighs is unknown. Unknown is never zero: this is the one place that
// decides what an ingredient's data guarantee, for check's verdicts and mix's robust rows.
struct ContentBounds {
    std::optional<double> lo;
    std::optional<double> hi;
    bool bounded() const { return lo && hi; }
};
ContentBounds content_bounds(const Ingredient& ingredient, const ContentForm& form);

// One species of an ingredient: its nominal value and its tight range (the facts applied).
ContentRange species_content(const Ingredient& ingredient, Species species);
std::optional<double> nominal_mmol(const Ingredient& ingredient, Species species);
std::optional<double> nominal_mosm(const Ingredient& ingredient);

// An amount of an ingredient in its base unit (g or mL), or an InputError explaining why the
// quantity does not apply ("salt has no known weight per cup", "water is measured by volume").
double amount_in_base_unit(const Ingredient& ingredient, Quantity amount);
std::string_view base_unit_symbol(const Ingredient& ingredient); // "g" or "mL"

} // namespace orscalc
