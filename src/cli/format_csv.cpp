#include "plan_batch.hpp"
#include "report.hpp"
#include "table_layout.hpp"

#include <fmt/format.h>

namespace orscalc::cli {
namespace {

// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string field(const Report& v) {
    return v.is_null() ? "" : csv_field(cell(v));
}

// check / mix: one row per quantity (composition, then target checks), then the verdict and
// each warning, so a script can grep one section.
std::string csv_check(const Report& r) {
    std::string out = "section,name,value,unit,min,ideal,max,hard,status\n";
    const Report& c = r["composition"];
    for (auto it = c.begin(); it != c.end(); ++it) {
        const std::string& k = it.key();
        std::string unit = k == "osmolarity" || k == "osmolarity_known_part"   ? "mOsm/L"
                           : k == "glucose_sodium_ratio"                       ? ""
                           : k.ends_with("meq_per_l") || k == "charge_balance" ? "mEq/L"
                                                                               : "mmol/L";
        out += fmt::format("composition,{},{},{},,,,,\n", k, field(it.value()), unit);
    }
    for (const auto& ch : r["checks"])
        out +=
            fmt::format("check,{},{},{},{},{},{},{},{}\n", field(ch["name"]), field(ch["value"]),
                        field(ch["unit"]), field(ch["min"]), field(ch["ideal"]), field(ch["max"]),
                        ch["hard"].get<bool>() ? "hard" : "soft", field(ch["status"]));
    out += fmt::format("verdict,{},{},,,,,,\n", field(r["target"]), field(r["verdict"]));
    for (const auto& w : r["warnings"])
        out += fmt::format("warning,,{},,,,,,\n", field(w));
    return out;
}

// mix: the recipe's amounts (the last column holds the household measure), then the check
// rows of the recipe as made, then notes, diagnosis and the tolerance's worst cases.
std::string csv_mix(const Report& r) {
    std::string out = "section,name,value,unit,min,ideal,max,hard,status\n";
    for (const auto& a : r["amounts"])
        out += fmt::format("amount,{},{},{},,,,,{}\n", field(a["ingredient"]), field(a["amount"]),
                           field(a["unit"]), field(a["measure"]));
    if (r["feasible"].get<bool>()) {
        std::string check = csv_check(r);
        out += check.substr(check.find('\n') + 1);
    } else {
        out += fmt::format("verdict,{},infeasible,,,,,,\n", field(r["target"]));
    }
    for (const auto& n : r["notes"])
        out += fmt::format("note,,{},,,,,,\n", field(n));
    for (const auto& d : r["diagnosis"])
        out += fmt::format("diagnosis,,{},,,,,,\n", field(d));
    if (r.contains("tolerance"))
        for (const auto& l : r["tolerance"]["limits"])
            for (const char* side : {"low", "high"})
                out += fmt::format("tolerance_{},{},{},,{},,{},hard,{}\n", side, field(l["name"]),
                                   field(l[std::string("worst_") + side]), field(l["min"]),
                                   field(l["max"]), l["holds"].get<bool>() ? "holds" : "breaks");
    return out;
}

// Any array of flat objects as rows under a header of its keys.
std::string csv_rows(const Report& rows) {
    if (rows.empty()) return "";
    std::string out;
    bool first = true;
    for (auto it = rows[0].begin(); it != rows[0].end(); ++it) {
        out += (first ? "" : ",") + csv_field(it.key());
        first = false;
    }
    out += "\n";
    for (const auto& row : rows) {
        first = true;
        for (auto it = row.begin(); it != row.end(); ++it) {
            std::string v = it.value().is_array() ? "" : field(it.value());
            if (it.value().is_array()) {
                for (const auto& x : it.value())
                    v += (v.empty() ? "" : ";") + cell(x);
                v = csv_field(v);
            }
            out += (first ? "" : ",") + v;
            first = false;
        }
        out += "\n";
    }
    return out;
}

} // namespace

std::string render_csv(const Answer& answer) {
    const Report& r = answer.report;
    if (answer.command == "check") return csv_check(r);
    if (answer.command == "mix") return csv_mix(r);
    if (answer.command == "plan-summary") return csv_plan_summary(r);
    if (answer.command == "list-ingredients") return csv_rows(r["ingredients"]);
    if (answer.command == "list-targets") return csv_rows(r["targets"]);
    if (answer.command == "show-target") return csv_rows(r["ranges"]);
    if (r.is_array()) return csv_rows(r);
    return csv_rows(Report::array({r}));
}

} // namespace orscalc::cli
