#pragma once
// Weight-for-age from the growth references, as LMS parameters (Cole and Green, Stat Med 1992):
// the WHO Child Growth Standards (2006, birth to 5 years), the WHO Growth Reference 2007 (5 to
// 10 years) and the CDC 2000 growth charts (2 to 20 years). The tables are recipes/growth/,
// compiled in at build time; a lookup is an index and a few pow() calls, no allocation.
#include <string_view>

namespace orscalc {

enum class Sex { male, female };     // the references' order: code 1 male, 2 female
std::string_view to_string(Sex sex); // "male", "female"

enum class GrowthReference { who_2006, who_2007, cdc_2000 };
std::string_view id_of(GrowthReference reference);    // "who-2006", "who-2007", "cdc-2000"
std::string_view describe(GrowthReference reference); // "WHO Child Growth Standards 2006"

// Box-Cox power, median and coefficient of variation at one age.
struct Lms {
    double l = 1;
    double m = 1;
    double s = 0;
};

// The reference orscalc compares a weight with: WHO 2006 under 60 months (WHO recommends its
// standards to 5 years), WHO 2007 from 60 to 120 months (its weight-for-age ends at 10 years),
// CDC 2000 beyond (its charts end at 20 years; older ages read its last row).
GrowthReference weight_reference_for_age(double age_months);

// The weight-for-age LMS of a reference at an age, looked up as its publisher's software does:
// WHO 2006 by whole days (months x 30.4375, rounded: WHO Anthro), WHO 2007 and CDC 2000 linear
// between tabulated months (WHO AnthroPlus; CDC's SAS program). Ages outside the table read
// its nearest end.
Lms weight_for_age_lms(GrowthReference reference, Sex sex, double age_months);

// The LMS z-score of a value, and the value at a z-score (Cole and Green 1992).
double lms_z(double value, const Lms& lms);
double lms_value(const Lms& lms, double z);

// WHO's restricted LMS for weight-based indicators: beyond +/-3 SD the scale goes on linearly,
// one unit per distance between the 2 and 3 SD values (WHO Child Growth Standards, Methods and
// development, 2006, ch. 7; WHO Anthro, anthro::compute_zscore_adjusted).
double who_z(double value, const Lms& lms);
double who_value(const Lms& lms, double z);

// CDC's modified z-score, the scale of its biologically implausible values: the distance from
// the median in units of half the distance from the median to the 2 SD value on that side
// (CDC, "A SAS Program for the 2000 CDC Growth Charts", cdc-source-code.sas).
double cdc_modified_z(double value, const Lms& lms);
double cdc_modified_value(const Lms& lms, double z);

} // namespace orscalc
