#include "orscalc/chemistry.hpp"

#include "orscalc/error.hpp"

#include <cctype>
#include <fmt/format.h>

namespace orscalc {
namespace {

struct Element {
    std::string_view symbol;
    double weight;
};

// IUPAC standard atomic weights, abridged/conventional values (IUPAC CIAAW 2021; Prohaska
// et al., Pure Appl. Chem. 2022;94:573). Enough elements for ORS chemistry and foods.
constexpr std::array elements{
    Element{"H", 1.008},   Element{"C", 12.011},  Element{"N", 14.007},  Element{"O", 15.999},
    Element{"Na", 22.990}, Element{"Mg", 24.305}, Element{"P", 30.974},  Element{"S", 32.06},
    Element{"Cl", 35.45},  Element{"K", 39.098},  Element{"Ca", 40.078}, Element{"Fe", 55.845},
    Element{"Cu", 63.546}, Element{"Zn", 65.38},  Element{"I", 126.90},
};

// A neutral solute dissolves as one particle; salts dissociate fully (an approximation the
// WHO 245 mOsm/L figure itself uses: 75 + 65 + 75 + 20 + 10).
constexpr std::array<SpeciesInfo, species_count> species_table{{
    {Species::sodium, "sodium", "Na", +1, true},
    {Species::potassium, "potassium", "K", +1, true},
    {Species::magnesium, "magnesium", "Mg", +2, true},
    {Species::calcium, "calcium", "Ca", +2, true},
    {Species::zinc, "zinc", "Zn", +2, true},
    {Species::chloride, "chloride", "Cl", -1, true},
    {Species::bicarbonate, "bicarbonate", "HCO3", -1, true},
    {Species::citrate, "citrate", "C6H5O7", -3, true},
    {Species::sulfate, "sulfate", "SO4", -2, true},
    {Species::glucose, "glucose", "C6H12O6", 0, true},
    {Species::fructose, "fructose", "C6H12O6", 0, true},
    {Species::sucrose, "sucrose", "C12H22O11", 0, true},
    {Species::caffeine, "caffeine", "C8H10N4O2", 0, false},
    {Species::ethanol, "ethanol", "C2H6O", 0, true},
}};

class FormulaParser {
  public:
    explicit FormulaParser(std::string_view text) : text_(text) {}

    Formula parse() {
        Formula total;
        // Hydrate parts: "MgSO4.7H2O" is MgSO4 plus 7 x H2O.
        while (true) {
            int multiplier = read_count(1);
            Formula part = parse_group();
            for (auto& [el, n] : part)
                total[el] += n * multiplier;
            if (pos_ >= text_.size()) break;
            if (!consume_hydrate_dot()) fail("unexpected character");
        }
        if (total.empty()) fail("empty formula");
        return total;
    }

  private:
    Formula parse_group() {
        Formula group;
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c == '(') {
                ++pos_;
                Formula inner = parse_group();
                if (pos_ >= text_.size() || text_[pos_] != ')') fail("unbalanced '('");
                ++pos_;
                int n = read_count(1);
                for (auto& [el, k] : inner)
                    group[el] += k * n;
            } else if (c == ')') {
                return group;
            } else if (std::isupper(static_cast<unsigned char>(c))) {
                std::string symbol(1, c);
                ++pos_;
                while (pos_ < text_.size() && std::islower(static_cast<unsigned char>(text_[pos_])))
                    symbol += text_[pos_++];
                atomic_weight(symbol); // throws for an unknown element
                group[symbol] += read_count(1);
            } else {
                break;
            }
        }
        return group;
    }

    bool consume_hydrate_dot() {
        if (text_[pos_] == '.' || text_[pos_] == '*') {
            ++pos_;
            return true;
        }
        if (text_.substr(pos_, 2) == "\xC2\xB7") {
            pos_ += 2;
            return true;
        } // U+00B7 middle dot
        return false;
    }

    int read_count(int absent) {
        if (pos_ >= text_.size() || !std::isdigit(static_cast<unsigned char>(text_[pos_])))
            return absent;
        int n = 0;
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
            n = n * 10 + (text_[pos_++] - '0');
            if (n > 10000) fail("count too large");
        }
        if (n == 0) fail("zero count");
        return n;
    }

    [[noreturn]] void fail(std::string_view why) {
        throw InputError(fmt::format("formula '{}': {} at character {}", text_, why, pos_ + 1));
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

} // namespace

Formula parse_formula(std::string_view text) {
    return FormulaParser(text).parse();
}

double atomic_weight(std::string_view symbol) {
    for (const auto& e : elements)
        if (e.symbol == symbol) return e.weight;
    throw InputError(fmt::format("unknown element '{}'", symbol));
}

double molar_mass(const Formula& formula) {
    double mass = 0;
    for (const auto& [symbol, count] : formula)
        mass += atomic_weight(symbol) * count;
    return mass;
}

const std::array<SpeciesInfo, species_count>& all_species() {
    return species_table;
}

const SpeciesInfo& info(Species species) {
    return species_table[static_cast<std::size_t>(species)];
}

std::optional<Species> species_from_name(std::string_view name) {
    for (const auto& s : species_table)
        if (s.name == name) return s.species;
    return std::nullopt;
}

double species_molar_mass(Species species) {
    // Computed once from the formulas; the table is constant, so this cache never changes.
    static const std::array<double, species_count> masses = [] {
        std::array<double, species_count> m{};
        for (const auto& s : species_table)
            m[static_cast<std::size_t>(s.species)] = molar_mass(parse_formula(s.formula));
        return m;
    }();
    return masses[static_cast<std::size_t>(species)];
}

} // namespace orscalc
