#include "orscalc/units.hpp"
#include "text.hpp"

#include "orscalc/error.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace orscalc {
namespace {

struct UnitName {
    std::string_view symbol;
    Unit unit;
};

// Accepted spellings. "oz", "t", "T" are deliberately absent: they are ambiguous.
constexpr std::array unit_names{
    UnitName{"kg", Unit::kg},
    UnitName{"lb", Unit::lb},
    UnitName{"lbs", Unit::lb},
    UnitName{"g", Unit::g},
    UnitName{"mg", Unit::mg},
    UnitName{"L", Unit::l},
    UnitName{"l", Unit::l},
    UnitName{"dL", Unit::dl},
    UnitName{"dl", Unit::dl},
    UnitName{"mL", Unit::ml},
    UnitName{"ml", Unit::ml},
    UnitName{"fl oz", Unit::fl_oz},
    UnitName{"floz", Unit::fl_oz},
    UnitName{"fl-oz", Unit::fl_oz},
    UnitName{"cup", Unit::cup},
    UnitName{"cups", Unit::cup},
    UnitName{"tbsp", Unit::tbsp},
    UnitName{"tablespoon", Unit::tbsp},
    UnitName{"tablespoons", Unit::tbsp},
    UnitName{"tsp", Unit::tsp},
    UnitName{"teaspoon", Unit::tsp},
    UnitName{"teaspoons", Unit::tsp},
    UnitName{"pinch", Unit::pinch},
    UnitName{"pinches", Unit::pinch},
    UnitName{"sachet", Unit::sachet},
    UnitName{"sachets", Unit::sachet},
    UnitName{"mmol", Unit::mmol},
    UnitName{"mEq", Unit::meq},
    UnitName{"meq", Unit::meq},
    UnitName{"min", Unit::minute},
    UnitName{"h", Unit::hour},
    UnitName{"hours", Unit::hour},
    UnitName{"d", Unit::day},
    UnitName{"days", Unit::day},
    UnitName{"wk", Unit::week},
    UnitName{"weeks", Unit::week},
    UnitName{"mo", Unit::month},
    UnitName{"months", Unit::month},
    UnitName{"y", Unit::year},
    UnitName{"yr", Unit::year},
    UnitName{"years", Unit::year},
    UnitName{"%", Unit::percent},
};

using detail::trim_blanks;

bool is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == '.';
}

// Reads a plain non-negative decimal; nullopt if the whole text is not one.
std::optional<double> read_decimal(std::string_view s) {
    if (s.empty() || !is_number_char(s.front())) return std::nullopt;
    double value = 0;
    auto [end, ec] =
        std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::fixed);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return value;
}

// "3", "0.5", "1/2", "1 1/2".
std::optional<double> read_number(std::string_view s) {
    s = trim_blanks(s);
    if (auto slash = s.find('/'); slash != std::string_view::npos) {
        double whole = 0;
        std::string_view fraction = s;
        if (auto space = s.find(' '); space != std::string_view::npos && space < slash) {
            auto w = read_decimal(s.substr(0, space));
            if (!w) return std::nullopt;
            whole = *w;
            fraction = trim_blanks(s.substr(space + 1));
            slash = fraction.find('/');
        }
        auto num = read_decimal(fraction.substr(0, slash));
        auto den = read_decimal(fraction.substr(slash + 1));
        if (!num || !den || *den == 0) return std::nullopt;
        return whole + *num / *den;
    }
    return read_decimal(s);
}

} // namespace

Dimension dimension_of(Unit unit) {
    switch (unit) {
    case Unit::kg:
    case Unit::lb:
    case Unit::g:
    case Unit::mg:
        return Dimension::mass;
    case Unit::l:
    case Unit::dl:
    case Unit::ml:
    case Unit::fl_oz:
        return Dimension::volume;
    case Unit::cup:
    case Unit::tbsp:
    case Unit::tsp:
    case Unit::pinch:
    case Unit::sachet:
        return Dimension::household;
    case Unit::mmol:
        return Dimension::amount;
    case Unit::meq:
        return Dimension::charge;
    case Unit::minute:
    case Unit::hour:
    case Unit::day:
    case Unit::week:
    case Unit::month:
    case Unit::year:
        return Dimension::time;
    case Unit::percent:
        return Dimension::fraction;
    }
    return Dimension::mass;
}

std::string_view unit_symbol(Unit unit) {
    switch (unit) {
    case Unit::kg:
        return "kg";
    case Unit::lb:
        return "lb";
    case Unit::g:
        return "g";
    case Unit::mg:
        return "mg";
    case Unit::l:
        return "L";
    case Unit::dl:
        return "dL";
    case Unit::ml:
        return "mL";
    case Unit::fl_oz:
        return "fl oz";
    case Unit::cup:
        return "cup";
    case Unit::tbsp:
        return "tbsp";
    case Unit::tsp:
        return "tsp";
    case Unit::pinch:
        return "pinch";
    case Unit::sachet:
        return "sachet";
    case Unit::mmol:
        return "mmol";
    case Unit::meq:
        return "mEq";
    case Unit::minute:
        return "min";
    case Unit::hour:
        return "h";
    case Unit::day:
        return "d";
    case Unit::week:
        return "wk";
    case Unit::month:
        return "mo";
    case Unit::year:
        return "y";
    case Unit::percent:
        return "%";
    }
    return "?";
}

