// Issue 6's safety invariant, as a property: over many random questions (ingredient subsets of
// the shipped library, caps, volumes, every shipped target, household and exact), every
// recipe mix recommends, composed again from its amounts alone and evaluated, lies inside the
// safety envelope and the target's hard limits and keeps to the caps; every question without
// a recipe gets no amounts and a diagnosis. The seed is fixed: a failure replays exactly.
#include "orscalc/library.hpp"
#include "orscalc/mix.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace orscalc;

namespace {

const Library& library() {
    static const Library lib = Library::load();
    return lib;
}

// The question in the words of the command line, for a failure message that replays it.
std::string describe(const MixRequest& r) {
    std::string have;
    for (const auto& a : r.available) {
        have += (have.empty() ? "" : ",") + a.ingredient->id;
        if (a.max_amount)
            have += fmt::format("<={:g}{}", *a.max_amount, base_unit_symbol(*a.ingredient));
    }
    return fmt::format("mix --have '{}' --volume {:g}mL --target {}{}{}", have, r.volume_ml,
                       r.target->id, r.mode == MixMode::exact ? " --exact" : "",
                       r.tolerance ? fmt::format(" --tolerance {:g}%", *r.tolerance * 100) : "");
}

bool has_water(const MixRequest& request) {
    return std::any_of(request.available.begin(), request.available.end(),
                       [](const auto& a) { return a.ingredient->kind == IngredientKind::water; });
}

// What a person following the recipe makes: each amount as measured ("1/2 level tsp", "250
// mL"), water to the volume. The measure must also be the amount the report gives in g or mL.
Composition recompose(const MixRequest& request, const MixResult& result) {
    Mixture mixture;
    for (const auto& a : result.amounts) {
        REQUIRE(a.ingredient != nullptr);
        if (a.ingredient->kind == IngredientKind::water) continue; // the make-up water
        CAPTURE(a.ingredient->id);
        CHECK(amount_in_base_unit(*a.ingredient, a.as_measured) ==
              doctest::Approx(a.amount).epsilon(1e-9));
        mixture.lines.push_back({a.ingredient, a.as_measured});
    }
    if (has_water(request)) mixture.make_up_to_ml = request.volume_ml;
    return compose(mixture);
}

constexpr double slack = 1e-9; // the evaluation's own: values from exact arithmetic

// Every hard limit a drink must keep (the envelope, the target's hard ranges, at most half
// juice or soft drink), checked on a composition; the first broken one in words, or empty.
std::string broken_hard_limit(const Target& target, const Composition& c) {
    for (const auto& limit : safety_envelope()) {
        auto v = c.quantity(limit.quantity);
        if (!v || *v > limit.max + slack)
            return fmt::format("envelope {}: {} > {}", limit.quantity, v ? *v : -1, limit.max);
    }
    for (const auto& r : target.ranges) {
        if (!r.hard) continue;
        auto v = c.quantity(r.quantity);
        if (!v) return fmt::format("hard {} unknown", r.quantity);
        if ((r.min && *v < *r.min - slack) || (r.max && *v > *r.max + slack))
            return fmt::format("hard {} = {} outside [{}, {}]", r.quantity, *v, r.min.value_or(0),
                               r.max.value_or(-1));
    }
    for (const auto& line : c.lines)
        if (line.ingredient->undiluted_warning && c.undiluted_share(*line.ingredient) > 0.5 + slack)
            return fmt::format("undiluted {}: {}", line.ingredient->id,
                               c.undiluted_share(*line.ingredient));
    if (evaluate(target, c).verdict == Verdict::fails) return "evaluate: fails";
    return {};
}

// The recipe as made keeps every hard limit, the caps and the volume; the first broken one.
std::string broken_limit(const MixRequest& request, const MixResult& result, const Composition& c) {
    if (auto broken = broken_hard_limit(*request.target, c); !broken.empty()) return broken;
    for (const auto& a : result.amounts) {
        if (a.amount < 0) return fmt::format("{}: negative amount {}", a.ingredient->id, a.amount);
        for (const auto& have : request.available)
            if (have.ingredient == a.ingredient && have.max_amount &&
                a.amount > *have.max_amount + slack)
                return fmt::format("{}: {} over its cap {}", a.ingredient->id, a.amount,
                                   *have.max_amount);
    }
    if (std::abs(c.volume_ml - result.volume_ml) > 0.5)
        return fmt::format("volume {} mL, asked {} mL", c.volume_ml, result.volume_ml);
    return {};
}

// With --tolerance, a recipe said to be robust keeps every hard limit at each corner of
// "every measured amount off by up to t" (the make-up mark taken as exact, as mix_tolerance
// states it); checked here by composing each corner again.
std::string broken_at_a_corner(const MixRequest& request, const Composition& made) {
    const double t = *request.tolerance;
    const std::size_t n = made.lines.size();
    REQUIRE(n <= 12);
    for (std::size_t corner = 0; corner < (std::size_t{1} << n); ++corner) {
        Mixture mixture;
        double liquids = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const ResolvedLine& line = made.lines[i];
            double amount = line.amount * ((corner >> i & 1) ? 1 + t : 1 - t);
            if (line.ingredient->is_liquid()) liquids += amount;
            mixture.lines.push_back(
                {line.ingredient, {amount, line.ingredient->is_liquid() ? Unit::ml : Unit::g}});
        }
        if (has_water(request)) mixture.make_up_to_ml = std::max(request.volume_ml, liquids);
        if (auto broken = broken_hard_limit(*request.target, compose(mixture)); !broken.empty())
            return fmt::format("corner {}: {}", corner, broken);
    }
    return {};
}

