#include "orscalc/csv_reader.hpp"

#include "orscalc/error.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>

namespace orscalc {

namespace {
constexpr std::size_t chunk = 1 << 16;
}

CsvReader::CsvReader(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}

bool CsvReader::fill() {
    if (eof_) return false;
    // Drop what has been consumed so the buffer never grows beyond one record plus a chunk.
    if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    std::size_t old = buffer_.size();
    buffer_.resize(old + chunk);
    ssize_t n;
    do {
        n = ::read(fd_, buffer_.data() + old, chunk);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        buffer_.resize(old);
        throw InputError(fmt::format("{}: read error: {}", name_, std::strerror(errno)));
    }
    buffer_.resize(old + static_cast<std::size_t>(n));
    if (n == 0) eof_ = true;
    return n > 0;
}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    while (true) {
        if (pos_ >= buffer_.size() && !fill()) return false;
        if (!started_) {
            // A UTF-8 byte-order mark (spreadsheets write one) is not part of the header.
            while (buffer_.size() - pos_ < 3 && fill()) {
            }
            if (buffer_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
            started_ = true;
            continue;
        }
        char c = buffer_[pos_];
        if (c == '\n') {
            ++pos_;
            ++line_;
            continue;
        } // blank line
        if (c == '\r') {
            ++pos_;
            continue;
        }
        break;
    }
    record_line_ = line_;
    std::string field;
    bool quoted = false, was_quoted = false;
    std::size_t record_bytes = 0;
    while (true) {
        if (pos_ >= buffer_.size() && !fill()) {
            if (quoted)
                throw InputError(
                    fmt::format("{}:{}: unterminated quoted field", name_, record_line_));
            fields.push_back(std::move(field));
            return true;
        }
        char c = buffer_[pos_++];
        if (++record_bytes > max_record_bytes)
            throw InputError(fmt::format("{}:{}: record longer than {} bytes", name_, record_line_,
                                         max_record_bytes));
        if (quoted) {
            if (c == '"') {
                if (pos_ >= buffer_.size()) fill();
                if (pos_ < buffer_.size() && buffer_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line_;
                field += c;
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
        } else if (c == '\r') {
            // CRLF: the LF ends the record; a lone CR is dropped.
        } else {
            field += c;
        }
    }
}

} // namespace orscalc
