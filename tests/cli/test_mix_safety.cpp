// Issue 6's safety invariant through the real binary: random `mix --have` questions (fixed
// seed), each recipe's amounts fed to `orscalc check --add`, which must not say "fails" and
// must find the composition mix reported; each refusal is exit 1 with a diagnosis. The wide
// search is the library property test (tests/unit/test_mix_safety.cpp); this slice proves
// the command line says what the library computed.
#include "e2e.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <random>

namespace {

// Shipped ingredients a kitchen, a pharmacy or a shop may hold (foods are set aside by mix).
const std::vector<std::string> ingredients = {"apple-juice",
                                              "baking-soda",
                                              "chicken-broth",
                                              "coconut-water",
                                              "cola",
                                              "fructose",
                                              "gatorade-thirst-quencher",
                                              "glucose-anhydrous",
                                              "glucose-powder",
                                              "lite-salt",
                                              "orange-juice",
                                              "pedialyte-classic",
                                              "potassium-chloride",
                                              "salt",
                                              "salt-substitute",
                                              "sodium-chloride",
                                              "sucrose",
                                              "sugar",
                                              "trisodium-citrate-dihydrate",
                                              "who-ors-sachet",
                                              "banana",
                                              "magnesium-chloride-hexahydrate"};
const std::vector<std::string> liquids = {
    "apple-juice",  "chicken-broth",    "coconut-water", "cola", "gatorade-thirst-quencher",
    "orange-juice", "pedialyte-classic"};
const std::vector<std::string> targets = {"who-2002", "who-home-ssd", "who-1975", "espghan",
                                          "resomal"};

std::vector<std::string> with_json(std::vector<std::string> args) {
    args.insert(args.begin(), {"--format", "json"});
    return args;
}

bool is_liquid(const std::string& id) {
    return std::find(liquids.begin(), liquids.end(), id) != liquids.end();
}

struct Question {
    std::vector<std::string> args;
    bool water = false;
};

Question random_question(std::mt19937& rng) {
    auto pick = [&](const std::vector<std::string>& from) {
        return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
    };
    auto uniform = [&](double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(rng);
    };
    std::vector<std::string> have;
    const int n = std::uniform_int_distribution<int>(1, 4)(rng);
    for (int i = 0; i < n; ++i) {
        std::string id = pick(ingredients);
        if (uniform(0, 1) < 0.25)
            id += is_liquid(id) ? fmt::format("<={:.0f}mL", uniform(50, 1500))
                                : fmt::format("<={:.1f}g", uniform(0.5, 40));
        have.push_back(id);
    }
    if (uniform(0, 1) < 0.6) {
        have.push_back(pick({"salt", "sodium-chloride", "who-ors-sachet"}));
        have.push_back(pick({"sugar", "glucose-anhydrous"}));
    }
    Question q;
    q.water = uniform(0, 1) < 0.8;
    if (q.water) have.push_back("water");
    q.args = {"mix",
              "--have",
              fmt::format("{}", fmt::join(have, ",")),
              "--volume",
              fmt::format("{:.0f}mL", std::round(uniform(100, 3000) / 10) * 10),
              "--target",
              pick(targets)};
    if (uniform(0, 1) < 0.5) q.args.push_back("--exact");
    return q;
}

} // namespace

TEST_CASE("mix safety end to end: random questions, every recipe re-checked by check") {
    std::mt19937 rng(4);
    int instances = 0, feasible = 0, infeasible = 0;
    for (int i = 0; i < 50; ++i) {
        Question q = random_question(rng);
        CAPTURE(fmt::format("{}", fmt::join(q.args, " ")));
        RunResult r = run_orscalc(with_json(q.args));
        INFO("stderr: " << r.err);
        REQUIRE((r.exit_code == 0 || r.exit_code == 1));
        json mix = json::parse(r.out);
        ++instances;
        if (r.exit_code == 1) {
            ++infeasible;
            CHECK(mix["feasible"] == false);
            CHECK(mix["amounts"].empty());
            CHECK_FALSE(mix["diagnosis"].empty());
            continue;
        }
        ++feasible;
        CHECK(mix["verdict"] != "fails");
        json check = check_of_mix(mix, q.water);
        CHECK(check["verdict"] != "fails");
        CHECK(check["verdict"] == mix["verdict"]);
        for (const auto& [key, value] : mix["composition"].items()) {
            CAPTURE(key);
            const json& mine = check["composition"][key];
            CHECK(mine.is_null() == value.is_null());
            if (value.is_number() && mine.is_number())
                CHECK(mine.get<double>() == doctest::Approx(value.get<double>()).epsilon(1e-3));
        }
    }
    MESSAGE(fmt::format("mix safety end to end: {} instances, {} feasible, {} infeasible",
                        instances, feasible, infeasible));
    CHECK(feasible > 0);
    CHECK(infeasible > 0);
}
