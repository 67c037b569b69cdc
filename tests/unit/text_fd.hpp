#pragma once
// Text behind a real file descriptor, as the streaming readers see a file: an unlinked
// temporary file, so any size works. The caller closes it.
#include <cstdlib>
#include <doctest/doctest.h>
#include <string>
#include <unistd.h>

inline int fd_with_text(const std::string& text) {
    char path[] = "/tmp/orscalc-test-XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    unlink(path);
    REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    lseek(fd, 0, SEEK_SET);
    return fd;
}
