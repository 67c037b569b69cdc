#include "table_layout.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace orscalc::cli {

std::string cell(const Report& value) {
    if (value.is_null()) return "-";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    if (value.is_number_float()) return fmt::format("{}", value.get<double>()); // 1000, not 1000.0
    return value.dump();
}

std::optional<double> number(const Report& value) {
    if (value.is_number()) return value.get<double>();
    return std::nullopt;
}

std::string gauge(std::optional<double> value, std::optional<double> min, std::optional<double> max,
                  int width) {
    // Scale: the range in the middle third, with room either side to show "how far out".
    double lo = min.value_or(0), hi = max.value_or(lo > 0 ? lo * 2 : 1);
    if (!max && min) hi = *min * 2;
    double span = std::max(hi - lo, 1e-9);
    double scale_lo = lo - span, scale_hi = hi + span;
    if (!min) scale_lo = 0;
    auto pos = [&](double v) {
        double f = (v - scale_lo) / (scale_hi - scale_lo);
        return static_cast<int>(std::lround(f * (width - 1)));
    };
    std::string bar(static_cast<std::size_t>(width), '.');
    int a = min ? pos(*min) : 0, b = max ? pos(*max) : width - 1;
    for (int i = std::max(a, 0); i <= std::min(b, width - 1); ++i)
        bar[i] = '=';
    if (min) bar[std::clamp(a, 0, width - 1)] = '|';
    if (max) bar[std::clamp(b, 0, width - 1)] = '|';
    if (!value) return "[" + bar + "] ?";
    int p = pos(*value);
    if (p < 0)
        bar[0] = '<';
    else if (p > width - 1)
        bar[width - 1] = '>';
    else
        bar[p] = 'o';
    return "[" + bar + "]";
}

std::string table_check(const Report& r) {
    std::string out;
    std::string title = r.contains("name") ? r["name"].get<std::string>() : "Mixture";
    out += fmt::format("{} ({} mL)\n", title, cell(r["volume_ml"]));
    for (const auto& line : r["mixture"])
        out +=
            fmt::format("  {:<32} {:>10} {:<3}  {}\n", cell(line["ingredient"]),
                        cell(line["amount"]), cell(line["unit"]),
                        line.contains("measure") ? cell(line["measure"]) : cell(line["as_given"]));

    const Report& c = r["composition"];
    out += "\nComposition (mmol/L)\n";
    for (auto it = c.begin(); it != c.end(); ++it) {
        const std::string& k = it.key();
        if (k == "osmolarity" || k == "osmolarity_known_part" || k == "glucose_sodium_ratio" ||
            k == "cations_meq_per_l" || k == "anions_meq_per_l" || k == "charge_balance")
            continue;
        // Trace species (calcium, zinc, sulfate, caffeine, ethanol...) only where present.
        bool core = k == "sodium" || k == "potassium" || k == "chloride" || k == "citrate" ||
                    k == "bicarbonate" || k == "glucose" || k == "fructose" || k == "sucrose" ||
                    k == "magnesium" || k == "glucose_equivalent";
        // Unknown trace species stay in the JSON as null; the table shows what is there.
        if (!core && (it.value().is_null() || it.value().get<double>() == 0)) continue;
        out += fmt::format("  {:<22} {:>9}\n", k == "glucose_equivalent" ? "glucose+sucrose" : k,
                           it.value().is_null() ? "unknown" : cell(it.value()));
    }
    std::string osm = c["osmolarity"].is_null()
                          ? fmt::format("unknown (at least {})", cell(c["osmolarity_known_part"]))
                          : cell(c["osmolarity"]);
    out += fmt::format("  {:<22} {:>9} mOsm/L\n", "osmolarity", osm);
    out += fmt::format("  {:<22} {:>9}\n", "glucose:sodium ratio",
                       c["glucose_sodium_ratio"].is_null() ? "unknown"
                                                           : cell(c["glucose_sodium_ratio"]));
    out += fmt::format("  {:<22} {:>9} mEq/L (cations {}, anions {})\n", "charge balance",
                       c["charge_balance"].is_null() ? "unknown" : cell(c["charge_balance"]),
                       cell(c["cations_meq_per_l"]), cell(c["anions_meq_per_l"]));

    out += fmt::format("\nTarget {}: {}\n", cell(r["target"]), cell(r["target_name"]));
    out += fmt::format("  {:<22} {:>9} {:>7} {:>7} {:>7}  {:<4}  {:<7}  {}\n", "quantity", "value",
                       "min", "ideal", "max", "kind", "status", "range");
    for (const auto& ch : r["checks"]) {
        out += fmt::format("  {:<22} {:>9} {:>7} {:>7} {:>7}  {:<4}  {:<7}  {}\n", cell(ch["name"]),
                           ch["value"].is_null() ? "unknown" : cell(ch["value"]), cell(ch["min"]),
                           cell(ch["ideal"]), cell(ch["max"]),
                           ch["hard"].get<bool>() ? "hard" : "soft", cell(ch["status"]),
                           gauge(number(ch["value"]), number(ch["min"]), number(ch["max"])));
    }
    std::string verdict = r["verdict"].get<std::string>();
    std::string upper = verdict;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    const char* meaning = verdict == "meets" ? "every range holds"
                          : verdict == "acceptable"
                              ? "every hard limit holds; a soft goal is missed"
                              : "a hard limit is broken or cannot be verified";
    out += fmt::format("\nVerdict: {} {} ({})\n", upper, cell(r["target"]), meaning);
    if (!r["warnings"].empty()) {
        out += "\nWarnings:\n";
        for (const auto& w : r["warnings"])
            out += fmt::format("  ! {}\n", w.get<std::string>());
    }
    return out;
}

