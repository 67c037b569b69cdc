#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace orscalc;

namespace {
Mixture mix(std::initializer_list<std::pair<const char*, const char*>> lines,
            std::optional<double> make_up_ml = std::nullopt) {
    Mixture m;
    for (auto [id, amount] : lines)
        m.lines.push_back({&fixture_library().ingredient(id), parse_quantity(amount)});
    m.make_up_to_ml = make_up_ml;
    return m;
}
} // namespace

// WHO/UNICEF reduced-osmolarity ORS from its grams (WHO/FCH/CAH/06.1): published Na 75,
// K 20, Cl 65, citrate 10, glucose 75 mmol/L, 245 mOsm/L (rounded by WHO).
TEST_CASE("WHO 2002 ORS from its salts gives the published composition") {
    Composition c = compose(mix({{"sodium-chloride", "2.6 g"},
                                 {"glucose-anhydrous", "13.5 g"},
                                 {"potassium-chloride", "1.5 g"},
                                 {"trisodium-citrate-dihydrate", "2.9 g"}},
                                1000));
    CHECK(c.volume_ml == 1000);
    CHECK(*c.species(Species::sodium) == doctest::Approx(74.07).epsilon(1e-3));
    CHECK(*c.species(Species::potassium) == doctest::Approx(20.12).epsilon(1e-3));
    CHECK(*c.species(Species::chloride) == doctest::Approx(64.61).epsilon(1e-3));
    CHECK(*c.species(Species::citrate) == doctest::Approx(9.86).epsilon(1e-3));
    CHECK(*c.species(Species::glucose) == doctest::Approx(74.93).epsilon(1e-3));
    CHECK(*c.osmolarity == doctest::Approx(243.6).epsilon(1e-3));
    // Within WHO's own rounding of the published figures.
    CHECK(std::abs(*c.species(Species::sodium) - 75) < 1.5);
    CHECK(std::abs(*c.osmolarity - 245) < 2);
    CHECK(*c.glucose_sodium_ratio() == doctest::Approx(1.0116).epsilon(1e-3));
    CHECK(*c.charge_balance() == doctest::Approx(0).epsilon(1e-9));
    CHECK(*c.species(Species::magnesium) == 0);
}

TEST_CASE("a sachet makes its litre") {
    Composition c = compose(mix({{"ors-sachet", "1 sachet"}}, 1000));
    CHECK(*c.species(Species::sodium) == doctest::Approx(74.07).epsilon(1e-3));
    Composition half = compose(mix({{"ors-sachet", "0.5 sachet"}}, 500));
    CHECK(*half.species(Species::sodium) == doctest::Approx(74.07).epsilon(1e-3));
}

TEST_CASE("homemade sugar-salt solution: 1/2 tsp salt and 6 tsp sugar in 1 L") {
    Composition c = compose(mix({{"salt", "1/2 tsp"}, {"sugar", "6 tsp"}, {"water", "1 L"}}));
    CHECK(c.volume_ml == doctest::Approx(1000));
    CHECK(*c.species(Species::sodium) == doctest::Approx(51.33).epsilon(1e-3));  // 3 g NaCl
    CHECK(*c.species(Species::sucrose) == doctest::Approx(73.62).epsilon(1e-3)); // 25.2 g
    CHECK(*c.glucose_equivalent() == doctest::Approx(73.62).epsilon(1e-3));
    CHECK(*c.glucose_sodium_ratio() == doctest::Approx(1.434).epsilon(1e-3));
    CHECK(*c.osmolarity == doctest::Approx(2 * 51.33 + 73.62).epsilon(1e-3));
    CHECK(*c.species(Species::potassium) == 0);
}

TEST_CASE("liquids count as volume, make-up water fills the rest") {
    Composition c = compose(mix({{"juice", "250 mL"}, {"salt", "1/4 tsp"}}, 1000));
    CHECK(c.water_added_ml == doctest::Approx(750));
    CHECK(c.undiluted_share(fixture_library().ingredient("juice")) == doctest::Approx(0.25));
    // Juice osmolality 700 mOsm/kg, a quarter of the volume, plus 1.5 g NaCl as particles.
    CHECK(*c.osmolarity == doctest::Approx(175 + 2 * 1.5 / 58.443 * 1000).epsilon(1e-3));
}

TEST_CASE("unknown is not zero: it stays unknown through the mixture") {
    Composition c = compose(mix({{"broth", "240 mL"}, {"sugar", "1 tsp"}}, 1000));
    CHECK(*c.species(Species::sodium) == doctest::Approx(860.0 / 22.990 / 1.0).epsilon(1e-3));
    CHECK_FALSE(c.species(Species::potassium));
    CHECK_FALSE(c.species(Species::chloride));
    CHECK_FALSE(c.osmolarity);
    CHECK(c.osmolarity_known_part > 0);
    CHECK_FALSE(c.charge_balance());
    // A zero amount of an unknown ingredient brings nothing.
    Composition none = compose(mix({{"broth", "0 mL"}, {"salt", "1/2 tsp"}}, 1000));
    CHECK(none.species(Species::potassium));
}

TEST_CASE("amounts that do not apply are errors naming the ingredient") {
    CHECK_THROWS_WITH_AS(compose(mix({{"salt", "1 cup"}}, 1000)),
                         doctest::Contains("salt has no known weight per cup"), InputError);
    CHECK_THROWS_WITH_AS(compose(mix({{"water", "10 g"}})),
                         doctest::Contains("water is a liquid with no known density"), InputError);
    CHECK_THROWS_WITH_AS(compose(mix({{"salt", "5 mL"}}, 1000)),
                         doctest::Contains("weighed, not poured"), InputError);
    CHECK_THROWS_WITH_AS(compose(mix({{"banana", "1 medium"}}, 1000)),
                         doctest::Contains("unknown unit"), InputError);
    CHECK_THROWS_WITH_AS(compose(mix({{"banana", "100 g"}}, 1000)),
                         doctest::Contains("banana is a food"), InputError);
    CHECK_THROWS_WITH_AS(compose(mix({{"salt", "1 tsp"}})), doctest::Contains("no water"),
                         InputError);
    CHECK_THROWS_WITH_AS(compose(mix({{"water", "2 L"}}, 1000)),
                         doctest::Contains("more than the volume"), InputError);
}

TEST_CASE("mmol and mEq of a compound convert through its formula") {
    const Ingredient& kcl = fixture_library().ingredient("potassium-chloride");
    CHECK(amount_in_base_unit(kcl, parse_quantity("20 mmol")) ==
          doctest::Approx(20 * 74.551 / 1000).epsilon(1e-4));
    const Ingredient& cit = fixture_library().ingredient("trisodium-citrate-dihydrate");
    // 30 mEq of sodium = 10 mmol of Na3 citrate.
    CHECK(amount_in_base_unit(cit, parse_quantity("30 mEq")) ==
          doctest::Approx(2.941).epsilon(1e-3));
}
