#pragma once
// Fluid and electrolyte plans for acute diarrhoea: the WHO assessment and treatment plans
// A/B/C, Holliday-Segar maintenance, CDC replacement of ongoing losses, red flags, and the
// special populations (young infants, severe acute malnutrition). Pure: no printing, no I/O.
//
// Two steps, so that batch planning stays cheap: plan_data() reads the Library once (ORS
// composition, ReSoMal, foods); make_plan() is then arithmetic only (no allocation, no
// lookup), callable millions of times.
#include "orscalc/library.hpp"
#include "orscalc/weight_check.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace orscalc {

enum class DehydrationCategory { none, some, severe };
// Which rule decided the category: the category as given, a percentage, the WHO signs, or
// nothing given (assumed none, and said so).
enum class DehydrationRule { not_assessed, category, percent, signs };
enum class StoolCause { not_given, cholera, non_cholera };

// The WHO assessment signs (WHO 2005, "The treatment of diarrhoea", chart 2; IMCI).
enum class AssessmentSign {
    lethargic,            // lethargic or unconscious (severe)
    sunken_eyes,          // severe and some
    drinks_poorly,        // not able to drink or drinking poorly (severe)
    skin_pinch_very_slow, // goes back very slowly (severe)
    restless,             // restless, irritable (some)
    drinks_eagerly,       // thirsty, drinks eagerly (some)
    skin_pinch_slow,      // goes back slowly (some)
};
inline constexpr std::size_t assessment_sign_count = 7;

// Seek medical care now (shared/reference/README.md, "Red flags"). diarrhoea_over_48h comes
// from the duration; the rest from --symptoms (and the matching severe signs).
enum class RedFlag {
    diarrhoea_over_48h,
    persistent_vomiting,
    blood_in_stool,
    pus_in_stool,
    severe_abdominal_pain,
    rapid_heartbeat,
    confusion,
    lethargy,
    fainting,
    very_dark_urine,
    skin_stays_tented,
    unable_to_drink,
    no_urine_8h,
    no_tears,
    sunken_eyes,
    unusually_sleepy,
};
inline constexpr std::size_t red_flag_count = 16;

// Bit sets over the enums above (bit i = enumerator i): no allocation per plan.
using SignSet = std::uint32_t;
using RedFlagSet = std::uint32_t;
constexpr std::uint32_t bit(auto e) {
    return std::uint32_t{1} << static_cast<unsigned>(e);
}

std::string_view to_string(DehydrationCategory category); // "none", "some", "severe"
std::string_view to_string(DehydrationRule rule);         // "not-assessed", "category", ...
std::string_view to_string(StoolCause cause);             // "", "cholera", "non-cholera"
std::string_view id_of(AssessmentSign sign);              // "sunken-eyes"
std::string_view id_of(RedFlag flag);                     // "blood-in-stool"
std::string_view describe(RedFlag flag);                  // "blood or pus in the stool"
std::span<const std::string_view> assessment_sign_ids();  // every accepted spelling
std::span<const std::string_view> symptom_ids();          // every accepted spelling

// What the caller knows about the person; every field optional (unknown is not zero).
struct PlanRequest {
    std::optional<double> weight_kg;
    std::optional<double> age_months;
    std::optional<DehydrationCategory> dehydration; // --dehydration none|some|severe
    std::optional<double> dehydration_percent;      // --dehydration 5%
    SignSet signs = 0;                              // --signs
    std::optional<int> stools;                      // watery stools, last 24 h
    std::optional<int> vomits;                      // vomits, last 24 h
    std::optional<double> stool_volume_ml;          // measured, per stool
    std::optional<double> vomit_volume_ml;          // measured, per vomit
    RedFlagSet symptoms = 0;                        // --symptoms
    std::optional<double> duration_hours;           // --duration (of the diarrhoea)
    StoolCause cause = StoolCause::not_given;
    bool sam = false; // severe acute malnutrition: ReSoMal, slower rates

    // The weight check (issue 15, docs/decisions/0020).
    std::optional<Sex> sex;        // --sex; unknown: the band that covers both sexes
    bool weight_in_lb = false;     // the weight was written in pounds (for the unit-slip hint)
    bool weight_confirmed = false; // --weight-confirmed: plan an implausible weight anyway
};

// The field names set_plan_field accepts (the CLI flags without "--", the batch columns).
std::span<const std::string_view> plan_field_names();

// Parses one field from text exactly as the command line does and stores it; empty text
// clears the field (not given). Fields: weight, age, dehydration, stools, vomits, symptoms
// (ids separated by ',' or ';'), duration, signs (same), cause, sam (true/false/yes/no/1/0),
// stool-volume, vomit-volume, sex (female/male), weight-confirmed (as sam). Throws InputError
// "FIELD 'TEXT': why" (the CLI adds "--").
void set_plan_field(PlanRequest& request, std::string_view field, std::string_view text);

