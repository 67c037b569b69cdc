#include "orscalc/target.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace orscalc {
namespace {

// The built-in envelope: the widest limits of any WHO-endorsed rehydration solution on the
// quantities that make a drink dangerous in itself (salt, potassium, osmotic load). Nothing
// orscalc recommends goes outside it, and no target file may widen it. Sugar alone is bounded
// through osmolarity here (a maintenance drink such as Pedialyte has 139 mmol/L glucose at
// 250 mOsm/kg and is not dangerous); the targets' own hard sugar limits still apply.
constexpr std::array envelope{
    SafetyLimit{
        "sodium", 90,
        "TOO SALTY: sodium above 90 mmol/L risks hypernatraemia; add water or use less salt",
        "highest sodium of a WHO ORS: standard ORS 1975, 90 mmol/L (WHO/FCH/CAH/06.1)"},
    SafetyLimit{
        "osmolarity", 311,
        "HYPEROSMOLAR: above 311 mOsm/L the drink pulls water into the gut and can "
        "worsen diarrhoea; dilute it",
        "highest osmolarity of a WHO ORS: standard ORS 1975, 311 mOsm/L (WHO/FCH/CAH/06.1)"},
    SafetyLimit{"potassium", 40,
                "TOO MUCH POTASSIUM: above 40 mmol/L risks hyperkalaemia; use less potassium salt",
                "highest potassium of a WHO rehydration solution: ReSoMal, 40 mmol/L (WHO 1999, "
                "Management of severe malnutrition)"},
};

constexpr double tolerance = 1e-9; // values are compared after exact arithmetic, not rounding

// The same precision as the report: mmol/L to 2 decimals, mOsm/L to 1, ratios to 3.
std::string fmt_value(double v, std::string_view quantity = "") {
    int decimals = quantity == "osmolarity" ? 1 : quantity == "glucose_sodium_ratio" ? 3 : 2;
    double scale = std::pow(10.0, decimals);
    double r = std::round(v * scale) / scale;
    return fmt::format("{}", r == 0 ? 0.0 : r);
}

std::string_view unit_of(std::string_view quantity) {
    if (quantity == "osmolarity") return " mOsm/L";
    if (quantity == "glucose_sodium_ratio") return "";
    return " mmol/L";
}

std::string pretty(std::string_view quantity) {
    std::string s(quantity);
    std::replace(s.begin(), s.end(), '_', ' ');
    if (s == "glucose sodium ratio") s = "glucose:sodium ratio";
    return s;
}

void add_unique(std::vector<std::string>& list, std::string text) {
    if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(std::move(text));
}

// Which ingredients leave a quantity unknown, for "cannot be verified" messages.
std::string unknown_because(const Composition& c, std::string_view quantity) {
    std::vector<std::string> who;
    for (const auto& line : c.lines) {
        const Ingredient& ing = *line.ingredient;
        bool unknown = false;
        if (quantity == "osmolarity")
            unknown = ing.osmole_basis == OsmoleBasis::unknown;
        else if (auto s = species_from_name(quantity))
            unknown = !at(ing.mmol_per_unit, *s);
        else if (quantity == "glucose_equivalent" || quantity == "glucose_sodium_ratio")
            unknown =
                !at(ing.mmol_per_unit, Species::glucose) ||
                !at(ing.mmol_per_unit, Species::sucrose) ||
                (quantity == "glucose_sodium_ratio" && !at(ing.mmol_per_unit, Species::sodium));
        if (unknown && std::find(who.begin(), who.end(), ing.id) == who.end())
            who.push_back(ing.id);
    }
    if (who.empty()) return "sodium is zero";
    return fmt::format("no data for it in {}", fmt::join(who, ", "));
}

} // namespace

std::span<const SafetyLimit> safety_envelope() {
    return envelope;
}

const TargetRange* Target::range(std::string_view quantity) const {
    for (const auto& r : ranges)
        if (r.quantity == quantity) return &r;
    return nullptr;
}

std::string_view to_string(Status status) {
    switch (status) {
    case Status::ok:
        return "ok";
    case Status::low:
        return "low";
    case Status::high:
        return "high";
    case Status::unknown:
        return "unknown";
    }
    return "unknown";
}

std::string_view to_string(Verdict verdict) {
    switch (verdict) {
    case Verdict::meets:
        return "meets";
    case Verdict::acceptable:
        return "acceptable";
    case Verdict::fails:
        return "fails";
    }
    return "fails";
}

