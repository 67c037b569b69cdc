// The growth references against their publishers' own tables: the LMS values at published
// ages, WHO's expanded z-score tables (weights at -4 ... +4 SD, days 0-1826 and months
// 61-120; tests/data/growth/README.md) and CDC's published percentiles.
#include "orscalc/growth.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace orscalc;

namespace {

constexpr double days_per_month = 30.4375; // WHO Anthro

struct PublishedLms {
    GrowthReference reference;
    Sex sex;
    double age_months;
    double l, m, s;
};

// As published: WHO expanded tables (by day), WHO 2007 tables (by month), CDC wtage.csv.
const PublishedLms published_lms[] = {
    {GrowthReference::who_2006, Sex::male, 0, 0.3487, 3.3464, 0.14602},
    {GrowthReference::who_2006, Sex::female, 0, 0.3809, 3.2322, 0.14171},
    {GrowthReference::who_2006, Sex::male, 183 / days_per_month, 0.1256, 7.9389, 0.10957},
    {GrowthReference::who_2006, Sex::female, 183 / days_per_month, -0.0759, 7.3016, 0.12204},
    {GrowthReference::who_2006, Sex::male, 12, 0.0645, 9.6460, 0.10925}, // day 365
    {GrowthReference::who_2006, Sex::female, 12, -0.2022, 8.9462, 0.12267},
    {GrowthReference::who_2006, Sex::male, 24, -0.0137, 12.1548, 0.11427}, // day 731
    {GrowthReference::who_2006, Sex::female, 24, -0.2942, 11.4809, 0.1239},
    {GrowthReference::who_2006, Sex::male, 48, -0.1131, 16.3489, 0.12759}, // day 1461
    {GrowthReference::who_2006, Sex::female, 48, -0.3361, 16.0697, 0.13884},
    {GrowthReference::who_2006, Sex::male, 1826 / days_per_month, -0.1506, 18.3352, 0.13517},
    {GrowthReference::who_2006, Sex::female, 1826 / days_per_month, -0.3518, 18.2179, 0.14821},
    {GrowthReference::who_2007, Sex::male, 61, -0.2026, 18.5057, 0.12988},
    {GrowthReference::who_2007, Sex::female, 61, -0.4681, 18.2579, 0.14295},
    {GrowthReference::who_2007, Sex::male, 90, -0.4964, 24.1371, 0.14016},
    {GrowthReference::who_2007, Sex::female, 90, -0.5495, 23.6369, 0.15876},
    {GrowthReference::who_2007, Sex::male, 120, -0.6764, 31.1586, 0.16305},
    {GrowthReference::who_2007, Sex::female, 120, -0.5958, 31.8578, 0.17262},
    {GrowthReference::cdc_2000, Sex::male, 150.5, -0.760273528, 43.18828419, 0.19746421},
    {GrowthReference::cdc_2000, Sex::female, 150.5, -0.850307441, 43.9661169, 0.200419208},
    {GrowthReference::cdc_2000, Sex::male, 200.5, -0.91945749, 63.61801537, 0.16755794},
    {GrowthReference::cdc_2000, Sex::female, 200.5, -1.792007891, 54.81044184, 0.163359491},
    {GrowthReference::cdc_2000, Sex::male, 239.5, -0.919718461, 70.55252127, 0.161229617},
    {GrowthReference::cdc_2000, Sex::female, 239.5, -1.518754013, 58.1987714, 0.16652037},
};

std::vector<std::vector<double>> read_table(const std::string& name) {
    std::ifstream in(std::string(ORSCALC_SOURCE_DIR) + "/tests/data/growth/" + name);
    REQUIRE_MESSAGE(in, "cannot read " << name);
    std::vector<std::vector<double>> rows;
    std::string line;
    std::getline(in, line); // the header: Day|Month L M S SD4neg ... SD4
    while (std::getline(in, line)) {
        std::istringstream cells(line);
        std::vector<double> row;
        for (double v; cells >> v;)
            row.push_back(v);
        REQUIRE(row.size() == 13);
        rows.push_back(row);
    }
    return rows;
}

// Every row of a published WHO z-score table: the weights at -4 ... +4 SD (columns 4 ... 12)
// are reproduced to 0.01 kg, and each weight's z-score is its SD to 0.01.
void reproduces_who_table(const std::string& name, GrowthReference reference, Sex sex,
                          double months_per_age_unit) {
    auto rows = read_table(name);
    CHECK(rows.size() >= 60);
    for (const auto& row : rows) {
        double age_months = row[0] * months_per_age_unit;
        Lms lms = weight_for_age_lms(reference, sex, age_months);
        INFO(name << " age " << row[0]);
        CHECK(lms.l == doctest::Approx(row[1]).epsilon(1e-9));
        CHECK(lms.m == doctest::Approx(row[2]).epsilon(1e-9));
        CHECK(lms.s == doctest::Approx(row[3]).epsilon(1e-9));
        for (int sd = -4; sd <= 4; ++sd) {
            double published_kg = row[static_cast<std::size_t>(8 + sd)];
            INFO("SD " << sd << ": " << published_kg << " kg");
            CHECK(std::abs(who_value(lms, sd) - published_kg) < 0.01);
            CHECK(std::abs(who_z(published_kg, lms) - sd) < 0.01);
        }
    }
}

} // namespace

