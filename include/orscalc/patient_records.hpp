#pragma once
// Batch input for `plan --input`: patient rows from CSV (a header row names the columns, in any
// order) or JSON Lines (one object per line), streamed in flat memory.
#include "orscalc/chunked_input.hpp"
#include "orscalc/csv_reader.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orscalc {

enum class RecordFormat { csv, jsonl };

// The columns a patient row may carry besides `id`; cells hold text as on the command line
// (units inside: "12kg", "18mo", "3d"). Other columns are ignored, so a clinic's own columns
// (name, ward) can stay in the file.
inline constexpr std::array<std::string_view, 14> patient_fields{
    "weight",       "age",          "dehydration", "stools",          "vomits",
    "symptoms",     "duration",     "signs",       "cause",           "sam",
    "stool-volume", "vomit-volume", "sex",         "weight-confirmed"}; // the last two: the weight
                                                                        // check (issue 15)

struct PatientRecord {
    long row = 0;   // 1-based data row (the CSV header is not a row)
    long line = 0;  // the physical line it starts on, for messages
    std::string id; // the id cell, or the row number when the file has none
    // Non-empty cells of patient_fields, in that order.
    std::vector<std::pair<std::string_view, std::string>> fields;
    // Non-empty when the row itself could not be read (not JSON, wrong number of cells);
    // the other rows are still read.
    std::string error;
};

class PatientRecordReader {
  public:
    // For CSV, reads the header at once: InputError "name:1: ..." when it has no weight and no
    // age column or names a column twice.
    PatientRecordReader(int fd, std::string name, RecordFormat format);
    // The next row; false at end of input. Throws InputError only when the rest of the
    // file cannot be read (an unterminated quote, a line over 1 MiB, a read error).
    bool next(PatientRecord& record);

  private:
    bool next_csv(PatientRecord& record);
    bool next_jsonl(PatientRecord& record);

    RecordFormat format_;
    std::string name_;
    std::optional<CsvReader> csv_;
    std::optional<LineReader> lines_;
    // CSV: for each column, the index into patient_fields, -1 for id, -2 for ignored;
    // for each patient field, its column or -1.
    std::vector<int> column_field_;
    std::array<int, patient_fields.size()> field_column_{};
    int id_column_ = -1;
    std::vector<std::string> cells_;
    std::string line_text_;
    long row_ = 0;
};

} // namespace orscalc
