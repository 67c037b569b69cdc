// The whole command line in-process: the input is argv, one word per line. The exit code
// contract (issue 2) must hold for any argv: 0-3 and never 70; on exit 2 nothing on stdout
// and exactly one "orscalc: error: " line on stderr.
#include "entries.hpp"
#include "fixture_dir.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

int orscalc_cli_main(int argc, char** argv); // src/cli/main.cpp, built with ORSCALC_NO_MAIN

// Sanitizer reports must reach the real stderr while the CLI's stderr is captured; weak, so
// that the regression test also links without sanitizers.
extern "C" void __sanitizer_set_report_fd(void* fd) __attribute__((weak));

namespace orscalc::fuzz {
namespace {

// Runs in a scratch directory holding the fixture library (via ORSCALC_PATH) and two
// mixture files, with standard input empty, so argv can name them and reading "-" never waits.
// Returns the directory.
const std::string& set_up_once() {
    static const std::string dir = [] {
        char tmpl[] = "/tmp/orscalc-fuzz-cli-XXXXXX";
        if (!::mkdtemp(tmpl)) std::abort();
        std::string dir = tmpl;
        ::setenv("ORSCALC_PATH", testing::write_fixture_recipe_dir(dir + "/lib").c_str(), 1);
        std::ofstream(dir + "/mix.toml") << "name = \"home\"\nvolume = \"1 L\"\n[ingredients]\n"
                                            "salt = \"1/2 tsp\"\nsugar = \"6 tsp\"\n";
        std::ofstream(dir + "/bad.toml") << "[ingredients]\nsalt = = 1\n";
        int null_fd = ::open("/dev/null", O_RDONLY);
        ::dup2(null_fd, STDIN_FILENO);
        ::close(null_fd);
        if (__sanitizer_set_report_fd)
            __sanitizer_set_report_fd(reinterpret_cast<void*>(static_cast<long>(::dup(2))));
        return dir;
    }();
    return dir;
}

// The scratch directory as working directory for one call only: libFuzzer reads and writes its
// corpus and artifacts by relative paths between calls (found in CI, where a permanent chdir
// left every seed unreadable: "no interesting inputs were found").
class InDirectory {
  public:
    explicit InDirectory(const std::string& dir) : saved_(::open(".", O_RDONLY | O_DIRECTORY)) {
        if (saved_ < 0 || ::chdir(dir.c_str()) != 0) std::abort();
    }
    ~InDirectory() {
        if (::fchdir(saved_) != 0) std::abort();
        ::close(saved_);
    }
    InDirectory(const InDirectory&) = delete;
    InDirectory& operator=(const InDirectory&) = delete;

  private:
    int saved_;
};

// Points fd at an in-memory file for the lifetime of the object; text() reads it back.
class Capture {
  public:
    explicit Capture(int fd) : fd_(fd), saved_(::dup(fd)), mem_(::memfd_create("capture", 0)) {
        ::dup2(mem_, fd_);
    }
    ~Capture() {
        restore();
        ::close(mem_);
        ::close(saved_);
    }
    std::string text() {
        restore();
        std::string out(static_cast<std::size_t>(::lseek(mem_, 0, SEEK_END)), '\0');
        if (!out.empty() && ::pread(mem_, out.data(), out.size(), 0) < 0) out.clear();
        return out;
    }

  private:
    void restore() {
        std::cout.flush();
        std::fflush(nullptr);
        if (saved_ >= 0) ::dup2(saved_, fd_);
    }
    int fd_, saved_, mem_;
};

// --output writes files, so it is not fuzzed here; paths stay inside the scratch directory.
bool harmless(const std::string& word) {
    if (word.rfind("-o", 0) == 0 || word.rfind("--o", 0) == 0) return false;
    bool is_path = word.find('/') != std::string::npos;
    return !is_path || (word.front() != '/' && word.find("..") == std::string::npos);
}

} // namespace

int cli(const std::uint8_t* data, std::size_t size) {
    const std::string& scratch = set_up_once();
    std::vector<std::string> words{"orscalc"};
    std::string input(reinterpret_cast<const char*>(data), size);
    if (!input.empty() && input.back() == '\n') input.pop_back(); // a file's last newline
    for (std::size_t start = 0; start <= input.size();) {
        std::size_t end = std::min(input.find('\n', start), input.size());
        words.push_back(input.substr(start, end - start));
        if (!harmless(words.back()) || words.size() > 64) return -1; // -1: not kept in corpus
        start = end + 1;
    }
    std::vector<char*> argv;
    for (auto& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    int code = 0;
    std::string out, err;
    {
        InDirectory in_scratch(scratch);
        Capture out_capture(STDOUT_FILENO), err_capture(STDERR_FILENO);
        code = orscalc_cli_main(static_cast<int>(words.size()), argv.data());
        out = out_capture.text();
        err = err_capture.text();
    }
    require(code >= 0 && code <= 3, "exit code " + std::to_string(code) + ": " + err);
    if (code == 2) {
        require(out.empty(), "exit 2 with output on stdout");
        require(err.rfind("orscalc: error: ", 0) == 0 && err.find('\n') == err.size() - 1,
                "exit 2 without exactly one error line: " + err);
    }
    return 0;
}

} // namespace orscalc::fuzz
