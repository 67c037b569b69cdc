// A body weight placed on the growth reference for the age, at the two levels of
// docs/decisions/0020 (thresholds and sources in include/orscalc/weight_check.hpp).
#include "orscalc/weight_check.hpp"
#include "orscalc/units.hpp"

#include <cmath>
#include <fmt/format.h>

namespace orscalc {
namespace {

constexpr double kg_per_lb = grams_per_lb / 1000;

struct Placement {
    WeightLevel level = WeightLevel::plausible;
    double z = 0;
    double modified_z = 0;
    Lms lms;
};

Placement place(double kg, GrowthReference reference, bool adult, const Lms& lms) {
    Placement p;
    p.lms = lms;
    bool implausible = false;
    if (reference == GrowthReference::cdc_2000) {
        p.z = lms_z(kg, lms);
        if (adult) {
            implausible = kg < adult_implausible_below_kg;
        } else {
            // The modified z passes -5 or +8 only far beyond the 2 SD weight, where |z| > 2:
            // nearer the median it is not computed (one pow() less per plan).
            if (std::abs(p.z) > 2) p.modified_z = cdc_modified_z(kg, lms);
            implausible = p.modified_z < cdc_implausible_modified_z_below ||
                          p.modified_z > cdc_implausible_modified_z_above;
        }
    } else {
        p.z = who_z(kg, lms);
        implausible = p.z < who_implausible_z_below || p.z > who_implausible_z_above;
    }
    p.level = implausible                        ? WeightLevel::implausible
              : std::abs(p.z) > weight_unusual_z ? WeightLevel::unusual
                                                 : WeightLevel::plausible;
    return p;
}

struct Standing {
    Placement placement;
    Sex sex = Sex::male;
    std::optional<Lms> other_lms; // without a sex: the other sex's
};

// The weight on the reference for the age; without a sex, the sex that puts it nearer the
// median (the lower level, then the smaller |z|): one pow() per sex when plausible.
Standing stand(double kg, double age_months, std::optional<Sex> sex) {
    const GrowthReference reference = weight_reference_for_age(age_months);
    const bool adult = age_months >= adult_age_months;
    auto at = [&](Sex s) {
        return Standing{place(kg, reference, adult, weight_for_age_lms(reference, s, age_months)),
                        s, std::nullopt};
    };
    if (sex) return at(*sex);
    Standing male = at(Sex::male), female = at(Sex::female);
    const Placement &m = male.placement, &f = female.placement;
    bool male_nearer = m.level < f.level || (m.level == f.level && std::abs(m.z) <= std::abs(f.z));
    Standing nearer = male_nearer ? male : female;
    nearer.other_lms = (male_nearer ? female : male).placement.lms;
    return nearer;
}

// Weights as people read them: one decimal, no trailing zero ("12.2", "70").
double tenth(double v) {
    return std::round(v * 10) / 10;
}

std::string_view article(int n) {
    // "an 8-", "an 11-", "an 18-", "an 80-" ... : the number is read with a vowel sound.
    return n == 8 || n == 11 || n == 18 || (n >= 80 && n < 90) ? "an" : "a";
}

} // namespace

WeightCheck check_weight(double weight_kg, std::optional<double> age_months, std::optional<Sex> sex,
                         bool given_in_lb) {
    WeightCheck c;
    c.weight_kg = weight_kg;
    c.age_months = age_months;
    c.given_in_lb = given_in_lb;
    c.sex_given = sex.has_value();
    c.birth_weight = weight_kg < very_low_birth_weight_kg ? BirthWeightBand::very_low
                     : weight_kg < low_birth_weight_kg    ? BirthWeightBand::low
                                                          : BirthWeightBand::normal;
    if (!age_months) return c;
    Standing s = stand(weight_kg, *age_months, sex);
    c.level = s.placement.level;
    c.reference = weight_reference_for_age(*age_months);
    c.adult = *age_months >= adult_age_months;
    c.sex = s.sex;
    c.z = s.placement.z;
    c.modified_z = s.placement.modified_z;
    c.lms = s.placement.lms;
    c.other_lms = s.other_lms;
    // WHO: weight-for-age below -3 SD is severely underweight (WHO Child Growth Standards,
    // training course, module C); the WHO references stop at 10 years.
    c.severe_underweight = c.reference != GrowthReference::cdc_2000 && c.z < -weight_unusual_z;
    if (c.level != WeightLevel::plausible) {
        // The same number in the other unit: 26 typed as kg for a 2-year-old fits as 26 lb.
        double other = given_in_lb ? weight_kg / kg_per_lb : weight_kg * kg_per_lb;
        if (stand(other, *age_months, sex).placement.level == WeightLevel::plausible)
            c.other_unit_kg = other;
    }
    return c;
}

WeightBand unusual_band(const WeightCheck& c) {
    WeightBand band{lms_value(c.lms, -weight_unusual_z), lms_value(c.lms, weight_unusual_z)};
    if (c.other_lms) {
        band.low_kg = std::min(band.low_kg, lms_value(*c.other_lms, -weight_unusual_z));
        band.high_kg = std::max(band.high_kg, lms_value(*c.other_lms, weight_unusual_z));
    }
    return band;
}

std::string age_words(double age_months) {
    if (age_months < 1) return "a newborn";
    if (age_months < 24) {
        int n = static_cast<int>(age_months);
        return fmt::format("{} {}-month-old", article(n), n);
    }
    int n = static_cast<int>(age_months / 12);
    return fmt::format("{} {}-year-old", article(n), n);
}

std::string weight_finding_words(const WeightCheck& c) {
    if (!c.age_months || c.level == WeightLevel::plausible) return {};
    std::string who = age_words(*c.age_months);
    if (c.sex_given)
        who += c.sex == Sex::male ? (c.adult ? " man" : " boy") : (c.adult ? " woman" : " girl");
    bool above = c.z > 0;
    WeightBand band = unusual_band(c);
    std::string as_given =
        c.given_in_lb ? fmt::format(" ({:g} lb)", tenth(c.weight_kg / kg_per_lb)) : std::string();
    // Without a sex, both medians: "median 11.5-12.2 kg" (girls and boys at 2 years).
    double m1 = tenth(c.lms.m), m2 = c.other_lms ? tenth(c.other_lms->m) : m1;
    std::string median = m1 == m2 ? fmt::format("{:g}", m1)
                                  : fmt::format("{:g}-{:g}", std::min(m1, m2), std::max(m1, m2));
    return fmt::format("{:g} kg{} is far {} what {} weighs (median {} kg, {} SD {:g} kg{}; {})",
                       tenth(c.weight_kg), as_given, above ? "above" : "below", who, median,
                       above ? "+3" : "-3", tenth(above ? band.high_kg : band.low_kg),
                       c.adult ? " at 20 years" : "", describe(c.reference));
}

std::string unit_slip_words(const WeightCheck& c) {
    if (!c.other_unit_kg) return {};
    if (c.given_in_lb) {
        double lb = tenth(c.weight_kg / kg_per_lb);
        return fmt::format("{:g} lb = {:g} kg; did you mean {:g} kg?", lb, tenth(c.weight_kg), lb);
    }
    return fmt::format("did you mean {:g} lb ({:g} kg)?", tenth(c.weight_kg),
                       tenth(*c.other_unit_kg));
}

std::string weight_floor_words(double weight_kg) {
    // Cut (not rounded) to hundredths: 0.999 kg must not read "1 kg is under 1 kg".
    return fmt::format(
        "{:g} kg is under {:g} kg, an extremely low birth weight (WHO, ICD-10: under "
        "1000 g): no home plan exists for a baby this small, who needs a neonatal "
        "unit now; if the weight is a typing slip, check it",
        std::floor(weight_kg * 100 + 1e-9) / 100, extremely_low_birth_weight_kg);
}

std::string weight_refusal_words(const WeightCheck& c) {
    std::string limit;
    if (c.adult)
        limit = fmt::format("under {:g} kg, implausible for an adult in health records (Chan and "
                            "Raffa 2017)",
                            adult_implausible_below_kg);
    else if (c.reference == GrowthReference::cdc_2000)
        limit = fmt::format("a modified z-score of {:+.1f}, beyond the {:+g} that CDC flags as "
                            "biologically implausible",
                            c.modified_z,
                            c.z > 0 ? cdc_implausible_modified_z_above
                                    : cdc_implausible_modified_z_below);
    else
        limit = fmt::format("a weight-for-age z-score of {:+.1f}, beyond the {:+g} that WHO flags "
                            "as biologically implausible",
                            c.z, c.z > 0 ? who_implausible_z_above : who_implausible_z_below);
    std::string slip = unit_slip_words(c);
    return fmt::format("weight: {}: {}; check the weight{}{} If it is right, confirm it with "
                       "--weight-confirmed (a weight-confirmed column in a patient file)",
                       weight_finding_words(c), limit, slip.empty() ? "." : ": ", slip);
}

WeightCodes weight_codes(const WeightCheck& c) {
    WeightCodes out;
    auto add = [&](std::string_view code) { out.codes[out.size++] = code; };
    if (c.level != WeightLevel::plausible) add(c.z > 0 ? "weight_above_age" : "weight_below_age");
    if (c.severe_underweight) add("severe_underweight");
    if (c.confirmed) add("weight_confirmed");
    if (c.other_unit_kg) add("unit_slip");
    if (c.birth_weight == BirthWeightBand::low) add("low_birth_weight");
    if (c.birth_weight == BirthWeightBand::very_low) add("very_low_birth_weight");
    return out;
}

} // namespace orscalc