// Sane bounds, shared by the parser and make_plan.
inline constexpr double max_weight_kg = 250;
// Below 1 kg (extremely low birth weight, WHO ICD-10) no plan is made: docs/decisions/0020.
inline constexpr double min_weight_kg = extremely_low_birth_weight_kg;
inline constexpr double max_age_months = 120 * 12;

// mmol (or mmol/L) of what a fluid delivers or a stool loses.
struct Electrolytes {
    double sodium = 0;
    double potassium = 0;
    double chloride = 0;
    double glucose = 0; // glucose equivalent (glucose + sucrose)
    double magnesium = 0;
    double citrate = 0;
    double bicarbonate = 0;
};

// A food serving that rebuilds potassium, magnesium or sodium once solids are tolerated.
struct FoodServing {
    std::string id;
    std::string name;
    std::string serving;                  // "1 medium (118 g)"
    std::optional<double> potassium_mmol; // per serving; nullopt = unknown, never zero
    std::optional<double> magnesium_mmol;
    std::optional<double> sodium_mmol;
    std::string source;
};

// Everything make_plan needs from the Library, computed once.
struct PlanData {
    std::string ors_id;   // "who-ors-sachet"
    std::string ors_name; // its library name
    double ors_sachet_ml = 1000;
    Electrolytes ors_mmol_per_l;     // by the composition engine, from the sachet's grams
    std::string sam_target_id;       // "resomal", empty when the library has none
    Electrolytes resomal_mmol_per_l; // the target's ideal values
    std::vector<FoodServing> foods;
};

// Throws InputError when the library has no WHO ORS sachet.
PlanData plan_data(const Library& library);

// The WHO Plan B table (WHO 2005 manual, chart 3): age and weight bands -> mL in 4 h.
struct PlanBRow {
    double age_min_months, age_max_months; // [min, max); max = infinity for the last row
    double weight_min_kg, weight_max_kg;   // [min, max)
    double ml_min, ml_max;
};
std::span<const PlanBRow> plan_b_table();
const PlanBRow& plan_b_row_for_weight(double weight_kg);
const PlanBRow& plan_b_row_for_age(double age_months);

// WHO weight-for-age median (mean of boys and girls), linear between tabulated ages;
// nullopt above 10 years (the WHO reference stops there).
std::optional<double> weight_for_age_kg(double age_months);
// Holliday and Segar (Pediatrics 1957): 100/50/20 mL/kg/day; 4-2-1 mL/kg/h.
double holliday_segar_ml_per_day(double weight_kg);
double holliday_segar_ml_per_hour(double weight_kg);

// WHO Plan A amount after each loose stool by age; max = infinity: "as much as wanted".
struct VolumeRange {
    double min_ml = 0, max_ml = 0;
};
VolumeRange plan_a_ml_per_stool(double age_months);

// How the WHO signs classify (2 or more of the severe signs: severe; 2 or more of the some
// signs: some; else none). Counts are part of the answer so the output can show the rule.
struct SignAssessment {
    DehydrationCategory category = DehydrationCategory::none;
    int severe_signs = 0;
    int some_signs = 0;
};
SignAssessment classify_signs(SignSet signs);

// Red flags from the symptoms, the duration and the severe signs.
RedFlagSet red_flags(const PlanRequest& request);

// Notes and warnings, as a set; the report words them.
enum class PlanNote {
    dehydration_not_assessed,   // nothing given: Plan A assumed, assess the signs
    weight_estimated,           // from age, WHO weight-for-age
    signs_override_category,    // the signs said more than --dehydration: the more severe used
    severe_plan_c,              // no oral-only plan: seek emergency care (IV, Plan C)
    seek_care,                  // a red flag: seek care now; start sips on the way
    infant_under_6_months,      // keep breastfeeding; ORS from sachets, not homemade
    infant_not_breastfed_water, // plus 100-200 mL clean water in Plan B if not breastfed
    sam_resomal,                // ReSoMal, slower rates, under supervision
    sam_no_resomal,             // library has no ReSoMal target: composition unknown
    vomiting_go_slow,           // wait 10 minutes, then slower
    stool_sodium_above_ors,     // estimated stool Na losses exceed what the ORS delivers
    cause_assumed_non_cholera,  // losses estimated with the non-cholera figures
    adult_no_maintenance_cap,   // Holliday-Segar gives no adult cap: none applied
    caffeine_alcohol,           // both act as diuretics
};
using PlanNoteSet = std::uint32_t;

