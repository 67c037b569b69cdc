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
            // A quote opens a string only where a key or value may start; after a bare
            // character (1"x) toml++ scans on through the bad token, and so does this.
            bool token_start = space(previous) ||
                               std::string_view("=[{,").find(previous) != std::string_view::npos;
            if (c == '#')
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
        }
    }

  private:
    bool starts(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
    static bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

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
        if (c == '[' && line_blank_ && open_keys_.empty()) {
            in_header_ = true; // "[a.b]" or "[[a.b]]": depth for the lines below it
            header_depth_ = 1;
        } else if (in_header_) {
            if (c == '.') ++header_depth_;
            if (c == ']') in_header_ = false;
        } else if (c == '[' || c == '{') {
            open_keys_.push_back(key_dots_); // the dotted key this value belongs to
            key_dots_ = 0;
        } else if ((c == ']' || c == '}') && !open_keys_.empty()) {
            open_keys_.pop_back();
        } else if (c == '.') {
            ++key_dots_; // a float's point counts too: one level too many at worst
        } else if (c == ',' || c == '\n') {
            key_dots_ = 0;
        }
        int depth = header_depth_ + key_dots_ + static_cast<int>(open_keys_.size());
        for (int dots : open_keys_)
            depth += dots;
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
    int header_depth_ = 0;       // levels the last table header opened
    int key_dots_ = 0;           // dots in the current key (or float)
    std::vector<int> open_keys_; // per open bracket: the dots of the key it is the value of
};

} // namespace

void reject_toml_parser_traps(const std::string& file, std::string_view text) {
    Scanner(file, text).run();
}

} // namespace orscalc::detail
