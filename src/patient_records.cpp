#include "orscalc/patient_records.hpp"

#include "orscalc/error.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace orscalc {

namespace {

constexpr int id_column = -1;
constexpr int ignored_column = -2;

std::string normalised_column(std::string_view name) {
    std::string out(detail::trim_blanks(name));
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

int field_index(std::string_view column) {
    if (column == "id") return id_column;
    auto it = std::find(patient_fields.begin(), patient_fields.end(), column);
    return it == patient_fields.end() ? ignored_column
                                      : static_cast<int>(it - patient_fields.begin());
}

bool blank(std::string_view text) {
    return detail::trim_blanks(text).empty();
}

// A JSON value as the text a cell would hold: strings as they are, numbers in shortest form,
// arrays (of symptoms, signs) joined with ';'; null means not given.
std::optional<std::string> cell_text(const nlohmann::json& value) {
    if (value.is_null()) return std::nullopt;
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number() || value.is_boolean()) return value.dump();
    if (value.is_array()) {
        std::string joined;
        for (const auto& item : value) {
            if (!item.is_string()) throw std::invalid_argument("a list must hold strings");
            joined += (joined.empty() ? "" : ";") + item.get<std::string>();
        }
        return joined;
    }
    throw std::invalid_argument("expected a string, number, list or null");
}

} // namespace

PatientRecordReader::PatientRecordReader(int fd, std::string name, RecordFormat format)
    : format_(format), name_(name) {
    if (format == RecordFormat::jsonl) {
        lines_.emplace(fd, std::move(name));
        return;
    }
    csv_.emplace(fd, std::move(name));
    std::vector<std::string> header;
    if (!csv_->next(header))
        throw InputError(fmt::format("{}: empty file: expected a header row", name_));
    bool weight_or_age = false;
    for (const auto& cell : header) {
        std::string column = normalised_column(cell);
        int index = field_index(column);
        if (index != ignored_column &&
            std::count(column_field_.begin(), column_field_.end(), index) > 0)
            throw InputError(fmt::format("{}:{}: column '{}' appears twice in the header", name_,
                                         csv_->line(), column));
        weight_or_age = weight_or_age || column == "weight" || column == "age";
        column_field_.push_back(index);
    }
    field_column_.fill(-1);
    for (std::size_t column = 0; column < column_field_.size(); ++column) {
        int index = column_field_[column];
        if (index >= 0) field_column_[static_cast<std::size_t>(index)] = static_cast<int>(column);
        if (index == id_column) id_column_ = static_cast<int>(column);
    }
    if (!weight_or_age)
        throw InputError(fmt::format(
            "{}:{}: the header has neither a 'weight' nor an 'age' column (columns: id, {})", name_,
            csv_->line(), fmt::join(patient_fields, ", ")));
}

bool PatientRecordReader::next(PatientRecord& record) {
    record.fields.clear();
    record.error.clear();
    record.id.clear();
    return format_ == RecordFormat::csv ? next_csv(record) : next_jsonl(record);
}

bool PatientRecordReader::next_csv(PatientRecord& record) {
    if (!csv_->next(cells_)) return false;
    record.row = ++row_;
    record.line = csv_->line();
    if (cells_.size() != column_field_.size()) {
        record.error = fmt::format("{} cells where the header has {} columns", cells_.size(),
                                   column_field_.size());
        record.id = std::to_string(record.row);
        return true;
    }
    // Cells in patient_fields order, whatever the column order.
    for (std::size_t field = 0; field < patient_fields.size(); ++field) {
        int column = field_column_[field];
        if (column >= 0 && !blank(cells_[static_cast<std::size_t>(column)]))
            record.fields.emplace_back(patient_fields[field],
                                       std::move(cells_[static_cast<std::size_t>(column)]));
    }
    if (id_column_ >= 0) record.id = std::move(cells_[static_cast<std::size_t>(id_column_)]);
    if (record.id.empty()) record.id = std::to_string(record.row);
    return true;
}

bool PatientRecordReader::next_jsonl(PatientRecord& record) {
    do {
        if (!lines_->next(line_text_)) return false;
    } while (blank(line_text_));
    record.row = ++row_;
    record.line = lines_->line();
    nlohmann::json object = nlohmann::json::parse(line_text_, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
        record.error = "not a JSON object";
        record.id = std::to_string(record.row);
        return true;
    }
    for (std::string_view field : patient_fields) {
        auto it = object.find(std::string(field));
        if (it == object.end()) continue;
        try {
            if (auto text = cell_text(*it); text && !blank(*text))
                record.fields.emplace_back(field, std::move(*text));
        } catch (const std::invalid_argument& e) {
            record.error = fmt::format("\"{}\": {}", field, e.what());
            record.fields.clear();
            break;
        }
    }
    if (auto it = object.find("id"); it != object.end() && (it->is_string() || it->is_number()))
        record.id = it->is_string() ? it->get<std::string>() : it->dump();
    if (record.id.empty()) record.id = std::to_string(record.row);
    return true;
}

} // namespace orscalc
