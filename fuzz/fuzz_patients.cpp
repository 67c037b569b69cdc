// Batch planning on any bytes: a patient file (the first byte picks CSV or JSON Lines) read by
// PatientRecordReader, each row planned as `plan --input` does. Every row is either a row error,
// a clean InputError, or a plan whose volumes and electrolytes are finite and non-negative and
// whose CSV and JSON rows are written; row numbers increase and nothing is lost.
#include "entries.hpp"
#include "memory_file.hpp"

#include "orscalc/error.hpp"
#include "orscalc/plan_batch.hpp"

#include "plan_report.hpp"

#include <cmath>
#include <optional>
#include <string>

namespace orscalc::fuzz {

namespace {

const PlanData& shipped_plan_data() {
    static const Library library = Library::load();
    static const PlanData data = plan_data(library);
    return data;
}

void require_amount(double value, const char* what) {
    require(std::isfinite(value) && value >= 0, std::string(what) + " not finite or negative");
}

void require_amount(const std::optional<double>& value, const char* what) {
    if (value) require_amount(*value, what);
}

void check_plan(const Plan& p) {
    require_amount(p.weight_kg, "weight_kg");
    require(p.weight_kg > 0, "weight_kg is zero");
    require_amount(p.deficit_ml, "deficit_ml");
    require_amount(p.maintenance_ml_per_day, "maintenance_ml_per_day");
    require_amount(p.replacement_ml_per_stool, "replacement_ml_per_stool");
    require_amount(p.replacement_ml_per_vomit, "replacement_ml_per_vomit");
    require_amount(p.rehydration_ml, "rehydration_ml");
    require_amount(p.rehydration_hours, "rehydration_hours");
    require_amount(p.rate_ml_per_hour, "rate_ml_per_hour");
    require_amount(p.fluid_ml, "fluid_ml");
    require_amount(p.delivered.sodium, "delivered sodium");
    require_amount(p.delivered.potassium, "delivered potassium");
    require_amount(p.delivered.glucose, "delivered glucose");
    if (p.sachets) require(*p.sachets >= 0, "negative sachets");
    if (p.stool_losses) require_amount(p.stool_losses->sodium, "stool sodium");
    // Severe dehydration or a red flag always means seek care.
    require(!(p.category == DehydrationCategory::severe) || p.seek_care,
            "severe dehydration without seek_care");
    require(p.red_flags == 0 || p.seek_care, "a red flag without seek_care");
}

} // namespace

int patients(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    RecordFormat format = data[0] % 2 ? RecordFormat::jsonl : RecordFormat::csv;
    MemoryFile file(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    const PlanData& plan_data = shipped_plan_data();
    BatchSummary summary;
    std::string row;
    try {
        PatientRecordReader reader(file.fd(), "fuzz.csv", format);
        PatientRecord record;
        long previous_row = 0;
        while (reader.next(record)) {
            require(record.row == previous_row + 1, "row numbers skip");
            require(!record.id.empty(), "a row without an id");
            previous_row = record.row;
            if (!record.error.empty()) {
                summary.reject();
                continue;
            }
            try {
                Plan plan = make_plan(plan_request(record, PlanRequest{}), plan_data);
                check_plan(plan);
                summary.add(plan);
                row.clear();
                cli::append_plan_csv_row(row, plan, record.id);
                cli::append_plan_json_row(row, plan, record.id);
            } catch (const InputError&) {
                summary.reject();
            }
        }
        require(summary.rows_in == previous_row, "rows in != rows read");
        require(summary.rows_in == summary.planned + summary.rejected, "a row was lost");
    } catch (const InputError&) {
        return 0; // a file-level refusal: a bad header, an unterminated quote
    }
    return 0;
}

} // namespace orscalc::fuzz
