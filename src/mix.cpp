// mix: solve, round to household measures, re-compose and re-evaluate the recipe as made.
#include "orscalc/mix.hpp"

#include "mix_model.hpp"
#include "orscalc/library.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace orscalc {
namespace {

using namespace mix_model;

// The recipe from solved values: amounts as measured, composed and evaluated.
bool make_recipe(const Model& m, const std::vector<double>& values, MixResult& result) {
    Mixture mixture;
    result.amounts.clear();
    double liquids = 0;
    for (std::size_t i = 0; i < m.candidates.size(); ++i) {
        MixAmount a = measured_amount(m.candidates[i], values[i], m.household);
        if (a.amount <= 0) continue;
        if (a.ingredient->is_liquid()) liquids += a.amount;
        mixture.lines.push_back({a.ingredient, a.as_measured});
        result.amounts.push_back(std::move(a));
    }
    if (mixture.lines.empty() && !m.has_water) return false;
    if (m.has_water) {
        mixture.make_up_to_ml = m.volume_ml;
        if (liquids > m.volume_ml + 1e-9) return false;
    }
    Composition c = compose(mixture);
    Evaluation e = evaluate(*m.target, c);
    if (e.verdict == Verdict::fails) return false;
    result.water_ml = c.water_added_ml;
    result.objective = mix_objective(*m.target, c);
    result.composition = std::move(c);
    result.evaluation = std::move(e);
    return true;
}

struct Solved {
    std::vector<double> values;
    bool proven = true; // false: the search stopped at its node limit
};

// The solved values of the model's program at a margin (after the tie-break), or nullopt.
std::optional<Solved> solve_for_values(const Model& m, double margin) {
    Formulation f = formulate(m, margin, false, m.household);
    LpSolution best = solve(f.program);
    if (best.status != LpStatus::optimal) return std::nullopt;
    add_tie_break(m, f, best.objective, m.household);
    LpSolution tied = solve(f.program);
    if (tied.status != LpStatus::optimal) return Solved{best.values, best.proven};
    return Solved{tied.values, best.proven};
}

// Solves, rounds and re-evaluates; true with the recipe in result.
bool solve_recipe(const Model& m, const MixRequest& request, MixResult& result) {
    // Tighten the limits a little more each time the recipe as made (rounded for display or
    // to measures) lands on the wrong side of a limit it was solved to touch.
    for (double margin : std::array{1e-6, 1e-3, 1e-2}) {
        auto x = solve_for_values(m, margin);
        if (!x) return false;
        if (!make_recipe(m, x->values, result)) continue;
        if (request.tolerance) {
            // The rounded recipe itself must keep every limit at the worst case too.
            check_tolerance(m, result);
            if (!result.robust) continue;
        }
        if (!x->proven)
            result.notes.push_back(fmt::format(
                "the search stopped after {} branch-and-bound nodes: this is the best recipe "
                "found, not proven the best",
                search_node_limit));
        return true;
    }
    return false;
}

std::string litres_words(double ml) {
    return ml >= 1000 ? fmt::format("{} L", ml / 1000) : fmt::format("{} mL", ml);
}

} // namespace

