// Batch planning end to end: `plan --input` over CSV and JSON Lines files.
#include "e2e.hpp"

#include <algorithm>

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::vector<std::string> split_commas(const std::string& line) {
    std::vector<std::string> cells;
    std::istringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');)
        cells.push_back(cell);
    return cells;
}

// The cell of `column` in CSV row `row` (1 = first data row); rows here quote nothing.
std::string csv_cell(const std::string& csv, std::size_t row, const std::string& column) {
    auto lines = lines_of(csv);
    auto header = split_commas(lines.at(0));
    auto it = std::find(header.begin(), header.end(), column);
    REQUIRE_MESSAGE(it != header.end(), "no column " << column);
    return split_commas(lines.at(row)).at(static_cast<std::size_t>(it - header.begin()));
}

const std::string patients = "id,weight,age,dehydration,stools,vomits,symptoms,duration\n"
                             "A,12kg,,some,,,,\n"
                             "B,,18mo,some,6,2,,\n"
                             "C,70kg,,5%,8,,,\n"
                             "D,30kg,,some,,,blood-in-stool,\n";

} // namespace

TEST_CASE("batch: one CSV row out per row in, same numbers as a single plan") {
    std::string in = temp_path("patients.csv");
    write_file(in, patients);
    RunResult r = run_orscalc({"plan", "--input", in, "--format", "csv"});
    INFO(r.err);
    CHECK(r.exit_code == 3); // D has a red flag
    CHECK(r.err.empty());
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].rfind("id,", 0) == 0);
    CHECK(csv_cell(r.out, 1, "id") == "A");
    // WHO Plan B: 75 mL/kg over 4 h.
    CHECK(csv_cell(r.out, 1, "rehydration_ml") == "900");
    CHECK(csv_cell(r.out, 3, "deficit_ml") == "3500"); // 5 % of 70 kg
    CHECK(csv_cell(r.out, 4, "seek_care") == "true");
    // The same patient alone gives the same row.
    RunResult one =
        run_orscalc({"plan", "--weight", "12kg", "--dehydration", "some", "--format", "csv"});
    CHECK(lines_of(one.out).at(1).substr(lines_of(one.out).at(1).find(',')) ==
          lines[1].substr(lines[1].find(',')));
    std::remove(in.c_str());
}

TEST_CASE("batch: a bad row is one stderr line naming it, the others are planned, exit 2") {
    std::string in = temp_path("bad.csv");
    write_file(in,
               "id,weight,dehydration\nA,12kg,some\nB,-3kg,some\nC,9kg,sometimes\nD,9kg,none\n");
    RunResult r = run_orscalc({"plan", "--input", in, "--format", "csv"});
    CHECK(r.exit_code == 2);
    auto errors = lines_of(r.err);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].find(in + ":3: row 2 (id B): weight '-3kg'") != std::string::npos);
    CHECK(errors[1].find(":4: row 3 (id C): dehydration 'sometimes'") != std::string::npos);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(csv_cell(r.out, 1, "id") == "A");
    CHECK(csv_cell(r.out, 2, "id") == "D");
    std::remove(in.c_str());
}

TEST_CASE("batch: --strict stops at the first bad row and leaves --output untouched") {
    std::string in = temp_path("strict.csv");
    std::string out = temp_path("strict-out.csv");
    write_file(in, "weight\n12kg\nheavy\n9kg\n");
    write_file(out, "precious\n");
    RunResult r = run_orscalc({"plan", "--input", in, "--strict", "--output", out});
    CHECK(r.exit_code == 2);
    CHECK(lines_of(r.err).size() == 1);
    CHECK(r.err.find(":3: row 2 (id 2): weight 'heavy'") != std::string::npos);
    CHECK(read_file(out) == "precious\n");
    // Without --strict the file is written, with the good rows.
    r = run_orscalc({"plan", "--input", in, "--format", "csv", "--output", out});
    CHECK(r.exit_code == 2);
    CHECK(lines_of(read_file(out)).size() == 3);
    std::remove(in.c_str());
    std::remove(out.c_str());
}

