// toml++ 3.3 (Debian 12) reaches __builtin_unreachable() when it meets certain non-ASCII
// code points where it skips whitespace (marzer/tomlplusplus#190, #295; fixed upstream by
// PR #305, not in 3.3.0): undefined behaviour on hostile input, found by fuzz/fuzz_recipe.
// TOML allows non-ASCII only inside strings and comments, so refusing it elsewhere before
// parsing changes no valid document, except one that continues a multi-line string after a
// line-ending backslash with a non-ASCII character.
#include "recipe_parser.hpp"

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
                advance();
            previous = text_[pos_ - 1];
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

    [[noreturn]] void fail(std::string_view why) {
        throw InputError(SourcePosition{file_, line_, column_}, std::string(why));
    }

    const std::string& file_;
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1, column_ = 1;
};

} // namespace

void reject_toml_parser_traps(const std::string& file, std::string_view text) {
    Scanner(file, text).run();
}

} // namespace orscalc::detail
