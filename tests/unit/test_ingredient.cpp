// content_bounds: what an ingredient's data guarantee about a linear form of its content.
#include "fixture.hpp"
#include "orscalc/ingredient.hpp"

#include <doctest/doctest.h>

using namespace orscalc;

namespace {
ContentForm sodium_form() {
    ContentForm f;
    f.species[static_cast<std::size_t>(Species::sodium)] = 1;
    return f;
}
} // namespace

TEST_CASE("content_bounds of point data is the value itself") {
    const Ingredient& nacl = fixture_library().ingredient("sodium-chloride");
    ContentBounds b = content_bounds(nacl, sodium_form());
    REQUIRE(b.bounded());
    // 1 g NaCl = 1000 / 58.44 mmol of sodium.
    CHECK(*b.lo == doctest::Approx(17.112).epsilon(1e-4));
    CHECK(*b.hi == *b.lo);
    ContentForm osm;
    osm.osmoles = 1;
    CHECK(*content_bounds(nacl, osm).hi == doctest::Approx(2 * 17.112).epsilon(1e-4));
}

TEST_CASE("content_bounds is unbounded on the side where an unknown species can grow") {
    Ingredient ing;
    ing.id = "mystery";
    at(ing.mmol_per_unit, Species::sodium) = 10.0;
    ContentForm f = sodium_form();
    CHECK(content_bounds(ing, f).bounded());
    f.species[static_cast<std::size_t>(Species::potassium)] = -2; // potassium unknown
    ContentBounds b = content_bounds(ing, f);
    CHECK_FALSE(b.lo.has_value()); // potassium without bound: 10 - 2K has no least value
    REQUIRE(b.hi.has_value());     // but amounts are never negative: at most 10 (K = 0)
    CHECK(*b.hi == 10);
    ContentForm osm;
    osm.osmoles = 1; // osmole basis unknown: the particles, potassium among them
    ContentBounds ob = content_bounds(ing, osm);
    CHECK_FALSE(ob.hi.has_value());
    CHECK(ob.lo.value_or(-1) == 10); // the sodium is sure
}

namespace {

constexpr std::size_t idx(Species s) {
    return static_cast<std::size_t>(s);
}

ContentForm form_of(std::initializer_list<std::pair<Species, double>> terms, double osmoles = 0) {
    ContentForm f;
    for (auto [s, k] : terms)
        f.species[idx(s)] = k;
    f.osmoles = osmoles;
    return f;
}

// Hand-computed molar masses (IUPAC 2021 conventional weights, as in chemistry.cpp):
// glucose and fructose C6H12O6 = 180.156, sucrose C12H22O11 = 342.297 g/mol.
constexpr double monosaccharide_g_per_mmol = 0.180156;
constexpr double sucrose_g_per_mmol = 0.342297;

// Per unit: sodium 1-3 mmol (a range), every other species known zero but the three sugars,
// which add up to `sugars_g` grams with an unknown split.
Ingredient juice_like(double sugars_lo_g, double sugars_hi_g) {
    Ingredient ing;
    ing.id = "juice-like";
    for (auto& v : ing.mmol_per_unit)
        v = 0.0;
    for (Species s : {Species::sodium, Species::glucose, Species::fructose, Species::sucrose})
        at(ing.mmol_per_unit, s).reset();
    ing.species_range[idx(Species::sodium)] = ContentRange{2.0, 1.0, 3.0};
    LinearFact sugars;
    sugars.name = "sugars";
    sugars.weight[idx(Species::glucose)] = monosaccharide_g_per_mmol;
    sugars.weight[idx(Species::fructose)] = monosaccharide_g_per_mmol;
    sugars.weight[idx(Species::sucrose)] = sucrose_g_per_mmol;
    sugars.lo = sugars_lo_g;
    sugars.hi = sugars_hi_g;
    ing.facts.push_back(sugars);
    return ing;
}

} // namespace