TEST_CASE("batch: a file-level problem is exit 2 with nothing written") {
    std::string out = temp_path("untouched.csv");
    write_file(out, "keep\n");
    std::string in = temp_path("noweight.csv");
    write_file(in, "id,stools\n1,3\n");
    RunResult r = run_orscalc({"plan", "--input", in, "--output", out});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("neither a 'weight' nor an 'age' column") != std::string::npos);
    CHECK(read_file(out) == "keep\n");
    r = run_orscalc({"plan", "--input", temp_path("missing.csv")});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("No such file") != std::string::npos);
    r = run_orscalc({"plan", "--input", "/tmp"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is a directory") != std::string::npos);
    std::remove(in.c_str());
    std::remove(out.c_str());
}

TEST_CASE("batch: CSV edge cases: BOM, CRLF, quotes, blank lines, extra and reordered columns") {
    std::string in = temp_path("edge.csv");
    write_file(in, "\xEF\xBB\xBF"
                   "Ward,Dehydration,ID,Weight,Symptoms\r\n"
                   "\"east, bed 4\",some,\"P \"\"1\"\"\",12kg,\r\n"
                   "\r\n"
                   "west,none,P2,9kg,\"confusion;fainting\"\r\n");
    RunResult r = run_orscalc({"plan", "--input", in, "--format", "jsonl"});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 2);
    json a = json::parse(lines[0]), b = json::parse(lines[1]);
    CHECK(a["id"] == "P \"1\"");
    CHECK(a["rehydration_ml"] == 900);
    CHECK(a["seek_care"] == false);
    CHECK(b["id"] == "P2");
    CHECK(b["seek_care"] == true);
    CHECK(b["red_flags"] == json::array({"confusion", "fainting"}));
    std::remove(in.c_str());
}

TEST_CASE("batch: JSON Lines in gives the same plans as CSV in, standard input works") {
    std::string jsonl = "{\"id\":\"A\",\"weight\":\"12kg\",\"dehydration\":\"some\"}\n"
                        "{\"id\":\"B\",\"age\":\"18mo\",\"dehydration\":\"some\",\"stools\":6,"
                        "\"vomits\":2}\n"
                        "{\"id\":\"C\",\"weight\":\"70kg\",\"dehydration\":\"5%\",\"stools\":8}\n"
                        "{\"id\":\"D\",\"weight\":\"30kg\",\"dehydration\":\"some\","
                        "\"symptoms\":[\"blood-in-stool\"]}\n";
    RunResult from_jsonl =
        run_orscalc({"plan", "--input", "-", "--input-format", "jsonl", "--format", "csv"}, jsonl);
    RunResult from_csv = run_orscalc({"plan", "--input", "-", "--format", "csv"}, patients);
    INFO(from_jsonl.err);
    CHECK(from_jsonl.exit_code == 3);
    CHECK(from_jsonl.out == from_csv.out);
    // JSON Lines out, read back: every row is an object with the plan's keys.
    RunResult out = run_orscalc({"plan", "--input", "-", "--format", "jsonl"}, patients);
    auto lines = lines_of(out.out);
    REQUIRE(lines.size() == 4);
    for (const auto& line : lines) {
        json row = json::parse(line);
        CHECK(row.contains("weight_kg"));
        CHECK(row.contains("seek_care"));
    }
    CHECK(json::parse(lines[1])["weight_estimated"] == true);
}

TEST_CASE("batch: --summary totals supplies and accounts for every row") {
    std::string in = temp_path("summary.csv");
    write_file(in, patients + "E,heavy,,some,,,,\n");
    json s = run_json({"plan", "--input", in, "--summary"}, 2);
    CHECK(s["rows_in"] == 5);
    CHECK(s["planned"] == 4);
    CHECK(s["rejected"] == 1);
    CHECK(s["seek_care"] == 1);
    CHECK(s["dehydration"]["some"] == 4); // 5 % is some dehydration (WHO: 5-10 %)
    CHECK(s["weights_estimated"] == 1);
    CHECK(s["ors_sachets"].get<int>() >= 4);
    std::remove(in.c_str());
}

TEST_CASE("batch: many rows stream through, none lost") {
    std::string text = "id,weight,dehydration,stools\n";
    const int rows = 20000;
    for (int i = 0; i < rows; ++i)
        text += std::to_string(i) + "," + std::to_string(5 + i % 60) + "kg," +
                (i % 2 ? "some" : "none") + "," + std::to_string(i % 7) + "\n";
    std::string in = temp_path("many.csv");
    write_file(in, text);
    RunResult r = run_orscalc({"plan", "--input", in, "--format", "csv"});
    CHECK(r.exit_code == 0);
    auto lines = lines_of(r.out);
    CHECK(lines.size() == rows + 1);
    CHECK(split_commas(lines.back()).at(0) == std::to_string(rows - 1));
    std::remove(in.c_str());
}

