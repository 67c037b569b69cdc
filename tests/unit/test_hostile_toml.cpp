// Hostile TOML text: toml++ 3.3 has undefined behaviour on some non-ASCII code points where it
// skips whitespace (src/toml_guard.cpp); every such document must be an InputError at its
// line:column, and non-ASCII text where TOML allows it must still load.
#include "fixture.hpp"

#include "orscalc/error.hpp"

#include <doctest/doctest.h>

namespace {

std::string mixture_error(const std::string& text) {
    try {
        fixture_library().parse_mixture(text, "m.toml");
    } catch (const orscalc::InputError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("hostile TOML: non-ASCII where toml++ 3.3 would reach unreachable code") {
    struct Case {
        std::string text;
        std::string where;
    };
    // U+00A7 and U+FEFA fall in the ranges the generated table mishandles (tomlplusplus#190).
    const std::string s = "\xc2\xa7";
    std::vector<Case> cases{
        {s, "m.toml:1:1: non-ASCII"},
        {"[ingredients]\nsalt = " + s, "m.toml:2:8"},
        {"[ingredients]\nsalt " + s + "= 1", "m.toml:2:6"},
        {"[ingredients]\nsalt = \"1 g\"" + s, "m.toml:2:13"},
        {"name =1\"zx\xef\xbb\xba\"", "m.toml:1:11"},
        {"name = \"\"\"\\\n" + s + "\"\"\"", "line-ending backslash"},
        {"name = \"\"\"a\\  \r\n \t" + s + "\"\"\"", "line-ending backslash"},
        {"[" + s + "]", "m.toml:1:2"},
        {"a = [1, " + s + "]", "m.toml:1:9"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(mixture_error(c.text).find(c.where) != std::string::npos);
    }
}

TEST_CASE("hostile TOML: non-ASCII inside strings and comments still loads") {
    auto file = fixture_library().parse_mixture(
        "\xEF\xBB\xBF# caf\xc3\xa9 \xc2\xa7\nname = \"caf\xc3\xa9 \xc2\xb7 \\\" \xc2\xa7\"\n"
        "note = '\xc2\xa7'\nsource = \"\"\"\n\xc2\xa7 \"\" \xc2\xa7\"\"\"\"\n"
        "[ingredients]\nsalt = \"1 tsp\" # \xc2\xa7\n",
        "m.toml");
    CHECK(file.mixture.name == "caf\xc3\xa9 \xc2\xb7 \" \xc2\xa7");
    CHECK(file.mixture.lines.size() == 1);
}
