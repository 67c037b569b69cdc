// Weight-for-age LMS lookups and the z-score scales of WHO and CDC (sources in growth.hpp and
// recipes/growth/README.md).
#include "orscalc/growth.hpp"
#include "growth_tables.hpp"

#include <algorithm>
#include <cmath>

namespace orscalc {
namespace {

using growth_tables::AgedLms;

// WHO Anthro manual: one month is 365.25 / 12 days.
constexpr double days_per_month = 30.4375;

Lms lerp(const Lms& a, const Lms& b, double f) {
    return {a.l + f * (b.l - a.l), a.m + f * (b.m - a.m), a.s + f * (b.s - a.s)};
}

// Linear between the two rows around the age; `first_above` is the index of the first row whose
// age exceeds the age (clamped into the table).
Lms between(const AgedLms* rows, std::size_t count, std::size_t first_above, double age) {
    if (age <= rows[0].age) return rows[0].lms;
    if (age >= rows[count - 1].age) return rows[count - 1].lms;
    std::size_t hi = std::clamp<std::size_t>(first_above, 1, count - 1);
    const AgedLms& a = rows[hi - 1];
    const AgedLms& b = rows[hi];
    return lerp(a.lms, b.lms, (age - a.age) / (b.age - a.age));
}

} // namespace

std::string_view to_string(Sex sex) {
    return sex == Sex::male ? "male" : "female";
}

std::string_view id_of(GrowthReference reference) {
    switch (reference) {
    case GrowthReference::who_2006:
        return "who-2006";
    case GrowthReference::who_2007:
        return "who-2007";
    case GrowthReference::cdc_2000:
        return "cdc-2000";
    }
    return "?";
}

std::string_view describe(GrowthReference reference) {
    switch (reference) {
    case GrowthReference::who_2006:
        return "WHO Child Growth Standards 2006";
    case GrowthReference::who_2007:
        return "WHO Growth Reference 2007";
    case GrowthReference::cdc_2000:
        return "CDC 2000 growth charts";
    }
    return "?";
}

GrowthReference weight_reference_for_age(double age_months) {
    if (age_months < 60) return GrowthReference::who_2006;
    if (age_months <= 120) return GrowthReference::who_2007;
    return GrowthReference::cdc_2000;
}

Lms weight_for_age_lms(GrowthReference reference, Sex sex, double age_months) {
    const auto s = static_cast<std::size_t>(sex);
    switch (reference) {
    case GrowthReference::who_2006: {
        // WHO Anthro: the exact age in days, rounded, indexes the daily table.
        double day = std::round(age_months * days_per_month);
        auto i = static_cast<std::size_t>(
            std::clamp(day, 0.0, static_cast<double>(growth_tables::who_2006_rows - 1)));
        return growth_tables::who_2006_weight_for_age[s][i].lms;
    }
    case GrowthReference::who_2007: {
        // Rows are whole months from 60: the row above the age is floor(age) - 60 + 1.
        const auto& rows = growth_tables::who_2007_weight_for_age[s];
        double above = std::floor(age_months) - rows[0].age + 1;
        return between(rows, growth_tables::who_2007_rows,
                       static_cast<std::size_t>(std::max(above, 0.0)), age_months);
    }
    case GrowthReference::cdc_2000: {
        // Rows: 24, then the half months 24.5 ... 239.5, then 240. The first row above an age
        // a in (24.5, 239.5) is the half month after it, index floor(a - 24.5) + 2.
        const auto& rows = growth_tables::cdc_2000_weight_for_age[s];
        double above = std::floor(age_months - 24.5) + 2;
        return between(rows, growth_tables::cdc_2000_rows,
                       static_cast<std::size_t>(std::max(above, 0.0)), age_months);
    }
    }
    return {};
}

double lms_z(double value, const Lms& lms) {
    // L = 0 is the log-normal limit of the Box-Cox transform.
    if (std::abs(lms.l) < 1e-9) return std::log(value / lms.m) / lms.s;
    return (std::pow(value / lms.m, lms.l) - 1) / (lms.l * lms.s);
}

double lms_value(const Lms& lms, double z) {
    if (std::abs(lms.l) < 1e-9) return lms.m * std::exp(lms.s * z);
    return lms.m * std::pow(1 + lms.l * lms.s * z, 1 / lms.l);
}

double who_z(double value, const Lms& lms) {
    double z = lms_z(value, lms);
    if (z > 3) {
        double sd3 = lms_value(lms, 3);
        return 3 + (value - sd3) / (sd3 - lms_value(lms, 2));
    }
    if (z < -3) {
        double sd3 = lms_value(lms, -3);
        return -3 + (value - sd3) / (lms_value(lms, -2) - sd3);
    }
    return z;
}

double who_value(const Lms& lms, double z) {
    if (z > 3) {
        double sd3 = lms_value(lms, 3);
        return sd3 + (z - 3) * (sd3 - lms_value(lms, 2));
    }
    if (z < -3) {
        double sd3 = lms_value(lms, -3);
        return sd3 + (z + 3) * (lms_value(lms, -2) - sd3);
    }
    return lms_value(lms, z);
}

double cdc_modified_z(double value, const Lms& lms) {
    if (value < lms.m) return (value - lms.m) / ((lms.m - lms_value(lms, -2)) / 2);
    return (value - lms.m) / ((lms_value(lms, 2) - lms.m) / 2);
}

double cdc_modified_value(const Lms& lms, double z) {
    if (z < 0) return lms.m + z * (lms.m - lms_value(lms, -2)) / 2;
    return lms.m + z * (lms_value(lms, 2) - lms.m) / 2;
}

} // namespace orscalc
