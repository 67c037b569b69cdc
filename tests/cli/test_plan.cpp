// `orscalc plan` end to end: the example commands, the JSON contract, exit codes
// 0/3/2, CSV and the table. Numbers from the sources (WHO 2005 Plan B 75 mL/kg; Holliday-
// Segar; CDC 2003 10 mL/kg per stool, 2 mL/kg per vomit).
#include "e2e.hpp"

#include <algorithm>

namespace {

int count_of(const std::string& s, char c) {
    return static_cast<int>(std::count(s.begin(), s.end(), c));
}

void check_bad_input(const std::vector<std::string>& args, const std::string& names) {
    std::vector<std::string> a{"plan"};
    a.insert(a.end(), args.begin(), args.end());
    RunResult r = run_orscalc(a);
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(count_of(r.err, '\n') == 1);
    CHECK(r.err.rfind("orscalc: error: ", 0) == 0);
    CHECK(r.err.find(names) != std::string::npos);
}

} // namespace

TEST_CASE("plan --weight 12kg --dehydration some: the JSON contract") {
    json r = run_json({"plan", "--weight", "12kg", "--dehydration", "some"});
    for (const char* key :
         {"weight_kg", "weight_estimated", "dehydration", "deficit_ml", "maintenance_ml_per_day",
          "replacement_ml_per_stool", "replacement_ml_per_vomit", "rehydration_ml",
          "rehydration_hours", "rate_ml_per_hour", "schedule", "sachets", "electrolytes",
          "red_flags", "seek_care", "foods", "warnings", "notes"}) {
        CAPTURE(key);
        CHECK(r.contains(key));
    }
    CHECK_FALSE(r.contains("mix")); // only with --have
    CHECK(r["weight_kg"] == 12);
    CHECK(r["weight_estimated"] == false);
    CHECK(r["dehydration"]["category"] == "some");
    CHECK(r["dehydration"]["percent"] == 7.5);
    CHECK(r["dehydration"]["rule"] == "category");
    CHECK(r["deficit_ml"] == 900);
    CHECK(r["maintenance_ml_per_day"] == 1100);
    CHECK(r["replacement_ml_per_stool"] == 120);
    CHECK(r["replacement_ml_per_vomit"] == 24);
    CHECK(r["rehydration_ml"] == 900);
    CHECK(r["rehydration_hours"] == 4);
    CHECK(r["rate_ml_per_hour"] == 225);
    CHECK(r["sachets"] == 1);
    CHECK(r["seek_care"] == false);
    CHECK(r["red_flags"].empty());
    CHECK(r["schedule"][0]["step"] == "rehydrate");
    CHECK(r["schedule"][0]["volume_ml"] == 900);
    CHECK(r["electrolytes"]["unit"] == "mmol");
    CHECK(r["electrolytes"]["delivered"]["sodium"] == 66.7); // 0.9 L x 74.07 mmol/L
    CHECK(r["electrolytes"]["delivered"]["magnesium"] == 0);
    CHECK(r["foods"][0]["id"] == "banana");
    CHECK(r["foods"].size() >= 6);
}

