#include "recipe_parser.hpp"
#include "recipe_ranges.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace orscalc::detail {
namespace {

constexpr std::string_view kind_key = "kind";

bool allowed_key(std::string_view key, std::initializer_list<std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), key) != allowed.end();
}

std::vector<std::string> names_of(std::initializer_list<std::string_view> allowed) {
    return {allowed.begin(), allowed.end()};
}

double require_number(const std::string& file, const toml::node& node, std::string_view what) {
    // value<double>() also accepts booleans: check the type first.
    if (!node.is_number()) fail_at(file, node, fmt::format("{}: expected a number", what));
    double v = *node.value<double>();
    if (!std::isfinite(v)) fail_at(file, node, fmt::format("{}: not a finite number", what));
    return v;
}

std::optional<double> optional_number(const std::string& file, const toml::table& t,
                                      std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    return require_number(file, *n, key);
}

std::string optional_string(const std::string& file, const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return {};
    if (!n->is_string()) fail_at(file, *n, fmt::format("{}: expected a string", key));
    return std::string(*n->value<std::string>());
}

bool optional_bool(const std::string& file, const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return false;
    if (!n->is_boolean()) fail_at(file, *n, fmt::format("{}: expected true or false", key));
    return *n->value<bool>();
}

const toml::table& require_table(const std::string& file, const toml::table& t,
                                 std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) fail_at(file, t, fmt::format("missing '{}'", key));
    if (!n->is_table()) fail_at(file, *n, fmt::format("{}: expected a table", key));
    return *n->as_table();
}

// A value is either "140 mg" or { value = "140 mg", source = "..." }.
const toml::node& value_node(const std::string& file, const toml::node& node,
                             std::string_view key) {
    if (const auto* t = node.as_table()) {
        reject_unknown_keys(file, *t, {"value", "source"});
        const toml::node* v = t->get("value");
        if (!v) fail_at(file, node, fmt::format("{}: missing 'value'", key));
        if (!t->get("source")) fail_at(file, node, fmt::format("{}: missing 'source'", key));
        return *v;
    }
    return node;
}

std::vector<std::string> read_tags(const std::string& file, const toml::table& t) {
    std::vector<std::string> tags;
    const toml::node* n = t.get("tags");
    if (!n) return tags;
    const auto* arr = n->as_array();
    if (!arr) fail_at(file, *n, "tags: expected an array of strings");
    static const std::vector<std::string> known{
        "juice",        "soft-drink", "caffeinated",   "alcoholic",        "broth",           "ors",
        "sports-drink", "food",       "sodium-source", "potassium-source", "magnesium-source"};
    for (const auto& el : *arr) {
        const auto* s = el.as_string();
        if (!s) fail_at(file, el, "tags: expected strings");
        if (std::find(known.begin(), known.end(), s->get()) == known.end())
            fail_at(file, el, fmt::format("unknown tag '{}'{}", s->get(), [&] {
                        auto m = did_you_mean(s->get(), known);
                        return m.empty() ? "" : " (did you mean '" + m + "'?)";
                    }()));
        tags.push_back(s->get());
    }
    std::sort(tags.begin(), tags.end());
    return tags;
}

