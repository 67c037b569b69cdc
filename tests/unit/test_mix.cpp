#include "orscalc/library.hpp"
#include "orscalc/mix.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <limits>

using namespace orscalc;

namespace {

const Library& library() {
    static const Library lib = Library::load();
    return lib;
}

MixRequest request_for(std::vector<std::string> have, const std::string& target = "who-2002",
                       MixMode mode = MixMode::household, double volume_ml = 1000) {
    MixRequest r;
    for (const auto& h : have)
        r.available.push_back(parse_available(library(), h));
    r.target = &library().target(target);
    r.mode = mode;
    r.volume_ml = volume_ml;
    r.catalogue = &library().ingredients();
    return r;
}

const MixAmount* amount_of(const MixResult& r, const std::string& id) {
    for (const auto& a : r.amounts)
        if (a.ingredient && a.ingredient->id == id) return &a;
    return nullptr;
}

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

double quantity(const MixResult& r, const char* q) {
    return r.composition->quantity(q).value();
}

} // namespace

TEST_CASE("mix: the four WHO salts reproduce the WHO 2002 formula exactly") {
    // WHO/FCH/CAH/06.1 table 1: Na 75, Cl 65, glucose 75, K 20, citrate 10 mmol/L, 245 mOsm/L
    // from NaCl 2.6, glucose 13.5, KCl 1.5, trisodium citrate dihydrate 2.9 g/L (rounded).
    MixResult r = solve_mix(request_for({"trisodium-citrate-dihydrate", "sodium-chloride",
                                         "potassium-chloride", "glucose-anhydrous", "water"},
                                        "who-2002", MixMode::exact));
    REQUIRE(r.feasible);
    CHECK(quantity(r, "sodium") == doctest::Approx(75).epsilon(0.001));
    CHECK(quantity(r, "chloride") == doctest::Approx(65).epsilon(0.001));
    CHECK(quantity(r, "glucose") == doctest::Approx(75).epsilon(0.002));
    CHECK(quantity(r, "potassium") == doctest::Approx(20).epsilon(0.001));
    CHECK(quantity(r, "citrate") == doctest::Approx(10).epsilon(0.001));
    CHECK(quantity(r, "osmolarity") == doctest::Approx(245).epsilon(0.001));
    CHECK(r.evaluation->verdict == Verdict::meets);
    CHECK(r.objective < 0.01);
    CHECK(amount_of(r, "sodium-chloride")->amount == doctest::Approx(2.6).epsilon(0.02));
    CHECK(amount_of(r, "potassium-chloride")->amount == doctest::Approx(1.5).epsilon(0.01));
    CHECK(amount_of(r, "trisodium-citrate-dihydrate")->amount ==
          doctest::Approx(2.9).epsilon(0.02));
    CHECK(amount_of(r, "glucose-anhydrous")->amount == doctest::Approx(13.5).epsilon(0.01));
}

TEST_CASE("mix: salt, sugar and water give WHO's home recipe in household measures") {
    // WHO/UNICEF: 1/2 level tsp salt and 6 level tsp sugar in 1 L of clean water.
    MixResult r = solve_mix(request_for({"salt", "sugar", "water"}, "who-home-ssd"));
    REQUIRE(r.feasible);
    CHECK(amount_of(r, "salt")->measure == "1/2 level tsp");
    CHECK(amount_of(r, "sugar")->measure == "6 level tsp");
    CHECK(amount_of(r, "salt")->amount == doctest::Approx(3.0));
    CHECK(amount_of(r, "sugar")->amount == doctest::Approx(25.2));
    CHECK(quantity(r, "sodium") == doctest::Approx(50.56).epsilon(1e-3));
    CHECK(quantity(r, "sodium") >= 40);
    CHECK(quantity(r, "sodium") <= 60);
    CHECK(r.water_ml == doctest::Approx(1000));
    CHECK(r.evaluation->verdict == Verdict::meets);

    // Against the WHO 2002 ORS the same kitchen makes a stronger drink, inside its limits.
    MixResult ors = solve_mix(request_for({"salt", "sugar", "water"}));
    REQUIRE(ors.feasible);
    CHECK(quantity(ors, "sodium") >= 60);
    CHECK(quantity(ors, "sodium") <= 90);
    CHECK(quantity(ors, "glucose_sodium_ratio") >= 1);
    CHECK(ors.evaluation->verdict == Verdict::acceptable); // no potassium, no citrate
    CHECK(mentions(ors.diagnosis, "no potassium source among your ingredients"));
    CHECK(mentions(ors.diagnosis, "salt-substitute"));
}

