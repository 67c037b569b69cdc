// The check answer as a table: the mixture, its composition (a range where the ingredients'
// data give one), the target's checks and the verdict; or, for --target all, one line per
// target. Shared by mix, which shows its recipe in the same layout.
#include "table_check.hpp"
#include "table_layout.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace orscalc::cli {
namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), ::toupper);
    return text;
}

std::string mixture_section(const Report& r) {
    std::string title = r.contains("name") ? r["name"].get<std::string>() : "Mixture";
    std::string out = fmt::format("{} ({} mL)\n", title, cell(r["volume_ml"]));
    for (const auto& line : r["mixture"])
        out +=
            fmt::format("  {:<32} {:>10} {:<3}  {}\n", cell(line["ingredient"]),
                        cell(line["amount"]), cell(line["unit"]),
                        line.contains("measure") ? cell(line["measure"]) : cell(line["as_given"]));
    return out;
}

// A composition quantity: its range where the report has one, else the nominal value.
std::string quantity_cell(const Report& r, const std::string& key) {
    const Report& c = r["composition"];
    if (r.contains("composition_ranges") && r["composition_ranges"].contains(key))
        return range_cell(r["composition_ranges"][key]);
    return c[key].is_null() ? "unknown" : cell(c[key]);
}

std::string composition_section(const Report& r) {
    const Report& c = r["composition"];
    std::vector<std::pair<std::string, std::string>> rows; // name, value
    for (auto it = c.begin(); it != c.end(); ++it) {
        const std::string& k = it.key();
        if (k == "osmolarity" || k == "osmolarity_known_part" || k == "glucose_sodium_ratio" ||
            k == "cations_meq_per_l" || k == "anions_meq_per_l" || k == "charge_balance")
            continue;
        // Trace species (calcium, zinc, sulfate, caffeine, ethanol...) only where present.
        bool core = k == "sodium" || k == "potassium" || k == "chloride" || k == "citrate" ||
                    k == "bicarbonate" || k == "glucose" || k == "fructose" || k == "sucrose" ||
                    k == "magnesium" || k == "glucose_equivalent";
        std::string value = quantity_cell(r, k);
        // Unknown trace species stay in the JSON as null; the table shows what is there.
        if (!core && (value == "unknown" || value == "0")) continue;
        rows.emplace_back(k == "glucose_equivalent" ? "glucose+sucrose" : k, value);
    }
    rows.emplace_back("osmolarity", quantity_cell(r, "osmolarity"));
    rows.emplace_back("glucose:sodium ratio", quantity_cell(r, "glucose_sodium_ratio"));
    rows.emplace_back("charge balance",
                      c["charge_balance"].is_null() ? "unknown" : cell(c["charge_balance"]));
    std::size_t width = 9; // wider only when a range needs it
    bool ranged = false;
    for (const auto& [name, value] : rows) {
        width = std::max(width, value.size());
        ranged = ranged || (value.find('-') != std::string::npos && value.front() != '-') ||
                 value.starts_with("at ");
    }
    std::string out = ranged ? "\nComposition (mmol/L; a range where the ingredients' data give "
                               "one)\n"
                             : "\nComposition (mmol/L)\n";
    for (const auto& [name, value] : rows) {
        std::string unit =
            name == "osmolarity" ? " mOsm/L"
            : name == "charge balance"
                ? fmt::format(" mEq/L (cations {}, anions {})", cell(c["cations_meq_per_l"]),
                              cell(c["anions_meq_per_l"]))
                : "";
        out += fmt::format("  {:<22} {:>{}}{}\n", name, value, width, unit);
    }
    return out;
}

std::string warnings_section(const Report& warnings) {
    if (warnings.empty()) return "";
    std::string out = "\nWarnings:\n";
    for (const auto& w : warnings)
        out += fmt::format("  ! {}\n", w.get<std::string>());
    return out;
}

// "meets who-home-ssd: the home solution for preventing dehydration"
std::string also_meets_section(const Report& r) {
    if (!r.contains("also_meets") || r["also_meets"].empty()) return "";
    std::string out = "\n";
    for (const auto& t : r["also_meets"])
        out += fmt::format("But it meets {}: {} (check with --target {})\n", cell(t["target"]),
                           cell(t["purpose"]), cell(t["target"]));
    return out;
}

} // namespace

std::string range_cell(const Report& range) {
    const Report& lo = range["min"];
    const Report& hi = range["max"];
    if (!lo.is_null() && !hi.is_null())
        return cell(lo) == cell(hi) ? cell(lo) : fmt::format("{}-{}", cell(lo), cell(hi));
    if (!lo.is_null() && lo.get<double>() > 0) return "at least " + cell(lo);
    if (!hi.is_null()) return "at most " + cell(hi);
    return "unknown";
}

std::string value_and_range_cell(const Report& range) {
    std::string span = range_cell(range);
    const Report& v = range["value"];
    if (v.is_null() || span == cell(v)) return span;
    return fmt::format("{} ({})", cell(v), span);
}

