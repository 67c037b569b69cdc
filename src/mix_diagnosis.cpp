// When no recipe is possible: re-solve with slack on every hard limit and say, in the user's
// terms, which limits cannot hold together, by how much, and what would fix it. When a soft
// goal is missed: the same kind of advice. (Elastic re-solve: the remedy peers.md, c.9, cites.)
#include "mix_model.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <optional>

namespace orscalc::mix_model {
namespace {

bool is_ratio(std::string_view q) {
    return q == "glucose_sodium_ratio";
}

// What brings a quantity: the ratio needs sugar, the others themselves.
std::string_view source_quantity(std::string_view q) {
    return is_ratio(q) ? "glucose_equivalent" : q;
}

std::string source_words(std::string_view q) {
    if (q == "glucose_equivalent" || is_ratio(q)) return "sugar (glucose or sucrose)";
    if (q == "osmolarity") return "dissolved salt or sugar";
    return std::string(q);
}

bool usable(const Ingredient& ing) {
    if (ing.form == IngredientForm::food || ing.kind == IngredientKind::water) return false;
    if (ing.osmole_basis == OsmoleBasis::unknown) return false;
    for (const auto& e : safety_envelope())
        if (auto s = species_from_name(e.quantity); s && !at(ing.mmol_per_unit, *s)) return false;
    return true;
}

double brings(const Ingredient& ing, std::string_view q) {
    if (auto s = species_from_name(q)) return at(ing.mmol_per_unit, *s).value_or(0);
    if (q == "osmolarity") return ing.mosm_per_unit;
    if (q == "glucose_equivalent")
        return at(ing.mmol_per_unit, Species::glucose).value_or(0) +
               at(ing.mmol_per_unit, Species::sucrose).value_or(0);
    return 0;
}

void add_unique(std::vector<std::string>& list, std::string s) {
    if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(std::move(s));
}

bool have_source(const Model& m, std::string_view q) {
    return std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Candidate& c) {
        return brings(*c.ingredient, source_quantity(q)) > 0;
    });
}

std::string add_hint(const MixRequest& req, std::string_view q) {
    auto names = sources_of(req, source_quantity(q));
    if (names.empty()) return "";
    return fmt::format(": add e.g. {}", fmt::join(names, ", "));
}

std::string range_words(const TargetRange& r) {
    return fmt::format("{}-{}{}", r.min ? format_number(*r.min, r.quantity) : "0",
                       r.max ? format_number(*r.max, r.quantity) : "", unit_suffix(r.quantity));
}

// The value of each limit's quantity at the relaxed solution.
double value_at(const Model& m, const std::vector<double>& x, std::string_view q) {
    auto linear = [&](std::string_view quantity) {
        double v = 0;
        for (std::size_t i = 0; i < m.candidates.size(); ++i)
            v += coefficient(m, m.candidates[i], quantity).value_or(0) * x[i];
        return v;
    };
    if (is_ratio(q)) {
        double na = linear("sodium");
        return na > 1e-12 ? linear("glucose_equivalent") / na : 0;
    }
    return linear(q);
}

} // namespace

std::vector<std::string> sources_of(const MixRequest& req, std::string_view q,
                                    std::size_t how_many) {
    if (!req.catalogue) return {};
    // The commonest kitchen items first, then other spoon-measured products, drinks, sachets,
    // and pure compounds last.
    static constexpr std::string_view common[] = {
        "salt", "sugar", "lite-salt", "salt-substitute", "baking-soda", "glucose-powder"};
    auto rank = [](const Ingredient& ing) {
        for (std::size_t i = 0; i < std::size(common); ++i)
            if (ing.id == common[i]) return static_cast<int>(i);
        int base = static_cast<int>(std::size(common));
        if (ing.kind == IngredientKind::product && ing.measure(Unit::tsp)) return base;
        if (ing.is_liquid()) return base + 1;
        if (ing.kind == IngredientKind::product) return base + 2;
        return base + 3;
    };
    std::vector<const Ingredient*> found;
    for (const auto& ing : *req.catalogue) {
        if (!usable(ing) || brings(ing, q) <= 0 || ing.undiluted_warning) continue;
        bool have = std::any_of(req.available.begin(), req.available.end(),
                                [&](const auto& a) { return a.ingredient->id == ing.id; });
        if (!have) found.push_back(&ing);
    }
    std::stable_sort(found.begin(), found.end(),
                     [&](const auto* a, const auto* b) { return rank(*a) < rank(*b); });
    std::vector<std::string> names;
    for (const auto* ing : found) {
        if (names.size() == how_many) break;
        names.push_back(ing->id);
    }
    return names;
}