TEST_CASE("mix: apple juice alone is refused as hyperosmolar, with a diagnosis") {
    MixResult r = solve_mix(request_for({"apple-juice"}, "who-home-ssd"));
    CHECK_FALSE(r.feasible);
    CHECK(r.amounts.empty());
    CHECK_FALSE(r.composition);
    auto osm = std::find_if(r.misses.begin(), r.misses.end(),
                            [](const LimitMiss& m) { return m.quantity == "osmolarity"; });
    REQUIRE(osm != r.misses.end());
    CHECK(osm->is_max);
    CHECK(osm->closest == doctest::Approx(700)); // its measured 700 mOsm/kg, all juice
    CHECK(mentions(r.diagnosis, "add water"));
}

TEST_CASE("mix: infeasible cases say what is missing and what would fix it") {
    MixResult no_salt = solve_mix(request_for({"sugar", "water"}));
    CHECK_FALSE(no_salt.feasible);
    CHECK(mentions(no_salt.diagnosis, "no sodium source among your ingredients"));
    CHECK(mentions(no_salt.diagnosis, "add e.g. salt"));
    REQUIRE_FALSE(no_salt.misses.empty());
    CHECK(no_salt.misses[0].quantity == "sodium");
    CHECK(no_salt.misses[0].limit == 60);

    MixResult no_sugar = solve_mix(request_for({"salt", "water"}));
    CHECK_FALSE(no_sugar.feasible);
    CHECK(mentions(no_sugar.diagnosis, "no sugar (glucose or sucrose) source"));
    CHECK(mentions(no_sugar.diagnosis, "sugar"));

    // Juice as the only sugar and sodium source: sodium cannot reach 60 diluted.
    MixResult juice = solve_mix(request_for({"apple-juice", "water"}));
    CHECK_FALSE(juice.feasible);
    CHECK(juice.misses[0].quantity == "sodium");
    CHECK(juice.misses[0].closest < 1); // half-strength juice: ~0.9 mmol/L sodium
    CHECK(mentions(juice.diagnosis, "add a purer sodium source, e.g. salt"));

    MixResult no_water = solve_mix(request_for({"salt", "sugar"}));
    CHECK_FALSE(no_water.feasible);
    CHECK(mentions(no_water.diagnosis, "no water or other drink"));
}

TEST_CASE("mix: the order of the ingredients does not change the answer") {
    std::vector<std::string> have{"salt", "sugar", "lite-salt", "apple-juice<=250mL", "water"};
    MixResult first = solve_mix(request_for(have));
    REQUIRE(first.feasible);
    std::sort(have.begin(), have.end());
    do {
        MixResult r = solve_mix(request_for(have));
        REQUIRE(r.amounts.size() == first.amounts.size());
        for (std::size_t i = 0; i < r.amounts.size(); ++i) {
            CHECK(r.amounts[i].ingredient == first.amounts[i].ingredient);
            CHECK(r.amounts[i].amount == first.amounts[i].amount);
        }
        CHECK(r.objective == first.objective);
    } while (std::next_permutation(have.begin(), have.end()));
}

TEST_CASE("mix: household MILP equals exhaustive enumeration of the measure steps") {
    struct Instance {
        std::vector<std::string> have;
        std::string target;
        double volume_ml;
    };
    const std::vector<Instance> instances{
        {{"salt", "sugar", "water"}, "who-home-ssd", 1000},
        {{"salt", "sugar", "water"}, "who-2002", 1000},
        {{"salt", "sugar", "water"}, "who-2002", 500},
        {{"salt", "sugar", "water"}, "who-home-ssd", 1500},
        {{"kosher-salt-morton", "sugar", "water"}, "who-2002", 1000},
        {{"salt", "sugar", "apple-juice<=200mL", "water"}, "who-home-ssd", 1000},
    };
    for (const auto& inst : instances) {
        CAPTURE(fmt::format("{} {} {}", fmt::join(inst.have, ","), inst.target, inst.volume_ml));
        MixRequest req = request_for(inst.have, inst.target, MixMode::household, inst.volume_ml);
        MixResult r = solve_mix(req);
        REQUIRE(r.feasible);
        // Every combination of whole steps: 1/8 tsp salt, 1/4 tsp sugar, 10 mL juice.
        const Target& target = *req.target;
        std::vector<const Ingredient*> solids, liquids;
        std::vector<double> liquid_caps;
        for (const auto& a : req.available) {
            if (a.ingredient->kind == IngredientKind::water) continue;
            if (a.ingredient->is_liquid()) {
                liquids.push_back(a.ingredient);
                liquid_caps.push_back(a.max_amount.value_or(inst.volume_ml));
            } else {
                solids.push_back(a.ingredient);
            }
        }
        REQUIRE(solids.size() == 2);
        auto tsp_step = [](const Ingredient* ing) { return ing->id == "sugar" ? 0.25 : 0.125; };
        double best = std::numeric_limits<double>::infinity();
        const int juice_steps = liquids.empty() ? 0 : static_cast<int>(liquid_caps[0] / 10);
        for (int i = 0; i <= 24; ++i)
            for (int j = 0; j <= 160; ++j)
                for (int k = 0; k <= juice_steps; ++k) {
                    if (i + j + k == 0) continue;
                    Mixture mix;
                    mix.make_up_to_ml = inst.volume_ml;
                    if (i) mix.lines.push_back({solids[0], {i * tsp_step(solids[0]), Unit::tsp}});
                    if (j) mix.lines.push_back({solids[1], {j * tsp_step(solids[1]), Unit::tsp}});
                    if (k) mix.lines.push_back({liquids[0], {k * 10.0, Unit::ml}});
                    Composition c = compose(mix);
                    if (k * 10.0 > 0.5 * inst.volume_ml) continue; // undiluted juice limit
                    if (evaluate(target, c).verdict == Verdict::fails) continue;
                    best = std::min(best, mix_objective(target, c));
                }
        CHECK(r.objective == doctest::Approx(best).epsilon(1e-6));
        // The continuous optimum relaxes the steps: never worse than the best measured recipe.
        req.mode = MixMode::exact;
        MixResult exact = solve_mix(req);
        REQUIRE(exact.feasible);
        CHECK(exact.objective <= best + 1e-3);
        CHECK(mix_objective(target, *r.composition) == doctest::Approx(r.objective));
    }
}