std::optional<Unit> parse_unit(std::string_view symbol) {
    symbol = trim_blanks(symbol);
    for (const auto& name : unit_names)
        if (name.symbol == symbol) return name.unit;
    return std::nullopt;
}

Quantity parse_quantity(std::string_view text) {
    std::string_view s = trim_blanks(text);
    if (s.empty()) throw InputError("empty amount: expected a number and a unit, e.g. 2.6g");
    if (s.front() == '-' || s.front() == '+')
        throw InputError(fmt::format("'{}': amounts must be positive numbers", text));
    // The unit starts at the first letter or '%' after the number.
    size_t unit_start = 0;
    while (unit_start < s.size() &&
           (is_number_char(s[unit_start]) || s[unit_start] == '/' || s[unit_start] == ' '))
        ++unit_start;
    std::string_view number = trim_blanks(s.substr(0, unit_start));
    std::string_view symbol = trim_blanks(s.substr(unit_start));
    if (number.empty())
        throw InputError(fmt::format("'{}': expected a number before the unit", text));
    if (symbol.size() > 1 && (symbol[0] == 'e' || symbol[0] == 'E') &&
        std::string_view("0123456789+-").find(symbol[1]) != std::string_view::npos)
        throw InputError(fmt::format(
            "'{}': write the number in full, without an exponent (e.g. 2.6 g, not 2.6e0 g)", text));
    auto value = read_number(number);
    if (!value || !std::isfinite(*value))
        throw InputError(fmt::format("'{}': '{}' is not a number", text, number));
    if (*value > max_plausible_amount)
        throw InputError(fmt::format("'{}': implausibly large amount (over a million)", text));
    if (symbol.empty()) throw InputError(fmt::format("'{}': missing unit (e.g. g, mL, tsp)", text));
    if (symbol == "oz")
        throw InputError(fmt::format("'{}': ambiguous unit 'oz': write 'fl oz' for volume, or "
                                     "use g for weight",
                                     text));
    if (symbol == "t" || symbol == "T" || symbol == "c" || symbol == "C")
        throw InputError(
            fmt::format("'{}': ambiguous unit '{}': write tsp, tbsp or cup", text, symbol));
    auto unit = parse_unit(symbol);
    if (!unit) throw InputError(fmt::format("'{}': unknown unit '{}'", text, symbol));
    return Quantity{*value, *unit};
}

std::optional<double> to_grams(Quantity q) {
    switch (q.unit) {
    case Unit::kg:
        return q.value * 1000;
    case Unit::lb:
        return q.value * grams_per_lb;
    case Unit::g:
        return q.value;
    case Unit::mg:
        return q.value / 1000;
    default:
        return std::nullopt;
    }
}

std::optional<double> to_kg(Quantity q) {
    if (auto g = to_grams(q)) return *g / 1000;
    return std::nullopt;
}

std::optional<double> to_ml(Quantity q) {
    switch (q.unit) {
    case Unit::l:
        return q.value * 1000;
    case Unit::dl:
        return q.value * 100;
    case Unit::ml:
        return q.value;
    case Unit::fl_oz:
        return q.value * ml_per_fl_oz;
    case Unit::cup:
        return q.value * ml_per_cup;
    case Unit::tbsp:
        return q.value * ml_per_tbsp;
    case Unit::tsp:
        return q.value * ml_per_tsp;
    default:
        return std::nullopt;
    }
}

std::optional<double> to_hours(Quantity q) {
    // Calendar averages: a month is 365.25/12 days, as in WHO growth-standard ages.
    switch (q.unit) {
    case Unit::minute:
        return q.value / 60;
    case Unit::hour:
        return q.value;
    case Unit::day:
        return q.value * 24;
    case Unit::week:
        return q.value * 24 * 7;
    case Unit::month:
        return q.value * 24 * 365.25 / 12;
    case Unit::year:
        return q.value * 24 * 365.25;
    default:
        return std::nullopt;
    }
}

std::string format_fraction(double value, int denominator) {
    // Past 2^53 steps a double holds no fraction and lround would overflow (found by
    // fuzz/fuzz_quantity: 1e59 printed as a negative number): print the whole number.
    if (!(std::abs(value) * denominator < 0x1p53)) return fmt::format("{:.0f}", value);
    long steps = std::lround(value * denominator);
    long whole = steps / denominator;
    long rest = steps % denominator;
    if (rest == 0) return fmt::format("{}", whole);
    long a = rest, b = denominator;
    while (b != 0) {
        long t = a % b;
        a = b;
        b = t;
    }
    std::string fraction = fmt::format("{}/{}", rest / a, denominator / a);
    return whole == 0 ? fraction : fmt::format("{} {}", whole, fraction);
}

} // namespace orscalc