MixResult solve_mix(const MixRequest& request) {
    Model m = build_model(request);
    MixResult result;
    result.target = request.target;
    result.mode = request.mode;
    result.volume_ml = request.volume_ml;
    result.tolerance = request.tolerance;
    result.notes = m.notes;

    bool any_liquid = std::any_of(m.candidates.begin(), m.candidates.end(),
                                  [](const Candidate& c) { return c.ingredient->is_liquid(); });
    if (!m.candidates.empty() && (m.has_water || any_liquid)) {
        // With many ingredients the household search is first run over the ingredients of the
        // continuous optimum (a handful): a whole kitchen's worth of integer variables would
        // take seconds and land on a recipe of a dozen ingredients.
        if (m.household && m.candidates.size() > full_search_candidates) {
            Model continuous = m;
            continuous.household = false;
            if (auto x = solve_for_values(continuous, 1e-6)) {
                Model restricted = m;
                restricted.candidates.clear();
                for (std::size_t i = 0; i < m.candidates.size(); ++i)
                    if (x->values[i] > 1e-9) restricted.candidates.push_back(m.candidates[i]);
                result.feasible = solve_recipe(restricted, request, result);
                if (result.feasible)
                    result.notes.push_back(fmt::format(
                        "with {} usable ingredients, the household measures were searched among "
                        "the {} that the exact optimum uses",
                        m.candidates.size(), restricted.candidates.size()));
            }
        }
        if (!result.feasible) result.feasible = solve_recipe(m, request, result);
    }
    if (!result.feasible) {
        // No recipe: nothing of the last attempt rejected by the re-evaluation stays in the
        // answer; its composition and worst cases describe a drink that is not recommended.
        result.amounts.clear();
        result.composition.reset();
        result.evaluation.reset();
        result.water_ml = 0;
        result.objective = 0;
        result.tolerance_checks.clear();
        result.robust = false;
        diagnose_infeasible(m, request, result);
        return result;
    }
    if (m.has_water && result.water_ml > 0.05) {
        MixAmount water;
        for (const auto& a : request.available)
            if (a.ingredient->kind == IngredientKind::water) water.ingredient = a.ingredient;
        water.amount = std::round(result.water_ml * 10) / 10;
        water.as_measured = {water.amount, Unit::ml};
        water.measure = fmt::format("water to make {} in all", litres_words(m.volume_ml));
        result.amounts.push_back(std::move(water));
    }
    note_unverifiable(m, result);
    advise_soft_goals(m, request, result);
    return result;
}

double mix_objective(const Target& target, const Composition& c) {
    double total = 0;
    for (const auto& r : target.ranges) {
        if (!r.ideal || r.weight <= 0) continue;
        if (r.quantity == "glucose_sodium_ratio") {
            // |glucose - ideal x sodium| / (ideal x sodium ideal): linear at fixed volume, and
            // |ratio - ideal| / ideal when sodium is at its ideal.
            auto g = c.glucose_equivalent();
            auto na = c.species(Species::sodium);
            if (!g || !na) {
                total += r.weight;
                continue;
            }
            total +=
                r.weight * std::abs(*g - *r.ideal * *na) / mix_model::ratio_scale(target, *r.ideal);
            continue;
        }
        auto v = c.quantity(r.quantity);
        if (!v) {
            total += r.weight; // unknown: counted as missed entirely
            continue;
        }
        total += r.weight * std::abs(*v - *r.ideal) / std::max(std::abs(*r.ideal), 1e-9);
    }
    return total;
}

AvailableIngredient parse_available(const Library& library, std::string_view text) {
    std::string_view id = text, cap;
    if (auto le = text.find("<="); le != std::string_view::npos) {
        id = text.substr(0, le);
        cap = text.substr(le + 2);
    }
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        return s;
    };
    id = trim(id);
    if (id.empty())
        throw InputError(fmt::format("--have '{}': expected INGREDIENT or INGREDIENT<=AMOUNT, "
                                     "e.g. apple-juice<=250mL",
                                     text));
    AvailableIngredient a{&library.ingredient(id), std::nullopt};
    if (text.find("<=") != std::string_view::npos) {
        try {
            a.max_amount = amount_in_base_unit(*a.ingredient, parse_quantity(trim(cap)));
        } catch (const InputError& err) {
            throw InputError(fmt::format("--have {}: {}", text, err.what()));
        }
    }
    return a;
}

std::vector<AvailableIngredient> parse_available_list(const Library& library,
                                                      std::string_view text) {
    std::vector<AvailableIngredient> list;
    while (true) {
        std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        if (item.find_first_not_of(" \t") != std::string_view::npos)
            list.push_back(parse_available(library, item));
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return list;
}

MixResult mix_for(const Library& library, const std::vector<AvailableIngredient>& available,
                  double volume_ml, const Target& target, MixMode mode) {
    MixRequest request;
    request.available = available;
    request.volume_ml = volume_ml;
    request.target = &target;
    request.mode = mode;
    request.catalogue = &library.ingredients();
    return solve_mix(request);
}

} // namespace orscalc
