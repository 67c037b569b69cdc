#pragma once
// Fuzz input behind a real file descriptor (an in-memory file), as the streaming readers see
// a file.
#include "entries.hpp"

#include <string_view>
#include <sys/mman.h>
#include <unistd.h>

namespace orscalc::fuzz {

class MemoryFile {
  public:
    explicit MemoryFile(std::string_view text) : fd_(::memfd_create("fuzz.csv", 0)) {
        require(fd_ >= 0, "memfd_create failed");
        for (std::size_t done = 0; done < text.size();) {
            ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
            require(n > 0, "write to memfd failed");
            done += static_cast<std::size_t>(n);
        }
        ::lseek(fd_, 0, SEEK_SET);
    }
    ~MemoryFile() { ::close(fd_); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    int fd() const { return fd_; }

  private:
    int fd_;
};

} // namespace orscalc::fuzz
