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

TEST_CASE("content_bounds is unbounded when the form weighs an unknown species") {
    Ingredient ing;
    ing.id = "mystery";
    at(ing.mmol_per_unit, Species::sodium) = 10.0;
    ContentForm f = sodium_form();
    CHECK(content_bounds(ing, f).bounded());
    f.species[static_cast<std::size_t>(Species::potassium)] = -2; // potassium unknown
    ContentBounds b = content_bounds(ing, f);
    CHECK_FALSE(b.lo.has_value());
    CHECK_FALSE(b.hi.has_value());
    ContentForm osm;
    osm.osmoles = 1; // osmole basis unknown
    CHECK_FALSE(content_bounds(ing, osm).bounded());
}
