#include "plan_batch.hpp"

#include "output.hpp"
#include "plan_report.hpp"

#include "orscalc/error.hpp"
#include "orscalc/plan_batch.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

namespace orscalc::cli {

namespace {

// The input file, closed on every path out.
class InputFile {
  public:
    explicit InputFile(const std::string& path) {
        if (path == "-") return;
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) throw InputError(fmt::format("--input {}: {}", path, std::strerror(errno)));
        struct stat st {};
        if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
            ::close(fd_);
            throw InputError(fmt::format("--input {}: is a directory", path));
        }
    }
    ~InputFile() {
        if (fd_ > 0) ::close(fd_);
    }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    int fd() const { return fd_; }

  private:
    int fd_ = 0;
};

RecordFormat record_format(const BatchOptions& options) {
    if (options.input_format == "jsonl") return RecordFormat::jsonl;
    if (options.input_format == "csv") return RecordFormat::csv;
    const std::string& path = options.input;
    return path.ends_with(".jsonl") || path.ends_with(".ndjson") ? RecordFormat::jsonl
                                                                 : RecordFormat::csv;
}

// One output row per plan, the columns of a single plan's CSV row in every format: CSV,
// JSON Lines (one flat object per patient), JSON (an array of them), or a table line.
class RowWriter {
  public:
    RowWriter(Format format, OutputStream& out) : format_(format), out_(out) {}

    void begin() {
        if (format_ == Format::csv) out_.write(plan_csv_header());
        if (format_ == Format::json) out_.write("[");
        if (format_ == Format::table)
            out_.write(fmt::format("{:<12} {:>7} {:<8} {:>11} {:>6} {:>9} {:>8} {}\n", "id", "kg",
                                   "category", "first mL", "hours", "mL/hour", "sachets",
                                   "seek care"));
    }

    void row(const Plan& plan, const std::string& id) {
        text_.clear();
        switch (format_) {
        case Format::csv:
            append_plan_csv_row(text_, plan, id);
            break;
        case Format::jsonl:
            append_plan_json_row(text_, plan, id);
            break;
        case Format::json:
            text_ = rows_ ? ",\n" : "\n";
            append_plan_json_row(text_, plan, id);
            text_.pop_back(); // the row's '\n': the array's separator follows
            break;
        case Format::table:
            append_table_row(plan, id);
            break;
        }
        ++rows_;
        out_.write(text_);
    }

    void end() {
        if (format_ == Format::json) out_.write(rows_ ? "\n]\n" : "]\n");
        if (format_ == Format::table) out_.write(fmt::format("\n{}\n", disclaimer));
    }

  private:
    void append_table_row(const Plan& plan, const std::string& id) {
        auto or_dash = [](const std::optional<double>& v, int decimals) {
            return v ? fmt::format("{}", rounded(*v, decimals)) : std::string("-");
        };
        fmt::format_to(std::back_inserter(text_),
                       "{:<12} {:>7.1f}{} {:<8} {:>11} {:>6} {:>9} {:>8} {}\n", id, plan.weight_kg,
                       plan.weight_estimated ? "*" : " ", to_string(plan.category),
                       or_dash(plan.rehydration_ml, 0), or_dash(plan.rehydration_hours, 1),
                       or_dash(plan.rate_ml_per_hour, 0),
                       plan.sachets ? std::to_string(*plan.sachets) : std::string("-"),
                       plan.seek_care ? "SEEK CARE NOW" : "");
    }

    Format format_;
    OutputStream& out_;
    std::string text_;
    long rows_ = 0;
};

Report summary_report(const BatchSummary& s) {
    auto litres = [](double ml) { return rounded(ml / 1000, 1); };
    return Report{
        {"rows_in", s.rows_in},
        {"planned", s.planned},
        {"rejected", s.rejected},
        {"seek_care", s.seek_care},
        {"dehydration",
         {{"none", s.by_category[0]}, {"some", s.by_category[1]}, {"severe", s.by_category[2]}}},
        {"weights_estimated", s.weights_estimated},
        {"weights_to_check", s.weights_to_check},
        {"rehydration_litres", litres(s.rehydration_ml)},
        {"ors_litres", litres(s.ors_ml)},
        {"ors_sachets", s.ors_sachets},
        {"resomal_plans", s.resomal_plans},
        {"resomal_litres", litres(s.resomal_ml)},
        {"delivered_mmol",
         {{"sodium", rounded(s.delivered.sodium, 0)},
          {"potassium", rounded(s.delivered.potassium, 0)},
          {"chloride", rounded(s.delivered.chloride, 0)},
          {"glucose", rounded(s.delivered.glucose, 0)},
          {"magnesium", rounded(s.delivered.magnesium, 0)}}},
    };
}

std::string row_error(const PatientRecord& record, const std::string& file,
                      const std::string& why) {
    return fmt::format("{}:{}: row {} (id {}): {}", file, record.line, record.row, record.id, why);
}

} // namespace

Answer run_plan_batch(Context& context, const BatchOptions& options, const PlanRequest& defaults) {
    InputFile input(options.input);
    std::string name = options.input == "-" ? "<stdin>" : options.input;
    PlanData data = plan_data(context.library());
    PatientRecordReader reader(input.fd(), name, record_format(options));
    OutputStream out(context.options.output);
    RowWriter writer(context.format(), out);
    if (!options.summary) writer.begin();

    BatchSummary summary;
    PatientRecord record;
    while (reader.next(record)) {
        std::string why = record.error;
        if (why.empty()) {
            try {
                Plan plan = make_plan(plan_request(record, defaults), data);
                summary.add(plan);
                if (!options.summary) writer.row(plan, record.id);
                continue;
            } catch (const InputError& e) {
                why = e.what();
            }
        }
        std::string message = row_error(record, name, why);
        if (options.strict) throw InputError(message);
        summary.reject();
        std::cerr << one_line("orscalc: error: " + message) << '\n';
    }

    Answer answer{"plan-summary", summary_report(summary)};
    answer.streamed = true;
    if (options.summary)
        out.write(render(answer, context.format()));
    else
        writer.end();
    out.commit();
    answer.exit_code = summary.rejected > 0    ? ExitCode::bad_input
                       : summary.seek_care > 0 ? ExitCode::seek_care
                                               : ExitCode::ok;
    return answer;
}

} // namespace orscalc::cli