std::vector<Measure> read_measures(const std::string& file, const toml::table& t, bool food) {
    std::vector<Measure> measures;
    const toml::node* n = t.get("measures");
    if (!n) return measures;
    const auto* table = n->as_table();
    if (!table) fail_at(file, *n, "measures: expected a table");
    for (auto&& [key, node] : *table) {
        const auto* m = node.as_table();
        std::string name(key.str());
        if (!m)
            fail_at(file, node,
                    fmt::format("measures.{}: expected {{ grams = ..., source = ... }}", name));
        reject_unknown_keys(file, *m, {"grams", "makes", "source"});
        Measure measure;
        measure.name = name;
        auto unit = parse_unit(name);
        if (unit && (dimension_of(*unit) == Dimension::household))
            measure.unit = *unit;
        else if (!food)
            fail_at(file, node,
                    fmt::format("measures.{}: expected tsp, tbsp, cup, pinch or sachet", name));
        else
            measure.unit.reset();
        if (auto g = optional_number(file, *m, "grams")) {
            if (*g <= 0 || *g > max_plausible_amount)
                fail_at(file, *m->get("grams"), "grams must be positive and at most a million");
            measure.grams = *g;
        }
        if (const toml::node* makes = m->get("makes")) {
            auto q = quantity_at(file, *makes);
            auto ml = to_ml(q);
            if (!ml || *ml <= 0) fail_at(file, *makes, "makes: expected a volume such as \"1 L\"");
            measure.makes_ml = *ml;
        }
        measure.source = optional_string(file, *m, "source");
        if (measure.source.empty())
            fail_at(file, node, fmt::format("measures.{}: missing 'source'", name));
        measures.push_back(std::move(measure));
    }
    return measures;
}

void finish_osmoles_from_particles(Ingredient& ing) {
    bool all_known = true;
    double mosm = 0;
    for (const auto& s : all_species()) {
        if (!s.osmotic) continue;
        const auto& v = at(ing.mmol_per_unit, s.species);
        if (v)
            mosm += *v;
        else
            all_known = false;
    }
    ing.mosm_per_unit = mosm;
    ing.osmole_basis = all_known ? OsmoleBasis::particles : OsmoleBasis::unknown;
}

void build_compound(const RawEntry& e, Ingredient& ing) {
    reject_unknown_keys(e.file, e.table(), {"kind", "name", "formula", "dissociates", "source"});
    ing.formula = require_string(e.file, e.table(), "formula");
    Formula formula;
    try {
        formula = parse_formula(*ing.formula);
    } catch (const InputError& err) {
        fail_at(e.file, *e.table().get("formula"), err.what());
    }
    const double mass = molar_mass(formula);
    ing.molar_mass_g_per_mol = mass;
    const toml::table& diss = require_table(e.file, e.table(), "dissociates");
    Formula products;
    int charge = 0;
    for (auto& v : ing.mmol_per_unit)
        v = 0.0;
    for (auto&& [key, node] : diss) {
        auto s = species_from_name(key.str());
        if (!s) fail_at(e.file, node, fmt::format("dissociates: unknown species '{}'", key.str()));
        double count = require_number(e.file, node, key.str());
        if (count <= 0 || count != std::floor(count))
            fail_at(e.file, node, "dissociates: counts are positive whole numbers");
        at(ing.mmol_per_unit, *s) = count * 1000 / mass; // mmol per gram
        charge += static_cast<int>(count) * info(*s).charge;
        for (auto& [el, n] : parse_formula(info(*s).formula))
            products[el] += n * static_cast<int>(count);
    }
    if (charge != 0)
        fail_at(e.file, diss,
                fmt::format("dissociates: charges do not balance (net {:+d})", charge));
    // What is left of the formula after the products must be whole water of hydration.
    Formula rest = formula;
    for (auto& [el, n] : products)
        rest[el] -= n;
    std::erase_if(rest, [](const auto& p) { return p.second == 0; });
    int waters = rest.count("O") ? rest.at("O") : 0;
    bool only_water =
        waters >= 0 && rest.size() <= 2 &&
        (rest.empty() || (rest.count("H") && rest.at("H") == 2 * waters && rest.size() == 2));
    if (!only_water)
        fail_at(e.file, diss,
                fmt::format("dissociates: products do not add up to {} (plus water "
                            "of hydration)",
                            *ing.formula));
    finish_osmoles_from_particles(ing);
}