TEST_CASE("content_bounds over a box of species ranges") {
    Ingredient ing;
    ing.species_range[idx(Species::sodium)] = ContentRange{2.0, 1.0, 3.0};
    ing.species_range[idx(Species::potassium)] = ContentRange{3.0, 2.0, 4.0};
    // Na - 2K: least at Na 1, K 4 (1 - 8), greatest at Na 3, K 2 (3 - 4).
    ContentBounds b =
        content_bounds(ing, form_of({{Species::sodium, 1}, {Species::potassium, -2}}));
    CHECK(b.lo.value_or(0) == doctest::Approx(-7));
    CHECK(b.hi.value_or(0) == doctest::Approx(-1));
    // A range of width zero is a point.
    ing.species_range[idx(Species::potassium)] = ContentRange::point(2.5);
    b = content_bounds(ing, form_of({{Species::potassium, 4}}));
    CHECK(b.lo.value_or(0) == doctest::Approx(10));
    CHECK(b.hi.value_or(0) == doctest::Approx(10));
}

TEST_CASE("a sugars total with an unknown split bounds the osmoles") {
    Ingredient ing = juice_like(8.4, 8.4);
    ContentBounds b = content_bounds(ing, form_of({}, 1));
    // Fewest particles: all 8.4 g as sucrose (8.4 / 0.342297 = 24.540 mmol); most: all as a
    // monosaccharide (8.4 / 0.180156 = 46.626 mmol); plus sodium 1-3.
    CHECK(b.lo.value_or(0) == doctest::Approx(1 + 24.5401).epsilon(1e-5));
    CHECK(b.hi.value_or(0) == doctest::Approx(3 + 46.6262).epsilon(1e-5));
}

TEST_CASE("a sugars total with an unknown split bounds glucose_equivalent") {
    Ingredient ing = juice_like(8.4, 8.4);
    ContentForm ge = form_of({{Species::glucose, 1}, {Species::sucrose, 1}});
    ContentBounds b = content_bounds(ing, ge);
    // Least: all fructose (not glucose-equivalent): 0. Greatest: all glucose, 46.626 mmol
    // (glucose gives more mmol per gram than sucrose).
    CHECK(b.lo.value_or(-1) == doctest::Approx(0));
    CHECK(b.hi.value_or(0) == doctest::Approx(46.6262).epsilon(1e-5));

    // Sucrose stated on its own (2 mmol = 0.684594 g): the rest, 7.715406 g, is glucose or
    // fructose: glucose_equivalent 2 + 0 ... 2 + 42.8262.
    at(ing.mmol_per_unit, Species::sucrose) = 2.0;
    b = content_bounds(ing, ge);
    CHECK(b.lo.value_or(0) == doctest::Approx(2));
    CHECK(b.hi.value_or(0) == doctest::Approx(2 + 7.715406 / 0.180156).epsilon(1e-5));

    // A total stated as a range, 6-9 g: glucose_equivalent up to 9 / 0.180156 = 49.957; the
    // osmoles at least 6 / 0.342297 = 17.529 (+ sodium 1).
    Ingredient ranged = juice_like(6, 9);
    CHECK(content_bounds(ranged, ge).hi.value_or(0) == doctest::Approx(49.9567).epsilon(1e-5));
    CHECK(content_bounds(ranged, form_of({}, 1)).lo.value_or(0) ==
          doctest::Approx(1 + 17.5286).epsilon(1e-5));
}

TEST_CASE("the ratio form glucose_equivalent - r x sodium over a total and a sodium range") {
    Ingredient ing = juice_like(8.4, 8.4);
    const double r = 2;
    ContentBounds b = content_bounds(
        ing, form_of({{Species::glucose, 1}, {Species::sucrose, 1}, {Species::sodium, -r}}));
    // Least: no glucose-equivalent, sodium 3: -6. Greatest: 46.626 glucose, sodium 1: 44.626.
    CHECK(b.lo.value_or(0) == doctest::Approx(-6));
    CHECK(b.hi.value_or(0) == doctest::Approx(46.6262 - 2).epsilon(1e-5));
}

TEST_CASE("a total without a maximum leaves the sugars unbounded above") {
    Ingredient ing = juice_like(5, 5);
    ing.facts[0].hi.reset(); // at least 5 g of sugars
    ContentBounds b = content_bounds(ing, form_of({{Species::glucose, 1}}));
    CHECK(b.lo.value_or(-1) == doctest::Approx(0));
    CHECK_FALSE(b.hi.has_value());
    // Yet the osmoles are at least 5 g as sucrose.
    CHECK(content_bounds(ing, form_of({}, 1)).lo.value_or(0) ==
          doctest::Approx(1 + 5 / 0.342297).epsilon(1e-5));
}
