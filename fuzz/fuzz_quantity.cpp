// Quantities and formulas as people type them: every accepted amount is finite, non-negative
// and converts to a finite amount; every accepted formula has a finite positive molar mass.
#include "entries.hpp"

#include "orscalc/chemistry.hpp"
#include "orscalc/error.hpp"
#include "orscalc/units.hpp"

#include <cmath>
#include <string_view>

namespace orscalc::fuzz {

namespace {
void check_conversions(Quantity q) {
    for (auto convert : {to_grams, to_ml, to_hours, to_kg})
        if (auto v = convert(q)) require(std::isfinite(*v) && *v >= 0, "conversion not finite");
    std::string fraction = format_fraction(q.value, 8);
    require(!fraction.empty() && fraction.front() != '-', "negative fraction: " + fraction);
}
} // namespace

int quantity(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        Quantity q = parse_quantity(text);
        require(std::isfinite(q.value) && q.value >= 0, "parse_quantity accepted a bad value");
        check_conversions(q);
    } catch (const InputError&) {
    }
    try {
        double mass = molar_mass(parse_formula(text));
        require(std::isfinite(mass) && mass > 0, "molar mass not finite and positive");
    } catch (const InputError&) {
    }
    (void)parse_unit(text);
    return 0;
}

} // namespace orscalc::fuzz
