#include "composition_report.hpp"

#include <fmt/format.h>

namespace orscalc::cli {

namespace {
// Display precision: mmol/L to 2 decimals, mOsm/L to 1, ratios to 3, volumes to 1 mL/0.01 g.
constexpr int mmol_decimals = 2;
constexpr int osm_decimals = 1;
constexpr int ratio_decimals = 3;

int decimals_for(std::string_view quantity) {
    if (quantity == "osmolarity") return osm_decimals;
    if (quantity == "glucose_sodium_ratio") return ratio_decimals;
    return mmol_decimals;
}

std::string unit_for(std::string_view quantity) {
    if (quantity == "osmolarity") return "mOsm/L";
    if (quantity == "glucose_sodium_ratio") return "";
    return "mmol/L";
}
} // namespace

Report mixture_lines_report(const Composition& c) {
    Report lines = Report::array();
    for (const auto& line : c.lines) {
        const Ingredient& ing = *line.ingredient;
        Report l;
        l["ingredient"] = ing.id;
        l["as_given"] = fmt::format("{} {}", line.as_given.value, unit_symbol(line.as_given.unit));
        l["amount"] = rounded(line.amount, ing.is_liquid() ? 1 : 3);
        l["unit"] = std::string(base_unit_symbol(ing));
        lines.push_back(std::move(l));
    }
    if (c.water_added_ml > 0.05) {
        Report l;
        l["ingredient"] = "water";
        l["as_given"] = "to make up the volume";
        l["amount"] = rounded(c.water_added_ml, 1);
        l["unit"] = "mL";
        lines.push_back(std::move(l));
    }
    return lines;
}

Report composition_report(const Composition& c) {
    Report comp;
    for (const auto& s : all_species())
        comp[std::string(s.name)] = number_or_null(c.species(s.species), mmol_decimals);
    comp["glucose_equivalent"] = number_or_null(c.glucose_equivalent(), mmol_decimals);
    comp["osmolarity"] = number_or_null(c.osmolarity, osm_decimals);
    comp["osmolarity_known_part"] = rounded(c.osmolarity_known_part, osm_decimals);
    comp["glucose_sodium_ratio"] = number_or_null(c.glucose_sodium_ratio(), ratio_decimals);
    comp["cations_meq_per_l"] = number_or_null(c.cations_meq_per_l, mmol_decimals);
    comp["anions_meq_per_l"] = number_or_null(c.anions_meq_per_l, mmol_decimals);
    comp["charge_balance"] = number_or_null(c.charge_balance(), mmol_decimals);
    return comp;
}

Report checks_report(const Evaluation& e) {
    Report checks = Report::array();
    for (const auto& check : e.checks) {
        const TargetRange& r = *check.range;
        const int d = decimals_for(r.quantity);
        Report c;
        c["name"] = r.quantity;
        c["value"] = number_or_null(check.value, d);
        c["unit"] = unit_for(r.quantity);
        c["min"] = number_or_null(r.min, d);
        c["ideal"] = number_or_null(r.ideal, d);
        c["max"] = number_or_null(r.max, d);
        c["hard"] = r.hard;
        c["status"] = std::string(to_string(check.status));
        checks.push_back(std::move(c));
    }
    return checks;
}

Report target_report(const Target& t) {
    Report r;
    r["id"] = t.id;
    r["name"] = t.name;
    r["source"] = t.source;
    return r;
}

Report check_report(const std::string& name, const Target& target, const Composition& c,
                    const Evaluation& e) {
    Report r;
    r["target"] = target.id;
    r["target_name"] = target.name;
    if (!name.empty()) r["name"] = name;
    r["volume_ml"] = rounded(c.volume_ml, 1);
    r["mixture"] = mixture_lines_report(c);
    r["composition"] = composition_report(c);
    r["checks"] = checks_report(e);
    r["verdict"] = std::string(to_string(e.verdict));
    r["warnings"] = e.warnings;
    return r;
}

} // namespace orscalc::cli