void build_product(const RawEntry& e, Ingredient& ing, const IngredientLookup& lookup) {
    reject_unknown_keys(e.file, e.table(),
                        {"kind", "name", "variety", "components", "source", "measures", "tags"});
    ing.variety = optional_string(e.file, e.table(), "variety");
    ing.measures = read_measures(e.file, e.table(), false);
    ing.tags = read_tags(e.file, e.table());
    const toml::table& comps = require_table(e.file, e.table(), "components");
    for (auto& v : ing.mmol_per_unit)
        v = 0.0;
    // Components are mass fractions (numbers) or grams per piece (strings such as "2.6 g").
    double fraction_sum = 0, grams_sum = 0;
    bool by_fraction = false, by_grams = false;
    struct Part {
        const Ingredient* compound;
        double amount;
    };
    std::vector<Part> parts;
    for (auto&& [key, node] : comps) {
        const Ingredient* c = lookup(key.str());
        if (!c)
            fail_at(e.file, node, fmt::format("components: unknown ingredient '{}'", key.str()));
        if (c->kind != IngredientKind::compound)
            fail_at(e.file, node, fmt::format("components: '{}' is not a compound", key.str()));
        if (node.is_number()) {
            double f = require_number(e.file, node, key.str());
            if (f <= 0 || f > 1) fail_at(e.file, node, "components: a mass fraction is in (0, 1]");
            fraction_sum += f;
            by_fraction = true;
            parts.push_back({c, f});
        } else {
            auto q = quantity_at(e.file, value_node(e.file, node, key.str()));
            auto g = to_grams(q);
            if (!g || *g <= 0) fail_at(e.file, node, "components: expected grams, e.g. \"2.6 g\"");
            grams_sum += *g;
            by_grams = true;
            parts.push_back({c, *g});
        }
    }
    if (parts.empty()) fail_at(e.file, comps, "components: empty");
    if (by_fraction && by_grams)
        fail_at(e.file, comps, "components: use fractions or grams, not both");
    if (by_fraction && fraction_sum > 1 + 1e-9)
        fail_at(e.file, comps,
                fmt::format("components: mass fractions add up to {:.4g} (> 1)", fraction_sum));
    double total = by_grams ? grams_sum : 1.0;
    if (by_grams) {
        // A sachet's weight is its components' sum unless the label states it.
        Measure* sachet = nullptr;
        for (auto& m : ing.measures)
            if (m.unit == Unit::sachet) sachet = &m;
        if (!sachet) fail_at(e.file, comps, "components in grams need measures.sachet");
        if (sachet->grams == 0) sachet->grams = grams_sum;
        total = sachet->grams;
        if (grams_sum > total * (1 + 1e-9))
            fail_at(e.file, comps, "components weigh more than the sachet");
    }
    for (const auto& p : parts)
        for (std::size_t i = 0; i < species_count; ++i)
            *ing.mmol_per_unit[i] += *p.compound->mmol_per_unit[i] * p.amount / total;
    finish_osmoles_from_particles(ing);
}

