// The mix problem as a linear program: which ingredients take part, the hard limits as rows,
// the target's goals as the objective, and the tie-break among equal optima.
#include "mix_model.hpp"

#include "orscalc/library.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace orscalc::mix_model {
namespace {

bool is_ratio(std::string_view q) {
    return q == "glucose_sodium_ratio";
}

// Whether an ingredient's data determine a quantity (unknown is never zero).
bool knows(const Ingredient& ing, std::string_view q) {
    auto known = [&](Species s) { return at(ing.mmol_per_unit, s).has_value(); };
    if (auto s = species_from_name(q)) return known(*s);
    if (q == "osmolarity") return ing.osmole_basis != OsmoleBasis::unknown;
    if (q == "glucose_equivalent") return known(Species::glucose) && known(Species::sucrose);
    if (is_ratio(q))
        return known(Species::glucose) && known(Species::sucrose) && known(Species::sodium);
    return false;
}

double value_or_zero(const std::optional<double>& v) {
    return v.value_or(0);
}

void add_unique(std::vector<std::string>& list, const std::string& s) {
    if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

} // namespace

double ratio_scale(const Target& target, double r) {
    double na = 75;
    if (const TargetRange* s = target.range("sodium")) {
        if (s->ideal)
            na = *s->ideal;
        else if (s->min && s->max)
            na = (*s->min + *s->max) / 2;
        else if (s->max)
            na = *s->max;
    }
    return std::max(r * na, 1e-9);
}

std::optional<double> coefficient(const Model& m, const Candidate& c, std::string_view q) {
    const Ingredient& ing = *c.ingredient;
    const double litres = m.volume_ml / 1000;
    if (q == "undiluted") return ing.is_liquid() && ing.undiluted_warning ? 1 / m.volume_ml : 0;
    if (!knows(ing, q) || is_ratio(q)) return std::nullopt;
    if (auto s = species_from_name(q)) return *at(ing.mmol_per_unit, *s) / litres;
    if (q == "osmolarity") return ing.mosm_per_unit / litres;
    return (*at(ing.mmol_per_unit, Species::glucose) + *at(ing.mmol_per_unit, Species::sucrose)) /
           litres;
}

namespace {

// Sorted by id and merged (the smaller cap wins): the answer never depends on the order of
// --have.
std::vector<AvailableIngredient> sorted_and_merged(std::vector<AvailableIngredient> avail) {
    std::sort(avail.begin(), avail.end(),
              [](const auto& a, const auto& b) { return a.ingredient->id < b.ingredient->id; });
    std::vector<AvailableIngredient> merged;
    for (const auto& a : avail) {
        if (!merged.empty() && merged.back().ingredient == a.ingredient) {
            auto& cap = merged.back().max_amount;
            if (a.max_amount) cap = cap ? std::min(*cap, *a.max_amount) : *a.max_amount;
            continue;
        }
        merged.push_back(a);
    }
    return merged;
}

double envelope_max(std::string_view quantity) {
    for (const auto& e : safety_envelope())
        if (e.quantity == quantity) return e.max;
    return 0;
}

// An ingredient as a candidate, or a note on why it is not used.
void add_candidate(Model& m, const AvailableIngredient& a, const std::vector<std::string>& hard,
                   const std::vector<std::string>& soft) {
    const Ingredient& ing = *a.ingredient;
    if (ing.form == IngredientForm::food) {
        m.notes.push_back(
            fmt::format("{} not used: it is a food, eaten rather than mixed into a drink", ing.id));
        return;
    }
    std::vector<std::string> unknown_hard;
    for (const auto& q : hard)
        if (!knows(ing, q)) unknown_hard.push_back(pretty_quantity(q));
    if (!unknown_hard.empty()) {
        bool many = unknown_hard.size() > 1;
        m.notes.push_back(fmt::format("{} not used: its {} {} unknown (no data), so the hard "
                                      "limits on {} could not be shown to hold",
                                      ing.id, fmt::join(unknown_hard, ", "), many ? "are" : "is",
                                      many ? "them" : "it"));
        return;
    }
    Candidate c;
    c.ingredient = &ing;
    for (const auto& q : soft)
        if (!knows(ing, q)) c.unknown_soft.push_back(q);
    // Upper bound: the cap; the volume for a liquid; for a solid what the osmolarity envelope
    // allows (every usable ingredient's osmoles are known), or 100 g/L for one without osmoles.
    const double litres = m.volume_ml / 1000;
    c.upper = ing.is_liquid()         ? m.volume_ml
              : ing.mosm_per_unit > 0 ? envelope_max("osmolarity") * litres / ing.mosm_per_unit
                                      : 100 * litres;
    if (a.max_amount) c.upper = std::min(c.upper, *a.max_amount);
    c.step = household_step(ing);
    m.candidates.push_back(std::move(c));
}

// The target's hard sides, the safety envelope where the target is not stricter, and the
// undiluted-drink share when a hyperosmolar drink is at hand.
std::vector<Limit> hard_limits(const Model& m) {
    std::vector<Limit> limits;
    for (const auto& r : m.target->ranges) {
        if (!r.hard) continue;
        if (r.min) limits.push_back({r.quantity, false, *r.min, false});
        if (r.max) limits.push_back({r.quantity, true, *r.max, false});
    }
    for (const auto& e : safety_envelope()) {
        const TargetRange* r = m.target->range(e.quantity);
        if (r && r->hard && r->max && *r->max <= e.max) continue; // the target is stricter
        limits.push_back({std::string(e.quantity), true, e.max, true});
    }
    // Undiluted juices and soft drinks are hyperosmolar (WHO 2005, home fluids); half-strength
    // apple juice was safe in mild dehydration (Freedman et al., JAMA 2016;315:1966).
    bool sweet_drink = std::any_of(m.candidates.begin(), m.candidates.end(), [](const auto& c) {
        return c.ingredient->is_liquid() && c.ingredient->undiluted_warning;
    });
    if (sweet_drink) limits.push_back({"undiluted", true, 0.5, false});
    return limits;
}

} // namespace

Model build_model(const MixRequest& req) {
    if (!req.target) throw InputError("mix: no target given");
    if (!(req.volume_ml >= 10) || !(req.volume_ml <= 20000))
        throw InputError("mix: the volume must be from 10 mL to 20 L");
    if (req.tolerance && (!(*req.tolerance >= 0) || *req.tolerance >= 1))
        throw InputError("mix: the tolerance must be at least 0% and below 100%");
    Model m;
    m.target = req.target;
    m.volume_ml = req.volume_ml;
    m.household = req.mode == MixMode::household;
    m.tolerance = req.tolerance.value_or(0);

    std::vector<std::string> hard, soft;
    for (const auto& r : m.target->ranges)
        (r.hard ? hard : soft).push_back(r.quantity);
    for (const auto& e : safety_envelope())
        add_unique(hard, std::string(e.quantity));
    for (const auto& a : sorted_and_merged(req.available)) {
        if (a.ingredient->kind == IngredientKind::water)
            m.has_water = true;
        else
            add_candidate(m, a, hard, soft);
    }
    m.limits = hard_limits(m);
    return m;
}

namespace {

// Rows over the amount variables: each variable is `scale` base units (1 g or mL, or a step).
struct Terms {
    const Model& m;
    std::vector<double> scale;

