#include "e2e.hpp"

#include <algorithm>
#include <fmt/format.h>

TEST_CASE("mix: the classic homemade ORS, JSON contract") {
    json r = run_json({"mix", "--have", "salt,sugar,water", "--target", "who-home-ssd"});
    for (const char* key :
         {"target", "target_name", "volume_ml", "mixture", "composition", "checks", "verdict",
          "warnings", "mode", "feasible", "amounts", "objective", "notes", "diagnosis"})
        CHECK_MESSAGE(r.contains(key), key);
    CHECK_FALSE(r.contains("tolerance"));
    CHECK(r["mode"] == "household");
    CHECK(r["feasible"] == true);
    CHECK(r["verdict"] == "meets");
    REQUIRE(r["amounts"].size() == 3);
    const json& salt = r["amounts"][0];
    CHECK(
        salt ==
        json{{"ingredient", "salt"}, {"amount", 3.0}, {"unit", "g"}, {"measure", "1/2 level tsp"}});
    CHECK(r["amounts"][1]["measure"] == "6 level tsp");
    CHECK(r["amounts"][2]["ingredient"] == "water");
    CHECK(r["amounts"][2]["amount"] == 1000);
    CHECK(r["composition"]["sodium"].get<double>() == doctest::Approx(50.56));
    CHECK(r["composition"]["osmolarity"].get<double>() == doctest::Approx(174.6));
}

TEST_CASE("mix: round trip: every answer fed to check gives the same composition and verdict") {
    const std::vector<std::vector<std::string>> cases{
        {"mix", "--have", "salt,sugar,water"},
        {"mix", "--have", "salt,sugar,water", "--target", "who-home-ssd"},
        {"mix", "--have", "salt,sugar,water", "--exact"},
        {"mix", "--have", "who-ors-sachet,water", "--volume", "500mL"},
        {"mix", "--have", "chicken-broth,apple-juice,salt,sugar,water", "--volume", "1.5L"},
        {"mix", "--have", "apple-juice<=250mL,salt,sugar,water", "--exact", "--target",
         "who-home-ssd"},
        {"mix", "--have", "sodium-chloride,glucose-anhydrous,potassium-chloride", "--have",
         "trisodium-citrate-dihydrate,water", "--exact"},
        {"mix", "--have", "lite-salt,salt,sugar,baking-soda,water", "--volume", "750mL"},
    };
    for (const auto& args : cases) {
        CAPTURE(fmt::format("{}", fmt::join(args, " ")));
        json mix = run_json(args);
        json check = check_of_mix(mix);
        CHECK(check["composition"] == mix["composition"]);
        CHECK(check["verdict"] == mix["verdict"]);
        CHECK(check["checks"] == mix["checks"]);
    }
}

TEST_CASE("mix: byte-identical output for any order of --have") {
    std::vector<std::string> have{"apple-juice<=250mL", "lite-salt", "salt", "sugar", "water"};
    std::sort(have.begin(), have.end());
    std::string first_json, first_table;
    int orders = 0;
    do {
        // Every fifth order: one comma list, and one --have per ingredient, in table form.
        std::string joined = fmt::format("{}", fmt::join(have, ","));
        RunResult j = run_orscalc({"--format", "json", "mix", "--have", joined});
        CHECK(j.exit_code == 0);
        if (first_json.empty()) first_json = j.out;
        CHECK(j.out == first_json);
        if (orders % 5 == 0) {
            std::vector<std::string> args{"mix"};
            for (const auto& h : have) {
                args.push_back("--have");
                args.push_back(h);
            }
            RunResult t = run_orscalc(args);
            if (first_table.empty()) first_table = t.out;
            CHECK(t.out == first_table);
        }
        ++orders;
    } while (std::next_permutation(have.begin(), have.end()) && orders < 30);
    RunResult c1 = run_orscalc({"--format", "csv", "mix", "--have", "water,sugar,salt"});
    RunResult c2 =
        run_orscalc({"--format", "csv", "mix", "--have", "salt", "--have", "sugar,water"});
    CHECK(c1.out == c2.out);
}

TEST_CASE("mix: no recipe: exit 1, a diagnosis, no amounts") {
    json r = run_json({"mix", "--have", "apple-juice"}, 1);
    CHECK(r["feasible"] == false);
    CHECK(r["verdict"] == "infeasible");
    CHECK(r["amounts"].empty());
    CHECK(r["composition"].is_null());
    bool osmolarity = false;
    for (const auto& d : r["diagnosis"])
        osmolarity |= d.get<std::string>().find("osmolarity must be at most") != std::string::npos;
    CHECK(osmolarity);

    RunResult table = run_orscalc({"mix", "--have", "sugar,water"});
    CHECK(table.exit_code == 1);
    CHECK(table.out.find("No recipe") != std::string::npos);
    CHECK(table.out.find("no sodium source among your ingredients") != std::string::npos);
    CHECK(table.out.find("add e.g. salt") != std::string::npos);
}

