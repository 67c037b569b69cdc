#pragma once
// Helpers for end-to-end tests: run orscalc, parse its JSON, find things in it.
#include "run_binary.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using json = nlohmann::json;

inline json run_json(const std::vector<std::string>& args, int expected_exit = 0,
                     const std::string& in = "") {
    std::vector<std::string> a{"--format", "json"};
    a.insert(a.end(), args.begin(), args.end());
    RunResult r = run_orscalc(a, in);
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == expected_exit);
    REQUIRE_FALSE(r.out.empty());
    return json::parse(r.out);
}

// Feeds a mix report's amounts to `check --add` at its target, made up with water to its
// volume (unless the question had no water), expecting check's exit for the mix's verdict.
inline json check_of_mix(const json& mix, bool make_up_with_water = true) {
    std::vector<std::string> args{"check", "--target", mix["target"].get<std::string>()};
    if (make_up_with_water) {
        args.push_back("--volume");
        args.push_back(fmt::format("{}mL", mix["volume_ml"].get<double>()));
    }
    for (const auto& a : mix["amounts"]) {
        if (a["ingredient"] == "water") continue;
        args.push_back("--add");
        args.push_back(fmt::format("{}={}{}", a["ingredient"].get<std::string>(),
                                   a["amount"].get<double>(), a["unit"].get<std::string>()));
    }
    INFO("check: " << fmt::format("{}", fmt::join(args, " ")));
    return run_json(args, mix["verdict"] == "fails" ? 1 : 0);
}

inline const json& check_named(const json& report, const std::string& name) {
    for (const auto& c : report.at("checks"))
        if (c.at("name") == name) return c;
    FAIL("no check named " << name);
    static json none;
    return none;
}

inline bool any_warning_contains(const json& report, const std::string& text) {
    for (const auto& w : report.at("warnings"))
        if (w.get<std::string>().find(text) != std::string::npos) return true;
    return false;
}

inline std::string temp_path(const std::string& name) {
    return std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/orscalc-test-" +
           std::to_string(::getpid()) + "-" + name;
}

inline void write_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
