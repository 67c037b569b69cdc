// The plan for people: seek-care banner first, then volumes, what to do, sachets,
// electrolytes, foods, warnings and notes. Renders the Report; no arithmetic here.
#include "plan_report.hpp"
#include "table_layout.hpp"

#include <fmt/format.h>

namespace orscalc::cli {
namespace {

// Wraps text at width columns, continuing lines with the given indent.
std::string wrapped(const std::string& text, std::size_t indent, std::size_t width = 92) {
    std::string out, line;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t space = text.find(' ', pos);
        std::string word = text.substr(pos, space == std::string::npos ? space : space - pos);
        pos = space == std::string::npos ? text.size() : space + 1;
        if (!line.empty() && line.size() + 1 + word.size() > width - indent) {
            out += line + "\n" + std::string(indent, ' ');
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line;
}

std::string ml(const Report& v) {
    return v.is_null() ? "-" : cell(v) + " mL";
}

std::string banner(const Report& r) {
    if (!r["seek_care"].get<bool>()) return {};
    bool severe = r["who_plan"] == "C";
    std::string out = severe ? "!! SEEK EMERGENCY CARE NOW\n" : "!! SEEK MEDICAL CARE NOW\n";
    for (const auto& w : r["warnings"]) {
        const std::string& text = w.get_ref<const std::string&>();
        constexpr std::string_view prefix = "seek medical care now: ";
        if (text.starts_with(prefix))
            out += "   " + wrapped(text.substr(prefix.size()), 3) + "\n";
        else if (text.starts_with("severe dehydration"))
            out += "   " + wrapped(text, 3) + "\n";
    }
    return out + "\n";
}

std::string volumes(const Report& r) {
    const Report& d = r["dehydration"];
    std::string out = fmt::format(
        "Plan for {} kg{}: {}, WHO Plan {}{}\n", cell(r["weight_kg"]),
        r["weight_estimated"].get<bool>() ? " (estimated from age)" : "",
        d["category"] == "none" ? "no visible dehydration" : cell(d["category"]) + " dehydration",
        cell(r["who_plan"]), r["fluid"] == "resomal" ? " with ReSoMal (severe malnutrition)" : "");
    out += fmt::format("  {:<28} {}\n", "decided by", wrapped(cell(d["detail"]), 31));
    if (r["who_plan"] != "C" && !r["rehydration_ml"].is_null() &&
        r["rehydration_ml"].get<double>() > 0)
        out += fmt::format("  {:<28} {:>11}  over {} hours, {} an hour\n",
                           "first phase (rehydration)", ml(r["rehydration_ml"]),
                           cell(r["rehydration_hours"]), ml(r["rate_ml_per_hour"]));
    out += fmt::format("  {:<28} {:>11}\n", "deficit", ml(r["deficit_ml"]));
    out += fmt::format("  {:<28} {:>11}  a day ({} an hour; Holliday-Segar)\n", "maintenance",
                       ml(r["maintenance_ml_per_day"]), ml(r["maintenance_ml_per_hour"]));
    const Report& measured = r["replacement_measured"];
    out += fmt::format("  {:<28} {:>11}  {}\n", "after each loose stool",
                       ml(r["replacement_ml_per_stool"]),
                       measured["stool"].get<bool>() ? "(measured)" : "(10 mL/kg, CDC 2003)");
    out +=
        fmt::format("  {:<28} {:>11}  {}\n", "after each vomit", ml(r["replacement_ml_per_vomit"]),
                    measured["vomit"].get<bool>() ? "(measured)" : "(2 mL/kg, CDC 2003)");
    if (!r["losses_ml_per_day"].is_null())
        out += fmt::format("  {:<28} {:>11}  (stools and vomits counted)\n",
                           "losses to replace, 24 h", ml(r["losses_ml_per_day"]));
    if (r["who_plan"] != "B") return out;
    const Report& b = r["plan_b_table"];
    out += fmt::format(
        "  {:<28} {:>11}  in 4 hours, by {}\n", "WHO Plan B table",
        fmt::format("{}-{} mL", cell(b["ml_in_4_hours"][0]), cell(b["ml_in_4_hours"][1])),
        cell(b["basis"]));
    return out;
}

std::string steps(const Report& r) {
    std::string out = "\nWhat to do\n";
    int n = 1;
    for (const auto& s : r["schedule"]) {
        double from = s["from_hour"].get<double>(), to = s["to_hour"].get<double>();
        std::string when =
            to > from ? fmt::format("{}-{} h", cell(s["from_hour"]), cell(s["to_hour"]))
            : s["step"] == "on-the-way-to-care" ? std::string("now")
                                                : fmt::format("{} h", cell(s["from_hour"]));
        std::string head = fmt::format("  {}. {:<9} ", n++, when);
        out += head + wrapped(s["how"].get<std::string>(), head.size()) + "\n";
    }
    return out;
}

std::string supplies(const Report& r) {
    std::string out;
    const Report& e = r["electrolytes"];
    if (!r["sachets"].is_null() && r["fluid_ml"].get<double>() > 0)
        out += fmt::format("\nORS: {} sachet{} ({}, 1 sachet makes 1 L) for {} over the plan\n",
                           cell(r["sachets"]), r["sachets"].get<int>() == 1 ? "" : "s",
                           cell(r["fluid"]), ml(r["fluid_ml"]));
    else if (r["fluid"] == "resomal" && r["fluid_ml"].get<double>() > 0)
        out += fmt::format("\nReSoMal: {} over the plan (from the health facility)\n",
                           ml(r["fluid_ml"]));
    if (r["fluid_ml"].get<double>() > 0) {
        const Report& d = e["delivered"];
        out += fmt::format("  delivers (mmol)          sodium {}, potassium {}, chloride {}, "
                           "glucose {}, magnesium {}\n",
                           cell(d["sodium"]), cell(d["potassium"]), cell(d["chloride"]),
                           cell(d["glucose"]), cell(d["magnesium"]));
    }
    if (!e["estimated_stool_losses"].is_null()) {
        const Report& l = e["estimated_stool_losses"];
        out += fmt::format("  stool losses (mmol)      sodium {}, potassium {}, chloride {}, "
                           "bicarbonate {} (estimated: {}, {})\n",
                           cell(l["sodium"]), cell(l["potassium"]), cell(l["chloride"]),
                           cell(l["bicarbonate"]), cell(l["cause"]), cell(l["age_group"]));
    }
    return out;
}

// `--have`: the recipe for one batch, drawn by the mix table itself (the same words as
// `orscalc mix`), or why there is none.
std::string homemade(const Report& r) {
    if (!r.contains("mix")) return {};
    return fmt::format("\nHomemade mixture from what you have (--have), one batch of {} mL\n",
                       cell(r["mix"]["volume_ml"])) +
           table_mix(r["mix"]);
}

std::string mmol(const Report& v) {
    return v.is_null() ? "?" : fmt::format("{:.1f}", v.get<double>());
}

std::string foods(const Report& r) {
    if (r["foods"].empty()) return {};
    std::string out = "\nFoods once solids are tolerated (mmol per serving; ? = unknown)\n";
    for (const auto& f : r["foods"])
        out += fmt::format("  {:<16} {:<22} K {:>5}  Mg {:>5}  Na {:>5}\n", cell(f["id"]),
                           cell(f["serving"]), mmol(f["potassium_mmol"]), mmol(f["magnesium_mmol"]),
                           mmol(f["sodium_mmol"]));
    return out;
}

std::string messages(const Report& r) {
    std::string out;
    bool first = true;
    for (const auto& w : r["warnings"]) {
        const std::string& text = w.get_ref<const std::string&>();
        if (text.starts_with("seek ") || text.starts_with("severe dehydration")) continue;
        out += (first ? "\nWarnings\n" : "") + ("  ! " + wrapped(text, 4)) + "\n";
        first = false;
    }
    if (!r["notes"].empty()) {
        out += "\nNotes\n";
        for (const auto& n : r["notes"])
            out += "  - " + wrapped(n.get<std::string>(), 4) + "\n";
    }
    return out;
}

} // namespace

std::string table_plan(const Report& r) {
    return banner(r) + volumes(r) + steps(r) + supplies(r) + homemade(r) + foods(r) + messages(r);
}

} // namespace orscalc::cli
