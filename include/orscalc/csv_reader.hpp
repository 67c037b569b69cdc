#pragma once
// A streaming RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM,
// blank lines skipped. Memory stays flat: one buffer, reused row by row.
#include "orscalc/chunked_input.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace orscalc {

class CsvReader {
  public:
    // Reads from an open file descriptor (0 for standard input); does not close it.
    explicit CsvReader(int fd, std::string name = "<stdin>");

    // The next non-blank record's fields; false at end of input. Throws InputError
    // "name:line: ..." for an unterminated quote or a record over max_record_bytes.
    bool next(std::vector<std::string>& fields);
    // The physical line the last record started on (1-based), for messages.
    long line() const { return record_line_; }
    const std::string& name() const { return input_.name(); }

    static constexpr std::size_t max_record_bytes = 1 << 20;

  private:
    bool skip_bom_and_blank_lines(); // false at end of input
    int next_char();                 // -1 at end of input
    void append_plain_run(std::string& field, std::size_t& record_bytes);
    ChunkedInput input_;
    bool started_ = false;
    long line_ = 1;
    long record_line_ = 0;
};

} // namespace orscalc