TEST_CASE("mix: every household answer passes evaluate()'s hard limits as made") {
    const std::vector<std::vector<std::string>> kitchens{
        {"salt", "sugar", "water"},
        {"salt", "sugar", "lite-salt", "water"},
        {"salt", "sugar", "salt-substitute", "baking-soda", "water"},
        {"who-ors-sachet", "water"},
        {"who-ors-sachet", "salt", "sugar", "water"},
        {"salt", "glucose-powder", "water"},
        {"salt", "sugar", "apple-juice<=250mL", "water"},
        {"kosher-salt-morton", "sugar", "water"},
        {"pedialyte-classic", "salt", "sugar", "water"},
    };
    int feasible = 0;
    for (const auto& target : library().targets()) {
        for (const auto& kitchen : kitchens) {
            for (double volume : {500.0, 1000.0, 1500.0}) {
                CAPTURE(fmt::format("{} {} {}", target.id, fmt::join(kitchen, ","), volume));
                MixResult r =
                    solve_mix(request_for(kitchen, target.id, MixMode::household, volume));
                if (!r.feasible) {
                    CHECK_FALSE(r.diagnosis.empty());
                    continue;
                }
                ++feasible;
                // Recompose from what a person measures: the same composition, hard limits hold.
                Mixture made;
                made.make_up_to_ml = volume;
                for (const auto& a : r.amounts)
                    if (a.ingredient->kind != IngredientKind::water)
                        made.lines.push_back({a.ingredient, a.as_measured});
                Composition c = compose(made);
                CHECK(c.osmolarity == r.composition->osmolarity);
                CHECK(c.species(Species::sodium) == r.composition->species(Species::sodium));
                Evaluation e = evaluate(target, c);
                CHECK(e.verdict != Verdict::fails);
                for (const auto& limit : safety_envelope())
                    CHECK(c.quantity(limit.quantity).value_or(0) <= limit.max);
            }
        }
    }
    CHECK(feasible >= 30);
}

TEST_CASE("mix: a sachet is used whole or by halves, caps hold") {
    MixResult half =
        solve_mix(request_for({"who-ors-sachet", "water"}, "who-2002", MixMode::household, 500));
    REQUIRE(half.feasible);
    CHECK(amount_of(half, "who-ors-sachet")->measure == "1/2 sachet");
    CHECK(quantity(half, "sodium") == doctest::Approx(74.07).epsilon(1e-3));

    MixResult capped = solve_mix(request_for({"salt", "sugar", "apple-juice<=30mL", "water"},
                                             "who-home-ssd", MixMode::exact));
    REQUIRE(capped.feasible);
    if (const MixAmount* juice = amount_of(capped, "apple-juice")) CHECK(juice->amount <= 30);
}

TEST_CASE("mix: unknown values are never taken as zero") {
    MixResult r = solve_mix(request_for({"chicken-broth", "salt", "sugar", "water"}));
    REQUIRE(r.feasible);
    CHECK(amount_of(r, "chicken-broth") == nullptr);
    CHECK(mentions(r.notes, "chicken-broth not used: its"));
    CHECK(mentions(r.notes, "osmolarity"));
    // Apple juice has no chloride or citrate data: using it would leave those goals unverified.
    MixResult juice = solve_mix(request_for({"apple-juice", "salt", "sugar", "water"}));
    REQUIRE(juice.feasible);
    CHECK(mentions(juice.notes, "apple-juice"));
    CHECK(juice.composition->species(Species::chloride).has_value());
}

