#pragma once
// Planning many patients in one pass (`plan --input`): a row of a patient file becomes a
// PlanRequest, and a running summary totals what the plans need. Pure: no I/O here.
#include "orscalc/patient_records.hpp"
#include "orscalc/plan.hpp"

#include <array>

namespace orscalc {

// The row's cells over `defaults` (the command line's flags apply to every row unless the
// row says otherwise). Throws InputError "FIELD 'TEXT': why" for a bad cell.
PlanRequest plan_request(const PatientRecord& record, const PlanRequest& defaults);

// Supplies and counts over a batch. Nothing is lost: rows_in == planned + rejected.
struct BatchSummary {
    long rows_in = 0;
    long planned = 0;
    long rejected = 0;
    long seek_care = 0;                // any red flag, or severe dehydration
    long weights_estimated = 0;        // from age
    long weights_to_check = 0;         // planned, but the weight is unusual for the age (issue 15)
    std::array<long, 3> by_category{}; // none, some, severe
    long resomal_plans = 0;
    double rehydration_ml = 0; // first phase of the oral plans
    double ors_ml = 0;         // ORS over the plans (first phase + a day of losses)
    long ors_sachets = 0;
    double resomal_ml = 0;  // ReSoMal for the SAM plans (prepared apart)
    Electrolytes delivered; // mmol over every plan

    void add(const Plan& plan);
    void reject() {
        ++rows_in;
        ++rejected;
    }
};

} // namespace orscalc
