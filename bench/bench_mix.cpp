// In-process solve times of mix over many instances: every target x a set of kitchens x
// volumes, continuous (--exact) and household. Prints figures; asserts nothing.
// Targets (issue 3): continuous under 1 ms, household under 20 ms per solve.
#include "orscalc/library.hpp"
#include "orscalc/mix.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this thread: the figure that does not depend on what else the machine runs
// (2 cores shared with other builds); wall time is printed beside it.
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Figures {
    std::vector<double> wall_ms, cpu_ms;
    int feasible = 0;
};

void print_line(const char* name, const char* clock, std::vector<double>& ms, int feasible) {
    std::sort(ms.begin(), ms.end());
    double total = 0;
    for (double x : ms)
        total += x;
    auto pct = [&](double p) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))];
    };
    fmt::print("{:<11} {:<5} {:>5} solves ({:>3} feasible)  mean {:.3f} ms  median {:.3f} ms  "
               "p95 {:.3f} ms  max {:.3f} ms\n",
               name, clock, ms.size(), feasible, total / ms.size(), pct(0.5), pct(0.95), ms.back());
}

void print(const char* name, Figures& f) {
    print_line(name, "cpu", f.cpu_ms, f.feasible);
    print_line(name, "wall", f.wall_ms, f.feasible);
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
                        double cpu_start = cpu_ms();
                        orscalc::MixResult r =
                            orscalc::mix_for(library, have, volume, target, mode);
                        double cpu = cpu_ms() - cpu_start;
                        double ms =
                            std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                        Figures& f = mode == orscalc::MixMode::exact ? exact : household;
                        f.wall_ms.push_back(ms);
                        f.cpu_ms.push_back(cpu);
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
