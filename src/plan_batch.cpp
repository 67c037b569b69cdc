#include "orscalc/plan_batch.hpp"

namespace orscalc {

PlanRequest plan_request(const PatientRecord& record, const PlanRequest& defaults) {
    PlanRequest request = defaults;
    for (const auto& [field, text] : record.fields)
        set_plan_field(request, field, text);
    return request;
}

void BatchSummary::add(const Plan& plan) {
    ++rows_in;
    ++planned;
    seek_care += plan.seek_care ? 1 : 0;
    weights_estimated += plan.weight_estimated ? 1 : 0;
    weights_to_check += plan.weight_check.level != WeightLevel::plausible ? 1 : 0;
    ++by_category[static_cast<std::size_t>(plan.category)];
    rehydration_ml += plan.rehydration_ml.value_or(0);
    if (plan.resomal) {
        ++resomal_plans;
        resomal_ml += plan.fluid_ml;
    } else {
        ors_ml += plan.fluid_ml;
        ors_sachets += plan.sachets.value_or(0);
    }
    delivered.sodium += plan.delivered.sodium;
    delivered.potassium += plan.delivered.potassium;
    delivered.chloride += plan.delivered.chloride;
    delivered.glucose += plan.delivered.glucose;
    delivered.magnesium += plan.delivered.magnesium;
    delivered.citrate += plan.delivered.citrate;
    delivered.bicarbonate += plan.delivered.bicarbonate;
}

} // namespace orscalc
