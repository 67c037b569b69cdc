// Values, sourced ranges and linear facts of composite entries (docs/decisions/0060): the
// loader turns each into a ContentRange or a LinearFact per base unit and checks that they can
// hold together, so content_bounds never meets contradictory data.
#include "recipe_ranges.hpp"

#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace orscalc::detail {
namespace {

// The factor from "per basis" to "per base unit" at the nominal, the lowest and the highest
// density: a liquid's amount per gram scales with its density, which may be a range.
struct PerUnit {
    double nominal = 1, lo = 1, hi = 1;
};

PerUnit per_unit(const std::string& file, const toml::node& where, const Ingredient& ing,
                 Quantity basis) {
    if (auto ml = to_ml(basis)) {
        if (!ing.is_liquid()) fail_at(file, where, "a food's amounts are per mass (e.g. 100 g)");
        if (*ml <= 0) fail_at(file, where, "the basis must be a positive amount");
        return {1 / *ml, 1 / *ml, 1 / *ml};
    }
    auto g = to_grams(basis);
    if (!g || *g <= 0)
        fail_at(file, where,
                fmt::format("expected a positive basis such as \"100 g\"{}",
                            ing.is_liquid() ? " or \"1 L\"" : ""));
    if (!ing.is_liquid()) return {1 / *g, 1 / *g, 1 / *g};
    if (!ing.density_g_per_ml) fail_at(file, where, "a liquid with a mass basis needs 'density'");
    const double rho = *ing.density_g_per_ml;
    const ContentRange& r = ing.density_range ? *ing.density_range : ContentRange::point(rho);
    return {rho / *g, r.lo / *g, r.hi.value_or(rho) / *g};
}

// "105 mg" or "2 mEq/L", "105 mg/100 g": an amount and the basis it is per (the entry's when
// none is written). The '/' of a fraction ("1/2 g") comes before the unit's first letter.
struct Stated {
    Quantity amount;
    PerUnit per;
};

Stated stated(const std::string& file, const toml::node& node, const Ingredient& ing,
              Quantity entry_basis, std::string_view what) {
    const auto* s = node.as_string();
    if (!s)
        fail_at(file, node,
                fmt::format("{}: expected an amount as a string, e.g. \"105 mg\" or \"2 mEq/L\"",
                            what));
    std::string_view text = s->get();
    auto letter = std::find_if(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    auto slash = std::find(letter, text.end(), '/');
    std::string_view amount_text(text.data(), static_cast<std::size_t>(slash - text.begin()));
    Stated out;
    Quantity basis = entry_basis;
    try {
        out.amount = parse_quantity(amount_text);
        if (slash != text.end()) {
            std::string per(
                trim_blanks(text.substr(static_cast<std::size_t>(slash - text.begin()) + 1)));
            if (!per.empty() && std::isalpha(static_cast<unsigned char>(per.front())) != 0)
                per = "1 " + per; // "mEq/L": per one litre
            basis = parse_quantity(per);
        }
    } catch (const InputError& err) {
        fail_at(file, node, fmt::format("{}: {}", what, err.what()));
    }
    out.per = per_unit(file, node, ing, basis);
    return out;
}

// mmol of a species from an amount written with a mass, mmol or mEq unit.
double species_mmol(const std::string& file, const toml::node& node, Species s, Quantity q) {
    if (auto g = to_grams(q)) return *g / species_molar_mass(s) * 1000;
    if (q.unit == Unit::mmol) return q.value;
    if (q.unit == Unit::meq) {
        if (info(s).charge == 0)
            fail_at(file, node, fmt::format("{} has no charge: mEq does not apply", info(s).name));
        return q.value / std::abs(info(s).charge);
    }
    fail_at(file, node, fmt::format("{}: expected mg, g, mmol or mEq", info(s).name));
}

// The nodes of a value: a bare string is the value; a table holds value, min and max (at least
// one) and its own source.
struct RangeNodes {
    const toml::node* value = nullptr;
    const toml::node* min = nullptr;
    const toml::node* max = nullptr;
};

RangeNodes range_nodes(const std::string& file, const toml::node& node, std::string_view what,
                       std::initializer_list<std::string_view> extra_keys = {}) {
    const auto* t = node.as_table();
    if (!t) return {&node, nullptr, nullptr};
    std::vector<std::string_view> allowed{"value", "min", "max", "source"};
    allowed.insert(allowed.end(), extra_keys.begin(), extra_keys.end());
    for (auto&& [key, child] : *t)
        if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
            std::vector<std::string> names(allowed.begin(), allowed.end());
            auto m = did_you_mean(key.str(), names);
            fail_at(file, child,
                    fmt::format("{}: unknown key '{}'{}", what, key.str(),
                                m.empty() ? "" : " (did you mean '" + m + "'?)"));
        }
    if (!t->get("source")) fail_at(file, node, fmt::format("{}: missing 'source'", what));
    return {t->get("value"), t->get("min"), t->get("max")};
}

// value, min and max (each already per base unit at its own density end) -> one range.
ContentRange assemble(const std::string& file, const toml::node& node, std::string_view what,
                      std::optional<double> value_nominal, std::optional<double> value_lo,
                      std::optional<double> value_hi, std::optional<double> min,
                      std::optional<double> max) {
    if (!value_nominal && !min && !max)
        fail_at(file, node, fmt::format("{}: give 'value', or 'min' and/or 'max'", what));
    if (min && max && *min > *max) fail_at(file, node, fmt::format("{}: min above max", what));
    if (value_nominal && ((min && *value_nominal < *min) || (max && *value_nominal > *max)))
        fail_at(file, node, fmt::format("{}: value outside [min, max]", what));
    ContentRange r;
    if (!min && !max) return {value_nominal, *value_lo, value_hi};
    r.lo = min.value_or(0);
    r.hi = max;
    r.nominal = value_nominal;
    if (!r.nominal && r.hi) r.nominal = (r.lo + *r.hi) / 2;
    return r;
}

// A species value or range, in mmol per base unit.
ContentRange read_species(const std::string& file, const toml::node& node, Species s,
                          const Ingredient& ing, Quantity basis) {
    const std::string what(info(s).name);
    RangeNodes n = range_nodes(file, node, what);
    auto mmol = [&](const toml::node* v, double PerUnit::*end) -> std::optional<double> {
        if (!v) return std::nullopt;
        Stated st = stated(file, *v, ing, basis, what);
        return species_mmol(file, *v, s, st.amount) * (st.per.*end);
    };
    return assemble(file, node, what, mmol(n.value, &PerUnit::nominal), mmol(n.value, &PerUnit::lo),
                    mmol(n.value, &PerUnit::hi), mmol(n.min, &PerUnit::lo),
                    mmol(n.max, &PerUnit::hi));
}

// A number followed by one fixed unit: "1.048 g/mL", "700 mOsm/kg".
double number_with_unit(const std::string& file, const toml::node& node,
                        std::initializer_list<std::string_view> units, std::string_view what) {
    const auto* s = node.as_string();
    if (!s)
        fail_at(file, node,
                fmt::format("{}: expected a string such as \"{} {}\"", what, 1, *units.begin()));
    std::string_view text = s->get();
    for (std::string_view unit : units) {
        if (text.size() > unit.size() && text.substr(text.size() - unit.size()) == unit) {
            std::string number(text.substr(0, text.size() - unit.size()));
            char* end = nullptr;
            double v = std::strtod(number.c_str(), &end);
            while (end && *end == ' ')
                ++end;
            if (end && *end == '\0' && std::isfinite(v) && v > 0) return v;
        }
    }
    fail_at(file, node,
            fmt::format("{}: expected a positive number and one of the units {}", what,
                        fmt::join(units, ", ")));
}

// A value with a fixed unit as a range (density, osmolality), each figure checked by `check`.
template <class Check>
ContentRange read_fixed_unit_range(const std::string& file, const toml::node& node,
                                   std::initializer_list<std::string_view> units,
                                   std::string_view what, Check check) {
    RangeNodes n = range_nodes(file, node, what);
    auto read = [&](const toml::node* v) -> std::optional<double> {
        if (!v) return std::nullopt;
        double x = number_with_unit(file, *v, units, what);
        check(*v, x);
        return x;
    };
    auto value = read(n.value);
    return assemble(file, node, what, value, value, value, read(n.min), read(n.max));
}

void read_known_zero(const std::string& file, const toml::table& t, Ingredient& ing) {
    const toml::node* z = t.get("known_zero");
    if (!z) return;
    const auto* arr = z->as_array();
    if (!arr) fail_at(file, *z, "known_zero: expected an array of species");
    for (const auto& el : *arr) {
        auto name = el.value<std::string>();
        auto s = name ? species_from_name(*name) : std::nullopt;
        if (!s) fail_at(file, el, "known_zero: expected species names");
        if (t.get(info(*s).name)) fail_at(file, el, "known_zero: species also given a value");
        at(ing.mmol_per_unit, *s) = 0.0;
        ing.species_range[static_cast<std::size_t>(*s)] = ContentRange::point(0);
    }
}

// The weight of a species in a total measured in `unit`: g per mmol, 1, or mEq per mmol.
double fact_weight(const std::string& file, const toml::node& where, Species s,
                   std::string_view unit) {
    if (unit == "g") return species_molar_mass(s) / 1000;
    if (unit == "mmol") return 1;
    if (info(s).charge == 0)
        fail_at(file, where,
                fmt::format("{} has no charge: a total in mEq cannot include it", info(s).name));
    return std::abs(info(s).charge);
}

std::string_view unit_kind(Quantity q) {
    if (to_grams(q)) return "g";
    if (q.unit == Unit::mmol) return "mmol";
    if (q.unit == Unit::meq) return "mEq";
    return "";
}

// One [id.totals] entry, except a charge balance's bounds (they need every species first).
LinearFact read_fact(const std::string& file, std::string_view name, const toml::node& node,
                     const Ingredient& ing, Quantity basis,
                     std::array<std::string, species_count>& owner) {
    const std::string what = fmt::format("totals.{}", name);
    const auto* t = node.as_table();
    if (!t)
        fail_at(file, node,
                fmt::format("{}: expected {{ mass = \"8.4 g\", of = [\"glucose\", ...], source = "
                            "\"...\" }}",
                            what));
    LinearFact fact;
    fact.name = std::string(name);
    fact.source = t->get("source") && t->get("source")->is_string()
                      ? std::string(*t->get("source")->value<std::string>())
                      : std::string();
    RangeNodes n = range_nodes(file, node, what, {"mass", "of", "balance"});
    const toml::node* mass = t->get("mass");
    if (mass && n.value)
        fail_at(file, *mass, fmt::format("{}: give 'mass' or 'value', not both", what));
    if (mass) n.value = mass;
    const toml::node* balance = t->get("balance");
    if (balance && (!balance->is_boolean() || !*balance->value<bool>()))
        fail_at(file, *balance, fmt::format("{}: balance = true or nothing", what));
    fact.from_balance = balance != nullptr;
    if (fact.from_balance && (n.value || n.min || n.max))
        fail_at(file, node,
                fmt::format("{}: a charge balance takes its bounds from the other ions: give no "
                            "value, min or max",
                            what));

    // The unit all figures share, which sets the weights.
    std::vector<std::pair<const toml::node*, Stated>> figures;
    for (const toml::node* v : {n.value, n.min, n.max})
        if (v) figures.emplace_back(v, stated(file, *v, ing, basis, what));
    fact.unit = fact.from_balance ? "mEq" : "";
    for (const auto& [v, st] : figures) {
        std::string_view kind = unit_kind(st.amount);
        if (kind.empty()) fail_at(file, *v, fmt::format("{}: expected g, mg, mmol or mEq", what));
        if (!fact.unit.empty() && fact.unit != kind)
            fail_at(file, *v, fmt::format("{}: every figure in the same kind of unit", what));
        fact.unit = std::string(kind);
    }
    if (mass && fact.unit != "g") fail_at(file, *mass, fmt::format("{}: mass in g or mg", what));

    const toml::node* of = t->get("of");
    const auto* list = of ? of->as_array() : nullptr;
    if (!list || list->empty())
        fail_at(file, of ? *of : node,
                fmt::format("{}: 'of' lists the species the total is made of", what));
    for (const auto& el : *list) {
        auto species_name = el.value<std::string>();
        auto s = species_name ? species_from_name(*species_name) : std::nullopt;
        if (!s) fail_at(file, el, fmt::format("{}: 'of' expects species names", what));
        auto i = static_cast<std::size_t>(*s);
        if (fact.weight[i] > 0) fail_at(file, el, fmt::format("{}: {} twice", what, *species_name));
        if (!owner[i].empty())
            fail_at(file, el,
                    fmt::format("{}: {} is already in totals.{} (a species may be in one total)",
                                what, *species_name, owner[i]));
        owner[i] = fact.name;
        fact.weight[i] = fact_weight(file, el, *s, fact.unit);
    }
    if (fact.from_balance) return fact;

    auto amount = [&](const toml::node* v, double PerUnit::*end) -> std::optional<double> {
        if (!v) return std::nullopt;
        for (const auto& [node_ptr, st] : figures)
            if (node_ptr == v) {
                double a = fact.unit == "g" ? *to_grams(st.amount) : st.amount.value;
                return a * (st.per.*end);
            }
        return std::nullopt;
    };
    ContentRange r = assemble(file, node, what, amount(n.value, &PerUnit::nominal),
                              amount(n.value, &PerUnit::lo), amount(n.value, &PerUnit::hi),
                              amount(n.min, &PerUnit::lo), amount(n.max, &PerUnit::hi));
    fact.lo = r.lo;
    fact.hi = r.hi;
    fact.nominal = r.nominal;
    return fact;
}

// Electroneutrality bounds the charge the fact's ions carry by the other ions' charges: the
// ions of the other sign minus the other ions of the same sign. Only where the entry states it
// (docs/decisions/0060: acids and untracked ions make it unsound in general).
void bound_by_charge_balance(const std::string& file, const toml::node& node, LinearFact& fact,
                             const Ingredient& ing) {
    int sign = 0;
    for (const auto& s : all_species()) {
        if (fact.weight[static_cast<std::size_t>(s.species)] <= 0) continue;
        int this_sign = s.charge > 0 ? 1 : -1;
        if (sign != 0 && sign != this_sign)
            fail_at(file, node,
                    fmt::format("totals.{}: a charge balance bounds ions of one sign", fact.name));
        sign = this_sign;
    }
    double lo = 0, hi = 0, nominal = 0;
    bool has_nominal = true;
    for (const auto& s : all_species()) {
        if (s.charge == 0 || fact.weight[static_cast<std::size_t>(s.species)] > 0) continue;
        ContentRange r = species_content(ing, s.species);
        if (!r.hi)
            fail_at(file, node,
                    fmt::format("totals.{}: a charge balance needs every other ion bounded; {} "
                                "has no value or range",
                                fact.name, s.name));
        const double z = std::abs(s.charge);
        const bool opposite = (s.charge > 0 ? 1 : -1) != sign;
        lo += opposite ? z * r.lo : -z * *r.hi;
        hi += opposite ? z * *r.hi : -z * r.lo;
        if (r.nominal)
            nominal += (opposite ? z : -z) * *r.nominal;
        else
            has_nominal = false;
    }
    if (hi < 0)
        fail_at(file, node,
                fmt::format("totals.{}: the other ions do not balance: their charge leaves "
                            "nothing for {}",
                            fact.name, fact.name));
    fact.lo = std::max(lo, 0.0);
    fact.hi = hi;
    if (has_nominal) fact.nominal = std::clamp(nominal, fact.lo, hi);
}

// The fact's total must be reachable by its species inside their own ranges.
void check_reachable(const std::string& file, const toml::node& node, const LinearFact& fact,
                     const Ingredient& ing) {
    double least = 0, most = 0;
    bool most_bounded = true;
    for (std::size_t i = 0; i < species_count; ++i) {
        if (fact.weight[i] <= 0) continue;
        const ContentRange& r = ing.species_range[i];
        least += fact.weight[i] * r.lo;
        if (r.hi)
            most += fact.weight[i] * *r.hi;
        else
            most_bounded = false;
    }
    const double slack = 1e-9 * std::max(1.0, std::abs(least));
    if (fact.hi && least > *fact.hi + slack)
        fail_at(file, node,
                fmt::format("totals.{}: its species' own values add up to more than the total",
                            fact.name));
    if (most_bounded && most + slack < fact.lo)
        fail_at(
            file, node,
            fmt::format("totals.{}: its species' own maxima cannot reach the total", fact.name));
}

// Species a fact names without a nominal of their own share what the others leave of its
// nominal total, equally by weight (display and objective only: the bounds come from the fact).
void share_nominal(const LinearFact& fact, Ingredient& ing) {
    if (!fact.nominal) return;
    double rest = *fact.nominal;
    int open = 0;
    for (std::size_t i = 0; i < species_count; ++i) {
        if (fact.weight[i] <= 0) continue;
        if (ing.species_range[i].nominal)
            rest -= fact.weight[i] * *ing.species_range[i].nominal;
        else
            ++open;
    }
    if (open == 0) return;
    for (std::size_t i = 0; i < species_count; ++i) {
        ContentRange& r = ing.species_range[i];
        if (fact.weight[i] <= 0 || r.nominal) continue;
        double share = std::max(rest, 0.0) / open / fact.weight[i];
        r.nominal = std::clamp(share, r.lo, r.hi.value_or(share));
    }
}

void read_totals(const std::string& file, const toml::table& t, Ingredient& ing, Quantity basis) {
    const toml::node* node = t.get("totals");
    if (!node) return;
    const auto* totals = node->as_table();
    if (!totals) fail_at(file, *node, "totals: expected a table of totals ([id.totals])");
    std::array<std::string, species_count> owner{};
    std::vector<const toml::node*> nodes;
    for (auto&& [key, child] : *totals) {
        ing.facts.push_back(read_fact(file, key.str(), child, ing, basis, owner));
        nodes.push_back(&child);
    }
    // Stated totals first: a charge balance may lean on ions they bound.
    for (std::size_t k = 0; k < ing.facts.size(); ++k)
        if (!ing.facts[k].from_balance) check_reachable(file, *nodes[k], ing.facts[k], ing);
    for (std::size_t k = 0; k < ing.facts.size(); ++k)
        if (ing.facts[k].from_balance) {
            LinearFact fact = ing.facts[k];
            ing.facts.erase(ing.facts.begin() + static_cast<std::ptrdiff_t>(k));
            bound_by_charge_balance(file, *nodes[k], fact, ing);
            check_reachable(file, *nodes[k], fact, ing);
            ing.facts.insert(ing.facts.begin() + static_cast<std::ptrdiff_t>(k), fact);
        }
    for (const auto& fact : ing.facts)
        share_nominal(fact, ing);
}

void read_osmolality(const std::string& file, const toml::table& t, Ingredient& ing) {
    const toml::node* o = t.get("osmolality");
    if (!o) return;
    if (!ing.is_liquid()) fail_at(file, *o, "osmolality: only for liquids");
    // mOsm/kg of water taken as mOsm/L: within a few percent for dilute drinks.
    ContentRange r = read_fixed_unit_range(
        file, *o, {"mOsm/kg", "mOsm/L"}, "osmolality", [&](const toml::node& at, double v) {
            // Over ten times the most hyperosmolar drinks in the library (apple juice, about
            // 700 mOsm/kg): a larger figure is a typo.
            if (v > 10000) fail_at(file, at, "osmolality: expected at most 10000 mOsm/kg");
        });
    const double per_ml = 1.0 / 1000;
    ing.measured_osmoles =
        ContentRange{r.nominal ? std::optional(*r.nominal * per_ml) : std::nullopt, r.lo * per_ml,
                     r.hi ? std::optional(*r.hi * per_ml) : std::nullopt};
}

} // namespace

