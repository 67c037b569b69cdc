// Data integrity of the shipped library (issue 6), checked independently of the loader's own
// validation: every entry and every value that carries its own provenance names a source;
// compounds are electrically neutral and their dissociation adds up to their formula; composite
// drinks with complete ion data are nearly neutral and their particle sum agrees with the
// osmolality their source measured; every ORS product meets the target it is made to (issue 16).
// Any violation fails here, before a user sees the number.
#include "orscalc/library.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <map>
#include <optional>
#include <toml++/toml.h>

using namespace orscalc;

namespace {

const Library& shipped() {
    static const Library lib = Library::load();
    return lib;
}

bool has_source(const toml::node* table, std::string_view key = "source") {
    const toml::table* t = table ? table->as_table() : nullptr;
    const toml::node* s = t ? t->get(key) : nullptr;
    return s && s->is_string() && !s->value<std::string>()->empty();
}

// mEq per base unit (g or mL) of cations and of anions over the known species.
struct Charges {
    double cations = 0, anions = 0;
};
Charges known_charges(const Ingredient& ing) {
    Charges c;
    for (const auto& s : all_species())
        if (s.charge != 0)
            (s.charge > 0 ? c.cations : c.anions) +=
                at(ing.mmol_per_unit, s.species).value_or(0) * std::abs(s.charge);
    return c;
}
// The same, or nullopt when any charged species is unknown.
std::optional<Charges> charges(const Ingredient& ing) {
    for (const auto& s : all_species())
        if (s.charge != 0 && !at(ing.mmol_per_unit, s.species)) return std::nullopt;
    return known_charges(ing);
}

// Complete ion data for a label or food table: sodium, potassium and chloride known, and the
// other anion the drink is buffered with (citrate, bicarbonate or sulfate) known and present.
// Trace ions the source leaves unlisted then count as absent.
bool complete_ions(const Ingredient& ing) {
    for (Species s : {Species::sodium, Species::potassium, Species::chloride})
        if (!at(ing.mmol_per_unit, s)) return false;
    for (Species s : {Species::citrate, Species::bicarbonate, Species::sulfate})
        if (at(ing.mmol_per_unit, s).value_or(0) > 0) return true;
    return false;
}

// mOsm per base unit from particles alone, over the osmotic species that are known.
double known_particles(const Ingredient& ing) {
    double sum = 0;
    for (const auto& s : all_species())
        if (s.osmotic) sum += at(ing.mmol_per_unit, s.species).value_or(0);
    return sum;
}

} // namespace

TEST_CASE("data integrity: every entry and every value with its own provenance has a source") {
    // Read the embedded TOML itself, so that a source the loader does not keep (a density's, an
    // osmolality's) is checked too.
    int entries = 0, sourced_values = 0;
    for (const RecipeText& file : embedded_recipes()) {
        toml::table doc = toml::parse(std::string_view(file.text), std::string_view(file.name));
        for (auto&& [key, node] : doc) {
            std::string id(key.str()); // clang 14: INFO cannot capture a structured binding
            INFO(file.name << ": [" << id << "]");
            ++entries;
            CHECK(has_source(&node));
            const toml::table& entry = *node.as_table();
            for (std::string_view key : {"density", "osmolality"})
                if (const toml::node* value = entry.get(key)) {
                    INFO(key);
                    CHECK(has_source(value));
                    ++sourced_values;
                }
            if (const toml::table* measures = entry["measures"].as_table())
                for (auto&& [name, measure] : *measures) {
                    std::string what = "measures." + std::string(name.str());
                    INFO(what);
                    CHECK(has_source(&measure));
                    ++sourced_values;
                }
            if (const toml::table* ranges = entry["ranges"].as_table())
                for (auto&& [quantity, range] : *ranges) {
                    std::string what = "ranges." + std::string(quantity.str());
                    INFO(what);
                    CHECK(has_source(&range, "why"));
                    ++sourced_values;
                }
        }
    }
    MESSAGE("entries with a source: " << entries << ", sourced values: " << sourced_values);
    CHECK(entries == static_cast<int>(shipped().ingredients().size() + shipped().targets().size()));
    // And as loaded: ingredients, measures, targets and ranges.
    for (const auto& ing : shipped().ingredients()) {
        INFO(ing.id);
        CHECK_FALSE(ing.source.empty());
        for (const auto& m : ing.measures)
            CHECK_FALSE(m.source.empty());
    }
    for (const auto& t : shipped().targets()) {
        INFO(t.id);
        CHECK_FALSE(t.source.empty());
        for (const auto& r : t.ranges)
            CHECK_FALSE(r.why.empty());
    }
}