TEST_CASE("mix: bad input: exit 2, one stderr line, nothing on stdout") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"mix", "--have", "salz,water"},
             {"mix", "--have", "salt<=1L,water"},
             {"mix", "--have", "salt,water", "--volume", "0mL"},
             {"mix", "--have", "salt,water", "--volume", "3g"},
             {"mix", "--have", "salt,water", "--tolerance", "0.15"},
             {"mix", "--have", "salt,water", "--tolerance", "150%"},
             {"mix", "--have", "salt,water", "--target", "nope"},
             {"mix", "--have", ","},
             {"mix"},
         }) {
        CAPTURE(fmt::format("{}", fmt::join(args, " ")));
        RunResult r = run_orscalc(args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    RunResult hint = run_orscalc({"mix", "--have", "salz,water"});
    CHECK(hint.err.find("did you mean 'salt'") != std::string::npos);
}

TEST_CASE("mix: --tolerance reports every hard limit's worst case") {
    json r = run_json(
        {"mix", "--have", "salt,sugar,water", "--target", "who-home-ssd", "--tolerance", "15%"});
    REQUIRE(r.contains("tolerance"));
    CHECK(r["tolerance"]["fraction"] == 0.15);
    CHECK(r["tolerance"]["robust"] == true);
    bool sodium = false;
    for (const auto& l : r["tolerance"]["limits"]) {
        CHECK(l["holds"] == true);
        if (l["name"] == "sodium") {
            sodium = true;
            CHECK(l["worst_high"].get<double>() == doctest::Approx(58.15));
            CHECK(l["worst_low"].get<double>() == doctest::Approx(42.98));
        }
    }
    CHECK(sodium);
}

TEST_CASE("mix: CSV carries the amounts with their measures, then the check rows") {
    RunResult r = run_orscalc(
        {"--format", "csv", "mix", "--have", "salt,sugar,water", "--target", "who-home-ssd"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("section,name,value,unit,min,ideal,max,hard,status\n", 0) == 0);
    CHECK(r.out.find("amount,salt,3,g,,,,,1/2 level tsp\n") != std::string::npos);
    CHECK(r.out.find("verdict,who-home-ssd,meets") != std::string::npos);
}

// The whole table of the classic homemade mix, reviewed like code.
TEST_CASE("mix: golden table of the homemade sugar-salt solution") {
    RunResult r = run_orscalc({"mix", "--have", "salt,sugar,water", "--target", "who-home-ssd"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == R"(Recipe, in household measures (1000 mL)
  salt                                      3 g    1/2 level tsp
  sugar                                  25.2 g    6 level tsp
  water                                  1000 mL   water to make 1 L in all

Composition (mmol/L)
  sodium                     50.56
  potassium                      0
  magnesium                      0
  chloride                   50.56
  bicarbonate                    0
  citrate                        0
  glucose                        0
  fructose                       0
  sucrose                    73.47
  glucose+sucrose            73.47
  osmolarity                 174.6 mOsm/L
  glucose:sodium ratio       1.453
  charge balance                 0 mEq/L (cations 50.56, anions 50.56)

Target who-home-ssd: Home-made sugar-salt solution (WHO/UNICEF home fluid)
  quantity                   value     min   ideal     max  kind  status   range
  sodium                     50.56      40      51      60  hard  ok       [.......|===o===|.......]
  glucose_equivalent         73.47      50      74   111.1  hard  ok       [.......|==o====|.......]
  glucose_sodium_ratio       1.453       1    1.45     2.5  hard  ok       [.......|==o====|.......]
  osmolarity                 174.6     120     176     270  hard  ok       [.......|==o====|.......]

Verdict: MEETS who-home-ssd (every range holds)

orscalc is a calculator, not a doctor: it does not diagnose or replace medical care.
)");
}

TEST_CASE("mix: the examples of issue 3 run, with their exit codes") {
    json classic = run_json({"mix", "--have", "salt,sugar,water"});
    CHECK(classic["mode"] == "household");
    json broth = run_json(
        {"mix", "--have", "chicken-broth,apple-juice,salt,sugar,water", "--volume", "1.5L"});
    CHECK(broth["volume_ml"] == 1500);
    bool broth_noted = false;
    for (const auto& n : broth["notes"])
        broth_noted |= n.get<std::string>().rfind("chicken-broth not used", 0) == 0;
    CHECK(broth_noted);
    json sachet = run_json({"mix", "--have", "who-ors-sachet,water", "--volume", "500mL"});
    CHECK(sachet["amounts"][0]["measure"] == "1/2 sachet");
    // ReSoMal needs potassium, magnesium, zinc and citrate; orange juice's sugars are unknown.
    json resomal =
        run_json({"mix", "--have", "salt,sugar,orange-juice,water", "--target", "resomal"}, 1);
    CHECK(resomal["feasible"] == false);
    CHECK_FALSE(resomal["diagnosis"].empty());
    json exact = run_json({"mix", "--have", "apple-juice<=250mL,salt,sugar,water", "--exact"});
    CHECK(exact["mode"] == "exact");
    for (const auto& a : exact["amounts"])
        if (a["ingredient"] == "apple-juice") CHECK(a["amount"].get<double>() <= 250);
    RunResult jsonl = run_orscalc({"--format", "jsonl", "mix", "--have", "salt,sugar,water"});
    CHECK(std::count(jsonl.out.begin(), jsonl.out.end(), '\n') == 1);
}
