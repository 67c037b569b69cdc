#include "fixture.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace orscalc;

TEST_CASE("the fixture library loads, sorted, with a default target") {
    const Library& lib = fixture_library();
    CHECK(lib.default_target().id == "who");
    CHECK(lib.find_ingredient("salt"));
    CHECK(std::is_sorted(lib.ingredients().begin(), lib.ingredients().end(),
                         [](const auto& a, const auto& b) { return a.id < b.id; }));
    // Compounds: mmol per gram from the formula; osmoles from dissociation.
    const Ingredient& nacl = lib.ingredient("sodium-chloride");
    CHECK(*at(nacl.mmol_per_unit, Species::sodium) == doctest::Approx(1000 / 58.443).epsilon(1e-4));
    CHECK(nacl.mosm_per_unit == doctest::Approx(2000 / 58.443).epsilon(1e-4));
    CHECK(nacl.osmole_basis == OsmoleBasis::particles);
    // A sachet's grams default to the sum of its components.
    CHECK(lib.ingredient("ors-sachet").measure(Unit::sachet)->grams == doctest::Approx(20.5));
    // A composite: 4 mg sodium per 100 g at 1.05 g/mL.
    CHECK(*at(lib.ingredient("juice").mmol_per_unit, Species::sodium) ==
          doctest::Approx(4.0 / 22.990 / (100 / 1.05)).epsilon(1e-6));
    CHECK_FALSE(at(lib.ingredient("juice").mmol_per_unit, Species::chloride));
}

TEST_CASE("unknown ids get a did-you-mean") {
    CHECK_THROWS_WITH_AS(fixture_library().ingredient("slat"),
                         doctest::Contains("did you mean 'salt'"), InputError);
    CHECK_THROWS_WITH_AS(fixture_library().target("whoo"), doctest::Contains("did you mean 'who'"),
                         InputError);
}

TEST_CASE("TOML syntax errors carry file:line:column") {
    CHECK_THROWS_WITH_AS(library_from("[x]\nkind = \"water\"\nname = \n"),
                         doctest::Contains("extra.toml:3:"), InputError);
}

TEST_CASE("data errors carry file:line:column and say what is wrong") {
    CHECK_THROWS_WITH_AS(
        library_from("[nacl2]\nkind = \"compound\"\nname = \"x\"\nformula = \"NaCl\"\n"
                     "dissociates = { sodium = 1, chloride = 2 }\nsource = \"s\"\n"),
        doctest::Contains("charges do not balance"), InputError);
    CHECK_THROWS_WITH_AS(
        library_from("[kcl2]\nkind = \"compound\"\nname = \"x\"\nformula = \"NaCl\"\n"
                     "dissociates = { potassium = 1, chloride = 1 }\nsource = \"s\"\n"),
        doctest::Contains("extra.toml:5:15: dissociates: products do not add up to NaCl"),
        InputError);
    CHECK_THROWS_WITH_AS(
        library_from("[j]\nkind = \"composite\"\nname = \"x\"\nform = \"liquid\"\n"
                     "basis = \"1 L\"\nsource = \"s\"\npotasium = \"5 mg\"\n"),
        doctest::Contains("extra.toml:7:12: unknown key 'potasium' (did you mean 'potassium'?)"),
        InputError);
    CHECK_THROWS_WITH_AS(library_from("[j]\nkind = \"composite\"\nname = \"x\"\nform = \"liquid\"\n"
                                      "basis = \"1 L\"\nsource = \"s\"\nsodium = 5\n"),
                         doctest::Contains("expected an amount as a string"), InputError);
    CHECK_THROWS_WITH_AS(library_from("[j]\nkind = \"composite\"\nname = \"x\"\nform = \"liquid\"\n"
                                      "basis = \"1 L\"\nsodium = \"5 mg\"\n"),
                         doctest::Contains("missing 'source'"), InputError);
    CHECK_THROWS_WITH_AS(
        library_from("[p]\nkind = \"product\"\nname = \"x\"\nsource = \"s\"\n"
                     "components = { sodium-chloride = 0.7, potassium-chloride = 0.6 }\n"),
        doctest::Contains("mass fractions add up to 1.3"), InputError);
    CHECK_THROWS_WITH_AS(
        library_from("[p]\nkind = \"product\"\nname = \"x\"\nsource = \"s\"\n"
                     "components = { sodium-chloride = 1.0 }\n[p.measures]\ntsp = { grams = 6 }\n"),
        doctest::Contains("measures.tsp: missing 'source'"), InputError);
    CHECK_THROWS_WITH_AS(library_from("[w]\nkind = \"potion\"\nname = \"x\"\nsource = \"s\"\n"),
                         doctest::Contains("kind: expected"), InputError);
}

