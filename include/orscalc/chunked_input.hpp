#pragma once
// Reading a file descriptor in fixed chunks into one reusable buffer: the readers of batch
// input (CSV, JSON Lines) stream through files of any size in flat memory.
#include <string>

namespace orscalc {

class ChunkedInput {
  public:
    // Reads from an open file descriptor (0 for standard input); does not close it.
    ChunkedInput(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}

    // Unread bytes are buffer().substr(pos()); advance(n) consumes them.
    const std::string& buffer() const { return buffer_; }
    std::size_t pos() const { return pos_; }
    void advance(std::size_t n) { pos_ += n; }
    bool exhausted() const { return pos_ >= buffer_.size(); }
    const std::string& name() const { return name_; }

    // Appends the next chunk after discarding consumed bytes (positions shift to 0);
    // false at end of input. Throws InputError on a read error.
    bool fill();

    static constexpr std::size_t chunk_bytes = 1 << 16;

  private:
    int fd_;
    std::string name_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool eof_ = false;
};

// Splits input into lines (LF or CRLF), each at most max_bytes long.
class LineReader {
  public:
    LineReader(int fd, std::string name) : input_(fd, std::move(name)) {}
    // The next line without its terminator; false at end. Throws InputError
    // "name:line: line longer than N bytes".
    bool next(std::string& line);
    long line() const { return line_; } // 1-based number of the last line returned
    const std::string& name() const { return input_.name(); }

    static constexpr std::size_t max_bytes = 1 << 20;

  private:
    ChunkedInput input_;
    long line_ = 0;
};

} // namespace orscalc
