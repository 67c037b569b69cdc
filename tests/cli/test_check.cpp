#include "e2e.hpp"

#include <cstdio>

// Golden values: the composition follows from the grams by molar masses (IUPAC weights);
// WHO publishes the rounded figures (WHO/FCH/CAH/06.1): Na 75, K 20, Cl 65, citrate 10,
// glucose 75 mmol/L, 245 mOsm/L for 2002; Na 90, K 20, Cl 80, citrate 10, glucose 111,
// 311 mOsm/L for 1975.
TEST_CASE("check: WHO 2002 formulation from its grams") {
    json r = run_json({"check", "--add", "sodium-chloride=2.6g", "--add", "glucose-anhydrous=13.5g",
                       "--add", "potassium-chloride=1.5g", "--add",
                       "trisodium-citrate-dihydrate=2.9g", "--volume", "1L"});
    const json& c = r["composition"];
    CHECK(r["target"] == "who-2002");
    CHECK(r["volume_ml"] == 1000);
    CHECK(c["sodium"].get<double>() == doctest::Approx(74.07).epsilon(1e-4));
    CHECK(c["potassium"].get<double>() == doctest::Approx(20.12).epsilon(1e-4));
    CHECK(c["chloride"].get<double>() == doctest::Approx(64.61).epsilon(1e-4));
    CHECK(c["citrate"].get<double>() == doctest::Approx(9.86).epsilon(1e-4));
    CHECK(c["glucose"].get<double>() == doctest::Approx(74.94).epsilon(1e-4));
    CHECK(c["osmolarity"].get<double>() == doctest::Approx(243.6).epsilon(1e-4));
    CHECK(c["charge_balance"].get<double>() == 0);
    CHECK(c["magnesium"].get<double>() == 0);
    CHECK(std::abs(c["sodium"].get<double>() - 75) < 1.5);
    CHECK(std::abs(c["osmolarity"].get<double>() - 245) < 2);
    CHECK(r["verdict"] == "meets");
    CHECK(r["warnings"].empty());
    CHECK(check_named(r, "sodium")["status"] == "ok");
}

TEST_CASE("check: WHO 1975 formulation against its own target") {
    json r =
        run_json({"check", "--add", "sodium-chloride=3.5g", "--add", "glucose-anhydrous=20g",
                  "--add", "potassium-chloride=1.5g", "--add", "trisodium-citrate-dihydrate=2.9g",
                  "--volume", "1L", "--target", "who-1975"});
    const json& c = r["composition"];
    CHECK(c["sodium"].get<double>() == doctest::Approx(89.47).epsilon(1e-4));
    CHECK(c["chloride"].get<double>() == doctest::Approx(80.01).epsilon(1e-4));
    CHECK(c["glucose"].get<double>() == doctest::Approx(111.01).epsilon(1e-4));
    CHECK(c["osmolarity"].get<double>() == doctest::Approx(310.5).epsilon(1e-4));
    CHECK(std::abs(c["osmolarity"].get<double>() - 311) < 2);
    CHECK(r["verdict"] != "fails");
}

TEST_CASE("check: the homemade sugar-salt solution (1/2 tsp salt, 6 tsp sugar, 1 L water)") {
    json r = run_json({"check", "--add", "salt=0.5tsp", "--add", "sugar=6tsp", "--add", "water=1L",
                       "--target", "who-home-ssd"});
    const json& c = r["composition"];
    CHECK(r["volume_ml"] == 1000);
    // USDA: table salt 6.0 g per level tsp at 98.5% NaCl (3 g -> 2.955 g NaCl), sugar 4.2 g
    // per tsp at 99.8% sucrose (25.2 g -> 25.15 g).
    CHECK(c["sodium"].get<double>() == doctest::Approx(50.56).epsilon(1e-4));
    CHECK(c["chloride"].get<double>() == doctest::Approx(50.56).epsilon(1e-4));
    CHECK(c["sucrose"].get<double>() == doctest::Approx(73.47).epsilon(1e-4));
    CHECK(c["osmolarity"].get<double>() == doctest::Approx(174.6).epsilon(1e-4));
    CHECK(c["potassium"].get<double>() == 0);
    CHECK(c["glucose_sodium_ratio"].get<double>() == doctest::Approx(1.453).epsilon(1e-3));
    CHECK(r["verdict"] == "meets");
    // Against the WHO ORS it is not an ORS: too little sodium.
    json who =
        run_json({"check", "--add", "salt=0.5tsp", "--add", "sugar=6tsp", "--add", "water=1L"}, 1);
    CHECK(check_named(who, "sodium")["status"] == "low");
}

