// The weight check end to end (issue 15): the four reproducers through the binary,
// the confirmation flag, --sex, and a patient sheet with one bad row.
#include "e2e.hpp"

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

bool has_code(const json& report, const std::string& code) {
    for (const auto& c : report.at("weight_check").at("codes"))
        if (c == code) return true;
    return false;
}

} // namespace

TEST_CASE("weight: a 2-year-old at 70 kg is refused with the median, and planned if confirmed") {
    RunResult r = run_orscalc({"plan", "--age", "2y", "--weight", "70kg", "--dehydration", "some"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("orscalc: error: plan: weight: 70 kg is far above what a 2-year-old "
                            "weighs (median 11.5-12.2 kg"));
    CHECK(has(r.err, "--weight-confirmed"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

    json p = run_json(
        {"plan", "--age", "2y", "--weight", "70kg", "--dehydration", "some", "--weight-confirmed"});
    CHECK(p["weight_kg"] == 70);
    CHECK(p["weight_check"]["level"] == "implausible");
    CHECK(p["weight_check"]["confirmed"] == true);
    CHECK(has_code(p, "weight_confirmed"));
    CHECK(any_warning_contains(p, "weight confirmed (--weight-confirmed), planned as given: 70 kg "
                                  "is far above what a 2-year-old weighs"));
}

TEST_CASE("weight: an adult of 12 lb is refused, the pounds named") {
    RunResult r =
        run_orscalc({"plan", "--age", "30y", "--weight", "12lb", "--dehydration", "some"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "weight: 5.4 kg (12 lb) is far below what a 30-year-old weighs"));
    CHECK(has(r.err, "under 22.7 kg"));
}

TEST_CASE("weight: 0.8 kg is refused (no plan under 1 kg), 2.0 kg refers to newborn care") {
    RunResult r = run_orscalc({"plan", "--weight", "0.8kg", "--dehydration", "none"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "--weight '0.8kg': 0.8 kg is under 1 kg, an extremely low birth weight"));

    json p = run_json({"plan", "--weight", "2kg", "--dehydration", "none"}, 3);
    CHECK(p["seek_care"] == true);
    CHECK(p["weight_check"]["birth_weight"] == "low");
    CHECK(has_code(p, "low_birth_weight"));
    CHECK(p["schedule"][0]["step"] == "on-the-way-to-care");
    CHECK(any_warning_contains(p, "seek medical care now: 2 kg is a low birth weight (WHO: under "
                                  "2.5 kg)"));
    RunResult table = run_orscalc({"plan", "--weight", "2kg", "--dehydration", "none"});
    CHECK(table.exit_code == 3);
    CHECK(table.out.starts_with("!! SEEK MEDICAL CARE NOW\n   2 kg is a low birth weight"));

    json vlbw = run_json({"plan", "--weight", "1.2kg"}, 3);
    CHECK(vlbw["weight_check"]["birth_weight"] == "very-low");
    CHECK(any_warning_contains(vlbw, "a neonatal unit"));
}

TEST_CASE("weight: an 80 kg adult without an age is planned, the weight alone is not judged") {
    json p = run_json({"plan", "--weight", "80kg"});
    CHECK(p["weight_check"]["level"] == "plausible");
    CHECK(p["weight_check"]["reference"].is_null());
    CHECK(p["weight_check"]["codes"].empty());
}

TEST_CASE("weight: an unusual weight warns, suggests --sam and the other unit") {
    json p = run_json({"plan", "--age", "4y", "--weight", "16lb", "--dehydration", "some"});
    CHECK(p["weight_check"]["level"] != "plausible");
    CHECK(p["weight_check"]["reference"] == "who-2006");
    CHECK(has_code(p, "severe_underweight"));
    CHECK(has_code(p, "unit_slip"));
    CHECK(any_warning_contains(p, "ask about severe acute malnutrition (--sam)"));
    CHECK(any_warning_contains(p, "16 lb = 7.3 kg; did you mean 16 kg?"));
    // 26 kg typed for a 2-year-old: refused, and the pounds suggested.
    RunResult r = run_orscalc({"plan", "--age", "2y", "--weight", "26kg"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "did you mean 26 lb (11.8 kg)?"));
}

TEST_CASE("weight: --sex picks the band, a missing sex never causes the warning") {
    // 17.1 kg at 2 years: above the girls' +3 SD (17.02 kg), inside the boys' (17.14 kg).
    json girl = run_json({"plan", "--age", "2y", "--weight", "17.1kg", "--sex", "female"});
    CHECK(girl["weight_check"]["level"] == "unusual");
    CHECK(girl["weight_check"]["sex"] == "female");
    json any = run_json({"plan", "--age", "2y", "--weight", "17.1kg"});
    CHECK(any["weight_check"]["level"] == "plausible");
    CHECK(any["weight_check"]["sex"].is_null());
    RunResult bad = run_orscalc({"plan", "--age", "2y", "--weight", "12kg", "--sex", "x"});
    CHECK(bad.exit_code == 2);
    CHECK(has(bad.err, "--sex 'x': expected female or male"));
}

TEST_CASE("weight: a patient sheet with one bad row") {
    std::string in = temp_path("weights.csv");
    write_file(in, "id,weight,age,sex,dehydration,weight-confirmed\n"
                   "ok,12kg,2y,,some,\n"
                   "typo,70kg,2y,,some,\n"
                   "lb,16lb,4y,female,some,\n"
                   "tiny,2kg,,,none,\n"
                   "vouched,70kg,2y,male,some,yes\n");
    RunResult r = run_orscalc({"plan", "--input", in, "--format", "csv"});
    CHECK(r.exit_code == 2); // a row was rejected
    // The refused row: one stderr line naming the file, the row and the weight.
    CHECK(has(r.err, "weights.csv:3: row 2 (id typo): weight: 70 kg is far above what a "
                     "2-year-old weighs"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    std::istringstream rows(r.out);
    std::string header, line;
    std::getline(rows, header);
    CHECK(header.ends_with(",weight_check"));
    std::vector<std::string> last_cells;
    std::vector<std::string> ids;
    while (std::getline(rows, line)) {
        ids.push_back(line.substr(0, line.find(',')));
        last_cells.push_back(line.substr(line.rfind(',') + 1));
    }
    REQUIRE(ids == std::vector<std::string>{"ok", "lb", "tiny", "vouched"});
    CHECK(last_cells[0].empty());
    CHECK(last_cells[1] == "weight_below_age;severe_underweight;unit_slip");
    CHECK(last_cells[2] == "low_birth_weight");
    CHECK(last_cells[3] == "weight_above_age;weight_confirmed");

    RunResult summary = run_orscalc({"plan", "--input", in, "--summary", "--format", "json"});
    json s = json::parse(summary.out);
    CHECK(s["rejected"] == 1);
    CHECK(s["weights_to_check"] == 2); // lb and vouched
    RunResult table = run_orscalc({"plan", "--input", in, "--summary"});
    CHECK(has(table.out, "Weights to check (unusual for the age): 2"));
    std::remove(in.c_str());
}