TEST_CASE("the same id twice in one layer is an error, a later layer overrides") {
    CHECK_THROWS_WITH_AS(library_from("[salt]\nkind = \"water\"\nname = \"x\"\nsource = \"s\"\n"
                                      "[salt2]\nkind = \"water\"\nname = \"x\"\nsource = \"s\"\n"
                                      "[salt2.x]\n"),
                         doctest::Contains("unknown key"), InputError);
    auto base = read_recipe_dir(ORSCALC_SOURCE_DIR "/tests/data/lib");
    std::vector<RecipeText> twice{
        {"a.toml", "[w2]\nkind = \"water\"\nname = \"a\"\nsource = \"s\"\n", false},
        {"b.toml", "[w2]\nkind = \"water\"\nname = \"b\"\nsource = \"s\"\n", false}};
    CHECK_THROWS_WITH_AS(Library::from_layers({base, twice}),
                         doctest::Contains("duplicate id 'w2' (also in a.toml)"), InputError);
    Library over =
        library_from("[salt]\nkind = \"product\"\nname = \"kosher salt\"\nsource = \"s\"\n"
                     "components = { sodium-chloride = 1.0 }\n[salt.measures]\n"
                     "tsp = { grams = 3.0, source = \"s\" }\n");
    CHECK(over.ingredient("salt").name == "kosher salt");
    CHECK(over.ingredient("salt").measure(Unit::tsp)->grams == 3.0);
}

TEST_CASE("mixture files: amounts, volume, target, errors located") {
    const Library& lib = fixture_library();
    auto m =
        lib.parse_mixture("name = \"home\"\nvolume = \"1 L\"\ntarget = \"who\"\n[ingredients]\n"
                          "salt = \"1/2 tsp\"\nsugar = \"6 tsp\"\n",
                          "m.toml");
    CHECK(m.mixture.name == "home");
    CHECK(*m.mixture.make_up_to_ml == 1000);
    CHECK(m.target_id == "who");
    CHECK(m.mixture.lines.size() == 2);
    CHECK_THROWS_WITH_AS(lib.parse_mixture("[ingredients]\nsalt = \"1/2 tps\"\n", "m.toml"),
                         doctest::Contains("m.toml:2:8: '1/2 tps': unknown unit 'tps'"),
                         InputError);
    CHECK_THROWS_WITH_AS(
        lib.parse_mixture("[ingredients]\nslat = \"1 tsp\"\n", "m.toml"),
        doctest::Contains("m.toml:2:8: unknown ingredient 'slat' (did you mean 'salt'?)"),
        InputError);
    CHECK_THROWS_WITH_AS(lib.parse_mixture("[ingredients\n", "m.toml"),
                         doctest::Contains("m.toml:1:"), InputError);
    CHECK_THROWS_WITH_AS(lib.parse_mixture("name = \"x\"\n", "m.toml"),
                         doctest::Contains("[ingredients]"), InputError);
    CHECK_THROWS_WITH_AS(lib.parse_mixture("[ingredients]\nsalt = \"1 cup\"\n", "m.toml"),
                         doctest::Contains("m.toml:2:8: salt has no known weight per cup"),
                         InputError);
}
