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

constexpr std::size_t flush_bytes = 1 << 18;

bool write_all(int fd, std::string_view text) {
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

std::string where(const std::string& path) {
    return path.empty() ? "standard output" : "--output " + path;
}

} // namespace

OutputStream::OutputStream(std::string path) : path_(std::move(path)) {
    if (path_.empty()) return;
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path_, ec))
        throw InputError(fmt::format("--output {}: is a directory", path_));
    fs::path target(path_);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    temp_path_ = (dir / ("." + target.filename().string() + ".orscalc-XXXXXX")).string();
    fd_ = ::mkstemp(temp_path_.data());
    if (fd_ < 0)
        throw InputError(fmt::format("--output {}: cannot create a file in {}: {}", path_,
                                     dir.string(), std::strerror(errno)));
}

OutputStream::~OutputStream() {
    if (path_.empty() || committed_) return;
    ::close(fd_);
    ::unlink(temp_path_.c_str());
}

void OutputStream::write(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= flush_bytes) flush();
}

void OutputStream::flush() {
    if (!write_all(fd_, buffer_))
        throw InputError(fmt::format("cannot write to {}: {}", where(path_), std::strerror(errno)));
    buffer_.clear();
}

void OutputStream::commit() {
    flush();
    committed_ = true;
    if (path_.empty()) return;
    bool ok = ::fsync(fd_) == 0;
    ok = (::close(fd_) == 0) && ok;
    // mkstemp makes 0600; an output file is an ordinary file for the user (umask applies).
    mode_t mask = ::umask(0);
    ::umask(mask);
    ok = ok && ::chmod(temp_path_.c_str(), 0666 & ~mask) == 0;
    if (!ok || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
        int err = errno;
        ::unlink(temp_path_.c_str());
        throw InputError(fmt::format("--output {}: {}", path_, std::strerror(err)));
    }
}

void write_atomically(const std::string& path, const std::string& text) {
    OutputStream out(path);
    out.write(text);
    out.commit();
}

void write_stdout(const std::string& text) {
    OutputStream out("");
    out.write(text);
    out.commit();
}

} // namespace orscalc::cli
