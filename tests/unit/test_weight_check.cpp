// The weight check (issue 15, docs/decisions/0020): every threshold from both sides at
// several ages and both sexes, the missing sex, the unit slips, the birth-weight bands, and
// what make_plan does with each (warn, refuse, refer).
#include "orscalc/patient_records.hpp"
#include "orscalc/plan.hpp"
#include "orscalc/weight_check.hpp"

#include <algorithm>

#include <doctest/doctest.h>
#include <initializer_list>
#include <string>
#include <utility>

using namespace orscalc;

namespace {

using Fields = std::initializer_list<std::pair<const char*, const char*>>;

// What make_plan makes of these fields: the plan, or the text of the InputError it throws.
struct Outcome {
    std::optional<Plan> plan;
    std::string error;
};

Outcome outcome_of(Fields fields) {
    static const PlanData data = plan_data(Library::load());
    PlanRequest request;
    try {
        for (const auto& [field, text] : fields)
            set_plan_field(request, field, text);
        return {make_plan(request, data), {}};
    } catch (const InputError& e) {
        return {std::nullopt, e.what()};
    }
}

Plan plan_of(Fields fields) {
    Outcome o = outcome_of(fields);
    INFO(o.error);
    REQUIRE(o.plan);
    return *o.plan;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

WeightLevel level_at(double kg, double age_months, std::optional<Sex> sex) {
    return check_weight(kg, age_months, sex, false).level;
}

} // namespace

TEST_CASE("weight check: WHO thresholds, both sides of -6, -3, +3, +5, ages 0-10 y, both sexes") {
    // Weights a hair inside and outside each threshold, built on the reference's own scale.
    struct Edge {
        double z;
        WeightLevel inside, outside; // at z -/+ 0.01 towards the median, and away from it
    };
    const Edge edges[] = {
        {-6, WeightLevel::unusual, WeightLevel::implausible},
        {-3, WeightLevel::plausible, WeightLevel::unusual},
        {3, WeightLevel::plausible, WeightLevel::unusual},
        {5, WeightLevel::unusual, WeightLevel::implausible},
    };
    for (double age : {0.5, 6.0, 24.0, 54.0, 60.0, 84.0, 120.0})
        for (Sex sex : {Sex::male, Sex::female})
            for (const auto& e : edges) {
                Lms lms = weight_for_age_lms(weight_reference_for_age(age), sex, age);
                double toward = e.z > 0 ? -0.01 : 0.01;
                INFO(age << " mo " << to_string(sex) << " z " << e.z);
                CHECK(level_at(who_value(lms, e.z + toward), age, sex) == e.inside);
                CHECK(level_at(who_value(lms, e.z - toward), age, sex) == e.outside);
            }
}

TEST_CASE("weight check: CDC thresholds 10-20 y: LMS z +/-3, modified z -5 and +8") {
    for (double age : {121.0, 150.0, 200.0, 239.0})
        for (Sex sex : {Sex::male, Sex::female}) {
            Lms lms = weight_for_age_lms(GrowthReference::cdc_2000, sex, age);
            INFO(age << " mo " << to_string(sex));
            CHECK(level_at(lms_value(lms, 2.99), age, sex) == WeightLevel::plausible);
            CHECK(level_at(lms_value(lms, 3.01), age, sex) == WeightLevel::unusual);
            CHECK(level_at(lms_value(lms, -2.99), age, sex) == WeightLevel::plausible);
            CHECK(level_at(lms_value(lms, -3.01), age, sex) == WeightLevel::unusual);
            CHECK(level_at(cdc_modified_value(lms, 7.99), age, sex) == WeightLevel::unusual);
            CHECK(level_at(cdc_modified_value(lms, 8.01), age, sex) == WeightLevel::implausible);
            CHECK(level_at(cdc_modified_value(lms, -4.99), age, sex) == WeightLevel::unusual);
            CHECK(level_at(cdc_modified_value(lms, -5.01), age, sex) == WeightLevel::implausible);
            // Severe underweight is WHO's term, for its references (to 10 years) only.
            CHECK_FALSE(check_weight(lms_value(lms, -3.5), age, sex, false).severe_underweight);
        }
}

TEST_CASE("weight check: adults against the CDC 20-year row, refused under 22.7 kg") {
    Lms man = weight_for_age_lms(GrowthReference::cdc_2000, Sex::male, 240);
    WeightCheck c = check_weight(lms_value(man, 3.01), 360, Sex::male, false);
    CHECK(c.adult);
    CHECK(c.level == WeightLevel::unusual);
    CHECK(level_at(lms_value(man, 2.99), 360, Sex::male) == WeightLevel::plausible);
    CHECK(level_at(lms_value(man, -2.99), 360, Sex::male) == WeightLevel::plausible);
    CHECK(level_at(lms_value(man, -3.01), 360, Sex::male) == WeightLevel::unusual);
    CHECK(level_at(22.8, 360, Sex::female) == WeightLevel::unusual);
    CHECK(level_at(22.6, 360, Sex::female) == WeightLevel::implausible);
    // No upper refusal for adults below the parser's 250 kg: heavy adults are real.
    CHECK(level_at(249, 600, std::nullopt) == WeightLevel::unusual);
    CHECK(level_at(70, 600, std::nullopt) == WeightLevel::plausible);
}

TEST_CASE("weight check: without a sex, the band that covers both sexes") {
    // At 2 years boys weigh more than girls: a weight above the girls' +3 SD but inside the
    // boys' is unusual for a girl, plausible when the sex is not given.
    Lms boys = weight_for_age_lms(GrowthReference::who_2006, Sex::male, 24);
    Lms girls = weight_for_age_lms(GrowthReference::who_2006, Sex::female, 24);
    double kg = (lms_value(boys, 3) + lms_value(girls, 3)) / 2;
    REQUIRE(lms_value(girls, 3) < kg);
    CHECK(level_at(kg, 24, Sex::female) == WeightLevel::unusual);
    CHECK(level_at(kg, 24, Sex::male) == WeightLevel::plausible);
    WeightCheck c = check_weight(kg, 24, std::nullopt, false);
    CHECK(c.level == WeightLevel::plausible);
    CHECK_FALSE(c.sex_given);
    CHECK(unusual_band(c).high_kg == doctest::Approx(lms_value(boys, 3)));
    CHECK(unusual_band(c).low_kg == doctest::Approx(lms_value(girls, -3)));
    CHECK(unusual_band(check_weight(kg, 24, Sex::female, false)).high_kg ==
          doctest::Approx(lms_value(girls, 3)));
    // Below the boys' -3 SD but above the girls': severe underweight only for a boy.
    double low = (lms_value(boys, -3) + lms_value(girls, -3)) / 2;
    CHECK(check_weight(low, 24, Sex::male, false).severe_underweight);
    CHECK_FALSE(check_weight(low, 24, std::nullopt, false).severe_underweight);
}

TEST_CASE("weight check: a 2-year-old at 70 kg is implausible, with the words of the issue") {
    WeightCheck c = check_weight(70, 24, std::nullopt, false);
    CHECK(c.level == WeightLevel::implausible);
    CHECK(c.z > 5);
    // Girls' z is the less extreme (their upper tail is wider); both medians are shown.
    CHECK(c.sex == Sex::female);
    CHECK(c.lms.m == doctest::Approx(11.4809));
    REQUIRE(c.other_lms);
    CHECK(c.other_lms->m == doctest::Approx(12.1548));
    CHECK(weight_finding_words(c).starts_with(
        "70 kg is far above what a 2-year-old weighs (median 11.5-12.2 kg"));
    CHECK(has(weight_refusal_words(c), "--weight-confirmed"));
    CHECK_FALSE(c.other_unit_kg); // 70 lb = 31.8 kg is no 2-year-old's weight either
}

TEST_CASE("weight check: pounds typed as kilograms, and kilograms typed as pounds") {
    // 26 kg for a 2-year-old: 26 lb (11.8 kg) is the median child.
    WeightCheck kg_for_lb = check_weight(26, 24, std::nullopt, false);
    CHECK(kg_for_lb.level == WeightLevel::implausible);
    REQUIRE(kg_for_lb.other_unit_kg);
    CHECK(*kg_for_lb.other_unit_kg == doctest::Approx(26 * 0.45359237));
    CHECK(unit_slip_words(kg_for_lb) == "did you mean 26 lb (11.8 kg)?");
    CHECK(has(weight_refusal_words(kg_for_lb), "did you mean 26 lb (11.8 kg)?"));
    // 16 lb (7.3 kg) for a 4-year-old: 16 kg is plausible.
    WeightCheck lb_for_kg = check_weight(16 * 0.45359237, 48, std::nullopt, true);
    CHECK(lb_for_kg.level != WeightLevel::plausible);
    CHECK(lb_for_kg.severe_underweight);
    REQUIRE(lb_for_kg.other_unit_kg);
    CHECK(unit_slip_words(lb_for_kg) == "16 lb = 7.3 kg; did you mean 16 kg?");
    // A plausible weight gets no hint, whatever its unit.
    CHECK_FALSE(check_weight(12, 24, std::nullopt, true).other_unit_kg);
}

TEST_CASE("weight check: birth-weight bands at 2.5 and 1.5 kg, both sides") {
    CHECK(check_weight(2.5, std::nullopt, std::nullopt, false).birth_weight ==
          BirthWeightBand::normal);
    CHECK(check_weight(2.49, std::nullopt, std::nullopt, false).birth_weight ==
          BirthWeightBand::low);
    CHECK(check_weight(1.5, std::nullopt, std::nullopt, false).birth_weight ==
          BirthWeightBand::low);
    CHECK(check_weight(1.49, std::nullopt, std::nullopt, false).birth_weight ==
          BirthWeightBand::very_low);
    // Without an age nothing else is judged.
    CHECK(check_weight(200, std::nullopt, std::nullopt, false).level == WeightLevel::plausible);
}

TEST_CASE("weight check: codes for scripts") {
    WeightCheck c = check_weight(16 * 0.45359237, 48, std::nullopt, true);
    WeightCodes codes = weight_codes(c);
    REQUIRE(codes.size == 3);
    CHECK(codes.codes[0] == "weight_below_age");
    CHECK(codes.codes[1] == "severe_underweight");
    CHECK(codes.codes[2] == "unit_slip");
    CHECK(weight_codes(check_weight(2, std::nullopt, std::nullopt, false)).codes[0] ==
          "low_birth_weight");
    CHECK(weight_codes(check_weight(12, 24, std::nullopt, false)).size == 0);
}

TEST_CASE("weight check: age words") {
    CHECK(age_words(0.5) == "a newborn");
    CHECK(age_words(7.9) == "a 7-month-old");
    CHECK(age_words(18) == "an 18-month-old");
    CHECK(age_words(24) == "a 2-year-old");
    CHECK(age_words(8 * 12 + 3) == "an 8-year-old");
    CHECK(age_words(30 * 12) == "a 30-year-old");
}

TEST_CASE("plan: an implausible weight is refused naming the weight, or planned if confirmed") {
    std::string why =
        outcome_of({{"age", "2y"}, {"weight", "70kg"}, {"dehydration", "some"}}).error;
    CHECK(why.starts_with(
        "weight: 70 kg is far above what a 2-year-old weighs (median 11.5-12.2 kg"));
    Plan p = plan_of(
        {{"age", "2y"}, {"weight", "70kg"}, {"dehydration", "some"}, {"weight-confirmed", "yes"}});
    CHECK(p.weight_check.confirmed);
    CHECK(p.weight_check.level == WeightLevel::implausible);
    CHECK(p.deficit_ml == doctest::Approx(75 * 70));
    // An adult of 12 lb (5.4 kg): refused, and the pounds are named.
    std::string adult =
        outcome_of({{"age", "30y"}, {"weight", "12lb"}, {"dehydration", "some"}}).error;
    CHECK(adult.starts_with("weight: 5.4 kg (12 lb) is far below what a 30-year-old weighs"));
    CHECK(has(adult, "22.7 kg"));
}

TEST_CASE("plan: an unusual weight is planned with its check, an estimated weight is not checked") {
    Plan p = plan_of({{"age", "4y"}, {"weight", "16lb"}, {"sex", "female"}});
    CHECK(p.weight_check.level != WeightLevel::plausible);
    CHECK(p.weight_check.sex_given);
    CHECK(p.weight_check.severe_underweight);
    Plan estimated = plan_of({{"age", "4y"}});
    CHECK(estimated.weight_estimated);
    CHECK(estimated.weight_check.level == WeightLevel::plausible);
    CHECK_FALSE(estimated.weight_check.age_months);
}

TEST_CASE("plan: under 2.5 kg the plan refers (seek care), under 1 kg there is no plan") {
    Plan two = plan_of({{"weight", "2kg"}, {"dehydration", "none"}});
    CHECK(two.seek_care);
    CHECK(two.weight_check.birth_weight == BirthWeightBand::low);
    CHECK(two.steps()[0].step == ScheduleStep::to_hospital);
    Plan small = plan_of({{"weight", "1.2kg"}, {"dehydration", "none"}});
    CHECK(small.weight_check.birth_weight == BirthWeightBand::very_low);
    CHECK(small.seek_care);
    CHECK_FALSE(plan_of({{"weight", "2.5kg"}, {"dehydration", "none"}}).seek_care);
    std::string why = outcome_of({{"weight", "0.8kg"}, {"dehydration", "none"}}).error;
    CHECK(why.starts_with("weight '0.8kg': 0.8 kg is under 1 kg, an extremely low birth weight"));
    CHECK(outcome_of({{"weight", "1kg"}}).plan);
    CHECK(outcome_of({{"weight", "0.99kg"}})
              .error.starts_with("weight '0.99kg': 0.99 kg is under 1 kg"));
}

TEST_CASE("plan fields: sex and weight-confirmed, as flags and batch columns") {
    PlanRequest r;
    set_plan_field(r, "sex", "F");
    CHECK(r.sex == Sex::female);
    set_plan_field(r, "sex", "Male");
    CHECK(r.sex == Sex::male);
    set_plan_field(r, "sex", "");
    CHECK_FALSE(r.sex);
    CHECK_THROWS_WITH_AS(set_plan_field(r, "sex", "x"),
                         doctest::Contains("sex 'x': expected female or male"), InputError);
    set_plan_field(r, "weight-confirmed", "yes");
    CHECK(r.weight_confirmed);
    CHECK_THROWS_WITH_AS(set_plan_field(r, "weight-confirmed", "maybe"),
                         doctest::Contains("weight-confirmed 'maybe': expected yes or no"),
                         InputError);
    set_plan_field(r, "weight", "26lb");
    CHECK(r.weight_in_lb);
    set_plan_field(r, "weight", "12kg");
    CHECK_FALSE(r.weight_in_lb);
}

TEST_CASE("plan fields: every field of the one parser is a patient-file column") {
    for (std::string_view field : plan_field_names())
        CHECK_MESSAGE(std::find(patient_fields.begin(), patient_fields.end(), field) !=
                          patient_fields.end(),
                      field);
}
