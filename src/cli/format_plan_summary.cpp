// The totals of a batch (`plan --input --summary`) for people and for scripts.
#include "plan_batch.hpp"
#include "table_layout.hpp"

#include <fmt/format.h>

namespace orscalc::cli {

std::string table_plan_summary(const Report& r) {
    std::string out = fmt::format("Patients: {} rows in = {} planned + {} rejected\n",
                                  cell(r["rows_in"]), cell(r["planned"]), cell(r["rejected"]));
    if (r["seek_care"].get<long>() > 0)
        out += fmt::format("!! SEEK MEDICAL CARE NOW: {} patients (a red flag, severe dehydration, "
                           "under 2.5 kg)\n",
                           cell(r["seek_care"]));
    const Report& d = r["dehydration"];
    out += fmt::format("Dehydration: none {}, some {}, severe {}; weights estimated from age: {}\n",
                       cell(d["none"]), cell(d["some"]), cell(d["severe"]),
                       cell(r["weights_estimated"]));
    // Issue 15: planned rows whose weight is far from the age's (column weight_check).
    out +=
        fmt::format("Weights to check (unusual for the age): {}\n\n", cell(r["weights_to_check"]));
    out += "Supplies\n";
    out += fmt::format("  {:<40} {:>10} L\n", "first-phase rehydration (oral plans)",
                       cell(r["rehydration_litres"]));
    out += fmt::format("  {:<40} {:>10} L\n", "ORS over the plans", cell(r["ors_litres"]));
    out += fmt::format("  {:<40} {:>10}\n", "ORS sachets (1 L; whole, per patient)",
                       cell(r["ors_sachets"]));
    if (r["resomal_plans"].get<long>() > 0)
        out += fmt::format("  {:<40} {:>10} L ({} plans)\n", "ReSoMal (severe malnutrition)",
                           cell(r["resomal_litres"]), cell(r["resomal_plans"]));
    out += "\nDelivered by the plans (mmol)\n";
    for (const auto& [name, value] : r["delivered_mmol"].items())
        out += fmt::format("  {:<40} {:>10}\n", name, cell(value));
    return out;
}

std::string csv_plan_summary(const Report& r) {
    std::string out = "name,value\n";
    for (const auto& [name, value] : r.items()) {
        if (!value.is_object()) {
            out += fmt::format("{},{}\n", name, cell(value));
            continue;
        }
        for (const auto& [inner, v] : value.items())
            out += fmt::format("{}.{},{}\n", name, inner, cell(v));
    }
    return out;
}

} // namespace orscalc::cli