TEST_CASE("mix: with a tolerance every hard limit holds at the worst case") {
    MixRequest req = request_for({"salt", "sugar", "water"}, "who-home-ssd");
    req.tolerance = 0.15;
    MixResult r = solve_mix(req);
    REQUIRE(r.feasible);
    CHECK(r.robust);
    REQUIRE_FALSE(r.tolerance_checks.empty());
    for (const auto& c : r.tolerance_checks) {
        CAPTURE(c.quantity);
        CHECK(c.holds);
        CHECK(c.worst_low <= c.worst_high);
    }
    // 1/2 tsp salt +- 15%: sodium 50.56 x 0.85 .. x 1.15.
    auto na = std::find_if(r.tolerance_checks.begin(), r.tolerance_checks.end(),
                           [](const ToleranceCheck& c) { return c.quantity == "sodium"; });
    REQUIRE(na != r.tolerance_checks.end());
    CHECK(na->worst_high == doctest::Approx(quantity(r, "sodium") * 1.15));
    CHECK(na->worst_low == doctest::Approx(quantity(r, "sodium") * 0.85));

    // Spoon steps of 1/8 tsp salt are too coarse for WHO 2002 at 15%: exact amounts hold.
    MixRequest strict = request_for({"salt", "sugar", "water"});
    strict.tolerance = 0.15;
    MixResult coarse = solve_mix(strict);
    CHECK_FALSE(coarse.feasible);
    CHECK(mentions(coarse.diagnosis, "--exact"));
    strict.mode = MixMode::exact;
    MixResult fine = solve_mix(strict);
    REQUIRE(fine.feasible);
    CHECK(fine.robust);

    // At 45% no amounts at all keep sodium 60-90 (a 1.9x spread needs 90/60 = 1.5x at most).
    strict.tolerance = 0.45;
    MixResult loose = solve_mix(strict);
    CHECK_FALSE(loose.feasible);
    CHECK(mentions(loose.diagnosis, "every hard limit can hold with exact measures, but not"));
    CHECK(mentions(loose.diagnosis, "sodium"));
}

TEST_CASE("mix: bad requests are input errors") {
    MixRequest r = request_for({"salt", "water"});
    r.volume_ml = 0;
    CHECK_THROWS_AS(solve_mix(r), InputError);
    CHECK_THROWS_AS(parse_available(library(), "salt<=1L"), InputError);
    CHECK_THROWS_AS(parse_available(library(), "salz"), InputError);
    CHECK_THROWS_AS(parse_available(library(), "<=2g"), InputError);
    auto list = parse_available_list(library(), "salt, sugar,,apple-juice<=250mL,");
    REQUIRE(list.size() == 3);
    CHECK(list[1].ingredient->id == "sugar");
    CHECK(*list[2].max_amount == 250);
    CHECK_THROWS_AS(parse_available_list(library(), "salt,salz"), InputError);
    AvailableIngredient capped = parse_available(library(), "apple-juice <= 1 cup");
    CHECK(*capped.max_amount == doctest::Approx(236.588).epsilon(1e-5));
}

TEST_CASE("mix: a whole library of ingredients still gives a short, safe household recipe") {
    for (const auto& target : library().targets()) {
        CAPTURE(target.id);
        MixRequest req;
        for (const auto& ing : library().ingredients())
            req.available.push_back({&ing, std::nullopt});
        req.target = &target;
        req.catalogue = &library().ingredients();
        MixResult r = solve_mix(req);
        REQUIRE(r.feasible);
        CHECK(r.evaluation->verdict != Verdict::fails);
        CHECK(r.amounts.size() <= 9);
        CHECK(mentions(r.notes, "banana not used: it is a food"));
        CHECK(mentions(r.notes, "chicken-broth not used"));
    }
}

TEST_CASE("mix: mix_for, the entry point for plan --have, is solve_mix with the library") {
    auto have = parse_available_list(library(), "who-ors-sachet,water");
    MixResult r = mix_for(library(), have, 1500, library().default_target());
    REQUIRE(r.feasible);
    CHECK(r.volume_ml == 1500);
    REQUIRE(r.amounts.size() == 2);
    CHECK(r.amounts[0].measure == "1 1/2 sachets");
    // A quarter litre would need a quarter sachet: whole or half sachets only, so no recipe,
    // and the advice says which volumes work.
    MixResult quarter = mix_for(library(), have, 250, library().default_target());
    CHECK_FALSE(quarter.feasible);
    CHECK(mentions(quarter.diagnosis, "one who-ors-sachet sachet makes 1000 mL: make 500 mL"));
}