// One step a person can follow.
enum class ScheduleStep {
    rehydrate,      // the deficit over the first hours
    rehydrate_slow, // SAM: 5 mL/kg every 30 min for 2 h
    rehydrate_sam,  // SAM: then 5-10 mL/kg/h
    after_vomit,    // wait 10 minutes, then slower
    reassess,       // after the first phase: assess again
    each_stool,     // replace each loose stool
    maintain,       // usual fluids, breast milk and food over the day
    to_hospital,    // severe / red flag: sips on the way
};
struct ScheduleItem {
    ScheduleStep step = ScheduleStep::rehydrate;
    double from_hour = 0, to_hour = 0;
    double volume_ml = 0;        // 0 when not a fixed volume
    double rate_ml_per_hour = 0; // 0 when not a rate
    double sip_ml = 0;           // a sip size a person can measure: 5 (1 tsp), 10, 20 ...
    double sip_every_minutes = 0;
};
inline constexpr std::size_t max_schedule_items = 7;

struct Plan {
    const PlanData* data = nullptr; // for names and foods; must outlive the Plan

    double weight_kg = 0;
    bool weight_estimated = false;
    std::optional<double> age_months;

    DehydrationCategory category = DehydrationCategory::none;
    std::optional<double> percent; // given, or implied by the plan (Plan B 75 mL/kg = 7.5 %)
    DehydrationRule rule = DehydrationRule::not_assessed;
    SignAssessment signs;
    const PlanBRow* plan_b_row = nullptr; // the table row for the weight (or age)

    double deficit_ml = 0;               // 0 for none; Plan C total (IV) for severe
    double maintenance_ml_per_day = 0;   // Holliday-Segar, daily
    double maintenance_ml_per_hour = 0;  // Holliday-Segar, 4-2-1
    double replacement_ml_per_stool = 0; // 10 mL/kg, or as measured
    double replacement_ml_per_vomit = 0; // 2 mL/kg, or as measured
    bool stool_volume_measured = false;
    bool vomit_volume_measured = false;
    std::optional<VolumeRange> plan_a_ml_per_stool; // when the age is known
    std::optional<double> losses_ml_per_day;        // stools and vomits counted

    bool oral_plan = true; // false for severe: no oral-only plan
    // IV fluid (Ringer's lactate) a clinic gives for this plan; nullopt when none is planned.
    std::optional<double> iv_ml;
    std::optional<double> rehydration_ml; // the first phase; nullopt when no oral plan
    std::optional<double> rehydration_hours;
    std::optional<double> rate_ml_per_hour;
    std::array<ScheduleItem, max_schedule_items> schedule{};
    std::size_t schedule_size = 0;

    bool resomal = false;       // SAM: the fluid is ReSoMal, not ORS
    double fluid_ml = 0;        // ORS (or ReSoMal) over the plan: first phase + losses 24 h
    std::optional<int> sachets; // WHO ORS sachets for fluid_ml; nullopt for ReSoMal
    Electrolytes delivered;     // mmol in fluid_ml
    std::optional<Electrolytes> stool_losses; // mmol, estimated, when stools were counted
    StoolCause losses_basis = StoolCause::not_given;
    bool losses_adult = false; // cholera losses: the adult column (age >= 15 y or >= 30 kg)

    // The weight against the growth reference for the age (issue 15): warnings, the unit-slip
    // hint, neonatal referral under 2.5 kg.
    WeightCheck weight_check;

    RedFlagSet red_flags = 0;
    bool seek_care = false;
    bool foods = false; // suggest the PlanData foods (not under 6 months, not severe)
    PlanNoteSet notes = 0;

    bool has(PlanNote note) const { return (notes & bit(note)) != 0; }
    bool has(RedFlag flag) const { return (red_flags & bit(flag)) != 0; }
    std::span<const ScheduleItem> steps() const { return {schedule.data(), schedule_size}; }
};

// Pure and cheap. Throws InputError naming the field for a request that cannot be planned
// (no weight and no age, weight out of range, age too old to estimate a weight, ...).
Plan make_plan(const PlanRequest& request, const PlanData& data);

// The volume of one homemade batch for `plan --have`: the first phase rounded up to whole
// litres (a litre is what a sachet, a bottle and the WHO home recipe measure by), at least
// 1 L; 1 L when there is no first phase (Plan A, or Plan C's sips on the way). The batch is
// drunk within the first phase, well inside the 24 hours a made-up ORS keeps (WHO 2005);
// after that the same recipe is made again, fresh, for the losses.
double mix_batch_ml(const Plan& plan);

} // namespace orscalc
