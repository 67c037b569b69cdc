#pragma once
// Runs the built orscalc binary with arguments and optional standard input, capturing stdout,
// stderr and the exit code, for end-to-end tests.
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline RunResult run_orscalc(const std::vector<std::string>& args,
                             const std::string& stdin_text = "",
                             const std::vector<std::string>& extra_env = {}) {
    int in[2], out[2], err[2];
    if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
        posix_spawn_file_actions_addclose(&actions, fd);

    std::vector<std::string> argv_s{ORSCALC_BIN};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    // The environment of the test, less ORSCALC_PATH (tests choose their own), plus extras.
    std::vector<std::string> env_s;
    for (char** e = environ; *e; ++e)
        if (std::string(*e).rfind("ORSCALC_PATH=", 0) != 0) env_s.emplace_back(*e);
    env_s.insert(env_s.end(), extra_env.begin(), extra_env.end());
    std::vector<char*> envp;
    for (auto& e : env_s)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    int rc = posix_spawn(&pid, ORSCALC_BIN, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    RunResult result;
    if (rc != 0) {
        close(in[1]);
        close(out[0]);
        close(err[0]);
        return result;
    }
    // Feed stdin and drain both outputs together so no pipe fills and blocks the child.
    std::size_t written = 0;
    if (stdin_text.empty()) close(in[1]);
    bool in_open = !stdin_text.empty(), out_open = true, err_open = true;
    char buf[65536];
    while (out_open || err_open || in_open) {
        std::vector<pollfd> fds;
        if (out_open) fds.push_back({out[0], POLLIN, 0});
        if (err_open) fds.push_back({err[0], POLLIN, 0});
        if (in_open) fds.push_back({in[1], POLLOUT, 0});
        if (poll(fds.data(), fds.size(), -1) < 0) break;
        for (const auto& p : fds) {
            if (!p.revents) continue;
            if (p.fd == in[1]) {
                ssize_t n = write(in[1], stdin_text.data() + written, stdin_text.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n <= 0 || written == stdin_text.size()) {
                    close(in[1]);
                    in_open = false;
                }
                continue;
            }
            ssize_t n = read(p.fd, buf, sizeof buf);
            if (n <= 0) {
                close(p.fd);
                (p.fd == out[0] ? out_open : err_open) = false;
            } else {
                (p.fd == out[0] ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}