struct Counts {
    int instances = 0, feasible = 0, infeasible = 0, robust = 0;
};

// One random question: 1 to 6 of the library's ingredients (water more often than not, as
// every kitchen has it), some capped, a volume of 100 mL to 3 L.
MixRequest random_request(std::mt19937& rng, const Target& target, MixMode mode) {
    const auto& all = library().ingredients();
    std::vector<const Ingredient*> pool, water;
    for (const auto& ing : all)
        (ing.kind == IngredientKind::water ? water : pool).push_back(&ing);
    auto uniform = [&](double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(rng);
    };
    MixRequest r;
    r.target = &target;
    r.mode = mode;
    r.catalogue = &all;
    // Volumes a person would ask for: whole 10 mL, so the question replays from its words.
    r.volume_ml = std::round(uniform(100, 3000) / 10) * 10;
    std::shuffle(pool.begin(), pool.end(), rng);
    const int n = std::uniform_int_distribution<int>(1, 6)(rng);
    for (int i = 0; i < n && i < static_cast<int>(pool.size()); ++i) {
        AvailableIngredient a{pool[static_cast<std::size_t>(i)], std::nullopt};
        if (uniform(0, 1) < 0.3) {
            // A cap from a pinch (or a splash) to more than any recipe needs, 3 significant
            // digits so that the command line in a failure message is the same question.
            double cap = a.ingredient->is_liquid() ? std::exp(uniform(std::log(10), std::log(2000)))
                                                   : std::exp(uniform(std::log(0.2), std::log(60)));
            a.max_amount = std::stod(fmt::format("{:.3g}", cap));
        }
        r.available.push_back(a);
    }
    // Half the questions also hold a kitchen's sodium and sugar, so that recipes (and not only
    // refusals) are common enough to test.
    if (uniform(0, 1) < 0.5)
        for (const auto& choices : {std::vector<std::string_view>{"salt", "sodium-chloride",
                                                                  "who-ors-sachet", "lite-salt"},
                                    std::vector<std::string_view>{"sugar", "glucose-anhydrous",
                                                                  "glucose-powder", "sucrose"}})
            if (const Ingredient* ing =
                    library().find_ingredient(choices[std::uniform_int_distribution<std::size_t>(
                        0, choices.size() - 1)(rng)]))
                r.available.push_back({ing, std::nullopt});
    // The same ingredient twice, with another cap: the smaller cap must win.
    if (uniform(0, 1) < 0.1) {
        AvailableIngredient again =
            r.available[std::uniform_int_distribution<std::size_t>(0, r.available.size() - 1)(rng)];
        again.max_amount = std::stod(fmt::format(
            "{:.3g}", again.ingredient->is_liquid() ? uniform(10, 1000) : uniform(0.2, 30)));
        r.available.push_back(again);
    }
    // Spoons are not scales: some questions ask for a recipe robust to 5-20% off each measure.
    if (uniform(0, 1) < 0.15) r.tolerance = std::round(uniform(5, 20)) / 100;
    if (!water.empty() && uniform(0, 1) < 0.75)
        r.available.push_back(
            {water[std::uniform_int_distribution<std::size_t>(0, water.size() - 1)(rng)],
             std::nullopt});
    return r;
}