TEST_CASE("plan --weight 12kg --dehydration some: the README's table") {
    RunResult r = run_orscalc({"plan", "--weight", "12kg", "--dehydration", "some"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("Plan for 12 kg: some dehydration, WHO Plan B", 0) == 0);
    for (const char* part :
         {"900 mL", "225 mL an hour", "1100 mL", "120 mL", "24 mL", "ORS: 1 sachet",
          "after vomiting: wait 10 minutes", "banana", "caffeine", "not a doctor"}) {
        CAPTURE(part);
        CHECK(r.out.find(part) != std::string::npos);
    }
    CHECK(r.out.find("SEEK") == std::string::npos);
    std::string disclaimer = "orscalc is a calculator, not a doctor";
    CHECK(r.out.find(disclaimer) == r.out.rfind(disclaimer)); // once
}

TEST_CASE("plan --age 18mo: weight estimated from age, losses counted") {
    json r = run_json(
        {"plan", "--age", "18mo", "--dehydration", "some", "--stools", "6", "--vomits", "2"});
    CHECK(r["weight_estimated"] == true);
    CHECK(r["weight_kg"] == 10.6); // WHO medians 10.9 (boys), 10.2 (girls): mean 10.55
    CHECK(r["deficit_ml"] == 791); // 75 x 10.55
    CHECK(r["replacement_ml_per_stool"] == 106);
    CHECK(r["losses_ml_per_day"] == 675); // 6 x 105.5 + 2 x 21.1
    CHECK(r["plan_a_ml_per_stool"]["min"] == 50);
    CHECK(r["plan_a_ml_per_stool"]["max"] == 100);
    CHECK(r["plan_b_table"]["basis"] == "age");
    CHECK(r["plan_b_table"]["ml_in_4_hours"] == json::array({600, 800}));
    CHECK(r["sachets"] == 2);
    CHECK(r["electrolytes"]["estimated_stool_losses"]["cause"] == "non-cholera");
    CHECK(r["warnings"].empty());
}

TEST_CASE("plan --weight 70kg --dehydration 5% --stools 8: percent deficit") {
    json r = run_json({"plan", "--weight", "70kg", "--dehydration", "5%", "--stools", "8"});
    CHECK(r["dehydration"]["rule"] == "percent");
    CHECK(r["dehydration"]["percent"] == 5);
    CHECK(r["deficit_ml"] == 3500);
    CHECK(r["maintenance_ml_per_day"] == 2500);
    CHECK(r["replacement_ml_per_stool"] == 700);
    CHECK(r["losses_ml_per_day"] == 5600);
    CHECK(r["sachets"] == 10);      // 3.5 L + 5.6 L
    CHECK_FALSE(r.contains("mix")); // --have: tests/cli/test_plan_have.cpp
}

TEST_CASE("plan --weight 9kg --signs: the WHO assessment decides") {
    json r =
        run_json({"plan", "--weight", "9kg", "--signs", "restless,sunken-eyes,drinks-eagerly"});
    CHECK(r["dehydration"]["category"] == "some");
    CHECK(r["dehydration"]["rule"] == "signs");
    CHECK(r["deficit_ml"] == 675);
    CHECK(r["maintenance_ml_per_day"] == 900);
    CHECK(r["schedule"][0]["sip_ml"] == 5); // a teaspoon for a small child
    json severe =
        run_json({"plan", "--weight", "9kg", "--signs", "lethargic,skin-pinch-very-slow"}, 3);
    CHECK(severe["dehydration"]["category"] == "severe");
    CHECK(severe["seek_care"] == true);
}

TEST_CASE("plan --symptoms blood-in-stool: seek care first, exit 3, plan still there") {
    json r = run_json(
        {"plan", "--weight", "30kg", "--dehydration", "some", "--symptoms", "blood-in-stool"}, 3);
    CHECK(r["seek_care"] == true);
    CHECK(r["red_flags"] == json::array({"blood-in-stool"}));
    CHECK(r["warnings"][0].get<std::string>().rfind("seek medical care now", 0) == 0);
    CHECK(r["rehydration_ml"] == 2250);
    CHECK(r["schedule"][0]["step"] == "on-the-way-to-care");
    RunResult t = run_orscalc(
        {"plan", "--weight", "30kg", "--dehydration", "some", "--symptoms", "blood-in-stool"});
    CHECK(t.exit_code == 3);
    CHECK(t.out.rfind("!! SEEK MEDICAL CARE NOW", 0) == 0);
    CHECK(t.out.find("2250 mL") != std::string::npos);
}

TEST_CASE("plan --duration: over 48 hours is a red flag") {
    json over = run_json({"plan", "--weight", "12kg", "--duration", "3d"}, 3);
    CHECK(over["red_flags"] == json::array({"diarrhoea-over-48h"}));
    json edge = run_json({"plan", "--weight", "12kg", "--duration", "48h"}, 0);
    CHECK(edge["seek_care"] == false);
}

TEST_CASE("plan --dehydration severe: no oral plan, seek emergency care, exit 3") {
    json r = run_json({"plan", "--weight", "20kg", "--dehydration", "severe"}, 3);
    CHECK(r["seek_care"] == true);
    CHECK(r["who_plan"] == "C");
    CHECK(r["rehydration_ml"].is_null());
    CHECK(r["rate_ml_per_hour"].is_null());
    CHECK(r["deficit_ml"] == 2000);
    CHECK(r["foods"].empty());
    CHECK(any_warning_contains(r, "IV rehydration (WHO Plan C"));
    RunResult t = run_orscalc({"plan", "--weight", "20kg", "--dehydration", "severe"});
    CHECK(t.out.rfind("!! SEEK EMERGENCY CARE NOW", 0) == 0);
    CHECK(t.out.find("first phase") == std::string::npos);
}

TEST_CASE("plan --sam and a young infant") {
    json sam = run_json({"plan", "--weight", "8kg", "--dehydration", "some", "--sam"});
    CHECK(sam["fluid"] == "resomal");
    CHECK(sam["sachets"].is_null());
    CHECK(sam["rate_ml_per_hour"] == 80);
    CHECK(sam["schedule"][0]["step"] == "rehydrate-slowly");
    CHECK(sam["schedule"][0]["sip_ml"] == 40);
    CHECK(sam["electrolytes"]["delivered"]["sodium"] == 27);
    json infant = run_json({"plan", "--age", "3mo", "--weight", "5.5kg", "--dehydration", "some"});
    CHECK(any_warning_contains(infant, "keep breastfeeding"));
    CHECK(infant["foods"].empty());
}

TEST_CASE("plan --format csv: one fixed-column row, id first") {
    RunResult r = run_orscalc({"--format", "csv", "plan", "--weight", "12kg", "--dehydration",
                               "some", "--symptoms", "blood-in-stool,fainting"});
    CHECK(r.exit_code == 3);
    REQUIRE(count_of(r.out, '\n') == 2);
    std::string header = r.out.substr(0, r.out.find('\n'));
    std::string row = r.out.substr(header.size() + 1);
    CHECK(header.rfind("id,seek_care,red_flags,", 0) == 0);
    CHECK(count_of(header, ',') == count_of(row, ','));
    CHECK(row.rfind("1,true,blood-in-stool;fainting,B,12,false,some,7.5,category,900,1100,120,24,"
                    "900,4,225,who-ors-sachet,900,1,",
                    0) == 0);
}

TEST_CASE("plan: bad input is exit 2, one line naming the flag, nothing on stdout") {
    check_bad_input({"--weight", "-3kg"}, "--weight");
    check_bad_input({"--weight", "300kg"}, "--weight");
    check_bad_input({"--weight", "0kg"}, "--weight");
    check_bad_input({"--weight", "12"}, "--weight");
    check_bad_input({"--weight", "12kg", "--signs", "restles"}, "--signs 'restles'");
    check_bad_input({"--weight", "12kg", "--symptoms", "bloody"}, "--symptoms 'bloody'");
    check_bad_input({"--dehydration", "some"}, "--weight");
    check_bad_input({"--dehydration", "some"}, "--age");
    check_bad_input({"--weight", "12kg", "--dehydration", "moderate"}, "--dehydration");
    check_bad_input({"--weight", "12kg", "--stools", "many"}, "--stools");
    check_bad_input({"--weight", "12kg", "--duration", "2"}, "--duration");
    check_bad_input({"--weight", "12kg", "--cause", "typhoid"}, "--cause");
    check_bad_input({"--age", "30y"}, "--weight");
}

TEST_CASE("plan: the CSV row holds the JSON's numbers, rounded the same way") {
    const std::vector<std::vector<std::string>> cases = {
        {"--weight", "12kg", "--dehydration", "some"},
        {"--age", "18mo", "--dehydration", "some", "--stools", "6", "--vomits", "2"},
        {"--weight", "70kg", "--dehydration", "5%", "--stools", "8", "--cause", "cholera"},
        {"--weight", "20kg", "--dehydration", "severe"},
        {"--weight", "8kg", "--dehydration", "some", "--sam"},
        {"--weight", "26lb", "--stools", "3"},
    };
    for (const auto& args : cases) {
        std::vector<std::string> a{"plan"};
        a.insert(a.end(), args.begin(), args.end());
        CAPTURE(args[1]);
        std::vector<std::string> j{"--format", "json"}, c{"--format", "csv"};
        j.insert(j.end(), a.begin(), a.end());
        c.insert(c.end(), a.begin(), a.end());
        RunResult jr = run_orscalc(j), cr = run_orscalc(c);
        CHECK(jr.exit_code == cr.exit_code);
        json r = json::parse(jr.out);
        auto lines = cr.out.substr(0, cr.out.size() - 1);
        std::string header = lines.substr(0, lines.find('\n'));
        std::string row = lines.substr(header.size() + 1);
        auto split = [](const std::string& s) {
            std::vector<std::string> out(1);
            for (char ch : s) {
                if (ch == ',')
                    out.emplace_back();
                else
                    out.back().push_back(ch);
            }
            return out;
        };
        auto names = split(header), values = split(row);
        REQUIRE(names.size() == values.size());
        auto csv = [&](const std::string& name) {
            for (std::size_t i = 0; i < names.size(); ++i)
                if (names[i] == name) return values[i];
            FAIL("no column " << name);
            return std::string();
        };
        auto same = [&](const std::string& name, const json& value) {
            CAPTURE(name);
            if (value.is_null())
                CHECK(csv(name).empty());
            else
                CHECK(std::stod(csv(name)) == value.get<double>());
        };
        CHECK(csv("seek_care") == (r["seek_care"].get<bool>() ? "true" : "false"));
        CHECK(csv("who_plan") == r["who_plan"]);
        CHECK(csv("dehydration") == r["dehydration"]["category"]);
        for (const char* key :
             {"weight_kg", "deficit_ml", "maintenance_ml_per_day", "replacement_ml_per_stool",
              "replacement_ml_per_vomit", "rehydration_ml", "rehydration_hours", "rate_ml_per_hour",
              "fluid_ml", "sachets"})
            same(key, r[key]);
        same("dehydration_percent", r["dehydration"]["percent"]);
        same("sodium_mmol", r["electrolytes"]["delivered"]["sodium"]);
        same("potassium_mmol", r["electrolytes"]["delivered"]["potassium"]);
        const json& losses = r["electrolytes"]["estimated_stool_losses"];
        same("stool_sodium_mmol", losses.is_null() ? json() : losses["sodium"]);
    }
}

// The people's view, reviewed like code (STYLE.md rule 7). After an intended change:
// ./build/orscalc plan ARGS > tests/data/golden/NAME.txt, and review the diff.
TEST_CASE("plan: the table matches its reviewed golden files") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> goldens = {
        {"plan-weight-12kg-some.txt", {"plan", "--weight", "12kg", "--dehydration", "some"}},
        {"plan-weight-30kg-blood-in-stool.txt",
         {"plan", "--weight", "30kg", "--dehydration", "some", "--symptoms", "blood-in-stool"}},
    };
    for (const auto& [name, args] : goldens) {
        CAPTURE(name);
        RunResult r = run_orscalc(args);
        CHECK(r.out == read_file(ORSCALC_SOURCE_DIR "/tests/data/golden/" + name));
    }
}