void build_composite(const RawEntry& e, Ingredient& ing) {
    const toml::table& t = e.table();
    for (auto&& [key, node] : t) {
        std::string_view k = key.str();
        if (species_from_name(k)) continue;
        if (!allowed_key(k, {"kind", "name", "variety", "form", "basis", "density", "source",
                             "osmolality", "tags", "undiluted_warning", "measures", "known_zero",
                             "note", "totals"})) {
            std::vector<std::string> options{"name",     "form",       "basis", "density",
                                             "source",   "osmolality", "tags",  "undiluted_warning",
                                             "measures", "known_zero", "note",  "totals"};
            for (const auto& s : all_species())
                options.emplace_back(s.name);
            auto m = did_you_mean(k, options);
            fail_at(e.file, node,
                    fmt::format("unknown key '{}'{}", k,
                                m.empty() ? "" : " (did you mean '" + m + "'?)"));
        }
    }
    std::string form = require_string(e.file, t, "form");
    if (form == "liquid")
        ing.form = IngredientForm::liquid;
    else if (form == "food")
        ing.form = IngredientForm::food;
    else
        fail_at(e.file, *t.get("form"), "form: expected \"liquid\" or \"food\"");
    ing.variety = optional_string(e.file, t, "variety");
    ing.tags = read_tags(e.file, t);
    ing.undiluted_warning = optional_bool(e.file, t, "undiluted_warning");
    ing.measures = read_measures(e.file, t, ing.form == IngredientForm::food);
    if (const toml::node* d = t.get("density")) read_density(e.file, *d, ing); // recipe_ranges.cpp

    const toml::node* basis_node = t.get("basis");
    if (!basis_node) fail_at(e.file, t, "missing 'basis' (e.g. \"100 g\" or \"240 mL\")");
    Quantity basis = quantity_at(e.file, *basis_node);
    double basis_units = 0; // in the base unit: g for food, mL for liquid
    if (ing.is_liquid()) {
        if (auto ml = to_ml(basis))
            basis_units = *ml;
        else if (auto g = to_grams(basis)) {
            if (!ing.density_g_per_ml)
                fail_at(e.file, *basis_node, "a liquid with a mass basis needs 'density'");
            basis_units = *g / *ing.density_g_per_ml;
        }
    } else if (auto g = to_grams(basis)) {
        basis_units = *g;
    }
    if (basis_units <= 0)
        fail_at(e.file, *basis_node,
                fmt::format("basis: expected a positive {}",
                            ing.is_liquid() ? "volume or mass" : "mass"));

    // Values, ranges, known_zero, totals and osmolality (recipe_ranges.cpp).
    read_composite_content(e.file, t, ing, basis);
}

} // namespace

SourcePosition position(const std::string& file, const toml::node& node) {
    const auto& src = node.source();
    return {file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column)};
}

void fail_at(const std::string& file, const toml::node& node, const std::string& why) {
    throw InputError(position(file, node), why);
}

std::string require_string(const std::string& file, const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) fail_at(file, t, fmt::format("missing '{}'", key));
    if (!n->is_string()) fail_at(file, *n, fmt::format("{}: expected a string", key));
    std::string s = *n->value<std::string>();
    if (s.empty()) fail_at(file, *n, fmt::format("{}: must not be empty", key));
    return s;
}

Quantity quantity_at(const std::string& file, const toml::node& node) {
    const auto* s = node.as_string();
    if (!s) fail_at(file, node, "expected an amount as a string, e.g. \"2.6 g\"");
    try {
        return parse_quantity(s->get());
    } catch (const InputError& err) {
        fail_at(file, node, err.what());
    }
}

void reject_unknown_keys(const std::string& file, const toml::table& t,
                         std::initializer_list<std::string_view> allowed) {
    for (auto&& [key, node] : t) {
        if (allowed_key(key.str(), allowed)) continue;
        auto m = did_you_mean(key.str(), names_of(allowed));
        fail_at(file, node,
                fmt::format("unknown key '{}'{}", key.str(),
                            m.empty() ? "" : " (did you mean '" + m + "'?)"));
    }
}

std::vector<RawEntry> parse_entries(const RecipeText& text) {
    auto doc = std::make_shared<toml::table>();
    if (!text.built_in) reject_toml_parser_traps(text.name, text.text);
    try {
        *doc = toml::parse(std::string_view(text.text), std::string_view(text.name));
    } catch (const toml::parse_error& err) {
        const auto& src = err.source();
        throw InputError(SourcePosition{text.name, static_cast<int>(src.begin.line),
                                        static_cast<int>(src.begin.column)},
                         std::string(err.description()));
    }
    std::vector<RawEntry> entries;
    for (auto&& [key, node] : *doc) {
        const auto* t = node.as_table();
        if (!t)
            fail_at(text.name, node,
                    fmt::format("'{}': expected a table [{}]", key.str(), key.str()));
        entries.push_back({std::string(key.str()), text.name, text.is_target_file, doc, t});
    }
    return entries;
}

