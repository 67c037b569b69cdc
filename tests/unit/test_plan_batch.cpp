#include "orscalc/error.hpp"
#include "orscalc/plan_batch.hpp"

#include <doctest/doctest.h>

using namespace orscalc;

namespace {

const PlanData& shipped_plan_data() {
    static const Library lib = Library::load();
    static const PlanData data = plan_data(lib);
    return data;
}

PatientRecord record(std::vector<std::pair<std::string_view, std::string>> fields) {
    PatientRecord r;
    r.row = 1;
    r.line = 2;
    r.id = "P1";
    r.fields = std::move(fields);
    return r;
}

} // namespace

TEST_CASE("batch: a row's cells override the command line's defaults") {
    PlanRequest defaults;
    set_plan_field(defaults, "cause", "cholera");
    set_plan_field(defaults, "dehydration", "some");
    PlanRequest r = plan_request(record({{"weight", "12kg"}, {"dehydration", "none"}}), defaults);
    CHECK(r.weight_kg == doctest::Approx(12));
    CHECK(r.dehydration == DehydrationCategory::none);
    CHECK(r.cause == StoolCause::cholera);
}

TEST_CASE("batch: a bad cell names its field") {
    CHECK_THROWS_WITH_AS(plan_request(record({{"weight", "-3kg"}}), {}),
                         doctest::Contains("weight '-3kg'"), InputError);
}

TEST_CASE("batch summary: rows in = planned + rejected, and totals of the plans") {
    const PlanData& data = shipped_plan_data();
    BatchSummary s;
    // WHO Plan B: 75 mL/kg over 4 h -> 900 mL for 12 kg.
    Plan some =
        make_plan(plan_request(record({{"weight", "12kg"}, {"dehydration", "some"}}), {}), data);
    Plan severe =
        make_plan(plan_request(record({{"weight", "20kg"}, {"dehydration", "severe"}}), {}), data);
    s.add(some);
    s.add(severe);
    s.reject();
    CHECK(s.rows_in == 3);
    CHECK(s.planned == 2);
    CHECK(s.rejected == 1);
    CHECK(s.seek_care == 1);
    CHECK(s.by_category == std::array<long, 3>{0, 1, 1});
    CHECK(s.rehydration_ml == doctest::Approx(900));
    CHECK(s.ors_ml == doctest::Approx(some.fluid_ml + severe.fluid_ml));
    CHECK(s.ors_sachets == some.sachets.value_or(0) + severe.sachets.value_or(0));
    CHECK(s.delivered.sodium == doctest::Approx(some.delivered.sodium + severe.delivered.sodium));
}
