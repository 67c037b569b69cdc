// Data integrity of the shipped library (recipes/, as embedded in the binary): a data error
// fails here, not in a user's hands.
#include "orscalc/library.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace orscalc;

namespace {
const Library& shipped() {
    static const Library lib = Library::load();
    return lib;
}
} // namespace

TEST_CASE("the embedded library loads: compounds balance, entries and measures are sourced") {
    // Loading enforces: formulas add up, charges balance, every entry, measure and range
    // has a source; a failure throws with file:line:column.
    const Library& lib = shipped();
    for (const char* id : {"water",
                           "sodium-chloride",
                           "potassium-chloride",
                           "glucose-anhydrous",
                           "glucose-monohydrate",
                           "sucrose",
                           "trisodium-citrate-dihydrate",
                           "sodium-bicarbonate",
                           "magnesium-sulfate-heptahydrate",
                           "salt",
                           "sugar",
                           "baking-soda",
                           "salt-substitute",
                           "lite-salt",
                           "who-ors-sachet",
                           "apple-juice",
                           "orange-juice",
                           "coconut-water",
                           "chicken-broth",
                           "banana",
                           "avocado",
                           "spinach",
                           "pumpkin-seeds",
                           "almonds",
                           "pretzels",
                           "cola",
                           "coffee"}) {
        INFO(id);
        CHECK(lib.find_ingredient(id));
    }
    for (const char* id : {"who-2002", "who-1975", "espghan", "resomal", "who-home-ssd"}) {
        INFO(id);
        CHECK(lib.find_target(id));
    }
    CHECK(lib.default_target().id == "who-2002");
    for (const auto& ing : lib.ingredients()) {
        INFO(ing.id);
        CHECK_FALSE(ing.source.empty());
        for (const auto& m : ing.measures)
            CHECK_FALSE(m.source.empty());
    }
    for (const auto& t : lib.targets())
        for (const auto& r : t.ranges) {
            INFO(t.id << " " << r.quantity);
            CHECK_FALSE(r.why.empty());
        }
}

TEST_CASE("kitchen measures: household salts name their variety and weigh what USDA says") {
    const Library& lib = shipped();
    CHECK(lib.ingredient("salt").measure(Unit::tsp)->grams == doctest::Approx(6.0));
    CHECK(lib.ingredient("sugar").measure(Unit::tsp)->grams == doctest::Approx(4.2));
    CHECK(lib.ingredient("baking-soda").measure(Unit::tsp)->grams == doctest::Approx(4.6));
    CHECK_FALSE(lib.ingredient("salt").variety.empty());
}

// Charge balance and osmolality of composites: tests/unit/test_data_integrity.cpp.

TEST_CASE("the WHO sachet is the WHO formula") {
    Mixture m;
    m.lines.push_back({&shipped().ingredient("who-ors-sachet"), parse_quantity("1 sachet")});
    m.make_up_to_ml = 1000;
    Composition c = compose(m);
    CHECK(*c.species(Species::sodium) == doctest::Approx(74.07).epsilon(1e-3));
    CHECK(*c.osmolarity == doctest::Approx(243.6).epsilon(1e-3));
    CHECK(evaluate(shipped().default_target(), c).verdict == Verdict::meets);
}
