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
        {"x = \"\"\"\\\xc7\x94\"\"\"", "m.toml:1:9: non-ASCII character right after a backslash"},
        {"nam=1m=\"\xef\xbb\xb5\"", "m.toml:1:9: non-ASCII"},
        {"'a' .'b \"c'.''\xef\xbb\xbe = 1", "m.toml:1:15: non-ASCII"},
        {"x = [1, 2m=\"" + s + "\"]", "m.toml:1:13: non-ASCII"},
        {"x = \"\"\"a\\\n\n\\" + s + "\"\"\"", "m.toml:3:2: non-ASCII character right after a"},
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
    // Strings right after '=', '[', ',' or '{' open as strings, without spaces too.
    auto tight =
        fixture_library().parse_mixture("name=\"\xc2\xa7\"\nnote=[1,\"\xc2\xa7\",{a=\"\xc2\xa7\"},"
                                        "2.5]\n[ingredients]\nsalt=\"1 tsp\"\n",
                                        "m.toml");
    CHECK(tight.mixture.name == "\xc2\xa7");
    CHECK(mixture_error("x.\"\xc2\xa7\".'\xc2\xa7' = 1\n[\"\xc2\xa7\".'\xc2\xa7']\n")
              .find("unknown key 'x'") != std::string::npos);
    CHECK(file.mixture.lines.size() == 1);
}

TEST_CASE("hostile TOML: nesting is capped at 100 levels before toml++ recurses") {
    // Dotted keys and table headers have no depth limit in toml++ 3.3, whose recursive tree
    // walk overflowed the stack at 50 000 levels (src/toml_guard.cpp). Depth counts tables:
    // "[a.b]" opens 2, the key "a.b.c = 1" opens 2, "x = {" 1.
    auto dotted = [](int levels) {
        std::string key = "a";
        for (int i = 1; i < levels; ++i)
            key += ".a";
        return key;
    };
    CHECK(mixture_error("[" + dotted(101) + "]\n").find("m.toml:1:") != std::string::npos);
    CHECK(mixture_error("[" + dotted(101) + "]\n").find("nested more than 100") !=
          std::string::npos);
    CHECK(mixture_error(dotted(102) + " = 1\n").find("nested more than 100") != std::string::npos);
    CHECK(mixture_error("x = " + std::string(101, '[') + std::string(101, ']'))
              .find("nested more than 100") != std::string::npos);
    CHECK(mixture_error("[a.b]\nx = {" + dotted(99) + " = 1}\n").find("nested more than 100") !=
          std::string::npos);
    // At the limit, and with many floats and quoted dots, the guard stays silent: the document
    // reaches the mixture checks (an unknown key), not the guard.
    CHECK(mixture_error("[" + dotted(100) + "]\n").find("unknown key 'a'") != std::string::npos);
    CHECK(mixture_error(dotted(101) + " = 1\n").find("unknown key 'a'") != std::string::npos);
    CHECK(mixture_error("[a.b]\nx = {" + dotted(98) + " = 1}\n").find("unknown key 'a'") !=
          std::string::npos);
    std::string floats = "x = [";
    for (int i = 0; i < 500; ++i)
        floats += "1.5, ";
    CHECK(mixture_error(floats + "2.5]\n").find("unknown key 'x'") != std::string::npos);
    CHECK(mixture_error("\"" + dotted(300) + "\" = 1\n").find("unknown key") != std::string::npos);
    CHECK(mixture_error("x = \"" + dotted(300) + "\" # " + dotted(300) + "\n")
              .find("unknown key 'x'") != std::string::npos);
}
