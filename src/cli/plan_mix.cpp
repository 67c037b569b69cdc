// `plan --have`: the mixture for one batch of the plan's fluid, beside the plan. The recipe is
// the `mix` answer itself (same report); the plan adds what a person needs to know about it.
#include "mix_report.hpp"
#include "plan_report.hpp"

#include <fmt/format.h>

namespace orscalc::cli {
namespace {

std::string have_words(const MixResult& mix) {
    std::string out;
    for (const auto& a : mix.amounts)
        out += (out.empty() ? "" : ", ") + (a.ingredient ? a.ingredient->id : "water");
    return out;
}

} // namespace

void add_plan_mix(Report& report, const Plan& plan, const MixResult& mix) {
    const double batch_ml = mix.volume_ml;
    std::string fresh = "keep a made-up batch at most 24 hours, then make it fresh (WHO 2005)";
    auto& notes = report["notes"];
    if (plan.oral_plan && plan.rehydration_ml && *plan.rehydration_ml > 0)
        notes.push_back(fmt::format("the mixture (--have) is for a batch of {:g} mL: the first "
                                    "phase ({:g} mL) rounded up to whole litres; {}",
                                    rounded(batch_ml, 0), rounded(*plan.rehydration_ml, 0), fresh));
    else
        notes.push_back(fmt::format("the mixture (--have) is for a batch of {:g} mL (no first "
                                    "phase to size it by); {}",
                                    rounded(batch_ml, 0), fresh));
    auto& warnings = report["warnings"];
    if (!mix.feasible) {
        warnings.push_back(
            fmt::format("no safe mixture could be made from the ingredients given (--have): {}",
                        plan.resomal ? "use ReSoMal from the health facility" : "use ORS sachets"));
    } else if (plan.has(PlanNote::infant_under_6_months)) {
        // WHO 2005: at this age a homemade mix is easy to get wrong; sachets first.
        warnings.push_back(fmt::format("under 6 months: a homemade mixture ({}) is easy to get "
                                       "wrong at this age: use it only when no ORS sachets can be "
                                       "had, measured exactly",
                                       have_words(mix)));
    }
    report["mix"] = mix_report(mix);
}

} // namespace orscalc::cli