namespace {

// Problems seen without solving: no liquid to make the volume, nothing to dissolve, no
// source at all of a quantity with a minimum. True when one explains the failure.
bool diagnose_structure(const Model& m, const MixRequest& req, MixResult& result) {
    auto& out = result.diagnosis;
    if (!m.has_water) {
        double liquid_max = 0;
        for (const auto& c : m.candidates)
            if (c.ingredient->is_liquid()) liquid_max += c.upper;
        if (liquid_max < m.volume_ml - 1e-9) {
            result.misses.push_back({"volume", false, m.volume_ml, liquid_max});
            out.push_back(liquid_max <= 0
                              ? fmt::format("no water or other drink among your ingredients to "
                                            "make {} mL: add water",
                                            m.volume_ml)
                              : fmt::format("your liquids make at most {:.0f} mL, less than {} "
                                            "mL: add water",
                                            liquid_max, m.volume_ml));
            return true;
        }
    }
    if (m.candidates.empty()) {
        auto salt = sources_of(req, "sodium", 1);
        auto sugar = sources_of(req, "glucose_equivalent", 1);
        out.push_back(fmt::format("nothing among your ingredients can be dissolved to make a "
                                  "rehydration solution{}",
                                  salt.empty() || sugar.empty()
                                      ? std::string()
                                      : fmt::format(": add e.g. {} and {}", salt[0], sugar[0])));
        return true;
    }
    bool missing = false;
    for (const auto& limit : m.limits) {
        if (limit.is_max || have_source(m, limit.quantity)) continue;
        missing = true;
        result.misses.push_back({limit.quantity, false, limit.bound, 0});
        out.push_back(fmt::format("no {} source among your ingredients ({} must be at least {}{})"
                                  "{}",
                                  source_words(limit.quantity), pretty_quantity(limit.quantity),
                                  format_number(limit.bound, limit.quantity),
                                  unit_suffix(limit.quantity), add_hint(req, limit.quantity)));
    }
    return missing;
}

// Elastic re-solve: continuous amounts, slack on every hard limit, least total relative
// violation. The limits left with slack are those that cannot hold together, most violated
// first. nullopt when the solver fails.
std::optional<std::vector<LimitMiss>> elastic_misses(const Model& m) {
    Formulation f = formulate(m, 0, true, false);
    LpSolution s = solve(f.program);
    if (s.status != LpStatus::optimal) return std::nullopt;
    std::vector<std::pair<double, LimitMiss>> ranked;
    for (std::size_t k = 0; k < m.limits.size(); ++k) {
        const Limit& limit = m.limits[k];
        const auto var = static_cast<std::size_t>(f.slack_vars[k]);
        double relative = s.values[var] * f.program.variables[var].cost;
        if (relative < 1e-6) continue;
        ranked.push_back(
            {relative,
             {limit.quantity, limit.is_max, limit.bound, value_at(m, s.values, limit.quantity)}});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<LimitMiss> misses;
    for (auto& r : ranked)
        misses.push_back(std::move(r.second));
    return misses;
}

// Too few particles with sodium and sugar at their limits: the target's other quantities
// (potassium, citrate, ...) bring the rest.
std::string fix_low_osmolarity(const Model& m, const MixRequest& req) {
    std::vector<std::string> parts;
    for (const auto& r : m.target->ranges) {
        if (!r.min || *r.min <= 0 || r.quantity == "sodium" || !species_from_name(r.quantity) ||
            have_source(m, r.quantity))
            continue;
        auto names = sources_of(req, r.quantity, 2);
        if (!names.empty())
            parts.push_back(fmt::format("{} (e.g. {})", r.quantity, fmt::join(names, ", ")));
    }
    if (parts.empty())
        return "sodium and sugar alone cannot make up the osmolarity within their limits";
    return fmt::format("sodium and sugar alone cannot make up the osmolarity of {} within their "
                       "limits: add what else it contains: {}",
                       m.target->id, fmt::join(parts, "; "));
}

std::string fix_high_osmolarity(const Model& m) {
    std::vector<std::string> sweet;
    for (const auto& c : m.candidates)
        if (c.ingredient->is_liquid() && brings(*c.ingredient, "glucose_equivalent") > 0)
            sweet.push_back(c.ingredient->id);
    if (sweet.empty())
        return "use less of the ingredients that bring particles but not sodium or sugar";
    return fmt::format("with only {} as sugar, osmolarity cannot stay under the limit while the "
                       "other limits hold: add sugar or glucose",
                       fmt::join(sweet, ", "));
}

// What would fix one miss, in words; empty when there is nothing to suggest.
std::string fix_for(const Model& m, const MixRequest& req, const LimitMiss& miss) {
    if (miss.quantity == "undiluted")
        return "dilute: juices and soft drinks at most half the drink";
    if (miss.quantity == "osmolarity")
        return miss.is_max ? fix_high_osmolarity(m) : fix_low_osmolarity(m, req);
    if (miss.is_max && !is_ratio(miss.quantity))
        return fmt::format("use less of what brings {}", source_words(miss.quantity));
    // Too little of something, or too much sugar for the sodium: a purer source of it.
    std::string_view q = miss.is_max ? "sodium" : std::string_view(miss.quantity);
    auto names = sources_of(req, source_quantity(q));
    if (names.empty()) return "";
    return fmt::format("add a purer {} source, e.g. {}", source_words(q), fmt::join(names, ", "));
}

} // namespace

void diagnose_infeasible(const Model& robust, const MixRequest& req, MixResult& result) {
    result.feasible = false;
    if (diagnose_structure(robust, req, result)) return;
    auto& out = result.diagnosis;
    // A tolerance narrows every limit: first ask whether the limits can hold at all.
    Model m = robust;
    m.tolerance = 0;
    auto misses = elastic_misses(m);
    if (!misses) {
        out.push_back("no recipe found (the solver could not settle the problem)");
        return;
    }
    const std::string off = fmt::format("{:.0f}%", robust.tolerance * 100);
    if (misses->empty() && robust.tolerance > 0) {
        auto narrow = elastic_misses(robust).value_or(std::vector<LimitMiss>{});
        std::vector<std::string> names;
        for (const auto& miss : narrow) {
            result.misses.push_back(miss);
            add_unique(names, pretty_quantity(miss.quantity));
        }
        if (!names.empty())
            out.push_back(fmt::format(
                "every hard limit can hold with exact measures, but not {} when each measure "
                "may be off by up to {}: the limits are too narrow for that error; measure more "
                "exactly and lower --tolerance",
                fmt::join(names, ", "), off));
        else if (m.household)
            out.push_back(fmt::format(
                "with each measure off by up to {}, only exact amounts keep every hard limit, "
                "not whole household measures: use --exact and weigh the ingredients, or lower "
                "--tolerance",
                off));
        else // the tolerance shrinks the room to a point that rounded weights miss
            out.push_back(fmt::format(
                "the limits can hold only on their very edge with measures off by up to {}, "
                "with no room for the amounts to be rounded to what can be weighed: lower "
                "--tolerance",
                off));
        return;
    }
    if (misses->empty() && !m.household) {
        // Feasible only on the edge of the limits: the amounts rounded to what a scale shows
        // then break one.
        out.push_back("the limits can hold only on their very edge, with no room for the "
                      "amounts to be rounded to what can be weighed: change the volume");
        return;
    }
    if (misses->empty()) {
        // The continuous problem is feasible: only the whole measure steps are not.
        out.push_back("the limits can hold with exact amounts but not in whole household "
                      "measures: use --exact and weigh the ingredients, or change the volume");
        for (const auto& c : m.candidates)
            if (const Measure* sachet = c.ingredient->measure(Unit::sachet);
                sachet && sachet->makes_ml && c.step.unit == Unit::sachet)
                out.push_back(fmt::format("one {} sachet makes {} mL: make {} mL (1/2 sachet) or "
                                          "a multiple of it",
                                          c.ingredient->id, *sachet->makes_ml,
                                          *sachet->makes_ml / 2));
        return;
    }
    std::vector<std::string> names, have;
    for (const auto& miss : *misses) {
        result.misses.push_back(miss);
        names.push_back(pretty_quantity(miss.quantity));
        out.push_back(
            fmt::format("{} must be at {} {}{}; the closest these ingredients come is {}{}",
                        pretty_quantity(miss.quantity), miss.is_max ? "most" : "least",
                        format_number(miss.limit, miss.quantity), unit_suffix(miss.quantity),
                        format_number(miss.closest, miss.quantity), unit_suffix(miss.quantity)));
    }
    for (const auto& c : m.candidates)
        have.push_back(c.ingredient->id);
    if (names.size() > 1) {
        std::string last = names.back();
        names.pop_back();
        out.push_back(fmt::format("{} and {} cannot hold together with {}{}",
                                  fmt::join(names, ", "), last, fmt::join(have, ", "),
                                  m.has_water ? " and water" : ""));
    }
    // Without water every maximum is broken by the undiluted drink: water is the fix.
    bool too_strong =
        std::any_of(misses->begin(), misses->end(), [](const LimitMiss& x) { return x.is_max; });
    if (!m.has_water && too_strong) {
        out.push_back(
            fmt::format("add water: without it the drink is all {}", fmt::join(have, ", ")));
        return;
    }
    for (const auto& miss : *misses) {
        std::string fix = fix_for(m, req, miss);
        if (!fix.empty() && std::find(out.begin(), out.end(), fix) == out.end())
            out.push_back(std::move(fix));
    }
}

void advise_soft_goals(const Model& m, const MixRequest& req, MixResult& result) {
    if (!result.evaluation) return;
    for (const auto& check : result.evaluation->checks) {
        const TargetRange& r = *check.range;
        if (r.hard || check.status == Status::ok || check.status == Status::unknown) continue;
        const std::string value = fmt::format(
            "{}{}", format_number(check.value.value_or(0), r.quantity), unit_suffix(r.quantity));
        if (check.status == Status::low && !have_source(m, r.quantity)) {
            result.diagnosis.push_back(fmt::format("no {} source among your ingredients ({} "
                                                   "goal {}){}",
                                                   source_words(r.quantity),
                                                   pretty_quantity(r.quantity), range_words(r),
                                                   add_hint(req, r.quantity)));
        } else {
            result.diagnosis.push_back(fmt::format(
                "{} {} is {} its goal {}: as close as the hard limits allow with these "
                "ingredients{}",
                pretty_quantity(r.quantity), value, check.status == Status::low ? "below" : "above",
                range_words(r), check.status == Status::low ? add_hint(req, r.quantity) : ""));
        }
    }
}

} // namespace orscalc::mix_model
