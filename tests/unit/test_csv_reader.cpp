#include "orscalc/csv_reader.hpp"
#include "orscalc/error.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

using namespace orscalc;

namespace {
// Feeds text through a pipe, as a real file descriptor would.
std::vector<std::vector<std::string>> read_all(const std::string& text) {
    int p[2];
    REQUIRE(pipe(p) == 0);
    // Small inputs fit in the pipe buffer; write then close so the reader sees EOF.
    REQUIRE(write(p[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    close(p[1]);
    CsvReader reader(p[0], "t.csv");
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> fields;
    try {
        while (reader.next(fields))
            rows.push_back(fields);
    } catch (...) {
        close(p[0]);
        throw;
    }
    close(p[0]);
    return rows;
}
} // namespace

TEST_CASE("CSV: header and rows, LF and CRLF, BOM, blank lines") {
    auto rows = read_all("\xEF\xBB\xBFid,weight\r\n1,12kg\r\n\r\n2,9 kg\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"id", "weight"});
    CHECK(rows[1] == std::vector<std::string>{"1", "12kg"});
    CHECK(rows[2] == std::vector<std::string>{"2", "9 kg"});
}

TEST_CASE("CSV: quoted fields with commas, quotes and line breaks, and empty fields") {
    auto rows = read_all("a,\"b,c\",\"say \"\"hi\"\"\",\n\"two\nlines\",,x");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"a", "b,c", "say \"hi\"", ""});
    CHECK(rows[1] == std::vector<std::string>{"two\nlines", "", "x"});
}

TEST_CASE("CSV: an unterminated quote is an error with the line") {
    CHECK_THROWS_WITH_AS(read_all("id\n1\n\"open,2\n"), doctest::Contains("t.csv:3: unterminated"),
                         InputError);
}

TEST_CASE("CSV: many rows stream through a small buffer") {
    std::string text = "id,weight\n";
    for (int i = 0; i < 5000; ++i)
        text += std::to_string(i) + ",\"" + std::to_string(i % 90 + 3) + " kg\"\n";
    // Larger than a pipe buffer: a temporary file.
    char path[] = "/tmp/orscalc-csv-XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    lseek(fd, 0, SEEK_SET);
    CsvReader reader(fd, path);
    std::vector<std::string> fields;
    long n = 0;
    std::vector<std::string> last;
    while (reader.next(fields)) {
        ++n;
        last = fields;
    }
    CHECK(n == 5001);
    CHECK(last == std::vector<std::string>{"4999", "52 kg"});
    CHECK(reader.line() == 5001);
    close(fd);
    unlink(path);
}