    std::vector<std::pair<int, double>> linear(std::string_view q, double factor) const {
        std::vector<std::pair<int, double>> terms;
        for (std::size_t i = 0; i < m.candidates.size(); ++i)
            terms.emplace_back(static_cast<int>(i),
                               value_or_zero(coefficient(m, m.candidates[i], q)) * scale[i] *
                                   factor);
        return terms;
    }
    // glucose x g_factor - r x sodium x na_factor
    std::vector<std::pair<int, double>> ratio(double r, double g_factor, double na_factor) const {
        std::vector<std::pair<int, double>> terms;
        for (std::size_t i = 0; i < m.candidates.size(); ++i) {
            double g = value_or_zero(coefficient(m, m.candidates[i], "glucose_equivalent"));
            double na = value_or_zero(coefficient(m, m.candidates[i], "sodium"));
            terms.emplace_back(static_cast<int>(i), (g * g_factor - r * na * na_factor) * scale[i]);
        }
        return terms;
    }
};

// One amount variable per candidate, and the volume: the liquids fit in V and water fills up,
// or without water they make V.
Terms add_amounts(const Model& m, bool household, LinearProgram& lp) {
    Terms terms{m, {}};
    LpRow volume{"volume", {}, std::nullopt, m.volume_ml};
    for (const auto& c : m.candidates) {
        bool steps = household && c.step.step > 0;
        double s = steps ? c.step.step : 1;
        double upper = steps ? std::floor(c.upper / s + 1e-9) : c.upper;
        int x = lp.add_variable({c.ingredient->id, 0, upper, 0, steps});
        if (c.ingredient->is_liquid()) volume.terms.emplace_back(x, s);
        terms.scale.push_back(s);
    }
    if (!m.has_water) volume.lower = m.volume_ml;
    lp.add_row(volume);
    return terms;
}

void add_limits(const Model& m, const Terms& terms, double margin, bool slack, Formulation& f) {
    const double t = m.tolerance;
    for (const auto& limit : m.limits) {
        const double tighten = margin * std::max(1.0, std::abs(limit.bound));
        // Robust to measuring error: every coefficient is non-negative, so the worst case of a
        // maximum is every amount (1 + t) too large, of a minimum (1 - t) too small.
        const double worst = limit.is_max ? 1 + t : 1 - t;
        LpRow row{fmt::format("{} {}", limit.quantity, limit.is_max ? "max" : "min"), {}, {}, {}};
        double slack_scale = std::max(1.0, std::abs(limit.bound));
        if (is_ratio(limit.quantity)) {
            double r = limit.is_max ? limit.bound - tighten : limit.bound + tighten;
            row.terms = limit.is_max ? terms.ratio(r, 1 + t, 1 - t) : terms.ratio(r, 1 - t, 1 + t);
            (limit.is_max ? row.upper : row.lower) = 0.0;
            slack_scale = ratio_scale(*m.target, limit.bound);
        } else {
            row.terms = terms.linear(limit.quantity, worst);
            if (limit.is_max)
                row.upper = limit.bound - tighten;
            else
                row.lower = limit.bound + tighten;
        }
        if (slack) {
            int s = f.program.add_variable(
                {"slack " + row.name, 0, std::nullopt, 1 / slack_scale, false});
            row.terms.emplace_back(s, limit.is_max ? -1.0 : 1.0);
            f.slack_vars.push_back(s);
        }
        f.program.add_row(std::move(row));
    }
}

// The goals: weight x |value - ideal| / ideal, through deviation variables d+ and d-.
void add_goals(const Model& m, const Terms& terms, Formulation& f) {
    LinearProgram& lp = f.program;
    for (const auto& r : m.target->ranges) {
        if (!r.ideal || r.weight <= 0) continue;
        double denom = is_ratio(r.quantity) ? ratio_scale(*m.target, *r.ideal)
                                            : std::max(std::abs(*r.ideal), 1e-9);
        int up = lp.add_variable(
            {r.quantity + " above ideal", 0, std::nullopt, r.weight / denom, false});
        int down = lp.add_variable(
            {r.quantity + " below ideal", 0, std::nullopt, r.weight / denom, false});
        f.deviation_vars.push_back(up);
        f.deviation_vars.push_back(down);
        LpRow row{r.quantity + " goal", {}, {}, {}};
        if (is_ratio(r.quantity)) {
            row.terms = terms.ratio(*r.ideal, 1, 1);
            row.lower = row.upper = 0.0;
        } else {
            row.terms = terms.linear(r.quantity, 1);
            row.lower = row.upper = *r.ideal;
        }
        row.terms.emplace_back(up, -1.0);
        row.terms.emplace_back(down, 1.0);
        lp.add_row(std::move(row));
    }
}

// Unknown is not zero: using an ingredient with no data for a soft quantity leaves that goal
// unverifiable, which counts as missing it entirely (its full weight).
void add_unverifiable_penalties(const Model& m, Formulation& f) {
    LinearProgram& lp = f.program;
    for (std::size_t i = 0; i < m.candidates.size(); ++i) {
        const Candidate& c = m.candidates[i];
        double penalty = 0;
        for (const auto& q : c.unknown_soft)
            if (const TargetRange* r = m.target->range(q)) penalty += r->weight;
        if (penalty <= 0) continue;
        int used = lp.add_variable({"unverifiable " + c.ingredient->id, 0, 1.0, penalty, true});
        f.deviation_vars.push_back(used);
        lp.add_row({"unverifiable " + c.ingredient->id,
                    {{static_cast<int>(i), 1.0}, {used, -lp.variables[i].upper.value_or(c.upper)}},
                    std::nullopt,
                    0.0});
    }
}

} // namespace

Formulation formulate(const Model& m, double margin, bool slack, bool household) {
    Formulation f;
    f.program.absolute_gap = objective_tolerance;
    f.program.node_limit = search_node_limit;
    Terms terms = add_amounts(m, household, f.program);
    add_limits(m, terms, margin, slack, f);
    if (slack) return f; // the elastic program minimises the violation alone
    add_goals(m, terms, f);
    add_unverifiable_penalties(m, f);
    return f;
}

void add_tie_break(const Model& m, Formulation& f, double best, bool household) {
    LinearProgram& lp = f.program;
    // Keep the optimum (to solver precision), then prefer fewer ingredients, then rounder
    // measures: one ingredient outweighs any number of odd measures.
    // Household optima are found to objective_tolerance; a continuous optimum is exact, and
    // its tie-break stays on it (to solver precision).
    const double slack = household ? objective_tolerance : 1e-7 + 1e-6 * std::abs(best);
    LpRow keep{"keep the optimum", {}, std::nullopt, best + slack};
    for (int d : f.deviation_vars) {
        keep.terms.emplace_back(d, lp.variables[static_cast<std::size_t>(d)].cost);
        lp.variables[static_cast<std::size_t>(d)].cost = 0;
    }
    lp.add_row(std::move(keep));
    const double per_round = 1.0 / (2.0 * static_cast<double>(m.candidates.size() + 1));
    lp.absolute_gap = per_round / 4; // any better tie-break differs by at least per_round
    lp.node_limit = search_node_limit;
    for (std::size_t i = 0; i < m.candidates.size(); ++i) {
        const Candidate& c = m.candidates[i];
        const int x = static_cast<int>(i);
        const double upper = lp.variables[i].upper.value_or(c.upper);
        int use = lp.add_variable({"use " + c.ingredient->id, 0, 1.0, 1.0, true});
        f.use_vars.push_back(use);
        lp.add_row({"use " + c.ingredient->id, {{x, 1.0}, {use, -upper}}, std::nullopt, 0.0});
        const int k = c.step.round_every;
        if (!household || c.step.step <= 0 || k <= 1) continue;
        // steps = k x whole + rest, rest in [0, k-1]; "odd" is 1 when rest > 0.
        int whole =
            lp.add_variable({"whole " + c.ingredient->id, 0, std::floor(upper / k), 0, true});
        int rest = lp.add_variable({"rest " + c.ingredient->id, 0, double(k - 1), 0, true});
        int odd = lp.add_variable({"odd " + c.ingredient->id, 0, 1.0, per_round, true});
        f.round_vars.push_back(odd);
        lp.add_row(
            {"round " + c.ingredient->id, {{x, 1.0}, {whole, -double(k)}, {rest, -1.0}}, 0.0, 0.0});
        lp.add_row(
            {"odd " + c.ingredient->id, {{rest, 1.0}, {odd, -double(k - 1)}}, std::nullopt, 0.0});
    }
}

void note_unverifiable(const Model& m, MixResult& result) {
    for (const auto& c : m.candidates) {
        if (c.unknown_soft.empty()) continue;
        std::vector<std::string> names;
        for (const auto& q : c.unknown_soft)
            names.push_back(pretty_quantity(q));
        bool used = std::any_of(result.amounts.begin(), result.amounts.end(),
                                [&](const MixAmount& a) { return a.ingredient == c.ingredient; });
        result.notes.push_back(
            used ? fmt::format("{} has no data for {}: {} cannot be verified", c.ingredient->id,
                               fmt::join(names, ", "),
                               names.size() > 1 ? "those goals" : "that goal")
                 : fmt::format("{} not used: it has no data for {}, so using it would leave {} "
                               "unverifiable (counted as missed)",
                               c.ingredient->id, fmt::join(names, ", "),
                               names.size() > 1 ? "those goals" : "that goal"));
    }
    std::sort(result.notes.begin(), result.notes.end());
}

} // namespace orscalc::mix_model
