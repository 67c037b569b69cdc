#pragma once
// Quantities as people write them ("2.6g", "1/2 tsp", "12kg", "18mo") and their conversions.
#include <optional>
#include <string>
#include <string_view>

namespace orscalc {

enum class Unit {
    kg,
    lb,
    g,
    mg, // mass
    l,
    dl,
    ml,
    fl_oz, // volume
    cup,
    tbsp,
    tsp,
    pinch,
    sachet, // household: grams depend on the ingredient
    mmol,
    meq, // amount of substance / charge
    minute,
    hour,
    day,
    week,
    month,
    year, // time (ages, durations)
    percent,
};

enum class Dimension { mass, volume, household, amount, charge, time, fraction };

struct Quantity {
    double value = 0;
    Unit unit = Unit::g;
};

// US customary measures (NIST Handbook 44 Appendix C): 1 tsp = 4.92892 mL, 1 tbsp = 3 tsp,
// 1 cup = 236.588 mL, 1 fl oz = 29.5735 mL.
inline constexpr double ml_per_tsp = 4.92892159375;
inline constexpr double ml_per_tbsp = 3 * ml_per_tsp;
inline constexpr double ml_per_fl_oz = 29.5735295625;
inline constexpr double ml_per_cup = 8 * ml_per_fl_oz;
inline constexpr double grams_per_lb = 453.59237; // international avoirdupois pound

Dimension dimension_of(Unit unit);
std::string_view unit_symbol(Unit unit);

// No amount a person measures for a drink, a patient or a recipe entry reaches a million of its
// unit (a million kg, a million L): above it the text is a typo, and refusing it keeps every
// product the engine computes from it finite.
inline constexpr double max_plausible_amount = 1e6;

// Parses "<number> <unit>" where number is a decimal or a fraction ("1/2", "1 1/2").
// Throws InputError naming the text for an unknown, ambiguous or missing unit, a negative,
// non-finite, malformed or implausibly large (> max_plausible_amount) number, or an exponent.
Quantity parse_quantity(std::string_view text);
std::optional<Unit> parse_unit(std::string_view symbol); // nullopt: unknown

// Conversions within a dimension; nullopt when the unit is of another dimension.
std::optional<double> to_grams(Quantity q);
std::optional<double> to_ml(Quantity q); // includes the US household volumes
std::optional<double> to_hours(Quantity q);
std::optional<double> to_kg(Quantity q);

// "1/2", "1 1/4", "3" for a count of eighths; used to print household measures.
std::string format_fraction(double value, int denominator);

} // namespace orscalc
