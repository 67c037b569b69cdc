#include "orscalc/chemistry.hpp"
#include "orscalc/error.hpp"

#include <doctest/doctest.h>

using namespace orscalc;

// Reference molar masses: ../shared/reference/README.md (from IUPAC standard atomic weights).
TEST_CASE("molar masses computed from formulas match the published values") {
    auto mm = [](const char* f) { return molar_mass(parse_formula(f)); };
    CHECK(mm("NaCl") == doctest::Approx(58.44).epsilon(1e-4));
    CHECK(mm("KCl") == doctest::Approx(74.55).epsilon(1e-4));
    CHECK(mm("C6H12O6") == doctest::Approx(180.16).epsilon(1e-4));
    CHECK(mm("C6H12O6.H2O") == doctest::Approx(198.17).epsilon(1e-4));
    CHECK(mm("C12H22O11") == doctest::Approx(342.30).epsilon(1e-4));
    CHECK(mm("Na3C6H5O7.2H2O") == doctest::Approx(294.10).epsilon(1e-4));
    CHECK(mm("NaHCO3") == doctest::Approx(84.01).epsilon(1e-4));
    CHECK(mm("MgSO4.7H2O") == doctest::Approx(246.47).epsilon(1e-4));
    CHECK(mm("MgCl2.6H2O") == doctest::Approx(203.30).epsilon(1e-4));
    CHECK(mm("Ca(OH)2") == doctest::Approx(74.09).epsilon(1e-3));
    CHECK(mm("CaCl2\xC2\xB7"
             "2H2O") == doctest::Approx(147.01).epsilon(1e-4));
}

TEST_CASE("formula parsing counts hydrate water and parentheses") {
    Formula f = parse_formula("Na3C6H5O7.2H2O");
    CHECK(f["Na"] == 3);
    CHECK(f["C"] == 6);
    CHECK(f["H"] == 9);
    CHECK(f["O"] == 9);
    CHECK(parse_formula("Mg(OH)2")["H"] == 2);
}

TEST_CASE("malformed formulas are errors") {
    CHECK_THROWS_WITH_AS(parse_formula("Xx2"), doctest::Contains("unknown element 'Xx'"),
                         InputError);
    CHECK_THROWS_AS(parse_formula("Mg(OH2"), InputError);
    CHECK_THROWS_AS(parse_formula(""), InputError);
    CHECK_THROWS_AS(parse_formula("NaCl#"), InputError);
    CHECK_THROWS_AS(parse_formula("Na0Cl"), InputError);
}

TEST_CASE("species table: charges and molar masses") {
    CHECK(info(Species::citrate).charge == -3);
    CHECK(info(Species::magnesium).charge == 2);
    CHECK(species_molar_mass(Species::sodium) == doctest::Approx(22.990));
    CHECK(species_molar_mass(Species::citrate) == doctest::Approx(189.10).epsilon(1e-4));
    CHECK(species_from_name("bicarbonate") == Species::bicarbonate);
    CHECK_FALSE(species_from_name("Sodium"));
}