TEST_CASE("check: undiluted apple juice fails as hyperosmolar, exit 1") {
    json r = run_json({"check", "--add", "apple-juice=1L"}, 1);
    CHECK(r["verdict"] == "fails");
    CHECK(check_named(r, "osmolarity")["status"] == "high");
    CHECK(any_warning_contains(r, "HYPEROSMOLAR"));
    CHECK(any_warning_contains(r, "UNDILUTED JUICE"));
}

TEST_CASE("check: a mixture file, also from standard input, with its own target") {
    std::string mix = "name = \"home\"\nvolume = \"1 L\"\ntarget = \"who-2002\"\n[ingredients]\n"
                      "who-ors-sachet = \"1 sachet\"\n";
    json r = run_json({"check", "-"}, 0, mix);
    CHECK(r["name"] == "home");
    CHECK(r["composition"]["sodium"].get<double>() == doctest::Approx(74.07).epsilon(1e-4));
    json shipped = run_json({"check", ORSCALC_SOURCE_DIR "/recipes/mixes/who-2002-salts.toml"});
    CHECK(shipped["verdict"] == "meets");
}

TEST_CASE("check: bad input gets one line on stderr, exit 2 and an empty stdout") {
    std::string bad_toml = temp_path("bad.toml");
    write_file(bad_toml, "[ingredients]\nsalt = \"1 tsp\"\nsugar = = \"2 tsp\"\n");
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    std::vector<Case> cases{
        {{"check", bad_toml}, bad_toml + ":3:"},
        {{"check", "--add", "slat=1tsp", "--add", "water=1L"},
         "unknown ingredient 'slat' (did you mean 'salt'?)"},
        {{"check", "--add", "salt=1 smidgen", "--add", "water=1L"}, "unknown unit 'smidgen'"},
        {{"check", "--add", "salt=-1tsp", "--add", "water=1L"}, "must be positive"},
        {{"check", "--add", "salt=1oz", "--add", "water=1L"}, "ambiguous unit 'oz'"},
        {{"check", "--add", "salt", "--add", "water=1L"}, "expected INGREDIENT=AMOUNT"},
        {{"check", "--add", "salt=1tsp"}, "no water"},
        {{"check", "--add", "banana=100g", "--add", "water=1L"}, "banana is a food"},
        {{"check", "--target", "nope", "--add", "water=1L"}, "unknown target 'nope'"},
        {{"check", "/nonexistent/mix.toml"}, "no such file"},
        {{"check", "/tmp"}, "is a directory"},
        {{"check"}, "nothing to check"},
        {{"check", "--frobnicate"}, "frobnicate"},
        {{"frobnicate"}, "unknown command 'frobnicate'"},
        {{"--format", "xml", "list", "targets"}, "xml"},
    };
    for (const auto& c : cases) {
        RunResult r = run_orscalc(c.args);
        INFO("args: " << nlohmann::json(c.args).dump() << " stderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("orscalc: error: ", 0) == 0);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    std::remove(bad_toml.c_str());
}

TEST_CASE("--output writes atomically and a failure leaves the file untouched") {
    std::string out = temp_path("out.json");
    write_file(out, "previous contents\n");
    RunResult bad = run_orscalc({"--output", out, "check", "--add", "salt=1 smidgen"});
    CHECK(bad.exit_code == 2);
    CHECK(read_file(out) == "previous contents\n");
    RunResult ok = run_orscalc({"--format", "json", "--output", out, "check", "--add",
                                "salt=0.5tsp", "--add", "water=1L"});
    CHECK(ok.out.empty());
    json r = json::parse(read_file(out));
    CHECK(r["composition"]["sodium"].get<double>() > 50);
    RunResult dir = run_orscalc({"--output", "/nonexistent-dir/x.json", "list", "targets"});
    CHECK(dir.exit_code == 2);
    CHECK(dir.out.empty());
    std::remove(out.c_str());
}

TEST_CASE("table output shows gauges, the verdict and the disclaimer once") {
    RunResult r =
        run_orscalc({"check", "--add", "salt=0.5tsp", "--add", "sugar=6tsp", "--add", "water=1L"});
    CHECK(r.out.find("[") != std::string::npos);
    CHECK(r.out.find("|") != std::string::npos);
    CHECK(r.out.find("Verdict: ") != std::string::npos);
    auto first = r.out.find("not a doctor");
    CHECK(first != std::string::npos);
    CHECK(r.out.find("not a doctor", first + 1) == std::string::npos);
}

TEST_CASE("CSV: one row per quantity, then the verdict") {
    RunResult r = run_orscalc(
        {"--format", "csv", "check", "--add", "who-ors-sachet=1sachet", "--volume", "1L"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("section,name,value,unit,min,ideal,max,hard,status\n", 0) == 0);
    CHECK(r.out.find("composition,sodium,74.07,mmol/L") != std::string::npos);
    CHECK(r.out.find("check,sodium,74.07,mmol/L,60,75,90,hard,ok") != std::string::npos);
    CHECK(r.out.find("verdict,who-2002,meets") != std::string::npos);
}

TEST_CASE("--recipes and ORSCALC_PATH override library entries") {
    std::string dir = temp_path("lib");
    std::string cmd = "mkdir -p " + dir + "/ingredients";
    REQUIRE(std::system(cmd.c_str()) == 0);
    write_file(dir + "/ingredients/salt.toml",
               "[salt]\nkind = \"product\"\nname = \"kosher salt\"\nvariety = \"kosher\"\nsource = "
               "\"test\"\n"
               "components = { sodium-chloride = 1.0 }\n[salt.measures]\ntsp = { grams = 3.0, "
               "source = \"test\" }\n");
    json r = run_json({"--recipes", dir, "check", "--add", "salt=1tsp", "--add", "water=1L"}, 1);
    CHECK(r["composition"]["sodium"].get<double>() == doctest::Approx(51.33).epsilon(2e-3));
    RunResult env =
        run_orscalc({"--format", "json", "check", "--add", "salt=1tsp", "--add", "water=1L"}, "",
                    {"ORSCALC_PATH=" + dir});
    CHECK(json::parse(env.out)["composition"]["sodium"].get<double>() ==
          doctest::Approx(51.33).epsilon(2e-3));
    RunResult missing = run_orscalc({"--recipes", dir + "/nope", "list", "targets"});
    CHECK(missing.exit_code == 2);
    std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("list and show") {
    json ings = run_json({"list", "ingredients"});
    CHECK(ings["ingredients"].size() > 20);
    json targets = run_json({"list", "targets"});
    bool has_resomal = false;
    for (const auto& t : targets["targets"])
        has_resomal |= t["id"] == "resomal";
    CHECK(has_resomal);
    json apple = run_json({"show", "apple-juice"});
    CHECK(apple["form"] == "liquid");
    CHECK_FALSE(apple["source"].get<std::string>().empty());
    json nacl = run_json({"show", "sodium-chloride"});
    CHECK(nacl["molar_mass_g_per_mol"].get<double>() == doctest::Approx(58.44).epsilon(1e-4));
    RunResult unknown = run_orscalc({"show", "aple-juice"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("did you mean 'apple-juice'") != std::string::npos);
}

TEST_CASE("--version and --help exit 0") {
    CHECK(run_orscalc({"--version"}).exit_code == 0);
    RunResult help = run_orscalc({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("check") != std::string::npos);
}
