#include "orscalc/error.hpp"
#include "orscalc/patient_records.hpp"
#include "text_fd.hpp"

#include <doctest/doctest.h>

using namespace orscalc;

namespace {

std::vector<PatientRecord> read_all(const std::string& text, RecordFormat format) {
    int fd = fd_with_text(text);
    std::vector<PatientRecord> rows;
    try {
        PatientRecordReader reader(fd, "p.txt", format);
        PatientRecord record;
        while (reader.next(record))
            rows.push_back(record);
    } catch (...) {
        close(fd);
        throw;
    }
    close(fd);
    return rows;
}

using Fields = std::vector<std::pair<std::string_view, std::string>>;

} // namespace

TEST_CASE("lines: LF, CRLF, a last line without LF, lines across chunk boundaries") {
    std::string long_line(200000, 'x');
    int fd = fd_with_text("a\r\n\nb\n" + long_line + "\nend");
    LineReader reader(fd, "l.txt");
    std::string line;
    std::vector<std::string> lines;
    while (reader.next(line))
        lines.push_back(line);
    close(fd);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "a");
    CHECK(lines[1].empty());
    CHECK(lines[3] == long_line);
    CHECK(lines[4] == "end");
    CHECK(reader.line() == 5);
}

TEST_CASE("lines: a line over 1 MiB is an error naming the line") {
    int fd = fd_with_text("ok\n" + std::string(LineReader::max_bytes + 10, 'x'));
    LineReader reader(fd, "l.txt");
    std::string line;
    CHECK(reader.next(line));
    CHECK_THROWS_WITH_AS(reader.next(line), doctest::Contains("l.txt:2: line longer"), InputError);
    close(fd);
}

TEST_CASE("patients CSV: columns in any order, case and spaces, extra columns ignored") {
    auto rows = read_all("\xEF\xBB\xBF Ward ,VOMITS,weight,id,stools\r\n"
                         "A,2,12kg,P1,6\r\n"
                         "B,,9 kg,,\r\n",
                         RecordFormat::csv);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == "P1");
    CHECK(rows[0].row == 1);
    CHECK(rows[0].line == 2);
    CHECK(rows[0].fields == Fields{{"weight", "12kg"}, {"stools", "6"}, {"vomits", "2"}});
    CHECK(rows[1].id == "2"); // no id cell: the row number
    CHECK(rows[1].fields == Fields{{"weight", "9 kg"}});
}

TEST_CASE("patients CSV: a row with the wrong number of cells is a row error, not the end") {
    auto rows = read_all("id,age\nA,18mo,extra\nB,2y\n", RecordFormat::csv);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].error == "3 cells where the header has 2 columns");
    CHECK(rows[1].error.empty());
    CHECK(rows[1].fields == Fields{{"age", "2y"}});
}

TEST_CASE("patients CSV: header problems stop the file") {
    CHECK_THROWS_WITH_AS(read_all("", RecordFormat::csv),
                         "p.txt: empty file: expected a header row", InputError);
    CHECK_THROWS_WITH_AS(
        read_all("id,stools\n1,2\n", RecordFormat::csv),
        doctest::Contains("p.txt:1: the header has neither a 'weight' nor an 'age'"), InputError);
    CHECK_THROWS_WITH_AS(read_all("weight,Weight\n", RecordFormat::csv),
                         "p.txt:1: column 'weight' appears twice in the header", InputError);
}

TEST_CASE("patients JSONL: strings, numbers, lists, null, and bad lines as row errors") {
    auto rows =
        read_all("{\"id\":\"P1\",\"weight\":\"12kg\",\"stools\":6,\"symptoms\":[\"a\",\"b\"],"
                 "\"age\":null,\"note\":{\"x\":1}}\n"
                 "\n"
                 "[1,2]\n"
                 "{\"id\":7,\"weight\":{\"kg\":3}}\r\n"
                 "{\"age\":\"2y\",\"sam\":true}",
                 RecordFormat::jsonl);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].id == "P1");
    CHECK(rows[0].fields == Fields{{"weight", "12kg"}, {"stools", "6"}, {"symptoms", "a;b"}});
    CHECK(rows[1].error == "not a JSON object");
    CHECK(rows[1].line == 3);
    CHECK(rows[2].id == "7");
    CHECK(rows[2].error == "\"weight\": expected a string, number, list or null");
    CHECK(rows[3].id == "4");
    CHECK(rows[3].fields == Fields{{"age", "2y"}, {"sam", "true"}});
}
