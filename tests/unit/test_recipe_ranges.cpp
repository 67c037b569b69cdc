// The range syntax of composite entries: values, sourced ranges, per-value bases, totals, a
// charge balance, known_zero, osmolality and density ranges, and the loader's refusals.
#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace orscalc;

namespace {

Library with(const std::string& entry) {
    return library_from(entry);
}

const Ingredient& drink(const Library& lib) {
    return lib.ingredient("drink");
}

constexpr const char* head = R"([drink]
kind = "composite"
name = "a drink"
form = "liquid"
basis = "1 L"
source = "test"
)";

} // namespace

TEST_CASE("a sourced range: nominal is the midpoint, the value where stated") {
    Library lib = with(std::string(head) + R"(
sodium = { min = "40 mmol", max = "100 mmol", source = "s" }
potassium = { value = "20 mmol", min = "10 mmol", max = "40 mmol", source = "s" }
chloride = "30 mmol"
)");
    const Ingredient& d = drink(lib);
    ContentRange na = species_content(d, Species::sodium);
    CHECK(na.lo == doctest::Approx(0.040)); // per mL
    CHECK(na.hi.value_or(0) == doctest::Approx(0.100));
    CHECK(na.nominal.value_or(0) == doctest::Approx(0.070));
    CHECK_FALSE(at(d.mmol_per_unit, Species::sodium).has_value()); // not an exact value
    CHECK(species_content(d, Species::potassium).nominal.value_or(0) == doctest::Approx(0.020));
    CHECK(at(d.mmol_per_unit, Species::chloride).value_or(0) == doctest::Approx(0.030));
    CHECK(d.osmole_basis == OsmoleBasis::unknown);
}

TEST_CASE("each figure of a range may name its own basis") {
    // 2 mEq/L of sodium at the low end; 105 mg per 100 g at the high end (density 1.014):
    // 105 / 22.990 x 10.14 = 46.31 mmol/L.
    Library lib = library_from(R"([coco]
kind = "composite"
name = "coconut water"
form = "liquid"
basis = "100 g"
density = "1.014 g/mL"
source = "test"
sodium = { min = "2 mEq/L", max = "105 mg", source = "s" }
)");
    ContentRange na = species_content(lib.ingredient("coco"), Species::sodium);
    CHECK(na.lo * 1000 == doctest::Approx(2));
    CHECK(na.hi.value_or(0) * 1000 == doctest::Approx(105 / 22.990 * 10.14).epsilon(1e-6));
}

TEST_CASE("a totals fact bounds the species it names") {
    Library lib = with(std::string(head) + R"(
sodium = "20 mmol"
[drink.totals]
sugars = { mass = "90 g", of = ["glucose", "fructose", "sucrose"], source = "label" }
)");
    const Ingredient& d = drink(lib);
    REQUIRE(d.facts.size() == 1);
    // glucose alone: 0 .. 90 / 180.156 = 0.49957 mol per L.
    ContentRange g = species_content(d, Species::glucose);
    CHECK(g.lo == 0);
    CHECK(g.hi.value_or(0) * 1000 == doctest::Approx(90 / 0.180156).epsilon(1e-6));
    // Nominal: an equal share by mass, 30 g of each.
    CHECK(g.nominal.value_or(0) * 1000 == doctest::Approx(30 / 0.180156).epsilon(1e-6));
    CHECK(species_content(d, Species::sucrose).nominal.value_or(0) * 1000 ==
          doctest::Approx(30 / 0.342297).epsilon(1e-6));
    CHECK_FALSE(at(d.mmol_per_unit, Species::glucose).has_value());
}

TEST_CASE("a charge balance bounds the one unknown ion, where the entry states it") {
    // Cations 45 + 20 mEq; chloride 35 mEq: citrate carries 30 mEq, so 10 mmol exactly.
    Library lib = with(std::string(head) + R"(
sodium = "45 mEq"
potassium = "20 mEq"
chloride = "35 mEq"
known_zero = ["magnesium", "calcium", "zinc", "bicarbonate", "sulfate"]
[drink.totals]
anions = { balance = true, of = ["citrate"], source = "label: salts of these ions only" }
)");
    ContentRange cit = species_content(drink(lib), Species::citrate);
    CHECK(cit.lo * 1000 == doctest::Approx(10));
    CHECK(cit.hi.value_or(0) * 1000 == doctest::Approx(10));
    // A range among the other ions widens it: potassium 10-20 mEq gives 20/3 .. 10 mmol.
    Library wider = with(std::string(head) + R"(
sodium = "45 mEq"
potassium = { min = "10 mEq", max = "20 mEq", source = "s" }
chloride = "35 mEq"
known_zero = ["magnesium", "calcium", "zinc", "bicarbonate", "sulfate"]
[drink.totals]
anions = { balance = true, of = ["citrate"], source = "s" }
)");
    ContentRange c2 = species_content(drink(wider), Species::citrate);
    CHECK(c2.lo * 1000 == doctest::Approx(20.0 / 3));
    CHECK(c2.hi.value_or(0) * 1000 == doctest::Approx(10));
}

