// The mix answer as a table: the recipe in household words, then the check layout of the
// recipe as made, then notes, advice and the tolerance check; or, with no recipe, why not.
#include "table_layout.hpp"

#include <fmt/format.h>

namespace orscalc::cli {
namespace {

std::string notes_and_advice(const Report& r, const char* advice_title) {
    std::string out;
    if (!r["diagnosis"].empty()) {
        out += fmt::format("\n{}\n", advice_title);
        for (const auto& d : r["diagnosis"])
            out += fmt::format("  - {}\n", d.get<std::string>());
    }
    if (!r["notes"].empty()) {
        out += "\nNotes:\n";
        for (const auto& n : r["notes"])
            out += fmt::format("  - {}\n", n.get<std::string>());
    }
    return out;
}

} // namespace

std::string table_mix(const Report& r) {
    std::string out;
    const bool household = r["mode"] == "household";
    if (!r["feasible"].get<bool>()) {
        out += fmt::format("No recipe: the hard limits of {} ({}) cannot all hold for {} mL with "
                           "these ingredients.\n",
                           cell(r["target"]), cell(r["target_name"]), cell(r["volume_ml"]));
        return out + notes_and_advice(r, "Why, and what would fix it:");
    }
    Report view = r;
    view["name"] = household ? "Recipe, in household measures" : "Recipe, exact amounts";
    out += table_check(view);
    out += notes_and_advice(r, "Advice:");
    if (r.contains("tolerance")) {
        const Report& t = r["tolerance"];
        out += fmt::format("\nTolerance: every measure off by up to {}%: {}\n",
                           cell(Report(t["fraction"].get<double>() * 100)),
                           t["robust"].get<bool>() ? "every hard limit still holds"
                                                   : "A HARD LIMIT CAN BREAK");
        out += fmt::format("  {:<22} {:>9} {:>9} {:>7} {:>7}  {}\n", "quantity", "worst low",
                           "worst high", "min", "max", "holds");
        for (const auto& l : t["limits"])
            out += fmt::format("  {:<22} {:>9} {:>9} {:>7} {:>7}  {}\n", cell(l["name"]),
                               cell(l["worst_low"]), cell(l["worst_high"]), cell(l["min"]),
                               cell(l["max"]), cell(l["holds"]));
    }
    return out;
}

} // namespace orscalc::cli
