// One parser for every plan field, shared by the command line and batch input.
#include "orscalc/error.hpp"
#include "orscalc/plan.hpp"
#include "orscalc/units.hpp"
#include "text.hpp"

#include <charconv>
#include <fmt/format.h>

namespace orscalc {
namespace {

template <typename E> struct Spelling {
    std::string_view text;
    E value;
};

// WHO 2005 chart 2 wording, hyphenated; the synonyms are the chart's own alternatives.
constexpr Spelling<AssessmentSign> sign_spellings[] = {
    {"lethargic", AssessmentSign::lethargic},
    {"unconscious", AssessmentSign::lethargic},
    {"sunken-eyes", AssessmentSign::sunken_eyes},
    {"drinks-poorly", AssessmentSign::drinks_poorly},
    {"not-able-to-drink", AssessmentSign::drinks_poorly},
    {"skin-pinch-very-slow", AssessmentSign::skin_pinch_very_slow},
    {"restless", AssessmentSign::restless},
    {"irritable", AssessmentSign::restless},
    {"drinks-eagerly", AssessmentSign::drinks_eagerly},
    {"thirsty", AssessmentSign::drinks_eagerly},
    {"skin-pinch-slow", AssessmentSign::skin_pinch_slow},
};

constexpr Spelling<RedFlag> symptom_spellings[] = {
    {"diarrhoea-over-48h", RedFlag::diarrhoea_over_48h},
    {"diarrhea-over-48h", RedFlag::diarrhoea_over_48h},
    {"persistent-vomiting", RedFlag::persistent_vomiting},
    {"cannot-keep-fluids-down", RedFlag::persistent_vomiting},
    {"blood-in-stool", RedFlag::blood_in_stool},
    {"pus-in-stool", RedFlag::pus_in_stool},
    {"severe-abdominal-pain", RedFlag::severe_abdominal_pain},
    {"rapid-heartbeat", RedFlag::rapid_heartbeat},
    {"irregular-heartbeat", RedFlag::rapid_heartbeat},
    {"confusion", RedFlag::confusion},
    {"lethargy", RedFlag::lethargy},
    {"lethargic", RedFlag::lethargy},
    {"fainting", RedFlag::fainting},
    {"very-dark-urine", RedFlag::very_dark_urine},
    {"dark-urine", RedFlag::very_dark_urine},
    {"skin-stays-tented", RedFlag::skin_stays_tented},
    {"unable-to-drink", RedFlag::unable_to_drink},
    {"no-urine-8h", RedFlag::no_urine_8h},
    {"no-tears", RedFlag::no_tears},
    {"sunken-eyes", RedFlag::sunken_eyes},
    {"unusually-sleepy", RedFlag::unusually_sleepy},
};

template <typename E, std::size_t N>
constexpr std::array<std::string_view, N> texts_of(const Spelling<E> (&spellings)[N]) {
    std::array<std::string_view, N> out{};
    for (std::size_t i = 0; i < N; ++i)
        out[i] = spellings[i].text;
    return out;
}
constexpr auto sign_texts = texts_of(sign_spellings);
constexpr auto symptom_texts = texts_of(symptom_spellings);

constexpr std::string_view field_names[] = {
    "weight",       "age",      "dehydration", "signs", "stools", "vomits", "stool-volume",
    "vomit-volume", "symptoms", "duration",    "cause", "sam",    "sex",    "weight-confirmed",
};

using detail::trim_blanks;

// Keywords match whatever the case ("Some", "CHOLERA", "Blood-in-stool"): clinic spreadsheets
// capitalise freely, and the meaning does not change.
bool is(std::string_view text, std::string_view keyword) {
    if (text.size() != keyword.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != keyword[i]) return false;
    }
    return true;
}

[[noreturn]] void bad(std::string_view field, std::string_view text, std::string_view why) {
    throw InputError(fmt::format("{} '{}': {}", field, text, why));
}

Quantity quantity(std::string_view field, std::string_view text, std::string_view example) {
    // A bare number has no unit: 12 could be kg or lb, months or years.
    bool bare = text.find_first_not_of("0123456789. ") == std::string_view::npos;
    if (bare) bad(field, text, fmt::format("missing unit, e.g. {}", example));
    try {
        return parse_quantity(text);
    } catch (const InputError& err) {
        std::string_view why = err.what();
        if (std::string quoted = fmt::format("'{}': ", text); why.starts_with(quoted))
            why.remove_prefix(quoted.size());
        throw InputError(fmt::format("{} '{}': {} (e.g. {})", field, text, why, example));
    }
}

void weight(PlanRequest& r, std::string_view text) {
    r.weight_kg.reset();
    r.weight_in_lb = false;
    if (text.empty()) return;
    Quantity q = quantity("weight", text, "12kg or 26lb");
    auto kg = to_kg(q);
    if (!kg) bad("weight", text, "expected a body weight such as 12kg or 26lb");
    // A finite number below the floor is a baby too small for any plan (issue 15).
    if (*kg > 0 && *kg < min_weight_kg) bad("weight", text, weight_floor_words(*kg));
    if (*kg < min_weight_kg || *kg > max_weight_kg)
        bad("weight", text,
            fmt::format("a body weight must be {} to {} kg", min_weight_kg, max_weight_kg));
    r.weight_kg = *kg;
    r.weight_in_lb = q.unit == Unit::lb; // for "did you mean 26 lb?" (weight_check.hpp)
}

double hours(std::string_view field, std::string_view text, std::string_view example) {
    Quantity q = quantity(field, text, example);
    auto h = to_hours(q);
    if (!h) bad(field, text, fmt::format("expected a time such as {}", example));
    return *h;
}

constexpr double hours_per_month = 24 * 365.25 / 12; // as in units.cpp and the WHO tables

double volume_ml(std::string_view field, std::string_view text) {
    Quantity q = quantity(field, text, "150mL");
    auto ml = to_ml(q);
    // Beyond 5 L a single stool or vomit is not a measurement but a typing error.
    if (!ml || *ml <= 0 || *ml > 5000)
        bad(field, text, "expected a volume per episode from 1 mL to 5 L, e.g. 150mL");
    return *ml;
}

int count(std::string_view field, std::string_view text) {
    int n = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    // 100 episodes a day is far beyond any cholera cot record: a typing error.
    if (ec != std::errc{} || end != text.data() + text.size() || n < 0 || n > 100)
        bad(field, text, "expected a whole number of episodes in 24 hours, 0 to 100");
    return n;
}

template <typename E, std::size_t N>
std::uint32_t id_set(std::string_view field, std::string_view text,
                     const Spelling<E> (&spellings)[N], std::span<const std::string_view> all) {
    std::uint32_t set = 0;
    while (!text.empty()) {
        auto cut = text.find_first_of(",;");
        std::string_view word = trim_blanks(text.substr(0, cut));
        text = cut == std::string_view::npos ? std::string_view{} : text.substr(cut + 1);
        if (word.empty()) continue;
        bool found = false;
        for (const auto& s : spellings)
            if (is(word, s.text)) {
                set |= bit(s.value);
                found = true;
            }
        if (found) continue;
        std::vector<std::string> candidates(all.begin(), all.end());
        std::string hint = did_you_mean(word, candidates);
        throw InputError(
            fmt::format("{} '{}': unknown {}{}", field, word, field == "signs" ? "sign" : "symptom",
                        hint.empty() ? fmt::format(" (known: {})", fmt::join(all, ", "))
                                     : fmt::format(" (did you mean '{}'?)", hint)));
    }
    return set;
}

void dehydration(PlanRequest& r, std::string_view text) {
    r.dehydration.reset();
    r.dehydration_percent.reset();
    if (text.empty()) return;
    if (is(text, "none"))
        r.dehydration = DehydrationCategory::none;
    else if (is(text, "some"))
        r.dehydration = DehydrationCategory::some;
    else if (is(text, "severe"))
        r.dehydration = DehydrationCategory::severe;
    else if (!text.empty() && text.back() == '%') {
        Quantity q = quantity("dehydration", text, "5%");
        // Above 20 % of body weight is not a dehydration but a typing error.
        if (q.value <= 0 || q.value > 20)
            bad("dehydration", text,
                "a percentage of body weight lost must be above 0 and at most 20");
        r.dehydration_percent = q.value;
    } else
        bad("dehydration", text, "expected none, some, severe or a percentage such as 5%");
}

bool yes_no(std::string_view field, std::string_view text) {
    if (is(text, "true") || is(text, "yes") || text == "1") return true;
    if (is(text, "false") || is(text, "no") || text == "0") return false;
    bad(field, text, "expected yes or no");
}

// The growth references' two sexes (issue 15); a clinic sheet may write F/M.
std::optional<Sex> sex(std::string_view text) {
    if (text.empty()) return std::nullopt;
    if (is(text, "female") || is(text, "f")) return Sex::female;
    if (is(text, "male") || is(text, "m")) return Sex::male;
    bad("sex", text, "expected female or male (or leave it out: both are then allowed for)");
}

} // namespace