void validate_target(const Target& t) {
    auto fail = [&](const std::string& why) {
        throw InputError(t.origin, fmt::format("target {}: {}", t.id, why));
    };
    if (t.ranges.empty()) fail("no ranges");
    for (const auto& r : t.ranges) {
        if (!is_known_quantity(r.quantity)) fail(fmt::format("unknown quantity '{}'", r.quantity));
        if (!r.min && !r.max) fail(fmt::format("{}: a range needs a min or a max", r.quantity));
        if (r.min && r.max && *r.min > *r.max) fail(fmt::format("{}: min above max", r.quantity));
        if (r.ideal && ((r.min && *r.ideal < *r.min) || (r.max && *r.ideal > *r.max)))
            fail(fmt::format("{}: ideal outside [min, max]", r.quantity));
        if (!(r.weight >= 0) || !std::isfinite(r.weight))
            fail(fmt::format("{}: weight must be a non-negative number", r.quantity));
        if (r.why.empty())
            fail(fmt::format("{}: every range needs 'why' (its source)", r.quantity));
    }
    // The envelope: each limited quantity must be capped by a hard max inside the envelope.
    for (const auto& limit : envelope) {
        const TargetRange* r = t.range(limit.quantity);
        if (r && r->hard && r->max && *r->max > limit.max + tolerance)
            fail(fmt::format("hard maximum {} for {} is outside the safety envelope (at most {}: "
                             "{})",
                             fmt_value(*r->max), limit.quantity, fmt_value(limit.max), limit.why));
        if (r && r->ideal && *r->ideal > limit.max + tolerance)
            fail(fmt::format("ideal {} for {} is outside the safety envelope (at most {})",
                             fmt_value(*r->ideal), limit.quantity, fmt_value(limit.max)));
    }
    for (std::string_view required : {"sodium", "osmolarity"}) {
        const TargetRange* r = t.range(required);
        if (!r || !r->hard || !r->max)
            fail(fmt::format("a target must set a hard maximum for {}", required));
    }
}

Evaluation evaluate(const Target& target, const Composition& c) {
    Evaluation e;
    std::vector<std::string> dangers, notes;
    std::vector<std::string_view> enveloped; // quantities with an envelope danger already
    bool hard_broken = false, soft_missed = false;

    for (const auto& limit : envelope) {
        auto v = c.quantity(limit.quantity);
        double known = v ? *v : (limit.quantity == "osmolarity" ? c.osmolarity_known_part : 0);
        // Written so that a value that is not a number breaks the limit rather than passing it.
        if (!(known <= limit.max + tolerance)) {
            hard_broken = true;
            enveloped.push_back(limit.quantity);
            add_unique(dangers,
                       fmt::format("{} ({} {}{}, safety limit {})", limit.danger,
                                   pretty(limit.quantity), fmt_value(known, limit.quantity),
                                   unit_of(limit.quantity), fmt_value(limit.max)));
        }
    }
    for (const auto& line : c.lines) {
        const Ingredient& ing = *line.ingredient;
        double share = c.undiluted_share(ing);
        if (ing.undiluted_warning && share > 0.5 + tolerance)
            // Half-strength apple juice was safe for mild dehydration (Freedman et al., JAMA
            // 2016;315:1966); undiluted juices are hyperosmolar (WHO 2005, home fluids).
            add_unique(dangers, fmt::format("UNDILUTED {}: {} is {:.0f}% of the drink; juices "
                                            "and soft drinks are hyperosmolar and can worsen "
                                            "diarrhoea: dilute at least half and half with water",
                                            ing.has_tag("juice") ? "JUICE" : "SWEET DRINK", ing.id,
                                            share * 100));
        if (ing.has_tag("caffeinated"))
            add_unique(notes, fmt::format("contains caffeine ({}): caffeine increases urine and "
                                          "can worsen dehydration",
                                          ing.id));
        if (ing.has_tag("alcoholic"))
            add_unique(notes, fmt::format("contains alcohol ({}): alcohol increases urine and "
                                          "worsens dehydration; do not use it",
                                          ing.id));
    }

    for (const auto& r : target.ranges) {
        Check check{&r, c.quantity(r.quantity), Status::unknown};
        double lower_bound = r.quantity == "osmolarity" ? c.osmolarity_known_part : 0;
        if (check.value && !std::isfinite(*check.value)) {
            check.value.reset(); // compose() never yields one; unknown fails a hard range safely
        } else if (check.value) {
            double v = *check.value;
            if (r.min && v < *r.min - tolerance)
                check.status = Status::low;
            else if (r.max && v > *r.max + tolerance)
                check.status = Status::high;
            else
                check.status = Status::ok;
        } else if (r.max && lower_bound > *r.max + tolerance) {
            check.status = Status::high; // even the known part is already too much
        }
        const std::string kind = r.hard ? "limit" : "goal";
        const std::string range = fmt::format("{}-{}{}", r.min ? fmt_value(*r.min) : "0",
                                              r.max ? fmt_value(*r.max) : "", unit_of(r.quantity));
        switch (check.status) {
        case Status::ok:
            break;
        case Status::low:
        case Status::high:
            (r.hard ? hard_broken : soft_missed) = true;
            if (check.status == Status::high &&
                std::find(enveloped.begin(), enveloped.end(), r.quantity) != enveloped.end())
                break; // the louder envelope warning already says it
            add_unique(r.hard ? dangers : notes,
                       fmt::format("{} too {}: {}{} is outside the {} {} of {}", pretty(r.quantity),
                                   check.status == Status::low ? "low" : "high",
                                   fmt_value(check.value.value_or(lower_bound), r.quantity),
                                   unit_of(r.quantity), kind, range, target.id));
            break;
        case Status::unknown:
            (r.hard ? hard_broken : soft_missed) = true;
            add_unique(notes,
                       fmt::format("{} is unknown ({}), so the {} {} cannot be verified{}",
                                   pretty(r.quantity), unknown_because(c, r.quantity), kind, range,
                                   r.hard ? ": the mixture cannot be shown to be safe" : ""));
            break;
        }
        e.checks.push_back(check);
    }
    e.verdict = hard_broken ? Verdict::fails : soft_missed ? Verdict::acceptable : Verdict::meets;
    e.warnings = std::move(dangers);
    e.warnings.insert(e.warnings.end(), notes.begin(), notes.end());
    return e;
}

} // namespace orscalc
