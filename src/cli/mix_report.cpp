#include "mix_report.hpp"

#include "composition_report.hpp"

#include <fmt/format.h>

namespace orscalc::cli {
namespace {

int decimals_for(std::string_view quantity) {
    if (quantity == "osmolarity") return 1;
    if (quantity == "glucose_sodium_ratio") return 3;
    return 2;
}

Report amounts_report(const MixResult& result) {
    Report amounts = Report::array();
    for (const auto& a : result.amounts) {
        Report x;
        x["ingredient"] = a.ingredient ? a.ingredient->id : std::string("water");
        x["amount"] = rounded(a.amount, a.ingredient && !a.ingredient->is_liquid() ? 3 : 1);
        x["unit"] = a.ingredient && !a.ingredient->is_liquid() ? "g" : "mL";
        x["measure"] = a.measure;
        amounts.push_back(std::move(x));
    }
    return amounts;
}

Report tolerance_report(const MixResult& result) {
    Report t;
    t["fraction"] = rounded(*result.tolerance, 4);
    t["robust"] = result.feasible && result.robust; // no recipe is robust to nothing
    Report limits = Report::array();
    for (const auto& c : result.tolerance_checks) {
        const int d = decimals_for(c.quantity);
        Report l;
        l["name"] = c.quantity;
        l["min"] = number_or_null(c.min, d);
        l["max"] = number_or_null(c.max, d);
        l["worst_low"] = rounded(c.worst_low, d);
        l["worst_high"] = rounded(c.worst_high, d);
        l["holds"] = c.holds;
        limits.push_back(std::move(l));
    }
    t["limits"] = std::move(limits);
    return t;
}

} // namespace

Report mix_report(const MixResult& result) {
    Report r;
    if (result.feasible && result.composition && result.evaluation) {
        r = check_report("", *result.target, *result.composition, *result.evaluation);
        // The recipe's lines with their household words, in the check's mixture layout.
        for (auto& line : r["mixture"]) {
            for (const auto& a : result.amounts)
                if (a.ingredient && a.ingredient->id == line["ingredient"].get<std::string>())
                    line["measure"] = a.measure;
            if (line["ingredient"] == "water" && !line.contains("measure"))
                line["measure"] = result.amounts.empty() ? "" : result.amounts.back().measure;
        }
    } else {
        r["target"] = result.target->id;
        r["target_name"] = result.target->name;
        r["volume_ml"] = rounded(result.volume_ml, 1);
        r["mixture"] = Report::array();
        r["composition"] = nullptr;
        r["checks"] = Report::array();
        r["verdict"] = "infeasible";
        r["warnings"] = Report::array();
    }
    r["mode"] = result.mode == MixMode::exact ? "exact" : "household";
    r["feasible"] = result.feasible;
    r["amounts"] = amounts_report(result);
    r["objective"] = result.feasible ? Report(rounded(result.objective, 4)) : Report(nullptr);
    r["notes"] = result.notes;
    r["diagnosis"] = result.diagnosis;
    if (result.tolerance) r["tolerance"] = tolerance_report(result);
    return r;
}

} // namespace orscalc::cli