std::span<const std::string_view> assessment_sign_ids() {
    return sign_texts;
}
std::span<const std::string_view> symptom_ids() {
    return symptom_texts;
}
std::span<const std::string_view> plan_field_names() {
    return field_names;
}

void set_plan_field(PlanRequest& r, std::string_view field, std::string_view raw) {
    std::string_view text = trim_blanks(raw);
    bool clear = text.empty();
    if (field == "weight")
        weight(r, text);
    else if (field == "age") {
        r.age_months.reset();
        if (clear) return;
        double m = hours("age", text, "18mo or 3y") / hours_per_month;
        if (m > max_age_months) bad("age", text, "an age must be at most 120 years");
        r.age_months = m;
    } else if (field == "dehydration")
        dehydration(r, text);
    else if (field == "signs")
        r.signs = id_set("signs", text, sign_spellings, sign_texts);
    else if (field == "symptoms")
        r.symptoms = id_set("symptoms", text, symptom_spellings, symptom_texts);
    else if (field == "stools")
        r.stools = clear ? std::nullopt : std::optional(count("stools", text));
    else if (field == "vomits")
        r.vomits = clear ? std::nullopt : std::optional(count("vomits", text));
    else if (field == "stool-volume")
        r.stool_volume_ml = clear ? std::nullopt : std::optional(volume_ml("stool-volume", text));
    else if (field == "vomit-volume")
        r.vomit_volume_ml = clear ? std::nullopt : std::optional(volume_ml("vomit-volume", text));
    else if (field == "duration") {
        r.duration_hours.reset();
        if (clear) return;
        // Exact hours: the 48-hour red flag must not move by a rounding error.
        double h = hours("duration", text, "36h or 3d");
        if (h > 24 * 365.25)
            bad("duration", text, "a duration of diarrhoea must be at most a year");
        r.duration_hours = h;
    } else if (field == "cause") {
        if (clear)
            r.cause = StoolCause::not_given;
        else if (is(text, "cholera"))
            r.cause = StoolCause::cholera;
        else if (is(text, "non-cholera"))
            r.cause = StoolCause::non_cholera;
        else
            bad("cause", text, "expected cholera or non-cholera");
    } else if (field == "sam")
        r.sam = !clear && yes_no("sam", text);
    else if (field == "sex")
        r.sex = sex(text);
    else if (field == "weight-confirmed")
        r.weight_confirmed = !clear && yes_no("weight-confirmed", text);
    else {
        std::vector<std::string> names(std::begin(field_names), std::end(field_names));
        std::string hint = did_you_mean(field, names);
        throw InputError(
            fmt::format("unknown plan field '{}'{}", field,
                        hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    }
}

} // namespace orscalc
