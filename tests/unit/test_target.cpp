#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace orscalc;

namespace {
Evaluation check_mix(std::initializer_list<std::pair<const char*, const char*>> lines,
                     double volume_ml) {
    Mixture m;
    for (auto [id, amount] : lines)
        m.lines.push_back({&fixture_library().ingredient(id), parse_quantity(amount)});
    m.make_up_to_ml = volume_ml;
    return evaluate(fixture_library().default_target(), compose(m));
}
bool mentions(const Evaluation& e, const std::string& text) {
    for (const auto& w : e.warnings)
        if (w.find(text) != std::string::npos) return true;
    return false;
}
const Check& check_of(const Evaluation& e, std::string_view q) {
    for (const auto& c : e.checks)
        if (c.range->quantity == q) return c;
    throw std::runtime_error("no check");
}
} // namespace

TEST_CASE("the WHO formula meets the WHO target") {
    Evaluation e = check_mix({{"sodium-chloride", "2.6 g"},
                              {"glucose-anhydrous", "13.5 g"},
                              {"potassium-chloride", "1.5 g"},
                              {"trisodium-citrate-dihydrate", "2.9 g"}},
                             1000);
    CHECK(e.verdict == Verdict::meets);
    CHECK(e.warnings.empty());
    CHECK(check_of(e, "sodium").status == Status::ok);
}

TEST_CASE("homemade salt and sugar misses soft goals: acceptable only if hard limits hold") {
    // 1 tsp salt: 102.7 mmol/L sodium, too salty.
    Evaluation salty = check_mix({{"salt", "1 tsp"}, {"sugar", "6 tsp"}}, 1000);
    CHECK(salty.verdict == Verdict::fails);
    CHECK(check_of(salty, "sodium").status == Status::high);
    CHECK(mentions(salty, "TOO SALTY"));
    // 3/4 tsp salt (77 mmol/L) and 6 tsp sugar (73.6): hard limits hold, no potassium/citrate.
    Evaluation ok = check_mix({{"salt", "3/4 tsp"}, {"sugar", "6 tsp"}}, 1000);
    CHECK(check_of(ok, "glucose_sodium_ratio").status == Status::low); // 73.6 < 77
    Evaluation good = check_mix({{"salt", "3/4 tsp"}, {"sugar", "7 tsp"}}, 1000);
    CHECK(good.verdict == Verdict::acceptable);
    CHECK(check_of(good, "potassium").status == Status::low);
    CHECK(mentions(good, "potassium too low"));
}

TEST_CASE("undiluted juice fails loudly as hyperosmolar") {
    Evaluation e = check_mix({{"juice", "1 L"}}, 1000);
    CHECK(e.verdict == Verdict::fails);
    CHECK(check_of(e, "osmolarity").status == Status::high);
    CHECK(mentions(e, "HYPEROSMOLAR"));
    CHECK(mentions(e, "UNDILUTED JUICE"));
    CHECK(e.warnings.front().find("HYPEROSMOLAR") != std::string::npos); // dangers first
}

TEST_CASE("an unknown hard quantity cannot be shown safe") {
    Evaluation e = check_mix({{"broth", "240 mL"}, {"sugar", "4 tsp"}}, 1000);
    CHECK(check_of(e, "osmolarity").status == Status::unknown);
    CHECK(check_of(e, "potassium").status == Status::unknown);
    CHECK(e.verdict == Verdict::fails);
    CHECK(mentions(e, "osmolarity is unknown (no data for it in broth)"));
}

TEST_CASE("the safety envelope refuses a target that widens it") {
    auto wide = R"([wide]
name = "too wide"
source = "test"
[wide.ranges.sodium]
max = 120
hard = true
why = "test"
[wide.ranges.osmolarity]
max = 300
hard = true
why = "test"
)";
    CHECK_THROWS_WITH_AS(library_from("", wide), doctest::Contains("outside the safety envelope"),
                         InputError);
    auto no_osm = R"([noosm]
name = "no osmolarity limit"
source = "test"
[noosm.ranges.sodium]
max = 60
hard = true
why = "test"
)";
    CHECK_THROWS_WITH_AS(library_from("", no_osm), doctest::Contains("hard maximum for osmolarity"),
                         InputError);
}

TEST_CASE("a target's purpose is read from its file, empty when unsaid") {
    CHECK(fixture_library().target("who").purpose == "rehydration (fixture)");
    Library lib = library_from("", "[t]\nname = \"t\"\nsource = \"s\"\n[t.ranges.sodium]\n"
                                   "min = 60\nmax = 90\nhard = true\nwhy = \"w\"\n"
                                   "[t.ranges.osmolarity]\nmax = 300\nhard = true\nwhy = \"w\"\n");
    CHECK(lib.target("t").purpose.empty());
}
