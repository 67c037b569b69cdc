#pragma once
// Is a body weight plausible for the age? Every volume of a plan is proportional to the weight,
// so a typing slip (a lost decimal point, pounds typed as kilograms) multiplies a dose. The
// weight is placed on the growth reference for the age (include/orscalc/growth.hpp) at two
// levels, and very small weights are referred to neonatal care. The thresholds and their
// sources: docs/decisions/0020-weight-plausibility.md. Pure and cheap (no allocation).
#include "orscalc/growth.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orscalc {

// The first level: beyond +/-3 SD of the reference, the outermost lines of the WHO charts
// (0.13 % of children on each side); below -3 SD is WHO's "severely underweight". A warning.
inline constexpr double weight_unusual_z = 3;
// The second level, refused unless confirmed: WHO Anthro and AnthroPlus flag a weight-for-age
// z-score below -6 or above +5 as biologically implausible (anthro, anthroplus R packages).
inline constexpr double who_implausible_z_below = -6;
inline constexpr double who_implausible_z_above = 5;
// CDC's biologically implausible weight-for-age (2-20 years): a modified z-score below -5 or
// above +8 (cdc-source-code.sas, cut points revised December 2015).
inline constexpr double cdc_implausible_modified_z_below = -5;
inline constexpr double cdc_implausible_modified_z_above = 8;
// Adults (20 years and over): no growth reference exists. The warning compares with the CDC
// 2000 charts' last age (20 years); refused below 22.7 kg (50 lb), the floor below which
// weights in health records are implausible (Chan and Raffa 2017, VA electronic records).
inline constexpr double adult_age_months = 240;
inline constexpr double adult_implausible_below_kg = 22.7;
// WHO (ICD-10, vol. 2, definitions): low birth weight under 2500 g, very low under 1500 g,
// extremely low under 1000 g. No home plan under 2.5 kg; no plan at all under 1 kg.
inline constexpr double low_birth_weight_kg = 2.5;
inline constexpr double very_low_birth_weight_kg = 1.5;
inline constexpr double extremely_low_birth_weight_kg = 1.0;

enum class WeightLevel : std::uint8_t {
    plausible,   // inside +/-3 SD for the age, or no age to compare with
    unusual,     // beyond +/-3 SD: warn, check the weight
    implausible, // beyond the biologically implausible limit: refused unless confirmed
};
enum class BirthWeightBand : std::uint8_t { normal, low, very_low }; // under 2.5 / 1.5 kg

struct WeightCheck {
    double weight_kg = 0;
    std::optional<double> age_months; // nullopt: nothing to compare with
    WeightLevel level = WeightLevel::plausible;
    GrowthReference reference = GrowthReference::who_2006;
    bool adult = false;              // compared with the 20-year row
    std::optional<Sex> sex;          // the sex whose band was used (given, or the less extreme)
    bool sex_given = false;          // false: the band covers both sexes
    double z = 0;                    // WHO restricted z (0-10 y) or CDC LMS z (10 y and over)
    double modified_z = 0;           // CDC's modified z (10-20 y), when |z| > 2; else 0
    Lms lms;                         // the reference at this age, for the sex used
    std::optional<Lms> other_lms;    // the other sex's, when the sex was not given
    bool severe_underweight = false; // WHO weight-for-age below -3 SD (0-10 years)
    BirthWeightBand birth_weight = BirthWeightBand::normal;
    // The number read in the other unit fits the age: kg typed for lb, or lb typed for kg.
    bool given_in_lb = false;
    std::optional<double> other_unit_kg; // the weight the number means in the other unit
    bool confirmed = false;              // implausible, but the user confirmed the weight

    bool far_above() const { return level != WeightLevel::plausible && z > 0; }
    bool needs_neonatal_care() const { return birth_weight != BirthWeightBand::normal; }
};

// Places the weight on the reference for the age. `sex` not given: of the two sexes, the one
// that puts the weight nearer the median, so that a missing sex never causes a warning.
WeightCheck check_weight(double weight_kg, std::optional<double> age_months, std::optional<Sex> sex,
                         bool given_in_lb);

// The -3 and +3 SD weights at the age (the band of both sexes when the sex was not given);
// computed on demand, for the words: the plan itself needs only the z-score.
struct WeightBand {
    double low_kg = 0, high_kg = 0;
};
WeightBand unusual_band(const WeightCheck& check);

// "a newborn", "a 7-month-old", "an 18-month-old", "a 2-year-old".
std::string age_words(double age_months);
// "70 kg is far above what a 2-year-old weighs (median 11.5-12.2 kg, +3 SD 17.1 kg; ...)":
// without a sex, the medians of both.
std::string weight_finding_words(const WeightCheck& check);
// "did you mean 26 lb (11.8 kg)?", or empty when the other unit fits no better.
std::string unit_slip_words(const WeightCheck& check);
// Why no plan is made under 1 kg (the floor; not confirmable).
std::string weight_floor_words(double weight_kg);
// Why the weight is refused (the InputError text), for an implausible, unconfirmed weight.
std::string weight_refusal_words(const WeightCheck& check);

// Stable codes for scripts (JSON, the batch column weight_check): weight_above_age,
// weight_below_age, severe_underweight, weight_confirmed, unit_slip, low_birth_weight,
// very_low_birth_weight.
struct WeightCodes {
    std::array<std::string_view, 5> codes{};
    std::size_t size = 0;
};
WeightCodes weight_codes(const WeightCheck& check);

} // namespace orscalc
