#include "table_layout.hpp"
#include "table_check.hpp"

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
    out += fmt::format("  content, mmol {} (nominal, and the range the data allow):\n",
                       cell(r["content_basis"]));
    for (auto it = r["content_mmol"].begin(); it != r["content_mmol"].end(); ++it)
        out += fmt::format("    {:<12} {}\n", it.key(),
                           r.contains("content_ranges")
                               ? value_and_range_cell(r["content_ranges"][it.key()])
                           : it.value().is_null() ? "unknown"
                                                  : cell(it.value()));
    out += table_show_totals(r); // table_check.cpp
    out += fmt::format("  osmoles {} mOsm {} ({})\n",
                       r.contains("osmoles_range") ? value_and_range_cell(r["osmoles_range"])
                                                   : cell(r["osmoles_mosm"]),
                       cell(r["content_basis"]), cell(r["osmoles_basis"]));
    if (r.contains("density_range") && !r["density_range"].is_null())
        out += fmt::format("  density {} g/mL\n", value_and_range_cell(r["density_range"]));
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
