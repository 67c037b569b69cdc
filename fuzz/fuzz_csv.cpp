// The streaming CSV reader (batch planning reads patient CSV with it) on any bytes: it either
// throws InputError or yields records that survive a round trip through RFC 4180 quoting.
// An input whose first byte has its high bit set is read after that many blank lines short of
// the reader's 64 KiB chunk, so that records, quotes, CRLFs and the BOM check straddle a refill.
#include "entries.hpp"
#include "memory_file.hpp"

#include "orscalc/csv_reader.hpp"
#include "orscalc/error.hpp"

#include <string_view>
#include <vector>

namespace orscalc::fuzz {

namespace {

using Records = std::vector<std::vector<std::string>>;

// Reads every record into `records`; false when the reader refused the input (InputError).
bool read_records(std::string_view text, Records& records) {
    MemoryFile file(text);
    CsvReader reader(file.fd(), "fuzz.csv");
    std::vector<std::string> fields;
    long previous_line = 0;
    try {
        while (reader.next(fields)) {
            require(!fields.empty(), "a record with no fields");
            require(reader.line() > previous_line, "record lines do not increase");
            previous_line = reader.line();
            records.push_back(fields);
        }
    } catch (const InputError&) {
        return false;
    }
    return true;
}

std::string quote_all(const Records& records) {
    std::string out;
    for (const auto& record : records) {
        for (std::size_t i = 0; i < record.size(); ++i) {
            out += i ? ",\"" : "\"";
            for (char c : record[i])
                out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += '\n';
    }
    return out;
}

} // namespace

int csv(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (size > 0 && data[0] >= 0x80) {
        std::size_t short_of_chunk = data[0] - 0x80u;
        text = std::string((1u << 16) - short_of_chunk, '\n') + text.substr(1);
    }
    Records records;
    if (!read_records(text, records)) return 0;
    std::size_t field_bytes = 0;
    for (const auto& record : records)
        for (const auto& field : record)
            field_bytes += field.size();
    require(field_bytes <= text.size(), "fields hold more bytes than the input");
    Records again;
    require(read_records(quote_all(records), again), "quoted records were refused");
    require(again == records, "records changed on a round trip through quoting");
    return 0;
}

} // namespace orscalc::fuzz
