// toml++ 3.3 (Debian 12) reaches __builtin_unreachable() when it meets certain non-ASCII
// code points where it skips whitespace (marzer/tomlplusplus#190, #295; fixed upstream by
// PR #305, not in 3.3.0): undefined behaviour on hostile input, found by fuzz/fuzz_recipe.
// TOML allows non-ASCII only inside strings and comments, so refusing it elsewhere before
// parsing changes no valid document, except one that continues a multi-line string after a
// line-ending backslash with a non-ASCII character.
//
// toml++ also walks and destroys the table tree recursively with no depth limit for dotted keys
// and table headers (it limits only nested values, at 256): "[a.a.a...]" 50 000 keys deep, a
// 100 kB file, overflowed the stack (found by tests/cli/test_hostile_input.cpp). The scan
// counts every level a key or value opens, header keys plus dotted keys plus open brackets,
// and refuses more than max_toml_depth; recipe files need 3.
#include "recipe_parser.hpp"

#include <fmt/format.h>
#include <vector>

namespace orscalc::detail {
namespace {

class Scanner {
  public:
    Scanner(const std::string& file, std::string_view text) : file_(file), text_(text) {}

    void run() {
        if (starts("\xEF\xBB\xBF")) pos_ = 3; // a UTF-8 byte order mark, which toml++ skips
        char previous = '\n';
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            // A quote opens a string only where a key, a part of a dotted key (a.'b', found by
            // fuzz/fuzz_mixture) or a value may start; after a bare character (1"x) toml++
            // scans on through the bad token, and so does this.
            bool token_start = space(previous) ||
                               std::string_view("=[{,.").find(previous) != std::string_view::npos;
            if (bare_value_ && value_terminator(c)) bare_value_ = false;
            // A value that starts bare (a number, a date, true, or a typo) is one token up to a
            // value terminator for toml++, which reads "1m=\"..." through the '=' and the quote
            // (found by fuzz/fuzz_mixture: nam=1m="<U+FEF5>): no string opens inside it.
            if (!bare_value_ && token_start && value_position() && !value_terminator(c) &&
                std::string_view("\"'[{").find(c) == std::string_view::npos)
                bare_value_ = true;
            if (bare_value_) {
                if (static_cast<unsigned char>(c) >= 0x80)
                    fail("non-ASCII character outside a string or comment");
                advance();
            } else if (c == '#')
                skip_past('\n');
            else if (token_start && starts("\"\"\""))
                multiline_basic();
            else if (token_start && starts("'''"))
                close_multiline("'''");
            else if (token_start && c == '"')
                basic();
            else if (token_start && c == '\'')
                skip_past('\'', 1);
            else if (static_cast<unsigned char>(c) >= 0x80)
                fail("non-ASCII character outside a string or comment");
            else
                structure(c);
            previous = text_[pos_ - 1];
            if (previous == '\n')
                line_blank_ = true;
            else if (!space(previous))
                line_blank_ = false;
            if (!bare_value_ && c == '=')
                after_equals_ = true;
            else if (!space(c))
                after_equals_ = false;
        }
    }

  private:
    bool starts(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
    static bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
    static bool value_terminator(char c) {
        return space(c) || c == ',' || c == ']' || c == '}' || c == '#';
    }
    // Where a value starts: after '=', or as an element of an array (not a table header).
    bool value_position() const {
        return after_equals_ || (!in_header_ && !open_.empty() && open_.back().bracket == '[');
    }

    void advance(std::size_t n = 1) {
        for (; n > 0 && pos_ < text_.size(); --n, ++pos_) {
            if (text_[pos_] == '\n') {
                ++line_;
                column_ = 1;
            } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
                ++column_; // columns count code points, as toml++ does
            }
        }
    }

    // Skips `skip` opening characters, then up to and including `end` (or a newline, where a
    // single-line string or comment ends anyway).
    void skip_past(char end, std::size_t skip = 0) {
        advance(skip);
        while (pos_ < text_.size() && text_[pos_] != end && text_[pos_] != '\n')
            advance();
        advance();
    }

    void basic() {
        advance();
        while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\n')
            advance(text_[pos_] == '\\' ? 2 : 1);
        advance();
    }

    void multiline_basic() {
        advance(3);
        while (pos_ < text_.size() && !starts("\"\"\"")) {
            if (text_[pos_] != '\\') {
                advance();
                continue;
            }
            advance();
            // toml++ asks whether the character after a backslash is whitespace, through the same
            // faulty table (found by fuzz/fuzz_mixture: """\U+01D4"""). Escapes are ASCII.
            if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) >= 0x80)
                fail("non-ASCII character right after a backslash");
            if (pos_ < text_.size() && !space(text_[pos_])) {
                advance(); // an ordinary escape such as \" or \\ .
                continue;
            }
            while (pos_ < text_.size() && space(text_[pos_]))
                advance();
            if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) >= 0x80)
                fail("non-ASCII character right after a line-ending backslash");
        }
        close_multiline("\"\"\"");
    }

    // A multi-line string may end with one or two quotes before its delimiter ("""a"""").
    void close_multiline(std::string_view delimiter) {
        if (delimiter == "'''") {
            advance(3);
            while (pos_ < text_.size() && !starts(delimiter))
                advance();
        }
        advance(3);
        for (int extra = 0; extra < 2 && pos_ < text_.size() && text_[pos_] == delimiter[0];
             ++extra)
            advance();
    }

    // Tracks nesting at one structural character (outside strings and comments), then advances.
    void structure(char c) {
        if (c == '[' && line_blank_ && open_.empty()) {
            in_header_ = true; // "[a.b]" or "[[a.b]]": depth for the lines below it
            header_depth_ = 1;
        } else if (in_header_) {
            if (c == '.') ++header_depth_;
            if (c == ']') in_header_ = false;
        } else if (c == '[' || c == '{') {
            open_.push_back({c, key_dots_}); // with the dotted key this value belongs to
            key_dots_ = 0;
        } else if ((c == ']' || c == '}') && !open_.empty()) {
            open_.pop_back();
        } else if (c == '.') {
            ++key_dots_;
        } else if (c == ',' || c == '\n') {
            key_dots_ = 0;
        }
        int depth = header_depth_ + key_dots_ + static_cast<int>(open_.size());
        for (const Open& open : open_)
            depth += open.key_dots;
        if (depth > max_toml_depth)
            fail(fmt::format("keys and values nested more than {} deep", max_toml_depth));
        advance();
    }

    [[noreturn]] void fail(std::string_view why) {
        throw InputError(SourcePosition{file_, line_, column_}, std::string(why));
    }

    const std::string& file_;
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1, column_ = 1;
    bool line_blank_ = true; // nothing but spaces since the last newline
    bool in_header_ = false;
    int header_depth_ = 0; // levels the last table header opened
    int key_dots_ = 0;     // dots in the current key
    struct Open {
        char bracket; // '[' an array, '{' an inline table
        int key_dots; // dots of the key it is the value of
    };
    std::vector<Open> open_;
    bool after_equals_ = false; // only spaces since an '='
    bool bare_value_ = false;   // inside a value that did not start with a quote or bracket
};

} // namespace

void reject_toml_parser_traps(const std::string& file, std::string_view text) {
    Scanner(file, text).run();
}

} // namespace orscalc::detail