TEST_CASE("data integrity: compounds are neutral and dissociate into exactly their formula") {
    // Per gram: the dissociated species' mass plus whole molecules of water of hydration per
    // formula unit make up the gram (IUPAC weights throughout, so the tolerance is rounding).
    const double water_g_per_mmol = molar_mass(parse_formula("H2O")) / 1000;
    int checked = 0;
    for (const auto& ing : shipped().ingredients()) {
        if (ing.kind != IngredientKind::compound) continue;
        INFO(ing.id);
        ++checked;
        REQUIRE(ing.molar_mass_g_per_mol);
        auto c = charges(ing);
        REQUIRE(c); // a compound's species are all known (the rest are zero)
        CHECK(std::abs(c->cations - c->anions) <= 1e-9 * std::max(1.0, c->cations));
        double species_g = 0;
        for (const auto& s : all_species())
            species_g +=
                at(ing.mmol_per_unit, s.species).value_or(0) * species_molar_mass(s.species) / 1000;
        CHECK(species_g > 0);
        CHECK(species_g <= 1 + 1e-9);
        double formula_units_mmol = 1000 / *ing.molar_mass_g_per_mol;
        double waters = (1 - species_g) / water_g_per_mmol / formula_units_mmol;
        INFO("water of hydration per formula unit: " << waters);
        CHECK(std::abs(waters - std::round(waters)) < 1e-3);
        CHECK(ing.osmole_basis == OsmoleBasis::particles);
        CHECK(ing.mosm_per_unit == doctest::Approx(known_particles(ing)));
    }
    MESSAGE("compounds checked: " << checked);
    CHECK(checked >= 10);
}

TEST_CASE("data integrity: products made of compounds are neutral, composites nearly so") {
    // Products are mixed from compounds by mass, so they balance exactly. Composites come from
    // labels and food tables: values rounded to whole mg or mEq, and trace ions (phosphate,
    // lactate, malate in juices) are not listed. A composite with complete ion data must still
    // balance within 10% of its cations: more means a value is wrong.
    int products = 0, composites = 0;
    for (const auto& ing : shipped().ingredients()) {
        INFO(ing.id);
        auto c = charges(ing);
        if (ing.kind == IngredientKind::product) {
            REQUIRE(c);
            ++products;
            CHECK(std::abs(c->cations - c->anions) <= 1e-9 * std::max(1.0, c->cations));
        } else if (ing.kind == IngredientKind::composite && complete_ions(ing)) {
            ++composites;
            Charges k = known_charges(ing);
            INFO("cations " << k.cations << " anions " << k.anions << " mEq per base unit");
            CHECK(std::abs(k.cations - k.anions) <= 0.10 * k.cations);
        }
    }
    MESSAGE("products balanced: " << products << ", composites with complete ions: " << composites);
    CHECK(products >= 5);
    CHECK(composites >= 1);
}

TEST_CASE("data integrity: composites' particle sum agrees with their measured osmolality") {
    // A measured osmolality (mOsm/kg, taken as mOsm/L for dilute drinks) against the sum of
    // the particles the source lists. With complete ion data and every sugar known the two must
    // agree within 15%: the osmotic coefficient of ORS-strength electrolytes is about 0.93,
    // labels round, and trace ions are left out. Otherwise the known particles are a lower bound
    // and may not exceed the measured value by more than the same 15%.
    int complete = 0, bounded = 0;
    for (const auto& ing : shipped().ingredients()) {
        if (ing.kind != IngredientKind::composite || ing.osmole_basis != OsmoleBasis::measured)
            continue;
        INFO(ing.id);
        const double per_l = ing.is_liquid() ? 1000 : 0;
        REQUIRE(per_l > 0); // the loader allows osmolality for liquids only
        double measured = ing.mosm_per_unit * per_l;
        double particles = known_particles(ing) * per_l;
        bool all_known = complete_ions(ing);
        for (Species s : {Species::glucose, Species::fructose, Species::sucrose})
            all_known = all_known && at(ing.mmol_per_unit, s).has_value();
        INFO("measured " << measured << " mOsm/L, particles " << particles << " mOsm/L");
        CHECK(measured > 0);
        if (all_known) {
            ++complete;
            CHECK(std::abs(particles - measured) <= 0.15 * measured);
        } else {
            ++bounded;
            CHECK(particles <= 1.15 * measured);
        }
    }
    MESSAGE("osmolality checked: complete " << complete << ", lower bound " << bounded);
    CHECK(complete >= 1);
    CHECK(complete + bounded >= 2);
}

TEST_CASE("data integrity: constituents are finite and non-negative, measures weigh something") {
    for (const auto& ing : shipped().ingredients()) {
        INFO(ing.id);
        for (const auto& v : ing.mmol_per_unit)
            CHECK((!v || (std::isfinite(*v) && *v >= 0)));
        CHECK(std::isfinite(ing.mosm_per_unit));
        CHECK(ing.mosm_per_unit >= 0);
        if (ing.density_g_per_ml)
            CHECK((*ing.density_g_per_ml > 0.9 && *ing.density_g_per_ml < 1.5));
        for (const auto& m : ing.measures)
            CHECK((m.grams > 0 || m.makes_ml || ing.is_liquid()));
    }
}