TEST_CASE("osmolality and density as ranges") {
    Library lib = library_from(R"([drink]
kind = "composite"
name = "a drink"
form = "liquid"
basis = "100 g"
density = { min = "1.00 g/mL", max = "1.05 g/mL", source = "s" }
source = "test"
sodium = "23 mg"
osmolality = { min = "280 mOsm/kg", max = "330 mOsm/kg", source = "s" }
)");
    const Ingredient& d = drink(lib);
    CHECK(d.density_g_per_ml.value_or(0) == doctest::Approx(1.025));
    // 23 mg = 1.00044 mmol per 100 g: per mL 1.00044/100 x 1.00 .. x 1.05.
    ContentRange na = species_content(d, Species::sodium);
    CHECK(na.lo * 1000 == doctest::Approx(10.0044).epsilon(1e-4));
    CHECK(na.hi.value_or(0) * 1000 == doctest::Approx(10.5046).epsilon(1e-4));
    ContentForm osm;
    osm.osmoles = 1;
    ContentBounds ob = content_bounds(d, osm);
    CHECK(ob.lo.value_or(0) * 1000 == doctest::Approx(280));
    CHECK(ob.hi.value_or(0) * 1000 == doctest::Approx(330));
    CHECK(nominal_mosm(d).value_or(0) * 1000 == doctest::Approx(305));
    CHECK(d.osmole_basis == OsmoleBasis::unknown); // not one figure
    CHECK(d.mosm_per_unit * 1000 == doctest::Approx(280));
}

TEST_CASE("the loader refuses ranges that cannot hold") {
    auto refuses = [](const std::string& body, const char* why) {
        CHECK_THROWS_WITH_AS(library_from(std::string(head) + body), doctest::Contains(why),
                             InputError);
    };
    refuses(R"(sodium = { min = "9 mmol", max = "3 mmol", source = "s" })", "min above max");
    refuses(R"(sodium = { value = "1 mmol", min = "2 mmol", max = "3 mmol", source = "s" })",
            "value outside");
    refuses(R"(sodium = { min = "2 mmol", max = "3 mmol" })", "missing 'source'");
    refuses(R"(sodium = { min = "2 mmol", maxi = "3 mmol", source = "s" })",
            "unknown key 'maxi' (did you mean 'max'?)");
    refuses(R"(sodium = { source = "s" })", "give 'value', or 'min' and/or 'max'");
    refuses(R"(sodium = { min = "2 mEq/100 g", source = "s" })", "a liquid with a mass basis");
    refuses("glucose = \"60 g\"\n[drink.totals]\nsugars = { mass = \"50 g\", of = [\"glucose\"], "
            "source = \"s\" }\n",
            "add up to more than the total");
    refuses("glucose = { max = \"10 g\", source = \"s\" }\n[drink.totals]\nsugars = { mass = "
            "\"50 g\", of = [\"glucose\"], source = \"s\" }\n",
            "cannot reach the total");
    refuses("[drink.totals]\na = { mass = \"5 g\", of = [\"glucose\"], source = \"s\" }\n"
            "b = { mass = \"5 g\", of = [\"glucose\", \"sucrose\"], source = \"s\" }\n",
            "already in totals.a");
    refuses("[drink.totals]\na = { mass = \"5 mEq\", of = [\"glucose\"], source = \"s\" }\n",
            "mass in g or mg");
    refuses("[drink.totals]\na = { value = \"5 mEq\", of = [\"glucose\"], source = \"s\" }\n",
            "glucose has no charge");
    refuses("sodium = \"45 mEq\"\n[drink.totals]\na = { balance = true, of = [\"citrate\"], "
            "source = \"s\" }\n",
            "every other ion bounded; potassium has no value or range");
    refuses("[drink.totals]\na = { mass = \"5 g\", of = [], source = \"s\" }\n",
            "'of' lists the species");
    refuses(R"(osmolality = { min = "300 mOsm/kg", max = "20000 mOsm/kg", source = "s" })",
            "at most 10000");
}

TEST_CASE("known_zero inside a total and a point range are exact values") {
    Library lib = with(std::string(head) + R"(
sodium = { min = "20 mmol", max = "20 mmol", source = "s" }
known_zero = ["fructose"]
[drink.totals]
sugars = { mass = "36.0312 g", of = ["glucose", "fructose"], source = "s" }
)");
    const Ingredient& d = drink(lib);
    CHECK(at(d.mmol_per_unit, Species::sodium).value_or(0) == doctest::Approx(0.020));
    // All of it glucose: 36.0312 g / 180.156 = 200 mmol.
    ContentRange g = species_content(d, Species::glucose);
    CHECK(g.lo * 1000 == doctest::Approx(200));
    CHECK(g.hi.value_or(0) * 1000 == doctest::Approx(200));
}
