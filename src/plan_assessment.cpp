// Dehydration from the WHO signs, and the red flags that send a person to care now.
#include "orscalc/plan.hpp"

namespace orscalc {
namespace {

constexpr std::string_view sign_ids[] = {
    "lethargic", "sunken-eyes",    "drinks-poorly",   "skin-pinch-very-slow",
    "restless",  "drinks-eagerly", "skin-pinch-slow",
};
static_assert(std::size(sign_ids) == assessment_sign_count);

struct RedFlagText {
    std::string_view id;
    std::string_view description;
};
// shared/reference/README.md, "Red flags (seek care now)", and its children's list.
constexpr RedFlagText red_flag_texts[] = {
    {"diarrhoea-over-48h", "diarrhoea for more than 48 hours without improvement"},
    {"persistent-vomiting", "cannot keep fluids down (persistent vomiting)"},
    {"blood-in-stool", "blood in the stool"},
    {"pus-in-stool", "pus in the stool"},
    {"severe-abdominal-pain", "severe, unremitting abdominal pain"},
    {"rapid-heartbeat", "rapid or irregular heartbeat"},
    {"confusion", "confusion"},
    {"lethargy", "lethargy (hard to wake, floppy, unconscious)"},
    {"fainting", "fainting"},
    {"very-dark-urine", "very dark urine"},
    {"skin-stays-tented", "skin that stays tented when pinched"},
    {"unable-to-drink", "not able to drink or drinking poorly"},
    {"no-urine-8h", "no urine for 8 hours or more"},
    {"no-tears", "no tears when crying"},
    {"sunken-eyes", "sunken eyes"},
    {"unusually-sleepy", "unusually sleepy"},
};
static_assert(std::size(red_flag_texts) == red_flag_count);

constexpr SignSet severe_signs = bit(AssessmentSign::lethargic) | bit(AssessmentSign::sunken_eyes) |
                                 bit(AssessmentSign::drinks_poorly) |
                                 bit(AssessmentSign::skin_pinch_very_slow);
// A skin pinch that goes back very slowly also goes back slowly: it counts for "some" too.
constexpr SignSet some_signs = bit(AssessmentSign::restless) | bit(AssessmentSign::sunken_eyes) |
                               bit(AssessmentSign::drinks_eagerly) |
                               bit(AssessmentSign::skin_pinch_slow) |
                               bit(AssessmentSign::skin_pinch_very_slow);

} // namespace

std::string_view to_string(DehydrationCategory category) {
    switch (category) {
    case DehydrationCategory::none:
        return "none";
    case DehydrationCategory::some:
        return "some";
    case DehydrationCategory::severe:
        return "severe";
    }
    return "?";
}

std::string_view to_string(DehydrationRule rule) {
    switch (rule) {
    case DehydrationRule::not_assessed:
        return "not-assessed";
    case DehydrationRule::category:
        return "category";
    case DehydrationRule::percent:
        return "percent";
    case DehydrationRule::signs:
        return "signs";
    }
    return "?";
}

std::string_view to_string(StoolCause cause) {
    switch (cause) {
    case StoolCause::cholera:
        return "cholera";
    case StoolCause::non_cholera:
        return "non-cholera";
    case StoolCause::not_given:
        return "";
    }
    return "?";
}

std::string_view id_of(AssessmentSign sign) {
    return sign_ids[static_cast<std::size_t>(sign)];
}
std::string_view id_of(RedFlag flag) {
    return red_flag_texts[static_cast<std::size_t>(flag)].id;
}
std::string_view describe(RedFlag flag) {
    return red_flag_texts[static_cast<std::size_t>(flag)].description;
}

// WHO 2005 manual, chart 2 (IMCI): two or more of the severe signs: severe dehydration; two or
// more of the some signs: some dehydration; otherwise no visible dehydration.
SignAssessment classify_signs(SignSet signs) {
    SignAssessment a;
    a.severe_signs = __builtin_popcount(signs & severe_signs);
    a.some_signs = __builtin_popcount(signs & some_signs);
    a.category = a.severe_signs >= 2 ? DehydrationCategory::severe
                 : a.some_signs >= 2 ? DehydrationCategory::some
                                     : DehydrationCategory::none;
    return a;
}

RedFlagSet red_flags(const PlanRequest& request) {
    RedFlagSet flags = request.symptoms;
    // "Diarrhoea more than 48 hours without improvement" (reference, red flags): 48 h is not.
    if (request.duration_hours && *request.duration_hours > 48)
        flags |= bit(RedFlag::diarrhoea_over_48h);
    // A severe sign on its own is already a danger sign (IMCI: lethargic or unconscious, not
    // able to drink; a skin pinch going back very slowly is the tented skin of the list).
    if (request.signs & bit(AssessmentSign::lethargic)) flags |= bit(RedFlag::lethargy);
    if (request.signs & bit(AssessmentSign::drinks_poorly)) flags |= bit(RedFlag::unable_to_drink);
    if (request.signs & bit(AssessmentSign::skin_pinch_very_slow))
        flags |= bit(RedFlag::skin_stays_tented);
    return flags;
}

} // namespace orscalc
