#pragma once
// Target profiles: ranges over quantities, hard or soft; the built-in safety envelope;
// evaluating a composition against both.
#include "orscalc/composition.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace orscalc {

struct TargetRange {
    std::string quantity; // species id, "osmolarity", "glucose_equivalent", "glucose_sodium_ratio"
    std::optional<double> min;
    std::optional<double> ideal;
    std::optional<double> max;
    double weight = 1;
    bool hard = false; // safety or efficacy: never broken by a recommendation
    std::string why;   // the source of the range
};

struct Target {
    std::string id;
    std::string name;
    std::string source;
    std::string note;
    // What the solution is for, in one line a pharmacist can read ("rehydration of acute
    // diarrhoea, all ages", "maintenance and mild dehydration, not cholera"); empty if unsaid.
    std::string purpose;
    bool is_default = false;
    std::vector<TargetRange> ranges;
    SourcePosition origin;
    const TargetRange* range(std::string_view quantity) const;
};

// Limits that hold whatever target or recipe file is given.
struct SafetyLimit {
    std::string_view quantity;
    double max;
    std::string_view danger; // the plain-words warning when broken
    std::string_view why;    // source
};
std::span<const SafetyLimit> safety_envelope();

// Throws InputError (at the target's origin) when a hard range reaches outside the envelope
// or is malformed (min > max, ideal outside, no bound).
void validate_target(const Target& target);

enum class Status { ok, low, high, unknown };
enum class Verdict { meets, acceptable, fails };
std::string_view to_string(Status status);
std::string_view to_string(Verdict verdict);

struct Check {
    const TargetRange* range = nullptr;
    std::optional<double> value;
    Status status = Status::unknown;
};

struct Evaluation {
    std::vector<Check> checks;
    Verdict verdict = Verdict::meets;
    std::vector<std::string> warnings; // dangers first, then unknowns and soft misses
};

Evaluation evaluate(const Target& target, const Composition& composition);

} // namespace orscalc