TEST_CASE("batch: --summary and --strict need --input") {
    RunResult r = run_orscalc({"plan", "--weight", "12kg", "--summary"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--summary: needs --input") != std::string::npos);
    r = run_orscalc({"plan", "--weight", "12kg", "--strict"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--strict: needs --input") != std::string::npos);
}

TEST_CASE("batch: flags beside --input apply to every row") {
    // Cholera losses for every row: the adult cholera stool has 130 mmol/L of sodium (WHO),
    // more than the non-cholera figure.
    RunResult cholera =
        run_orscalc({"plan", "--input", "-", "--format", "csv", "--cause", "cholera"},
                    "weight,dehydration,stools\n70kg,some,8\n");
    RunResult other = run_orscalc({"plan", "--input", "-", "--format", "csv"},
                                  "weight,dehydration,stools\n70kg,some,8\n");
    CHECK(cholera.exit_code == 0);
    CHECK(std::stod(csv_cell(cholera.out, 1, "stool_sodium_mmol")) >
          std::stod(csv_cell(other.out, 1, "stool_sodium_mmol")));
}

TEST_CASE("batch: JSON Lines and JSON rows carry the CSV row's columns and values") {
    RunResult csv = run_orscalc({"plan", "--input", "-", "--format", "csv"}, patients);
    RunResult jsonl = run_orscalc({"plan", "--input", "-", "--format", "jsonl"}, patients);
    RunResult array = run_orscalc({"plan", "--input", "-", "--format", "json"}, patients);
    auto rows = lines_of(jsonl.out);
    json all = json::parse(array.out);
    REQUIRE(rows.size() == 4);
    REQUIRE(all.size() == 4);
    auto header = split_commas(lines_of(csv.out).at(0));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        json row = json::parse(rows[i]);
        CHECK(row == all[i]);
        CHECK(row.size() == header.size());
        for (const auto& column : {"rehydration_ml", "sachets", "sodium_mmol", "weight_kg"}) {
            INFO(column << " row " << i);
            CHECK(row[column].get<double>() == std::stod(csv_cell(csv.out, i + 1, column)));
        }
    }
    // Unknown is null, not 0: no stools counted, no stool losses estimated.
    CHECK(json::parse(rows[0])["stool_sodium_mmol"].is_null());
    CHECK(csv_cell(csv.out, 1, "stool_sodium_mmol").empty());
}

TEST_CASE("batch: measured stool and vomit volumes as columns replace the per-kg estimate") {
    RunResult r =
        run_orscalc({"plan", "--input", "-", "--format", "csv"},
                    "weight,dehydration,stool-volume,vomit-volume\n12kg,some,150mL,40mL\n");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(csv_cell(r.out, 1, "replacement_ml_per_stool") == "150");
    CHECK(csv_cell(r.out, 1, "replacement_ml_per_vomit") == "40");
}

TEST_CASE("batch: the table for people and the summary as name,value rows") {
    RunResult table = run_orscalc({"plan", "--input", "-"}, patients);
    CHECK(table.exit_code == 3);
    auto lines = lines_of(table.out);
    REQUIRE(lines.size() >= 6);
    CHECK(lines[0].rfind("id ", 0) == 0);
    CHECK(lines[1].find("900") != std::string::npos);   // A: 75 mL/kg x 12 kg
    CHECK(lines[2].find("10.6*") != std::string::npos); // B: weight estimated from age
    CHECK(lines[4].find("SEEK CARE NOW") != std::string::npos);
    CHECK(table.out.find("not a doctor") != std::string::npos);

    RunResult summary =
        run_orscalc({"plan", "--input", "-", "--summary", "--format", "csv"}, patients);
    CHECK(summary.exit_code == 3);
    auto rows = lines_of(summary.out);
    CHECK(rows.at(0) == "name,value");
    CHECK(std::find(rows.begin(), rows.end(), "rows_in,4") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "seek_care,1") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "dehydration.some,4") != rows.end());

    RunResult people = run_orscalc({"plan", "--input", "-", "--summary"}, patients);
    CHECK(people.out.find("Patients: 4 rows in = 4 planned + 0 rejected") != std::string::npos);
    CHECK(people.out.find("SEEK MEDICAL CARE NOW: 1 patients") != std::string::npos);
}