Ingredient build_ingredient(const RawEntry& e, const IngredientLookup& lookup) {
    Ingredient ing;
    ing.id = e.id;
    ing.origin = position(e.file, e.table());
    std::string kind = require_string(e.file, e.table(), kind_key);
    ing.name = require_string(e.file, e.table(), "name");
    ing.source = require_string(e.file, e.table(), "source");
    if (kind == "water") {
        reject_unknown_keys(e.file, e.table(), {"kind", "name", "source"});
        ing.kind = IngredientKind::water;
        ing.form = IngredientForm::liquid;
        for (auto& v : ing.mmol_per_unit)
            v = 0.0;
        ing.osmole_basis = OsmoleBasis::particles;
    } else if (kind == "compound") {
        ing.kind = IngredientKind::compound;
        build_compound(e, ing);
    } else if (kind == "product") {
        ing.kind = IngredientKind::product;
        build_product(e, ing, lookup);
    } else if (kind == "composite") {
        ing.kind = IngredientKind::composite;
        build_composite(e, ing);
    } else {
        fail_at(e.file, *e.table().get(kind_key),
                "kind: expected \"water\", \"compound\", \"product\" or \"composite\"");
    }
    return ing;
}

Target build_target(const RawEntry& e) {
    reject_unknown_keys(e.file, e.table(),
                        {"name", "default", "source", "note", "purpose", "ranges"});
    Target t;
    t.id = e.id;
    t.origin = position(e.file, e.table());
    t.name = require_string(e.file, e.table(), "name");
    t.source = require_string(e.file, e.table(), "source");
    t.note = optional_string(e.file, e.table(), "note");
    t.purpose = optional_string(e.file, e.table(), "purpose");
    t.is_default = optional_bool(e.file, e.table(), "default");
    const toml::table& ranges = require_table(e.file, e.table(), "ranges");
    for (auto&& [key, node] : ranges) {
        const auto* r = node.as_table();
        if (!r) fail_at(e.file, node, fmt::format("ranges.{}: expected a table", key.str()));
        if (!is_known_quantity(key.str())) {
            std::vector<std::string> options{"osmolarity", "glucose_equivalent",
                                             "glucose_sodium_ratio"};
            for (const auto& s : all_species())
                options.emplace_back(s.name);
            auto m = did_you_mean(key.str(), options);
            fail_at(e.file, node,
                    fmt::format("ranges: unknown quantity '{}'{}", key.str(),
                                m.empty() ? "" : " (did you mean '" + m + "'?)"));
        }
        reject_unknown_keys(e.file, *r, {"min", "ideal", "max", "weight", "hard", "why"});
        TargetRange range;
        range.quantity = std::string(key.str());
        range.min = optional_number(e.file, *r, "min");
        range.ideal = optional_number(e.file, *r, "ideal");
        range.max = optional_number(e.file, *r, "max");
        range.weight = optional_number(e.file, *r, "weight").value_or(1.0);
        range.hard = optional_bool(e.file, *r, "hard");
        range.why = optional_string(e.file, *r, "why");
        for (auto v : {range.min, range.ideal, range.max})
            if (v && *v < 0)
                fail_at(e.file, node, fmt::format("ranges.{}: negative value", key.str()));
        t.ranges.push_back(std::move(range));
    }
    // Present ranges in a fixed clinical order (species, then derived), not TOML key order.
    auto order = [](const TargetRange& r) {
        if (auto s = species_from_name(r.quantity)) return static_cast<int>(*s);
        if (r.quantity == "glucose_equivalent") return 100;
        if (r.quantity == "glucose_sodium_ratio") return 101;
        return 102; // osmolarity
    };
    std::stable_sort(t.ranges.begin(), t.ranges.end(),
                     [&](const auto& a, const auto& b) { return order(a) < order(b); });
    validate_target(t);
    return t;
}

} // namespace orscalc::detail
