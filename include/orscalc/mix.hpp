#pragma once
// mix: from the ingredients a person has, the amounts that make V of drink closest to a
// target (sum over its quantities of weight x |value - ideal| / ideal) while every hard
// limit of the target and the safety envelope holds. A linear program at fixed volume; in
// household measures a small mixed-integer program whose rounded recipe is re-composed and
// re-evaluated, never the continuous answer relabelled.
#include "orscalc/composition.hpp"
#include "orscalc/target.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orscalc {

class Library;

struct AvailableIngredient {
    const Ingredient* ingredient = nullptr;
    std::optional<double> max_amount; // in the ingredient's base unit (g or mL); nullopt: any
};

enum class MixMode { household, exact };

struct MixRequest {
    std::vector<AvailableIngredient> available; // any order: solve_mix sorts by id
    double volume_ml = 1000;                    // the drink made up to this volume
    const Target* target = nullptr;
    MixMode mode = MixMode::household;
    std::optional<double> tolerance; // e.g. 0.15: every measure off by up to 15%
    // Where to look for "add e.g. ..." suggestions (the library's ingredients); may be null.
    const std::vector<Ingredient>* catalogue = nullptr;
};

// One ingredient of the recipe: its amount in the base unit and as measured.
struct MixAmount {
    const Ingredient* ingredient = nullptr;
    double amount = 0;    // g (solids) or mL (liquids), as made
    Quantity as_measured; // what a person measures: {0.5, tsp}, {1, sachet}, {250, ml}, {2.63, g}
    std::string measure;  // "1/2 level tsp", "6 level tsp", "1/2 sachet", "250 mL (about 1 cup)"
};

// A hard limit that cannot hold, from the re-solve with slack on the limits.
struct LimitMiss {
    std::string quantity; // "sodium", "osmolarity", "glucose_sodium_ratio", "undiluted"
    bool is_max = false;
    double limit = 0;
    double closest = 0; // the nearest value any recipe from these ingredients reaches
};

struct ToleranceCheck {
    std::string quantity;
    std::optional<double> min;
    std::optional<double> max;
    double worst_low = 0;
    double worst_high = 0;
    bool holds = true;
};

// Points into the Library's ingredients and the Target (amounts, composition, evaluation):
// both must outlive the result.
struct MixResult {
    bool feasible = false;
    const Target* target = nullptr;
    MixMode mode = MixMode::household;
    double volume_ml = 0;
    std::vector<MixAmount> amounts;         // used ingredients, sorted by id; water last
    double water_ml = 0;                    // make-up water (0 when no water was available)
    std::optional<Composition> composition; // the recipe as really made (rounded amounts)
    std::optional<Evaluation> evaluation;
    double objective = 0;               // sum of weight x |value - ideal| / ideal over the target
    std::vector<std::string> notes;     // ingredients not used, and why
    std::vector<LimitMiss> misses;      // infeasible: the limits that cannot hold together
    std::vector<std::string> diagnosis; // in words: misses and fixes, or soft-goal advice
    std::optional<double> tolerance;
    std::vector<ToleranceCheck> tolerance_checks;
    bool robust = true; // every hard limit holds at the tolerance's worst case
};

// Throws InputError for a request that cannot be posed (no target, a volume <= 0, the same
// ingredient given twice with different caps is fine: the smaller cap wins).
MixResult solve_mix(const MixRequest& request);

// The objective of a composition against a target, as the solver minimises it: the sum over
// the goals of weight x |value - ideal| / ideal; the glucose:sodium ratio's term is
// |glucose - ideal x sodium| / (ideal x sodium's ideal), linear at fixed volume; a goal whose
// value is unknown counts its full weight.
double mix_objective(const Target& target, const Composition& composition);

// "apple-juice<=250mL" or "salt": an ingredient of the library and an optional cap.
// Throws InputError ("did you mean ...", a cap that does not apply to the ingredient).
AvailableIngredient parse_available(const Library& library, std::string_view text);
// "salt,sugar,apple-juice<=250mL" (the value of one --have): each item as parse_available,
// empty items skipped.
std::vector<AvailableIngredient> parse_available_list(const Library& library,
                                                      std::string_view text);

// For the plan command: a mix from library ids at a volume, against a target, household
// measures unless exact.
MixResult mix_for(const Library& library, const std::vector<AvailableIngredient>& available,
                  double volume_ml, const Target& target, MixMode mode = MixMode::household);

} // namespace orscalc
