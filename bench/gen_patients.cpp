// Writes a realistic synthetic patient file for the batch benchmark: a fixed seed, so every
// run and every machine gets the same rows. Usage: gen_patients ROWS [csv|jsonl] > file
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace {

// A cholera treatment centre's mix: mostly children, some adults; most with some or no
// dehydration; a few red flags; a few rows with age only, or a percentage.
struct Row {
    std::string weight, age, dehydration, symptoms, duration;
    int stools = 0, vomits = 0;
};

Row make_row(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    Row r;
    double p = u(rng);
    double kg;
    bool under_10_years = true;
    if (p < 0.55) { // under five
        int months = 1 + static_cast<int>(u(rng) * 59);
        kg = 3.5 + months * 0.25 + u(rng) * 2;
        r.age = std::to_string(months) + "mo";
    } else if (p < 0.75) {
        int years = 5 + static_cast<int>(u(rng) * 10);
        kg = 16 + (years - 5) * 3.0 + u(rng) * 6;
        under_10_years = years < 10;
        r.age = std::to_string(years) + "y";
    } else {
        int years = 15 + static_cast<int>(u(rng) * 60);
        kg = 45 + u(rng) * 40;
        under_10_years = false;
        r.age = std::to_string(years) + "y";
    }
    // 5% of the children have no scale: age only (the WHO weight-for-age reference covers
    // up to 10 years; an adult always needs a weight).
    if (!under_10_years || u(rng) > 0.05) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1fkg", kg);
        r.weight = buf;
    }
    double d = u(rng);
    r.dehydration = d < 0.45 ? "none" : d < 0.85 ? "some" : d < 0.95 ? "5%" : "severe";
    r.stools = static_cast<int>(u(rng) * 10);
    r.vomits = static_cast<int>(u(rng) * 4);
    double f = u(rng);
    if (f < 0.03)
        r.symptoms = "blood-in-stool";
    else if (f < 0.05)
        r.symptoms = "lethargy;very-dark-urine";
    if (u(rng) < 0.3) r.duration = std::to_string(1 + static_cast<int>(u(rng) * 4)) + "d";
    return r;
}

} // namespace

int main(int argc, char** argv) {
    long rows = argc > 1 ? std::atol(argv[1]) : 1000000;
    bool jsonl = argc > 2 && std::strcmp(argv[2], "jsonl") == 0;
    std::mt19937_64 rng(20261125); // fixed seed: the same file everywhere
    if (!jsonl) std::fputs("id,weight,age,dehydration,stools,vomits,symptoms,duration\n", stdout);
    for (long i = 1; i <= rows; ++i) {
        Row r = make_row(rng);
        if (jsonl)
            std::printf(
                "{\"id\":\"P%07ld\",\"weight\":\"%s\",\"age\":\"%s\",\"dehydration\":\"%s\","
                "\"stools\":%d,\"vomits\":%d,\"symptoms\":\"%s\",\"duration\":\"%s\"}\n",
                i, r.weight.c_str(), r.age.c_str(), r.dehydration.c_str(), r.stools, r.vomits,
                r.symptoms.c_str(), r.duration.c_str());
        else
            std::printf("P%07ld,%s,%s,%s,%d,%d,%s,%s\n", i, r.weight.c_str(), r.age.c_str(),
                        r.dehydration.c_str(), r.stools, r.vomits, r.symptoms.c_str(),
                        r.duration.c_str());
    }
    return 0;
}
