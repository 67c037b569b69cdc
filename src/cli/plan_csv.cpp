// One plan as one CSV row, or as one flat JSON object with the same columns, written without a
// Report (nlohmann): batch planning writes a million a second.
#include "plan_report.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <span>

namespace orscalc::cli {
namespace {

constexpr std::string_view header =
    "id,seek_care,red_flags,who_plan,weight_kg,weight_estimated,dehydration,dehydration_percent,"
    "dehydration_rule,deficit_ml,maintenance_ml_per_day,replacement_ml_per_stool,"
    "replacement_ml_per_vomit,rehydration_ml,rehydration_hours,rate_ml_per_hour,fluid,fluid_ml,"
    "sachets,sodium_mmol,potassium_mmol,chloride_mmol,glucose_mmol,magnesium_mmol,"
    "stool_sodium_mmol,stool_potassium_mmol,weight_check\n";

// The column names, split once from the header (the one list of columns).
constexpr std::size_t column_count = 27;
static_assert(std::count(header.begin(), header.end(), ',') + 1 == column_count);

const std::array<std::string_view, column_count>& column_names() {
    static const auto names = [] {
        std::array<std::string_view, column_count> out{};
        std::string_view rest = header.substr(0, header.size() - 1); // without the '\n'
        for (auto& name : out) {
            name = rest.substr(0, rest.find(','));
            rest.remove_prefix(std::min(rest.size(), name.size() + 1));
        }
        return out;
    }();
    return names;
}

// The row after the id, built in a stack buffer and appended once: bounded (16 red-flag ids,
// 20 numbers, 6 short words and their keys fit well inside it) and free of per-field string
// growth. In JSON each value gets its column's key; unknown is null, not an empty cell.
class RowWriter {
  public:
    explicit RowWriter(bool json) : json_(json) {}

    void put(char c) { *p_++ = c; }
    void put(std::string_view s) {
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    void key() {
        put(',');
        if (json_) {
            put('"');
            put(names_[++column_]);
            put("\":");
        }
    }
    void text(std::string_view s) {
        key();
        if (json_) put('"');
        put(s);
        if (json_) put('"');
    }
    void boolean(bool b) {
        key();
        put(b ? "true" : "false");
    }
    // Ids from a fixed vocabulary: a;b in CSV, ["a","b"] in JSON.
    void list(std::span<const std::string_view> ids) {
        key();
        if (json_) put('[');
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i > 0) put(json_ ? ',' : ';');
            if (json_) put('"');
            put(ids[i]);
            if (json_) put('"');
        }
        if (json_) put(']');
    }
    // The same rounding and form as the JSON (half away from zero; "900", "66.7", "0"), with
    // integer arithmetic only: shortest-form double printing costs more than the whole plan.
    void number(double v, int decimals) {
        key();
        const double scaled = v * (decimals == 0 ? 1 : 10);
        if (!(std::abs(scaled) < 1e15)) { // NaN, infinity: never from make_plan
            p_ = fmt::format_to_n(p_, 24, "{}", v).out;
            return;
        }
        auto n = static_cast<long long>(scaled + (scaled < 0 ? -0.5 : 0.5));
        if (n < 0) {
            put('-');
            n = -n;
        }
        p_ = std::to_chars(p_, p_ + 24, decimals == 0 ? n : n / 10).ptr;
        if (decimals != 0 && n % 10 != 0) {
            put('.');
            put(static_cast<char>('0' + n % 10));
        }
    }
    void number(const std::optional<double>& v, int decimals) {
        if (v) return number(*v, decimals);
        key();
        if (json_) put("null");
    }
    void append_to(std::string& out) const {
        out.append(buf_, static_cast<std::size_t>(p_ - buf_));
    }

  private:
    bool json_;
    const std::array<std::string_view, column_count>& names_ = column_names();
    std::size_t column_ = 0; // the id is column 0
    char buf_[3072];
    char* p_ = buf_;
};

// RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes.
void quoted(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// A JSON string: quotes, backslashes and control characters escaped.
void json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<int>(c));
        } else {
            out += c;
        }
    }
    out += '"';
}

void append_row(RowWriter& w, const Plan& p) {
    w.boolean(p.seek_care);
    std::array<std::string_view, red_flag_count> flags{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < red_flag_count; ++i)
        if (p.red_flags & (1u << i)) flags[n++] = id_of(static_cast<RedFlag>(i));
    w.list({flags.data(), n});
    w.text(!p.oral_plan ? "C" : (p.rehydration_ml && *p.rehydration_ml > 0 ? "B" : "A"));
    w.number(p.weight_kg, 1);
    w.boolean(p.weight_estimated);
    w.text(to_string(p.category));
    w.number(p.percent, 1);
    w.text(to_string(p.rule));
    w.number(p.deficit_ml, 0);
    w.number(p.maintenance_ml_per_day, 0);
    w.number(p.replacement_ml_per_stool, 0);
    w.number(p.replacement_ml_per_vomit, 0);
    w.number(p.rehydration_ml, 0);
    w.number(p.rehydration_hours, 1);
    w.number(p.rate_ml_per_hour, 0);
    w.text(p.resomal ? p.data->sam_target_id : p.data->ors_id);
    w.number(p.fluid_ml, 0);
    w.number(p.sachets ? std::optional<double>(*p.sachets) : std::nullopt, 0);
    w.number(p.delivered.sodium, 1);
    w.number(p.delivered.potassium, 1);
    w.number(p.delivered.chloride, 1);
    w.number(p.delivered.glucose, 1);
    w.number(p.delivered.magnesium, 1);
    w.number(p.stool_losses ? std::optional(p.stool_losses->sodium) : std::nullopt, 1);
    w.number(p.stool_losses ? std::optional(p.stool_losses->potassium) : std::nullopt, 1);
    WeightCodes weight = weight_codes(p.weight_check); // issue 15: what to check, per row
    w.list({weight.codes.data(), weight.size});
}

} // namespace

std::string_view plan_csv_header() {
    return header;
}

void append_plan_csv_row(std::string& out, const Plan& p, std::string_view id) {
    quoted(out, id);
    RowWriter w(false);
    append_row(w, p);
    w.put('\n');
    w.append_to(out);
}

void append_plan_json_row(std::string& out, const Plan& p, std::string_view id) {
    out += "{\"id\":";
    json_string(out, id);
    RowWriter w(true);
    append_row(w, p);
    w.put("}\n");
    w.append_to(out);
}

std::string plan_csv_row(const Plan& p, std::string_view id) {
    std::string out;
    append_plan_csv_row(out, p, id);
    return out;
}

} // namespace orscalc::cli
