// `orscalc plan --have` end to end (issue 4): the recipe for one batch of the plan's fluid is
// the `mix` answer itself, re-checked by `orscalc check`; no recipe leaves the plan standing.
#include "e2e.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

namespace {

const std::vector<std::string> adult = {"plan", "--weight", "70kg", "--dehydration",
                                        "5%",   "--stools", "8"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

} // namespace

TEST_CASE("plan --have chicken-broth,salt,sugar,water: a recipe for the first phase's batch") {
    json r = run_json(with(adult, {"--have", "chicken-broth,salt,sugar,water"}));
    // The plan is the plan without --have, plus "mix" and its words.
    json plain = run_json(adult);
    for (const char* key : {"deficit_ml", "rehydration_ml", "fluid_ml", "sachets", "schedule"})
        CHECK(r[key] == plain[key]);
    REQUIRE(r.contains("mix"));
    const json& mix = r["mix"];
    CHECK(mix["volume_ml"] == 4000); // the 3500 mL first phase, rounded up to whole litres
    CHECK(mix["target"] == "who-2002");
    CHECK(mix["mode"] == "household");
    CHECK(mix["feasible"] == true);
    CHECK(mix["verdict"] != "fails");
    for (const auto& c : mix["checks"])
        if (c["hard"] == true) CHECK(c["status"] == "ok");
    bool batch_note = false;
    for (const auto& n : r["notes"])
        batch_note |= n.get<std::string>().find("batch of 4000 mL") != std::string::npos;
    CHECK(batch_note);

    // Same contract as `orscalc mix` for that batch: the same report, byte for byte.
    json direct = run_json({"mix", "--have", "chicken-broth,salt,sugar,water", "--volume", "4000mL",
                            "--target", "who-2002"});
    CHECK(direct == mix);

    // --exact: grams and mL to weigh, as `mix --exact`.
    json exact = run_json(with(adult, {"--have", "chicken-broth,salt,sugar,water", "--exact"}));
    CHECK(exact["mix"]["mode"] == "exact");
    CHECK(exact["mix"] == run_json({"mix", "--have", "chicken-broth,salt,sugar,water", "--volume",
                                    "4000mL", "--exact"}));

    // The amounts, measured and checked on their own, make the same drink.
    json check = check_of_mix(mix);
    CHECK(check["verdict"] == mix["verdict"]);
    CHECK(check["composition"] == mix["composition"]);
    CHECK(check["checks"] == mix["checks"]);
}

TEST_CASE("plan --have: the table shows the recipe after the supplies, CSV keeps one row") {
    RunResult t = run_orscalc(with(adult, {"--have", "chicken-broth,salt,sugar,water"}));
    CHECK(t.exit_code == 0);
    CHECK(t.err.empty());
    auto at = [&](const std::string& s) { return t.out.find(s); };
    CHECK(at("Homemade mixture from what you have (--have), one batch of 4000 mL") !=
          std::string::npos);
    CHECK(at("Recipe, in household measures (4000 mL)") != std::string::npos);
    CHECK(at("ORS: 10 sachets") < at("Homemade mixture"));
    CHECK(at("Verdict:") != std::string::npos);

    RunResult plain = run_orscalc(with({"--format", "csv"}, adult));
    RunResult csv =
        run_orscalc(with(with({"--format", "csv"}, adult), {"--have", "salt,sugar,water"}));
    CHECK(csv.exit_code == 0);
    CHECK(csv.out == plain.out);
}

TEST_CASE("plan --have apple-juice,water: no recipe, the plan stands with the diagnosis") {
    json r = run_json(with(adult, {"--have", "apple-juice,water"}), 0);
    CHECK(r["deficit_ml"] == 3500);
    CHECK(r["sachets"] == 10);
    REQUIRE(r.contains("mix"));
    CHECK(r["mix"]["feasible"] == false);
    CHECK(r["mix"]["verdict"] == "infeasible");
    CHECK(r["mix"]["amounts"].empty());
    CHECK_FALSE(r["mix"]["diagnosis"].empty());
    CHECK(any_warning_contains(r, "no safe mixture could be made"));
    CHECK(any_warning_contains(r, "use ORS sachets"));

    RunResult t = run_orscalc(with(adult, {"--have", "apple-juice,water"}));
    CHECK(t.exit_code == 0);
    CHECK(t.out.find("No recipe") != std::string::npos);
    CHECK(t.out.find("Why, and what would fix it:") != std::string::npos);
    CHECK(t.out.find("first phase (rehydration)") != std::string::npos);

    // Seek care stays exit 3 with or without a recipe.
    json care = run_json({"plan", "--weight", "30kg", "--dehydration", "some", "--symptoms",
                          "blood-in-stool", "--have", "apple-juice,water"},
                         3);
    CHECK(care["seek_care"] == true);
    CHECK(care["mix"]["feasible"] == false);
    json care_ok = run_json({"plan", "--weight", "30kg", "--dehydration", "some", "--symptoms",
                             "blood-in-stool", "--have", "salt,sugar,water"},
                            3);
    CHECK(care_ok["mix"]["feasible"] == true);
    CHECK(care_ok["warnings"][0].get<std::string>().rfind("seek medical care now", 0) == 0);
}

TEST_CASE("plan --have: young infants, severe malnutrition, no first phase") {
    json infant = run_json({"plan", "--age", "3mo", "--weight", "5.5kg", "--dehydration", "some",
                            "--have", "salt,sugar,water"});
    CHECK(infant["mix"]["volume_ml"] == 1000); // 412.5 mL first phase: a 1 L batch
    CHECK(infant["mix"]["feasible"] == true);
    CHECK(any_warning_contains(infant, "not a homemade mix"));
    CHECK(any_warning_contains(infant, "under 6 months: a homemade mixture"));

    json sam = run_json(
        {"plan", "--weight", "8kg", "--dehydration", "some", "--sam", "--have", "salt,sugar,water"},
        0);
    CHECK(sam["mix"]["target"] == "resomal");

    json none = run_json({"plan", "--weight", "12kg", "--have", "salt,sugar,water"});
    CHECK(none["mix"]["volume_ml"] == 1000);
    bool note = false;
    for (const auto& n : none["notes"])
        note |= n.get<std::string>().find("no first phase") != std::string::npos;
    CHECK(note);
}

TEST_CASE("plan --have: bad ingredients are exit 2 naming them, and not with --input") {
    for (const auto& [have, names] : std::vector<std::pair<std::string, std::string>>{
             {"salz,sugar,water", "salz"},
             {"salt,sugar,nonsense-juice", "nonsense-juice"},
             {"salt<=1L,water", "salt<=1L"},
             {",", "--have"},
         }) {
        CAPTURE(have);
        RunResult r = run_orscalc(with(adult, {"--have", have}));
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.find(names) != std::string::npos);
    }
    RunResult exact = run_orscalc(with(adult, {"--exact"}));
    CHECK(exact.exit_code == 2);
    CHECK(exact.err.find("--exact: needs --have") != std::string::npos);
    RunResult hint = run_orscalc(with(adult, {"--have", "salz,sugar,water"}));
    CHECK(hint.err.find("did you mean 'salt'") != std::string::npos);

