// One plan as one CSV row, written with fmt only: batch planning writes a million a second,
// so no Report (nlohmann) is built on this path.
#include "plan_report.hpp"

#include <cmath>
#include <fmt/format.h>
#include <iterator>

namespace orscalc::cli {
namespace {

constexpr std::string_view header =
    "id,seek_care,red_flags,who_plan,weight_kg,weight_estimated,dehydration,dehydration_percent,"
    "dehydration_rule,deficit_ml,maintenance_ml_per_day,replacement_ml_per_stool,"
    "replacement_ml_per_vomit,rehydration_ml,rehydration_hours,rate_ml_per_hour,fluid,fluid_ml,"
    "sachets,sodium_mmol,potassium_mmol,chloride_mmol,glucose_mmol,magnesium_mmol,"
    "stool_sodium_mmol,stool_potassium_mmol\n";

// The same rounding as the JSON (half away from zero), without pow() per call.
double round_to(double v, int decimals) {
    double scale = decimals == 0 ? 1 : 10;
    double r = std::round(v * scale) / scale;
    return r == 0 ? 0.0 : r;
}

void number(std::string& out, double v, int decimals) {
    out += ',';
    fmt::format_to(std::back_inserter(out), "{}", round_to(v, decimals));
}

void number(std::string& out, const std::optional<double>& v, int decimals) {
    if (v) return number(out, *v, decimals);
    out += ',';
}

void text(std::string& out, std::string_view s) {
    out += ',';
    out += s;
}

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

} // namespace

std::string_view plan_csv_header() {
    return header;
}

void append_plan_csv_row(std::string& out, const Plan& p, std::string_view id) {
    quoted(out, id);
    text(out, p.seek_care ? "true" : "false");
    out += ',';
    bool first = true;
    for (std::size_t i = 0; i < red_flag_count; ++i)
        if (p.red_flags & (1u << i)) {
            if (!first) out += ';';
            out += id_of(static_cast<RedFlag>(i));
            first = false;
        }
    text(out, !p.oral_plan ? "C" : (p.rehydration_ml && *p.rehydration_ml > 0 ? "B" : "A"));
    number(out, p.weight_kg, 1);
    text(out, p.weight_estimated ? "true" : "false");
    text(out, to_string(p.category));
    number(out, p.percent, 1);
    text(out, to_string(p.rule));
    number(out, p.deficit_ml, 0);
    number(out, p.maintenance_ml_per_day, 0);
    number(out, p.replacement_ml_per_stool, 0);
    number(out, p.replacement_ml_per_vomit, 0);
    number(out, p.rehydration_ml, 0);
    number(out, p.rehydration_hours, 1);
    number(out, p.rate_ml_per_hour, 0);
    text(out, p.resomal ? p.data->sam_target_id : p.data->ors_id);
    number(out, p.fluid_ml, 0);
    number(out, p.sachets ? std::optional<double>(*p.sachets) : std::nullopt, 0);
    number(out, p.delivered.sodium, 1);
    number(out, p.delivered.potassium, 1);
    number(out, p.delivered.chloride, 1);
    number(out, p.delivered.glucose, 1);
    number(out, p.delivered.magnesium, 1);
    number(out, p.stool_losses ? std::optional(p.stool_losses->sodium) : std::nullopt, 1);
    number(out, p.stool_losses ? std::optional(p.stool_losses->potassium) : std::nullopt, 1);
    out += '\n';
}

std::string plan_csv_row(const Plan& p, std::string_view id) {
    std::string out;
    append_plan_csv_row(out, p, id);
    return out;
}

} // namespace orscalc::cli