void read_density(const std::string& file, const toml::node& node, Ingredient& ing) {
    ContentRange r =
        read_fixed_unit_range(file, node, {"g/mL"}, "density", [&](const toml::node& at, double v) {
            // Drinks lie between ethanol (0.79 g/mL) and honey (about 1.42 g/mL); outside a
            // generous 0.7-2 the value is a typo that would scale every constituent (found by
            // tests/cli/test_hostile_input.cpp: "1e308 g/mL" loaded and overflowed in compose).
            if (v < 0.7 || v > 2) fail_at(file, at, "density: expected 0.7 to 2 g/mL for a drink");
        });
    if (!r.hi) fail_at(file, node, "density: a range needs a max");
    ing.density_g_per_ml = r.nominal;
    if (!r.is_point()) ing.density_range = r;
}

void read_composite_content(const std::string& file, const toml::table& t, Ingredient& ing,
                            Quantity basis) {
    for (auto& v : ing.mmol_per_unit)
        v.reset(); // unknown unless stated
    for (auto& r : ing.species_range)
        r = ContentRange{};
    for (const auto& s : all_species()) {
        const toml::node* n = t.get(s.name);
        if (!n) continue;
        ContentRange r = read_species(file, *n, s.species, ing, basis);
        ing.species_range[static_cast<std::size_t>(s.species)] = r;
        if (r.is_point()) at(ing.mmol_per_unit, s.species) = r.lo;
    }
    read_known_zero(file, t, ing);
    read_totals(file, t, ing, basis);
    read_osmolality(file, t, ing);

    // A single osmole figure where the data give one (every osmotic species exact, or a measured
    // point); otherwise the least the data allow, for code that only needs a lower bound.
    bool all_exact = true;
    double particles = 0;
    for (const auto& s : all_species())
        if (s.osmotic) {
            all_exact = all_exact && at(ing.mmol_per_unit, s.species).has_value();
            particles += at(ing.mmol_per_unit, s.species).value_or(0);
        }
    if (ing.measured_osmoles && ing.measured_osmoles->is_point()) {
        ing.osmole_basis = OsmoleBasis::measured;
        ing.mosm_per_unit = ing.measured_osmoles->lo;
    } else if (!ing.measured_osmoles && all_exact) {
        ing.osmole_basis = OsmoleBasis::particles;
        ing.mosm_per_unit = particles;
    } else {
        ing.osmole_basis = OsmoleBasis::unknown;
        ContentForm osmoles;
        osmoles.osmoles = 1;
        ing.mosm_per_unit = content_bounds(ing, osmoles).lo.value_or(0);
    }
}

} // namespace orscalc::detail