// Per target and mode; ORSCALC_PROPERTY_INSTANCES overrides it (a long soak run). The default,
// 3000 questions in all, takes about 1.5 s optimised and 8 s in the Debug ASan build.
int instances_per_case() {
    if (const char* env = std::getenv("ORSCALC_PROPERTY_INSTANCES")) return std::atoi(env);
    return 300;
}

void check_instance(const MixRequest& request, Counts& counts) {
    CAPTURE(describe(request));
    MixResult result = solve_mix(request);
    ++counts.instances;
    if (!result.feasible) {
        ++counts.infeasible;
        CHECK(result.amounts.empty());
        CHECK_FALSE(result.composition);
        CHECK_FALSE(result.diagnosis.empty());
        return;
    }
    ++counts.feasible;
    if (request.tolerance) ++counts.robust;
    REQUIRE_FALSE(result.amounts.empty());
    Composition c = recompose(request, result);
    CHECK(broken_limit(request, result, c) == "");
    if (request.tolerance) {
        CHECK(result.robust);
        CHECK(broken_at_a_corner(request, c) == "");
    }
    // The recipe as reported is the recipe as made: its composition is the independent one.
    REQUIRE(result.composition);
    for (const auto& q : {"sodium", "potassium", "osmolarity", "glucose_equivalent"}) {
        auto mine = c.quantity(q), theirs = result.composition->quantity(q);
        CHECK(mine.has_value() == theirs.has_value());
        if (mine && theirs) CHECK(*mine == doctest::Approx(*theirs).epsilon(1e-6));
    }
}

} // namespace

TEST_CASE("mix safety: random questions never get a recipe outside the hard limits") {
    // ORSCALC_PROPERTY_SEED: another fixed sequence for a soak run; the default is the test's.
    const char* seed = std::getenv("ORSCALC_PROPERTY_SEED");
    std::mt19937 rng(seed ? static_cast<unsigned>(std::strtoul(seed, nullptr, 10)) : 20261125u);
    Counts counts;
    const int per_case = instances_per_case();
    for (const auto& target : library().targets())
        for (MixMode mode : {MixMode::household, MixMode::exact})
            for (int i = 0; i < per_case; ++i)
                check_instance(random_request(rng, target, mode), counts);
    MESSAGE(fmt::format("mix safety property: {} instances, {} feasible ({} of them robust to "
                        "a --tolerance), {} infeasible",
                        counts.instances, counts.feasible, counts.robust, counts.infeasible));
    CHECK(counts.instances == per_case * 2 * static_cast<int>(library().targets().size()));
    CHECK(counts.feasible > 0);
    CHECK(counts.infeasible > 0);
}

// Found by the property (seed 2): at 10% the ESPGHAN sodium range (54-66) leaves exactly one
// robust sodium, 60, which no rounded amount hits. The refusal carried the rejected attempt's
// composition and worst cases, and advised --exact to a question asked with --exact.
TEST_CASE("mix safety: a refusal on the edge of a tolerance carries no recipe") {
    MixRequest r;
    for (const char* id : {"gatorade-thirst-quencher<=1020mL", "zinc-sulfate-heptahydrate<=23.8g",
                           "salt", "glucose-powder", "water"})
        r.available.push_back(parse_available(library(), id));
    r.volume_ml = 570;
    r.target = &library().target("espghan");
    r.mode = MixMode::exact;
    r.tolerance = 0.10;
    r.catalogue = &library().ingredients();
    MixResult result = solve_mix(r);
    REQUIRE_FALSE(result.feasible);
    CHECK(result.amounts.empty());
    CHECK_FALSE(result.composition);
    CHECK_FALSE(result.evaluation);
    CHECK(result.tolerance_checks.empty());
    CHECK_FALSE(result.robust);
    REQUIRE_FALSE(result.diagnosis.empty());
    CHECK(result.diagnosis[0].find("lower --tolerance") != std::string::npos);
    CHECK(result.diagnosis[0].find("use --exact") == std::string::npos);
}
