// The plan rules against the numbers of their sources: WHO 2005 "The treatment of diarrhoea"
// (assessment, Plans A/B/C and the Plan B table), Holliday and Segar 1957, CDC MMWR 2003
// (10 mL/kg per stool, 2 mL/kg per vomit), WHO 1999 severe malnutrition (ReSoMal rates), WHO
// growth standards (weight-for-age medians), the reference's red flags.
#include "orscalc/plan.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <initializer_list>
#include <string>
#include <utility>

using namespace orscalc;

namespace {

const PlanData& data() {
    static const PlanData d = plan_data(Library::load());
    return d;
}

Plan plan_of(std::initializer_list<std::pair<const char*, const char*>> fields) {
    PlanRequest r;
    for (const auto& [field, text] : fields)
        set_plan_field(r, field, text);
    return make_plan(r, data());
}

std::string error_of(std::initializer_list<std::pair<const char*, const char*>> fields) {
    try {
        plan_of(fields);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("Holliday-Segar: 100/50/20 mL/kg/day and 4-2-1 mL/kg/h at the band edges") {
    CHECK(holliday_segar_ml_per_day(9) == doctest::Approx(900));
    CHECK(holliday_segar_ml_per_day(10) == doctest::Approx(1000));
    CHECK(holliday_segar_ml_per_day(20) == doctest::Approx(1500));
    CHECK(holliday_segar_ml_per_day(21) == doctest::Approx(1520));
    CHECK(holliday_segar_ml_per_day(70) == doctest::Approx(2500)); // no adult cap in the source
    CHECK(holliday_segar_ml_per_hour(9) == doctest::Approx(36));
    CHECK(holliday_segar_ml_per_hour(10) == doctest::Approx(40));
    CHECK(holliday_segar_ml_per_hour(20) == doctest::Approx(60));
    CHECK(holliday_segar_ml_per_hour(21) == doctest::Approx(61));
    CHECK(holliday_segar_ml_per_hour(70) == doctest::Approx(110));
    Plan p = plan_of({{"weight", "20kg"}});
    CHECK(p.maintenance_ml_per_day == doctest::Approx(1500));
    CHECK(p.maintenance_ml_per_hour == doctest::Approx(60));
}

TEST_CASE("WHO Plan B table: every row, by weight and by age, at its edges") {
    struct Row {
        double below_kg, at_kg, below_months, at_months, ml_min, ml_max;
    };
    // WHO 2005 chart 3: < 4 months (< 5 kg) 200-400 mL; 4-11 months (5-7.9 kg) 400-600;
    // 12-23 months (8-10.9 kg) 600-800; 2-4 years (11-15.9 kg) 800-1200; 5-14 years
    // (16-29.9 kg) 1200-2200; 15 years or more (30 kg or more) 2200-4000.
    const Row rows[] = {
        {-1, 0.5, -1, 0, 200, 400},       {4.9, 5, 3.9, 4, 400, 600},
        {7.9, 8, 11.9, 12, 600, 800},     {10.9, 11, 23.9, 24, 800, 1200},
        {15.9, 16, 59.9, 60, 1200, 2200}, {29.9, 30, 179.9, 180, 2200, 4000},
    };
    REQUIRE(plan_b_table().size() == 6);
    for (std::size_t i = 0; i < std::size(rows); ++i) {
        const Row& row = rows[i];
        CAPTURE(i);
        CHECK(plan_b_row_for_weight(row.at_kg).ml_min == row.ml_min);
        CHECK(plan_b_row_for_weight(row.at_kg).ml_max == row.ml_max);
        CHECK(plan_b_row_for_age(row.at_months).ml_min == row.ml_min);
        CHECK(plan_b_row_for_age(row.at_months).ml_max == row.ml_max);
        if (row.below_kg > 0) {
            CHECK(plan_b_row_for_weight(row.below_kg).ml_max == rows[i - 1].ml_max);
            CHECK(plan_b_row_for_age(row.below_months).ml_max == rows[i - 1].ml_max);
        }
    }
    CHECK(plan_b_row_for_weight(250).ml_max == 4000);
    // 75 mL/kg falls inside the table's amount for weights in its bands.
    for (double kg : {3.0, 6.0, 9.0, 13.0, 20.0}) {
        CAPTURE(kg);
        const PlanBRow& row = plan_b_row_for_weight(kg);
        CHECK(75 * kg >= row.ml_min);
        CHECK(75 * kg <= row.ml_max);
    }
}

TEST_CASE("some dehydration: WHO Plan B, 75 mL/kg over 4 hours") {
    Plan p = plan_of({{"weight", "12kg"}, {"dehydration", "some"}});
    CHECK(p.category == DehydrationCategory::some);
    CHECK(p.rule == DehydrationRule::category);
    CHECK(p.deficit_ml == doctest::Approx(900));
    CHECK(*p.rehydration_ml == doctest::Approx(900));
    CHECK(*p.rehydration_hours == 4);
    CHECK(*p.rate_ml_per_hour == doctest::Approx(225));
    CHECK(*p.percent == doctest::Approx(7.5));
    CHECK(p.plan_b_row->ml_min == 800);
    CHECK_FALSE(p.seek_care);
    CHECK(p.oral_plan);
    CHECK(*p.sachets == 1);
    CHECK(p.foods);
    CHECK(p.has(PlanNote::caffeine_alcohol));
}

TEST_CASE("percent deficit: percent x kg x 10 mL, category by the WHO bands") {
    Plan p = plan_of({{"weight", "70kg"}, {"dehydration", "5%"}});
    CHECK(p.deficit_ml == doctest::Approx(3500));
    CHECK(p.category == DehydrationCategory::some);
    CHECK(p.rule == DehydrationRule::percent);
    CHECK(*p.rate_ml_per_hour == doctest::Approx(875));
    Plan mild = plan_of({{"weight", "12kg"}, {"dehydration", "3%"}});
    CHECK(mild.category == DehydrationCategory::none);
    CHECK(mild.deficit_ml == doctest::Approx(360));
    CHECK(plan_of({{"weight", "12kg"}, {"dehydration", "10%"}}).category ==
          DehydrationCategory::some);
    Plan severe = plan_of({{"weight", "12kg"}, {"dehydration", "11%"}});
    CHECK(severe.category == DehydrationCategory::severe);
    CHECK(severe.seek_care);
    CHECK_FALSE(severe.oral_plan);
    // WHO Plan C: 100 mL/kg of Ringer's lactate, whatever percentage was given.
    REQUIRE(severe.iv_ml);
    CHECK(*severe.iv_ml == doctest::Approx(1200));
    CHECK_FALSE(mild.iv_ml);
}

TEST_CASE("no dehydration: WHO Plan A, no deficit, amounts after each stool by age") {
    Plan p = plan_of({{"weight", "12kg"}, {"dehydration", "none"}});
    CHECK(p.deficit_ml == 0);
    CHECK(*p.rehydration_ml == 0);
    CHECK_FALSE(p.rate_ml_per_hour);
    CHECK_FALSE(p.plan_a_ml_per_stool); // no age, no Plan A amount by age
    CHECK(plan_a_ml_per_stool(18).min_ml == 50);
    CHECK(plan_a_ml_per_stool(18).max_ml == 100);
    CHECK(plan_a_ml_per_stool(24).min_ml == 100);
    CHECK(plan_a_ml_per_stool(119).max_ml == 200);
    CHECK(std::isinf(plan_a_ml_per_stool(12 * 12).max_ml)); // as much as wanted
    Plan aged = plan_of({{"age", "5y"}, {"dehydration", "none"}});
    REQUIRE(aged.plan_a_ml_per_stool);
    CHECK(aged.plan_a_ml_per_stool->max_ml == 200);
    Plan unassessed = plan_of({{"weight", "12kg"}});
    CHECK(unassessed.rule == DehydrationRule::not_assessed);
    CHECK(unassessed.has(PlanNote::dehydration_not_assessed));
}

TEST_CASE("ongoing losses: 10 mL/kg per watery stool, 2 mL/kg per vomit, measured replaces") {
    Plan p =
        plan_of({{"weight", "12kg"}, {"dehydration", "some"}, {"stools", "6"}, {"vomits", "2"}});
    CHECK(p.replacement_ml_per_stool == doctest::Approx(120));
    CHECK(p.replacement_ml_per_vomit == doctest::Approx(24));
    CHECK(*p.losses_ml_per_day == doctest::Approx(6 * 120 + 2 * 24));
    CHECK(p.fluid_ml == doctest::Approx(900 + 768));
    CHECK(*p.sachets == 2);
    CHECK(p.has(PlanNote::vomiting_go_slow));
    Plan measured =
        plan_of({{"weight", "12kg"}, {"stool-volume", "150mL"}, {"vomit-volume", "1/4 cup"}});
    CHECK(measured.replacement_ml_per_stool == doctest::Approx(150));
    CHECK(measured.stool_volume_measured);
    CHECK(measured.replacement_ml_per_vomit == doctest::Approx(59.147).epsilon(1e-4));
}

TEST_CASE("weight from age only when the weight is unknown: WHO weight-for-age medians") {
    // WHO Child Growth Standards 2006: 18 months boys 10.9, girls 10.2 kg -> mean 10.55.
    Plan p = plan_of({{"age", "18mo"}, {"dehydration", "some"}});
    CHECK(p.weight_estimated);
    CHECK(p.has(PlanNote::weight_estimated));
    CHECK(p.weight_kg == doctest::Approx(10.55));
    CHECK(p.deficit_ml == doctest::Approx(75 * 10.55));
    CHECK(p.plan_b_row->ml_min == 600); // by age: 12-23 months
    CHECK(*weight_for_age_kg(0) == doctest::Approx(3.25));
    CHECK(*weight_for_age_kg(24) == doctest::Approx(11.85));
    CHECK(*weight_for_age_kg(60) == doctest::Approx(18.25));
    CHECK(*weight_for_age_kg(21) == doctest::Approx((10.55 + 11.85) / 2));
    CHECK_FALSE(weight_for_age_kg(121));
    Plan given = plan_of({{"age", "18mo"}, {"weight", "9kg"}});
    CHECK_FALSE(given.weight_estimated);
    CHECK(given.weight_kg == 9);
    CHECK(contains(error_of({{"age", "12y"}}), "weight"));
}

TEST_CASE("WHO signs: two or more decide, severe before some") {
    auto category = [](const char* signs) {
        return plan_of({{"weight", "9kg"}, {"signs", signs}}).category;
    };
    CHECK(category("restless,sunken-eyes,drinks-eagerly") == DehydrationCategory::some);
    CHECK(category("restless;thirsty") == DehydrationCategory::some);
    CHECK(category("skin-pinch-slow") == DehydrationCategory::none);
    CHECK(category("lethargic,sunken-eyes") == DehydrationCategory::severe);
    CHECK(category("drinks-poorly,skin-pinch-very-slow") == DehydrationCategory::severe);
    // A very slow skin pinch is also a slow one: with thirst, two "some" signs.
    CHECK(category("skin-pinch-very-slow,thirsty") == DehydrationCategory::some);
    Plan p = plan_of({{"weight", "9kg"}, {"signs", "restless,sunken-eyes,drinks-eagerly"}});
    CHECK(p.rule == DehydrationRule::signs);
    CHECK(p.signs.some_signs == 3);
    CHECK(p.signs.severe_signs == 1);
    CHECK(p.deficit_ml == doctest::Approx(675));
    CHECK_FALSE(p.seek_care);
    // One severe sign alone is a danger sign: not severe dehydration, but seek care.
    Plan lethargic = plan_of({{"weight", "9kg"}, {"signs", "lethargic"}});
    CHECK(lethargic.category == DehydrationCategory::none);
    CHECK(lethargic.has(RedFlag::lethargy));
    CHECK(lethargic.seek_care);
    // Signs worse than the category given: the more severe one, said so.
    Plan worse =
        plan_of({{"weight", "9kg"}, {"dehydration", "none"}, {"signs", "restless,thirsty"}});
    CHECK(worse.category == DehydrationCategory::some);
    CHECK(worse.has(PlanNote::signs_override_category));
}

TEST_CASE("severe: no oral-only plan, Plan C volume, seek emergency care") {
    Plan p = plan_of({{"weight", "20kg"}, {"dehydration", "severe"}});
    CHECK_FALSE(p.oral_plan);
    CHECK(p.seek_care);
    CHECK(p.has(PlanNote::severe_plan_c));
    CHECK(p.deficit_ml == doctest::Approx(2000)); // 100 mL/kg IV (WHO Plan C)
    CHECK_FALSE(p.rehydration_ml);
    CHECK_FALSE(p.rate_ml_per_hour);
    CHECK_FALSE(p.foods);
    REQUIRE(p.steps().size() == 1);
    CHECK(p.steps()[0].step == ScheduleStep::to_hospital);
}

TEST_CASE("each red flag alone sets seek_care and only itself, the plan stays") {
    for (std::size_t i = 0; i < red_flag_count; ++i) {
        auto flag = static_cast<RedFlag>(i);
        CAPTURE(id_of(flag));
        std::string id(id_of(flag));
        Plan p = plan_of({{"weight", "12kg"}, {"dehydration", "some"}, {"symptoms", id.c_str()}});
        CHECK(p.seek_care);
        CHECK(p.red_flags == bit(flag));
        CHECK(p.has(PlanNote::seek_care));
        CHECK(p.oral_plan); // safe to start drinking on the way
        CHECK(p.rehydration_ml);
        CHECK(p.steps()[0].step == ScheduleStep::to_hospital);
        CHECK_FALSE(describe(flag).empty());
    }
}

TEST_CASE("red flags in combination, with synonyms and both separators") {
    Plan p = plan_of({{"weight", "30kg"},
                      {"symptoms", "blood-in-stool; cannot-keep-fluids-down,dark-urine"},
                      {"duration", "3d"}});
    CHECK(p.red_flags == (bit(RedFlag::blood_in_stool) | bit(RedFlag::persistent_vomiting) |
                          bit(RedFlag::very_dark_urine) | bit(RedFlag::diarrhoea_over_48h)));
    CHECK(p.seek_care);
    Plan severe =
        plan_of({{"weight", "30kg"}, {"dehydration", "severe"}, {"symptoms", "confusion"}});
    CHECK(severe.seek_care);
    CHECK(severe.has(RedFlag::confusion));
    CHECK_FALSE(severe.oral_plan);
}

TEST_CASE("duration: over 48 hours is a red flag, 48 hours is not") {
    CHECK_FALSE(plan_of({{"weight", "12kg"}, {"duration", "48h"}}).seek_care);
    CHECK_FALSE(plan_of({{"weight", "12kg"}, {"duration", "2d"}}).seek_care);
    CHECK_FALSE(plan_of({{"weight", "12kg"}, {"duration", "2880min"}}).seek_care);
    CHECK(plan_of({{"weight", "12kg"}, {"duration", "2881min"}}).seek_care);
    CHECK(plan_of({{"weight", "12kg"}, {"duration", "49h"}}).has(RedFlag::diarrhoea_over_48h));
    CHECK(plan_of({{"weight", "12kg"}, {"duration", "3d"}}).seek_care);
    CHECK(plan_of({{"weight", "12kg"}, {"duration", "1wk"}}).seek_care);
}

TEST_CASE("young infant under 6 months: breastfeeding, sachets, teaspoons") {
    Plan p = plan_of({{"age", "3mo"}, {"weight", "5.5kg"}, {"dehydration", "some"}});
    CHECK(p.has(PlanNote::infant_under_6_months));
    CHECK(p.has(PlanNote::infant_not_breastfed_water));
    CHECK_FALSE(p.foods);
    CHECK(p.deficit_ml == doctest::Approx(412.5));
    REQUIRE(p.plan_a_ml_per_stool);
    CHECK(p.plan_a_ml_per_stool->max_ml == 100);
    const ScheduleItem& drink = p.steps()[0];
    CHECK(drink.step == ScheduleStep::rehydrate);
    CHECK(drink.sip_ml == 5); // a teaspoon (WHO: under 2 years, every 1-2 minutes)
    CHECK(drink.sip_every_minutes == doctest::Approx(5 / (412.5 / 4 / 60)));
    CHECK_FALSE(plan_of({{"age", "6mo"}, {"weight", "7kg"}}).has(PlanNote::infant_under_6_months));
}

TEST_CASE("severe acute malnutrition: ReSoMal, 5 mL/kg every 30 min for 2 h, then 5-10 mL/kg/h") {
    Plan p = plan_of({{"weight", "8kg"}, {"dehydration", "some"}, {"sam", "yes"}});
    CHECK(p.resomal);
    CHECK(p.has(PlanNote::sam_resomal));
    CHECK_FALSE(p.sachets);
    CHECK_FALSE(p.foods);
    CHECK(*p.rate_ml_per_hour == doctest::Approx(80)); // 10 mL/kg/h
    REQUIRE(p.steps().size() >= 2);
    const ScheduleItem& first = p.steps()[0];
    CHECK(first.step == ScheduleStep::rehydrate_slow);
    CHECK(first.sip_ml == doctest::Approx(40)); // 5 mL/kg
    CHECK(first.sip_every_minutes == 30);
    CHECK(first.to_hour == doctest::Approx(2));
    const ScheduleItem& then = p.steps()[1];
    CHECK(then.step == ScheduleStep::rehydrate_sam);
    CHECK(then.rate_ml_per_hour >= 5 * 8);
    CHECK(then.rate_ml_per_hour <= 10 * 8);
    CHECK(then.to_hour - then.from_hour <= 10 + 1e-9);
    // ReSoMal (WHO 1999 table 4): 45 mmol/L sodium, 40 potassium, 3 magnesium.
    CHECK(p.delivered.sodium == doctest::Approx(0.6 * 45));
    CHECK(p.delivered.potassium == doctest::Approx(0.6 * 40));
    CHECK(p.delivered.magnesium == doctest::Approx(0.6 * 3));
}

TEST_CASE("delivered electrolytes come from the ORS sachet's grams, losses by cause") {
    // WHO/FCH/CAH/06.1 grams give Na 74.07, K 20.12, Cl 64.61 mmol/L (IUPAC masses).
    CHECK(data().ors_mmol_per_l.sodium == doctest::Approx(74.07).epsilon(1e-3));
    CHECK(data().ors_mmol_per_l.potassium == doctest::Approx(20.12).epsilon(1e-3));
    CHECK(data().ors_mmol_per_l.magnesium == 0);
    Plan p = plan_of({{"weight", "12kg"}, {"dehydration", "some"}});
    CHECK(p.delivered.sodium == doctest::Approx(0.9 * 74.07).epsilon(1e-3));
    CHECK_FALSE(p.stool_losses);
    // WHO 2005 annex: cholera in adults 130 Na, 20 K, 100 Cl, 44 HCO3 mmol/L.
    Plan c = plan_of({{"weight", "70kg"},
                      {"age", "30y"},
                      {"dehydration", "5%"},
                      {"stools", "8"},
                      {"cause", "cholera"}});
    REQUIRE(c.stool_losses);
    CHECK(c.losses_adult);
    CHECK(c.stool_losses->sodium == doctest::Approx(8 * 0.7 * 130));
    CHECK(c.stool_losses->bicarbonate == doctest::Approx(8 * 0.7 * 44));
    // Children: cholera 101 Na, 27 K; non-cholera 56 Na, 25 K.
    Plan child = plan_of({{"weight", "10kg"}, {"stools", "5"}, {"cause", "cholera"}});
    CHECK(child.stool_losses->sodium == doctest::Approx(0.5 * 101));
    CHECK(child.stool_losses->potassium == doctest::Approx(0.5 * 27));
    Plan other = plan_of({{"weight", "10kg"}, {"stools", "5"}});
    CHECK(other.losses_basis == StoolCause::non_cholera);
    CHECK(other.has(PlanNote::cause_assumed_non_cholera));
    CHECK(other.stool_losses->sodium == doctest::Approx(0.5 * 56));
}

TEST_CASE("foods: servings from the library, unknown stays unknown") {
    REQUIRE(data().foods.size() >= 6);
    const FoodServing& banana = data().foods.front();
    CHECK(banana.id == "banana");
    // USDA: 358 mg K per 100 g, 118 g medium banana: 422.4 mg = 10.80 mmol.
    CHECK(*banana.potassium_mmol == doctest::Approx(358 * 1.18 / 39.098).epsilon(1e-3));
    for (const auto& f : data().foods)
        if (f.id == "chicken-broth") CHECK_FALSE(f.potassium_mmol);
}

TEST_CASE("set_plan_field: one parser, errors name the field and the text") {
    auto message = [](const char* field, const char* text) {
        PlanRequest r;
        try {
            set_plan_field(r, field, text);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    CHECK(contains(message("weight", "-3kg"), "weight '-3kg'"));
    CHECK(contains(message("weight", "300kg"), "weight '300kg'"));
    CHECK(contains(message("weight", "0kg"), "weight '0kg'"));
    CHECK(contains(message("weight", "12"), "missing unit"));
    CHECK(contains(message("weight", "12mL"), "weight '12mL'"));
    CHECK(contains(message("age", "3kg"), "age '3kg'"));
    CHECK(contains(message("signs", "restles"), "did you mean 'restless'"));
    CHECK(contains(message("symptoms", "bloody"), "symptoms 'bloody'"));
    CHECK(contains(message("dehydration", "moderate"), "dehydration 'moderate'"));
    CHECK(contains(message("dehydration", "25%"), "dehydration '25%'"));
    CHECK(contains(message("stools", "-1"), "stools '-1'"));
    CHECK(contains(message("vomits", "2.5"), "vomits '2.5'"));
    CHECK(contains(message("cause", "typhoid"), "cause 'typhoid'"));
    CHECK(contains(message("sam", "maybe"), "sam 'maybe'"));
    CHECK(contains(message("duration", "3kg"), "duration '3kg'"));
    CHECK(contains(message("wieght", "12kg"), "did you mean 'weight'"));
    PlanRequest r;
    set_plan_field(r, "weight", " 26lb ");
    CHECK(*r.weight_kg == doctest::Approx(11.793).epsilon(1e-4));
    set_plan_field(r, "weight", "");
    CHECK_FALSE(r.weight_kg);
    set_plan_field(r, "sam", "true");
    CHECK(r.sam);
    set_plan_field(r, "dehydration", "Some");
    CHECK(*r.dehydration == DehydrationCategory::some);
    set_plan_field(r, "symptoms", "Blood-In-Stool");
    CHECK(r.symptoms == bit(RedFlag::blood_in_stool));
    set_plan_field(r, "cause", "CHOLERA");
    CHECK(r.cause == StoolCause::cholera);
    set_plan_field(r, "symptoms", "");
    CHECK(r.symptoms == 0);
    CHECK(plan_field_names().size() == 14); // + sex, weight-confirmed (issue 15)
}

TEST_CASE("make_plan validates combinations and direct requests") {
    CHECK(contains(error_of({{"dehydration", "some"}}), "weight or age"));
    PlanRequest r;
    r.weight_kg = -1;
    CHECK_THROWS_AS(make_plan(r, data()), InputError);
    r.weight_kg = 251;
    CHECK_THROWS_AS(make_plan(r, data()), InputError);
    r.weight_kg = 12;
    r.dehydration_percent = 40;
    CHECK_THROWS_AS(make_plan(r, data()), InputError);
}
