// In-process solve times of mix over many instances: every target x a set of kitchens x
// volumes, continuous (--exact) and household. Prints figures; asserts nothing.
// Targets (issue 3): continuous under 1 ms, household under 20 ms per solve.
#include "orscalc/library.hpp"
#include "orscalc/mix.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Figures {
    std::vector<double> ms;
    int feasible = 0;
};

void print(const char* name, Figures& f) {
    std::sort(f.ms.begin(), f.ms.end());
    double total = 0;
    for (double x : f.ms)
        total += x;
    auto pct = [&](double p) {
        return f.ms[std::min(f.ms.size() - 1, static_cast<std::size_t>(p * f.ms.size()))];
    };
    fmt::print("{:<12} {:>5} solves ({:>3} feasible)  mean {:.3f} ms  median {:.3f} ms  p95 {:.3f} "
               "ms  max {:.3f} ms\n",
               name, f.ms.size(), f.feasible, total / f.ms.size(), pct(0.5), pct(0.95),
               f.ms.back());
}

} // namespace

int main(int argc, char** argv) {
    int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const orscalc::Library library = orscalc::Library::load();
    const std::vector<std::vector<std::string>> kitchens{
        {"salt", "sugar", "water"},
        {"salt", "sugar", "lite-salt", "water"},
        {"salt", "sugar", "salt-substitute", "baking-soda", "water"},
        {"who-ors-sachet", "water"},
        {"who-ors-sachet", "salt", "sugar", "water"},
        {"salt", "glucose-powder", "water"},
        {"salt", "sugar", "apple-juice<=250mL", "water"},
        {"chicken-broth", "apple-juice", "salt", "sugar", "water"},
        {"kosher-salt-morton", "sugar", "lite-salt", "apple-juice", "water"},
        {"pedialyte-classic", "salt", "sugar", "water"},
        {"sodium-chloride", "glucose-anhydrous", "potassium-chloride",
         "trisodium-citrate-dihydrate", "water"},
        {"sodium-chloride", "glucose-anhydrous", "potassium-chloride",
         "trisodium-citrate-dihydrate", "magnesium-chloride-hexahydrate",
         "zinc-sulfate-monohydrate", "sucrose", "water"},
        {"salt", "sugar", "lite-salt", "salt-substitute", "baking-soda", "glucose-powder",
         "apple-juice", "who-ors-sachet", "water"},
        {"sugar", "water"},
        {"apple-juice"},
    };
    Figures exact, household;
    for (int rep = 0; rep < repeats; ++rep)
        for (const auto& target : library.targets())
            for (const auto& kitchen : kitchens)
                for (double volume : {250.0, 500.0, 1000.0, 1500.0, 2000.0}) {
                    std::vector<orscalc::AvailableIngredient> have;
                    for (const auto& h : kitchen)
                        have.push_back(orscalc::parse_available(library, h));
                    for (auto mode : {orscalc::MixMode::exact, orscalc::MixMode::household}) {
                        auto start = Clock::now();
                        orscalc::MixResult r =
                            orscalc::mix_for(library, have, volume, target, mode);
                        double ms =
                            std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                        Figures& f = mode == orscalc::MixMode::exact ? exact : household;
                        f.ms.push_back(ms);
                        f.feasible += r.feasible ? 1 : 0;
                    }
                }
    fmt::print("mix, in-process solve_mix over {} targets x {} kitchens x 5 volumes x {} "
               "repeats\n",
               library.targets().size(), kitchens.size(), repeats);
    print("continuous", exact);
    print("household", household);
    fmt::print("targets: continuous < 1 ms, household < 20 ms per solve\n");
    return 0;
}
