#include "output.hpp"

#include "orscalc/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace orscalc::cli {

namespace {
bool write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}
} // namespace

void write_atomically(const std::string& path, const std::string& text) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw InputError(fmt::format("--output {}: is a directory", path));
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string tmpl = (dir / ("." + target.filename().string() + ".orscalc-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        throw InputError(fmt::format("--output {}: cannot create a file in {}: {}", path,
                                     dir.string(), std::strerror(errno)));
    bool ok = write_all(fd, text) && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    // mkstemp makes 0600; an output file is an ordinary file for the user (umask applies).
    mode_t mask = ::umask(0);
    ::umask(mask);
    ok = ok && ::chmod(tmpl.c_str(), 0666 & ~mask) == 0;
    if (!ok || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmpl.c_str());
        throw InputError(fmt::format("--output {}: {}", path, std::strerror(err)));
    }
}

void write_stdout(const std::string& text) {
    if (!write_all(STDOUT_FILENO, text))
        throw InputError(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
}

} // namespace orscalc::cli
