#pragma once
// The one error type for bad input: what failed and, for files, where.
#include <stdexcept>
#include <string>

namespace orscalc {

struct SourcePosition {
    std::string file; // empty when the input did not come from a file
    int line = 0;     // 1-based; 0 when unknown
    int column = 0;
};

class InputError : public std::runtime_error {
  public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
    InputError(const SourcePosition& where, const std::string& message)
        : std::runtime_error(locate(where, message)) {}

  private:
    static std::string locate(const SourcePosition& where, const std::string& message) {
        if (where.file.empty()) return message;
        std::string at = where.file;
        if (where.line > 0)
            at += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
        return at + ": " + message;
    }
};

} // namespace orscalc
