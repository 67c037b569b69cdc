#pragma once
// Writing an answer: to stdout, or to a temporary file renamed into place, so a failure never
// leaves a truncated or half-written file.
#include <string>
#include <string_view>

namespace orscalc::cli {

// A destination written in pieces (batch output streams a million rows in flat memory):
// standard output when path is empty, else a temporary file beside `path` that commit()
// renames over it. Destroyed uncommitted, the temporary file is removed and `path` is untouched.
class OutputStream {
  public:
    explicit OutputStream(std::string path);
    ~OutputStream();
    OutputStream(const OutputStream&) = delete;
    OutputStream& operator=(const OutputStream&) = delete;

    void write(std::string_view text); // buffered; throws InputError when writing fails
    void commit();

  private:
    void flush();
    std::string path_;
    std::string temp_path_;
    int fd_ = 1;
    std::string buffer_;
    bool committed_ = false;
};

// Throws InputError when the file cannot be written; the target is then untouched.
void write_atomically(const std::string& path, const std::string& text);
void write_stdout(const std::string& text);

} // namespace orscalc::cli