namespace {

// One serving of an ORS product as its maker tells you to make it: a sachet in the water it is
// made for, a ready-to-drink product by the litre. nullopt when the entry says neither.
std::optional<Composition> made_as_directed(const Ingredient& ors) {
    Mixture m;
    if (ors.kind == IngredientKind::product) {
        const Measure* sachet = ors.measure(Unit::sachet);
        if (!sachet || !sachet->makes_ml) return std::nullopt;
        m.lines.push_back({&ors, parse_quantity("1 sachet")});
        m.make_up_to_ml = *sachet->makes_ml;
    } else if (ors.kind == IngredientKind::composite && ors.is_liquid()) {
        m.lines.push_back({&ors, parse_quantity("1 L")});
    } else {
        return std::nullopt;
    }
    return compose(m);
}

// The target each ORS product is made to, by its maker's label or the guideline that lists it.
// A new ORS product must be added here: naming its intended class is part of entering it.
const std::map<std::string, std::string, std::less<>> intended_target{
    {"who-ors-sachet", "who-2002"},                  // WHO/FCH/CAH/06.1 table 1
    {"who-1975-ors-sachet", "who-1975"},             // WHO/FCH/CAH/06.1 table 1
    {"hydrite", "who-2002"},                         // the reduced-osmolarity formula, 1/5 sachet
    {"medimets-ors", "who-2002"},                    // the reduced-osmolarity formula, 1/2 sachet
    {"ors-global-750", "who-2002"},                  // the reduced-osmolarity formula, 3/4 sachet
    {"pedialyte-classic", "aap-maintenance"},        // Abbott: meets the AAP Committee on Nutrition
    {"pediatric-electrolyte-ca", "aap-maintenance"}, // "electrolyte maintenance solution"
    {"rehydralyte", "aap-rehydration"},              // Medscape 906999 table 3
    {"resomal-sachet", "resomal"},                   // UNICEF S1561125
};

} // namespace

TEST_CASE("data integrity: every ORS product meets a target, the one it is made to") {
    // A product that meets no target is a data error or a missing target, never accepted
    // silently (issue 16): made as directed, it must meet (every hard and soft range holds)
    // the target of its class, and every ORS entry must name that class above.
    int products = 0;
    for (const auto& ing : shipped().ingredients()) {
        if (!ing.has_tag("ors")) continue;
        INFO(ing.id);
        ++products;
        auto c = made_as_directed(ing);
        REQUIRE_MESSAGE(c, "an ORS entry needs a sachet that makes a volume, or be a drink");
        std::vector<std::string> met;
        for (const auto& t : shipped().targets())
            if (evaluate(t, *c).verdict == Verdict::meets) met.push_back(t.id);
        INFO("meets: " << [&] {
            std::string s;
            for (const auto& id : met)
                s += id + " ";
            return s;
        }());
        CHECK_FALSE(met.empty());
        auto intended = intended_target.find(ing.id);
        REQUIRE_MESSAGE(intended != intended_target.end(),
                        "name the target this ORS product is made to in intended_target");
        CHECK(std::find(met.begin(), met.end(), intended->second) != met.end());
    }
    MESSAGE("ORS products checked: " << products);
    CHECK(products >= 8); // issue 13: at least 8 ORS products
    CHECK(products == static_cast<int>(intended_target.size())); // no stale names above
}

TEST_CASE("data integrity: the library holds the drinks people improvise with") {
    // Issue 13: at least 25 drinks (juices, broths, soft, sports and electrolyte drinks) beside
    // the ORS products; each is a liquid whose sodium is bounded (a value or a sourced range).
    int drinks = 0;
    for (const auto& ing : shipped().ingredients())
        if (ing.kind == IngredientKind::composite && ing.is_liquid() && !ing.has_tag("ors")) {
            INFO(ing.id);
            ++drinks;
            ContentForm sodium;
            sodium.species[static_cast<std::size_t>(Species::sodium)] = 1;
            CHECK(content_bounds(ing, sodium).bounded()); // a value or a sourced range
        }
    MESSAGE("drinks: " << drinks);
    CHECK(drinks >= 25);
}

TEST_CASE("data integrity: every target bounds sodium and osmolarity hard, inside the envelope, "
          "and says what it is for") {
    for (const auto& t : shipped().targets()) {
        INFO(t.id);
        CHECK_FALSE(t.purpose.empty());
        for (std::string_view q : {"sodium", "osmolarity"}) {
            INFO(q);
            const TargetRange* r = t.range(q);
            REQUIRE(r);
            CHECK(r->hard);
            CHECK(r->min.has_value()); // too little sodium or too few particles: not an ORS
            CHECK(r->max.has_value());
        }
        for (const auto& limit : safety_envelope())
            if (const TargetRange* r = t.range(limit.quantity); r && r->hard && r->max)
                CHECK(*r->max <= limit.max);
    }
}