std::string table_list_ingredients(const Report& r) {
    std::string out = fmt::format("{:<36} {:<10} {:<7} {}\n", "id", "kind", "form", "name");
    for (const auto& i : r["ingredients"])
        out += fmt::format("{:<36} {:<10} {:<7} {}\n", cell(i["id"]), cell(i["kind"]),
                           cell(i["form"]), cell(i["name"]));
    return out;
}

std::string table_list_targets(const Report& r) {
    std::string out = fmt::format("{:<16} {:<8} {}\n", "id", "default", "name");
    for (const auto& t : r["targets"]) {
        out += fmt::format("{:<16} {:<8} {}\n", cell(t["id"]), t["default"].get<bool>() ? "*" : "",
                           cell(t["name"]));
        if (t.contains("purpose") && !t["purpose"].get<std::string>().empty())
            out += fmt::format("{:<25} for: {}\n", "", cell(t["purpose"]));
    }
    out += "\nSafety envelope (holds for every target and every recipe):\n";
    for (const auto& l : r["safety_envelope"])
        out += fmt::format("  {:<22} at most {:<5} {}\n", cell(l["name"]), cell(l["max"]),
                           cell(l["why"]));
    return out;
}

std::string table_show_ingredient(const Report& r) {
    std::string out = fmt::format("{}: {}\n", cell(r["id"]), cell(r["name"]));
    out += fmt::format("  kind {}, form {}{}\n", cell(r["kind"]), cell(r["form"]),
                       r["variety"].get<std::string>().empty() ? ""
                                                               : ", variety " + cell(r["variety"]));
    if (!r["formula"].is_null())
        out += fmt::format("  formula {}, molar mass {} g/mol\n", cell(r["formula"]),
                           cell(r["molar_mass_g_per_mol"]));
    out += fmt::format("  content, mmol {}:\n", cell(r["content_basis"]));
    for (auto it = r["content_mmol"].begin(); it != r["content_mmol"].end(); ++it)
        out += fmt::format("    {:<12} {}\n", it.key(),
                           it.value().is_null() ? "unknown" : cell(it.value()));
    out += fmt::format("  osmoles {} mOsm {} ({})\n", cell(r["osmoles_mosm"]),
                       cell(r["content_basis"]), cell(r["osmoles_basis"]));
    for (const auto& m : r["measures"])
        out += fmt::format(
            "  1 {} = {} g{}  [{}]\n", cell(m["measure"]), cell(m["grams"]),
            m["makes_ml"].is_null() ? "" : fmt::format(", makes {} mL", cell(m["makes_ml"])),
            cell(m["source"]));
    out += fmt::format("  source: {}\n  defined in {}\n", cell(r["source"]), cell(r["defined_in"]));
    return out;
}

std::string table_show_target(const Report& r) {
    std::string out = fmt::format("{}: {}{}\n  source: {}\n", cell(r["id"]), cell(r["name"]),
                                  r["default"].get<bool>() ? " (default)" : "", cell(r["source"]));
    if (r.contains("purpose") && !r["purpose"].get<std::string>().empty())
        out += fmt::format("  for: {}\n", cell(r["purpose"]));
    if (!r["note"].get<std::string>().empty()) out += fmt::format("  note: {}\n", cell(r["note"]));
    out += fmt::format("  {:<22} {:>7} {:>7} {:>7} {:>6}  {:<4}  {}\n", "quantity", "min", "ideal",
                       "max", "weight", "kind", "why");
    for (const auto& x : r["ranges"])
        out += fmt::format("  {:<22} {:>7} {:>7} {:>7} {:>6}  {:<4}  {}\n", cell(x["name"]),
                           cell(x["min"]), cell(x["ideal"]), cell(x["max"]), cell(x["weight"]),
                           x["hard"].get<bool>() ? "hard" : "soft", cell(x["why"]));
    out += fmt::format("  defined in {}\n", cell(r["defined_in"]));
    return out;
}

} // namespace orscalc::cli
