#include "orscalc/csv_reader.hpp"

#include "orscalc/error.hpp"

#include <fmt/format.h>

namespace orscalc {

CsvReader::CsvReader(int fd, std::string name) : input_(fd, std::move(name)) {}

int CsvReader::next_char() {
    if (input_.exhausted() && !input_.fill()) return -1;
    char c = input_.buffer()[input_.pos()];
    input_.advance(1);
    return static_cast<unsigned char>(c);
}

bool CsvReader::skip_bom_and_blank_lines() {
    while (true) {
        if (input_.exhausted() && !input_.fill()) return false;
        if (!started_) {
            // A UTF-8 byte-order mark (spreadsheets write one) is not part of the header.
            while (input_.buffer().size() - input_.pos() < 3 && input_.fill()) {
            }
            if (input_.buffer().compare(input_.pos(), 3, "\xEF\xBB\xBF") == 0) input_.advance(3);
            started_ = true;
            continue;
        }
        char c = input_.buffer()[input_.pos()];
        if (c != '\n' && c != '\r') return true;
        input_.advance(1);
        if (c == '\n') ++line_; // a blank line
    }
}

// The rest of an unquoted run in the buffer at once: the common cell ("12kg") costs one
// append, not one call per character.
void CsvReader::append_plain_run(std::string& field, std::size_t& record_bytes) {
    const std::string& buf = input_.buffer();
    std::size_t from = input_.pos(), to = from;
    while (to < buf.size() && buf[to] != ',' && buf[to] != '\n' && buf[to] != '\r' &&
           buf[to] != '"')
        ++to;
    field.append(buf, from, to - from);
    input_.advance(to - from);
    record_bytes += to - from;
    if (record_bytes > max_record_bytes)
        throw InputError(fmt::format("{}:{}: record longer than {} bytes", name(), record_line_,
                                     max_record_bytes));
}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    if (!skip_bom_and_blank_lines()) return false;
    record_line_ = line_;
    std::string field;
    bool quoted = false, was_quoted = false;
    std::size_t record_bytes = 0;
    while (true) {
        int c = next_char();
        if (c < 0) {
            if (quoted)
                throw InputError(
                    fmt::format("{}:{}: unterminated quoted field", name(), record_line_));
            fields.push_back(std::move(field));
            return true;
        }
        if (++record_bytes > max_record_bytes)
            throw InputError(fmt::format("{}:{}: record longer than {} bytes", name(), record_line_,
                                         max_record_bytes));
        if (quoted) {
            if (c == '"') {
                if (input_.exhausted()) input_.fill();
                if (!input_.exhausted() && input_.buffer()[input_.pos()] == '"') {
                    field += '"';
                    input_.advance(1);
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line_;
                field += static_cast<char>(c);
            }
            continue;
        }
        if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
        } else if (c == '\n') {
            ++line_;
            fields.push_back(std::move(field));
            return true;
        } else if (c != '\r') { // CRLF: the LF ends the record; a lone CR is dropped
            field += static_cast<char>(c);
            append_plain_run(field, record_bytes);
        }
    }
}

} // namespace orscalc
