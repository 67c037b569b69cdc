// The weight check's warnings and JSON (thresholds: include/orscalc/weight_check.hpp).
#include "weight_words.hpp"

#include <fmt/format.h>

namespace orscalc::cli {
namespace {

std::string_view level_id(WeightLevel level) {
    switch (level) {
    case WeightLevel::plausible:
        return "plausible";
    case WeightLevel::unusual:
        return "unusual";
    case WeightLevel::implausible:
        return "implausible";
    }
    return "?";
}

std::string_view birth_weight_id(BirthWeightBand band) {
    switch (band) {
    case BirthWeightBand::normal:
        return "normal";
    case BirthWeightBand::low:
        return "low";
    case BirthWeightBand::very_low:
        return "very-low";
    }
    return "?";
}

} // namespace

void add_weight_warnings(const Plan& p, std::vector<std::string>& w) {
    const WeightCheck& c = p.weight_check;
    if (c.needs_neonatal_care()) {
        // WHO ICD-10: low birth weight under 2500 g, very low under 1500 g. A baby this small
        // is cared for in a health facility: the volumes are for its health workers.
        bool very_low = c.birth_weight == BirthWeightBand::very_low;
        w.push_back(fmt::format(
            "seek medical care now: {:g} kg is a {} birth weight (WHO: under {:g} kg): a baby this "
            "small needs {}, not rehydration at home; the volumes below are for the health "
            "workers; give breast milk or sips of ORS on the way",
            rounded(c.weight_kg, 2), very_low ? "very low" : "low",
            very_low ? very_low_birth_weight_kg : low_birth_weight_kg,
            very_low ? "a neonatal unit" : "newborn care in a health facility"));
    }
    if (c.level == WeightLevel::plausible) return;
    std::string text = c.confirmed ? "weight confirmed (--weight-confirmed), planned as given: "
                                   : "check the weight: ";
    text += weight_finding_words(c);
    if (c.severe_underweight && !p.resomal && !p.has(PlanNote::sam_no_resomal))
        text += "; below -3 SD is severely underweight (WHO): ask about severe acute "
                "malnutrition (--sam)";
    if (std::string slip = unit_slip_words(c); !slip.empty()) text += "; " + slip;
    w.push_back(std::move(text));
}

Report weight_check_report(const Plan& p) {
    const WeightCheck& c = p.weight_check;
    Report r;
    r["level"] = std::string(level_id(c.level));
    Report codes = Report::array();
    WeightCodes found = weight_codes(c);
    for (std::size_t i = 0; i < found.size; ++i)
        codes.push_back(std::string(found.codes[i]));
    r["codes"] = std::move(codes);
    bool placed = c.age_months.has_value();
    r["reference"] = placed ? Report(std::string(id_of(c.reference))) : Report();
    r["sex"] = placed && c.sex_given ? Report(std::string(to_string(*c.sex))) : Report();
    r["z"] = placed ? Report(rounded(c.z, 2)) : Report();
    r["median_kg"] = placed ? Report(rounded(c.lms.m, 1)) : Report();
    WeightBand band = placed ? unusual_band(c) : WeightBand{};
    r["plausible_kg"] =
        placed ? Report{rounded(band.low_kg, 1), rounded(band.high_kg, 1)} : Report();
    r["other_unit_kg"] = number_or_null(c.other_unit_kg, 1);
    r["confirmed"] = c.confirmed;
    r["birth_weight"] = std::string(birth_weight_id(c.birth_weight));
    return r;
}

} // namespace orscalc::cli
