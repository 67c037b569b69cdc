#pragma once
// Helpers for end-to-end tests: run orscalc, parse its JSON, find things in it.
#include "run_binary.hpp"

#include <doctest/doctest.h>
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
