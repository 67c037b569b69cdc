#pragma once
// The mix problem as the solver sees it, shared by the formulation, household rounding,
// diagnosis and tolerance parts of mix (src/mix*.cpp). Private to the library core.
#include "orscalc/mix.hpp"
#include "orscalc/solver.hpp"

#include <optional>
#include <string>
#include <vector>

namespace orscalc::mix_model {

// Two recipes whose objectives differ by less than this are equally good: 0.001 is a goal of
// weight 1 missed by 0.1% of its ideal (sodium 75 +- 0.075 mmol/L), far below what a spoon
// can tell apart. The tie-break then prefers fewer ingredients and rounder measures.
inline constexpr double objective_tolerance = 1e-3;
// A backstop for the household search: past this many branch-and-bound nodes the best recipe
// found is taken (deterministic: a count, not a clock).
inline constexpr int search_node_limit = 5000;
// Up to this many usable ingredients the household search covers them all (and is checked
// against exhaustive enumeration in the tests); beyond, it first covers the ingredients of
// the continuous optimum.
inline constexpr std::size_t full_search_candidates = 6;

// How an ingredient is measured in the household: a whole number of steps of `step` base
// units (g or mL); `round_every` steps make a rounder measure (1/4 tsp, 50 mL, a sachet).
struct Step {
    double step = 0; // base units per step; 0 = continuous (exact mode)
    Unit unit = Unit::g;
    double unit_per_step = 0; // e.g. 0.125 tsp per step
    int round_every = 1;
};

struct Candidate {
    const Ingredient* ingredient = nullptr;
    double upper = 0; // base units: the cap, or what the safety envelope allows at V
    Step step;
    // Soft quantities this ingredient has no data for: their goals are not aimed at.
    std::vector<std::string> unknown_soft;
};

// A hard limit: target hard range side, safety envelope, or the undiluted-drink share.
struct Limit {
    std::string quantity; // a quantity of Composition::quantity, or "undiluted"
    bool is_max = false;
    double bound = 0;
    bool envelope = false;
};

struct Model {
    const Target* target = nullptr;
    double volume_ml = 1000;
    bool has_water = false;
    bool household = true;
    double tolerance = 0;              // 0: amounts as measured exactly
    std::vector<Candidate> candidates; // usable, sorted by id
    std::vector<std::string> notes;    // what was not used, and why
    std::vector<Limit> limits;
};

// Builds the model: sorts and merges the available ingredients, sets aside foods and
// ingredients with unknown data for a hard quantity (noting why), collects the limits.
Model build_model(const MixRequest& request);

// The scale that turns a ratio row (glucose - r x sodium, mmol/L) into a relative deviation:
// r times the target's sodium ideal (or the middle of its range).
double ratio_scale(const Target& target, double r);

// The notes on ingredients with no data for a soft goal, once the recipe is known.
void note_unverifiable(const Model& model, MixResult& result);

// Value of a linear quantity per base unit of a candidate, at the model's volume; nullopt for
// a quantity that is not linear (the glucose:sodium ratio) or unknown for it.
std::optional<double> coefficient(const Model& model, const Candidate& c,
                                  std::string_view quantity);

// The program over one amount variable per candidate (index = candidate index; continuous
// in base units, or integer steps in household mode). Limits tightened by `margin`
// (relative), robust to the model's tolerance. With `slack`, each limit gets a slack
// variable (returned in slack_vars) and the objective is the total relative violation.
struct Formulation {
    LinearProgram program;
    std::vector<int> slack_vars; // one per limit when slack, else empty
    std::vector<int> use_vars;   // binaries (tie-break stage)
    std::vector<int> round_vars; // binaries: "not a round measure" (tie-break stage)
    std::vector<int> deviation_vars;
};
Formulation formulate(const Model& model, double margin, bool slack, bool household);

// Adds the tie-break stage: objective <= best, then fewer ingredients, then rounder measures.
void add_tie_break(const Model& model, Formulation& f, double best_objective, bool household);

// A candidate's amount (base units) from a solved variable value.
double amount_of(const Candidate& c, double value, bool household);
// The household wording of an amount: "1/2 level tsp", "1 1/2 sachets", "250 mL".
MixAmount measured_amount(const Candidate& c, double value, bool household);
Step household_step(const Ingredient& ingredient);

// Infeasible: the limits that cannot hold together and the fixes, in the user's words.
void diagnose_infeasible(const Model& model, const MixRequest& request, MixResult& result);
// Feasible but a soft goal is missed: what would help.
void advise_soft_goals(const Model& model, const MixRequest& request, MixResult& result);
// "salt, lite-salt, who-ors-sachet": usable ingredients of the catalogue that bring `quantity`.
std::vector<std::string> sources_of(const MixRequest& request, std::string_view quantity,
                                    std::size_t how_many = 3);

// Worst case of every hard limit when each measured amount is off by up to the tolerance.
void check_tolerance(const Model& model, MixResult& result);

std::string pretty_quantity(std::string_view quantity);
std::string unit_suffix(std::string_view quantity);
std::string format_number(double value, std::string_view quantity);

} // namespace orscalc::mix_model
