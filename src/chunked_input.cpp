#include "orscalc/chunked_input.hpp"

#include "orscalc/error.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>

namespace orscalc {

bool ChunkedInput::fill() {
    if (eof_) return false;
    // Drop what has been consumed so the buffer never grows beyond one record plus a chunk.
    if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    std::size_t old = buffer_.size();
    buffer_.resize(old + chunk_bytes);
    ssize_t n;
    do {
        n = ::read(fd_, buffer_.data() + old, chunk_bytes);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        int err = errno;
        buffer_.resize(old);
        throw InputError(fmt::format("{}: read error: {}", name_, std::strerror(err)));
    }
    buffer_.resize(old + static_cast<std::size_t>(n));
    if (n == 0) eof_ = true;
    return n > 0;
}

bool LineReader::next(std::string& line) {
    std::size_t scanned = 0; // unread bytes already known to hold no LF
    while (true) {
        std::size_t start = input_.pos();
        std::size_t lf = input_.buffer().find('\n', start + scanned);
        std::size_t unread = input_.buffer().size() - start;
        if (lf == std::string::npos) {
            if (unread > max_bytes)
                throw InputError(
                    fmt::format("{}:{}: line longer than {} bytes", name(), line_ + 1, max_bytes));
            if (input_.fill()) { // the unread bytes now start the buffer
                scanned = unread;
                continue;
            }
            start = input_.pos();
            unread = input_.buffer().size() - start;
            if (unread == 0) return false;
        }
        std::size_t length = lf == std::string::npos ? unread : lf - start;
        if (length > max_bytes)
            throw InputError(
                fmt::format("{}:{}: line longer than {} bytes", name(), line_ + 1, max_bytes));
        line.assign(input_.buffer(), start, length);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        input_.advance(length + (lf == std::string::npos ? 0 : 1));
        ++line_;
        return true;
    }
}

} // namespace orscalc