    std::string path = temp_path("have.csv");
    write_file(path, "id,weight,dehydration\n1,12kg,some\n");
    RunResult input = run_orscalc({"plan", "--input", path, "--have", "salt,sugar,water"});
    CHECK(input.exit_code == 2);
    CHECK(input.err.find("--have") != std::string::npos);
    std::remove(path.c_str());
}

TEST_CASE("plan --have: over a range of plans the mix is mix's own answer and passes check") {
    const std::vector<std::vector<std::string>> plans = {
        {"--weight", "4kg", "--dehydration", "some"},
        {"--weight", "12kg", "--dehydration", "some", "--stools", "4"},
        {"--weight", "25kg", "--dehydration", "8%"},
        {"--weight", "70kg", "--dehydration", "10%", "--stools", "12"},
        {"--weight", "9kg", "--dehydration", "some", "--sam"},
        {"--weight", "20kg", "--dehydration", "severe"},
    };
    const std::vector<std::string> haves = {"salt,sugar,water", "who-ors-sachet,water",
                                            "lite-salt,salt,sugar,baking-soda,water",
                                            "apple-juice<=250mL,salt,sugar,water"};
    for (const auto& p : plans)
        for (const auto& have : haves) {
            std::vector<std::string> args = with(with({"plan"}, p), {"--have", have});
            CAPTURE(fmt::format("{}", fmt::join(args, " ")));
            RunResult r = run_orscalc(with({"--format", "json"}, args));
            REQUIRE((r.exit_code == 0 || r.exit_code == 3));
            json plan = json::parse(r.out);
            CHECK(r.exit_code == (plan["seek_care"].get<bool>() ? 3 : 0));
            const json& mix = plan["mix"];
            json direct = run_json({"mix", "--have", have, "--volume",
                                    fmt::format("{}mL", mix["volume_ml"].get<double>()), "--target",
                                    mix["target"].get<std::string>()},
                                   mix["feasible"].get<bool>() ? 0 : 1);
            CHECK(direct == mix);
            if (!mix["feasible"].get<bool>()) {
                CHECK(any_warning_contains(plan, "no safe mixture could be made"));
                continue;
            }
            CHECK(mix["verdict"] != "fails");
            json check = check_of_mix(mix);
            CHECK(check["composition"] == mix["composition"]);
            CHECK(check["verdict"] == mix["verdict"]);
        }
}