std::string table_show_totals(const Report& r) {
    if (!r.contains("totals") || r["totals"].empty()) return "";
    std::string out = "  totals (each species >= 0; in all as stated):\n";
    for (const auto& t : r["totals"]) {
        std::vector<std::string> of;
        for (const auto& s : t["of"])
            of.push_back(s.get<std::string>());
        std::string unit = cell(t["unit"]);
        out += fmt::format(
            "    {:<12} {} {} {} of {}{}  [{}]\n", cell(t["name"]),
            value_and_range_cell(t["range"]), unit, cell(r["content_basis"]), fmt::join(of, ", "),
            t["from_charge_balance"].get<bool>() ? ", by charge balance" : "", cell(t["source"]));
    }
    return out;
}

std::string table_check(const Report& r) {
    std::string out = mixture_section(r) + composition_section(r);
    out += fmt::format("\nTarget {}: {}\n", cell(r["target"]), cell(r["target_name"]));
    std::vector<std::string> values;
    std::size_t width = 9; // wider only when a range needs it
    for (const auto& ch : r["checks"]) {
        values.push_back(ch.contains("range")    ? range_cell(ch["range"])
                         : ch["value"].is_null() ? "unknown"
                                                 : cell(ch["value"]));
        width = std::max(width, values.back().size());
    }
    out += fmt::format("  {:<22} {:>{}} {:>7} {:>7} {:>7}  {:<4}  {:<7}  {}\n", "quantity", "value",
                       width, "min", "ideal", "max", "kind", "status", "range");
    std::size_t k = 0;
    for (const auto& ch : r["checks"]) {
        // The gauge marks the nominal value, or the middle of a range without one.
        std::optional<double> mark = number(ch["value"]);
        if (!mark && ch.contains("range") && number(ch["range"]["min"]) &&
            number(ch["range"]["max"]))
            mark = (*number(ch["range"]["min"]) + *number(ch["range"]["max"])) / 2;
        std::string status = cell(ch["status"]);
        if (ch.contains("certain") && !ch["certain"].get<bool>()) status += "?";
        out += fmt::format("  {:<22} {:>{}} {:>7} {:>7} {:>7}  {:<4}  {:<7}  {}\n",
                           cell(ch["name"]), values[k++], width, cell(ch["min"]), cell(ch["ideal"]),
                           cell(ch["max"]), ch["hard"].get<bool>() ? "hard" : "soft", status,
                           gauge(mark, number(ch["min"]), number(ch["max"])));
    }
    std::string verdict = r["verdict"].get<std::string>();
    const char* meaning = verdict == "meets" ? "every range holds"
                          : verdict == "acceptable"
                              ? "every hard limit holds; a soft goal is missed"
                              : "a hard limit is broken or cannot be verified";
    out += fmt::format("\nVerdict: {} {} ({})\n", upper(verdict), cell(r["target"]), meaning);
    out += also_meets_section(r);
    return out + warnings_section(r["warnings"]);
}

std::string table_check_all(const Report& r) {
    std::string out = mixture_section(r) + composition_section(r);
    out += "\nAgainst every target (? = may be outside over the ingredients' ranges)\n";
    out += fmt::format("  {:<16} {:<11} {}\n", "target", "verdict", "outside or unverified");
    for (const auto& t : r["targets"]) {
        std::vector<std::string> misses;
        for (const auto& ch : t["checks"]) {
            std::string status = ch["status"].get<std::string>();
            if (status == "ok") continue;
            bool maybe = ch.contains("certain") && !ch["certain"].get<bool>();
            misses.push_back(fmt::format("{} {}{}{}", cell(ch["name"]), status, maybe ? "?" : "",
                                         ch["hard"].get<bool>() ? "" : " (soft)"));
        }
        // The misses wrap under their column so that the table keeps to 80 columns.
        std::string line = fmt::format("  {:<16} {:<11}", cell(t["target"]),
                                       upper(t["verdict"].get<std::string>()));
        const std::size_t indent = line.size() + 1, width = 80;
        std::size_t used = indent;
        for (std::size_t k = 0; k < misses.size(); ++k) {
            std::string item = misses[k] + (k + 1 < misses.size() ? "," : "");
            if (k > 0 && used + 1 + item.size() > width) {
                line += "\n" + std::string(indent - 1, ' ');
                used = indent - 1;
            }
            line += " " + item;
            used += 1 + item.size();
        }
        out += line + "\n";
    }
    if (!r["meets"].empty()) {
        out += "\n";
        for (const auto& t : r["targets"])
            if (t["verdict"] == "meets")
                out += fmt::format("It meets {}: {}\n", cell(t["target"]), cell(t["purpose"]));
    } else {
        out += "\nIt meets no target.\n";
    }
    return out + warnings_section(r["warnings"]);
}

} // namespace orscalc::cli