TEST_CASE("growth: LMS at published ages, both sexes, all three references") {
    for (const auto& p : published_lms) {
        INFO(describe(p.reference) << ", " << to_string(p.sex) << ", " << p.age_months << " mo");
        Lms lms = weight_for_age_lms(p.reference, p.sex, p.age_months);
        CHECK(lms.l == doctest::Approx(p.l).epsilon(1e-9));
        CHECK(lms.m == doctest::Approx(p.m).epsilon(1e-9));
        CHECK(lms.s == doctest::Approx(p.s).epsilon(1e-9));
    }
}

TEST_CASE("growth: WHO 2006 expanded tables, -4 to +4 SD to 0.01, boys and girls") {
    reproduces_who_table("who-2006-wfa-boys-zscores.tsv", GrowthReference::who_2006, Sex::male,
                         1 / days_per_month);
    reproduces_who_table("who-2006-wfa-girls-zscores.tsv", GrowthReference::who_2006, Sex::female,
                         1 / days_per_month);
}

TEST_CASE("growth: WHO 2007 z-score tables, -4 to +4 SD to 0.01, boys and girls") {
    reproduces_who_table("who-2007-wfa-boys-zscores.tsv", GrowthReference::who_2007, Sex::male, 1);
    reproduces_who_table("who-2007-wfa-girls-zscores.tsv", GrowthReference::who_2007, Sex::female,
                         1);
}

TEST_CASE("growth: the z-scores of CDC's published percentiles P3, P50, P97") {
    // wtage.csv publishes the percentiles it computed from its LMS: z(P3) = -1.8808,
    // z(P97) = +1.8808 (the normal deviates of 3 % and 97 %).
    struct Row {
        Sex sex;
        double age_months, p3, p50, p97;
    };
    const Row rows[] = {
        {Sex::male, 150.5, 31.13865154, 43.18828419, 66.81782206},
        {Sex::female, 150.5, 31.70415418, 43.9661169, 69.26066574},
        {Sex::male, 200.5, 48.23819204, 63.61801537, 92.29779046},
        {Sex::female, 200.5, 42.91016914, 54.81044184, 85.64425466},
        {Sex::male, 239.5, 53.99481762, 70.55252127, 100.6721384},
        {Sex::female, 239.5, 45.04509979, 58.1987714, 89.02866893},
    };
    for (const auto& r : rows) {
        Lms lms = weight_for_age_lms(GrowthReference::cdc_2000, r.sex, r.age_months);
        INFO(to_string(r.sex) << " " << r.age_months);
        CHECK(lms_z(r.p3, lms) == doctest::Approx(-1.880794).epsilon(1e-5));
        CHECK(lms_z(r.p50, lms) == doctest::Approx(0).epsilon(1e-9));
        CHECK(lms_z(r.p97, lms) == doctest::Approx(1.880794).epsilon(1e-5));
        CHECK(lms_value(lms, 1.880794) == doctest::Approx(r.p97).epsilon(1e-5));
    }
}

