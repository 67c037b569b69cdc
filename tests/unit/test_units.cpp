#include "orscalc/error.hpp"
#include "orscalc/units.hpp"

#include <doctest/doctest.h>

using namespace orscalc;

TEST_CASE("quantities parse with and without spaces, decimals and fractions") {
    CHECK(parse_quantity("2.6g").value == doctest::Approx(2.6));
    CHECK(parse_quantity("2.6g").unit == Unit::g);
    CHECK(parse_quantity("0.5 tsp").unit == Unit::tsp);
    CHECK(parse_quantity("1/2tsp").value == doctest::Approx(0.5));
    CHECK(parse_quantity("1 1/2 cup").value == doctest::Approx(1.5));
    CHECK(parse_quantity("12kg").unit == Unit::kg);
    CHECK(parse_quantity("8 fl oz").unit == Unit::fl_oz);
    CHECK(parse_quantity("18mo").unit == Unit::month);
    CHECK(parse_quantity("45 mEq").unit == Unit::meq);
    CHECK(parse_quantity("5%").unit == Unit::percent);
    CHECK(parse_quantity("2 sachets").unit == Unit::sachet);
}

TEST_CASE("bad quantities name the problem") {
    CHECK_THROWS_WITH_AS(parse_quantity("3 oz"), doctest::Contains("ambiguous unit 'oz'"),
                         InputError);
    CHECK_THROWS_WITH_AS(parse_quantity("1 T"), doctest::Contains("ambiguous unit 'T'"),
                         InputError);
    CHECK_THROWS_WITH_AS(parse_quantity("2 furlongs"), doctest::Contains("unknown unit 'furlongs'"),
                         InputError);
    CHECK_THROWS_WITH_AS(parse_quantity("-1 tsp"), doctest::Contains("positive"), InputError);
    CHECK_THROWS_WITH_AS(parse_quantity("tsp"), doctest::Contains("expected a number"), InputError);
    CHECK_THROWS_WITH_AS(parse_quantity("2.6"), doctest::Contains("missing unit"), InputError);
    CHECK_THROWS_AS(parse_quantity("1/0 tsp"), InputError);
    CHECK_THROWS_AS(parse_quantity("nan g"), InputError);
    CHECK_THROWS_AS(parse_quantity("inf g"), InputError);
    CHECK_THROWS_AS(parse_quantity("1e400 g"), InputError);
    CHECK_THROWS_AS(parse_quantity(""), InputError);
}

TEST_CASE("conversions use the NIST US customary definitions") {
    CHECK(*to_ml(parse_quantity("1 tsp")) == doctest::Approx(4.92892).epsilon(1e-6));
    CHECK(*to_ml(parse_quantity("1 tbsp")) == doctest::Approx(14.7868).epsilon(1e-5));
    CHECK(*to_ml(parse_quantity("1 cup")) == doctest::Approx(236.588).epsilon(1e-6));
    CHECK(*to_ml(parse_quantity("1 fl oz")) == doctest::Approx(29.5735).epsilon(1e-6));
    CHECK(*to_ml(parse_quantity("1.5L")) == doctest::Approx(1500));
    CHECK(*to_ml(parse_quantity("2 dL")) == doctest::Approx(200));
    CHECK(*to_grams(parse_quantity("1 lb")) == doctest::Approx(453.59237));
    CHECK(*to_grams(parse_quantity("250 mg")) == doctest::Approx(0.25));
    CHECK(*to_kg(parse_quantity("22 lb")) == doctest::Approx(9.979).epsilon(1e-4));
    CHECK(*to_hours(parse_quantity("3d")) == doctest::Approx(72));
    CHECK(*to_hours(parse_quantity("12mo")) == doctest::Approx(24 * 365.25));
    CHECK_FALSE(to_grams(parse_quantity("1 tsp")));
    CHECK_FALSE(to_ml(parse_quantity("1 pinch")));
}

TEST_CASE("household fractions print in lowest terms") {
    CHECK(format_fraction(0.5, 8) == "1/2");
    CHECK(format_fraction(0.375, 8) == "3/8");
    CHECK(format_fraction(1.25, 4) == "1 1/4");
    CHECK(format_fraction(6, 4) == "6");
}