TEST_CASE("growth: between tabulated months, L, M and S are interpolated linearly") {
    // WHO 2007 boys, 90 and 91 months; CDC 2000 girls, 149.5 and 150.5 months.
    Lms at90 = weight_for_age_lms(GrowthReference::who_2007, Sex::male, 90);
    Lms at91 = weight_for_age_lms(GrowthReference::who_2007, Sex::male, 91);
    Lms mid = weight_for_age_lms(GrowthReference::who_2007, Sex::male, 90.25);
    CHECK(mid.m == doctest::Approx(at90.m + 0.25 * (at91.m - at90.m)));
    CHECK(mid.l == doctest::Approx(at90.l + 0.25 * (at91.l - at90.l)));
    Lms c1 = weight_for_age_lms(GrowthReference::cdc_2000, Sex::female, 149.5);
    Lms c2 = weight_for_age_lms(GrowthReference::cdc_2000, Sex::female, 150.5);
    Lms cm = weight_for_age_lms(GrowthReference::cdc_2000, Sex::female, 150);
    CHECK(cm.m == doctest::Approx((c1.m + c2.m) / 2));
    CHECK(cm.s == doctest::Approx((c1.s + c2.s) / 2));
    // The ends of the CDC table: 24 and 240 months are rows of their own.
    CHECK(weight_for_age_lms(GrowthReference::cdc_2000, Sex::male, 24).m ==
          doctest::Approx(12.6707633));
    CHECK(weight_for_age_lms(GrowthReference::cdc_2000, Sex::male, 240).m ==
          doctest::Approx(70.59761453));
    CHECK(weight_for_age_lms(GrowthReference::cdc_2000, Sex::male, 600).m ==
          doctest::Approx(70.59761453));
}

TEST_CASE("growth: which reference at which age") {
    CHECK(weight_reference_for_age(0) == GrowthReference::who_2006);
    CHECK(weight_reference_for_age(59.9) == GrowthReference::who_2006);
    CHECK(weight_reference_for_age(60) == GrowthReference::who_2007);
    CHECK(weight_reference_for_age(120) == GrowthReference::who_2007);
    CHECK(weight_reference_for_age(120.1) == GrowthReference::cdc_2000);
    CHECK(weight_reference_for_age(400) == GrowthReference::cdc_2000);
}

TEST_CASE("growth: WHO's restricted z-score is linear beyond 3 SD, CDC's modified z by 2 SD") {
    Lms lms = weight_for_age_lms(GrowthReference::who_2006, Sex::male, 24);
    double sd2 = lms_value(lms, 2), sd3 = lms_value(lms, 3);
    CHECK(who_z(sd3 + 2 * (sd3 - sd2), lms) == doctest::Approx(5));
    double sdm2 = lms_value(lms, -2), sdm3 = lms_value(lms, -3);
    CHECK(who_z(sdm3 - 3 * (sdm2 - sdm3), lms) == doctest::Approx(-6));
    for (double z : {-7.0, -6.0, -3.5, -1.0, 0.0, 2.5, 5.0, 9.0})
        CHECK(who_z(who_value(lms, z), lms) == doctest::Approx(z));

    // CDC: the modified z-score equals the z-score at 0 and +/-2 SD, and is linear in weight
    // on each side of the median.
    Lms cdc = weight_for_age_lms(GrowthReference::cdc_2000, Sex::female, 180);
    CHECK(cdc_modified_z(cdc.m, cdc) == doctest::Approx(0));
    CHECK(cdc_modified_z(lms_value(cdc, 2), cdc) == doctest::Approx(2));
    CHECK(cdc_modified_z(lms_value(cdc, -2), cdc) == doctest::Approx(-2));
    double per_unit = (lms_value(cdc, 2) - cdc.m) / 2;
    CHECK(cdc_modified_z(cdc.m + 8 * per_unit, cdc) == doctest::Approx(8));
    for (double z : {-5.0, -1.0, 3.0, 8.0})
        CHECK(cdc_modified_z(cdc_modified_value(cdc, z), cdc) == doctest::Approx(z));
}

TEST_CASE("growth: every CDC row has finite +/-3 SD weights (1 + L S z stays positive)") {
    for (Sex sex : {Sex::male, Sex::female})
        for (double age = 24; age <= 240; age += 0.5) {
            Lms lms = weight_for_age_lms(GrowthReference::cdc_2000, sex, age);
            INFO(to_string(sex) << " " << age);
            CHECK(std::isfinite(lms_value(lms, 3)));
            CHECK(lms_value(lms, 3) > lms_value(lms, 2));
            CHECK(lms_value(lms, -3) > 0);
        }
}
