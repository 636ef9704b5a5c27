// ServerProcess: `dantoc-server run` on an EXISTING data directory (one TestServer initialised, or a restored
// one), on an ephemeral loopback port, so a scenario can stop the server (SIGTERM, SIGKILL) and start it again on
// the same database. Reads the "listening" line for the port and the certificate fingerprint. The destructor
// kills a still-running child. Header-only (POSIX). Not thread-safe.
#pragma once

#include "support/HttpsClient.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace dantoc::test {

class ServerProcess
{
public:
    explicit ServerProcess(std::filesystem::path dataDir) : m_dataDir(std::move(dataDir)) { start(); }
    ~ServerProcess()
    {
        if (m_pid > 0) {
            stop(SIGKILL);
        }
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool started() const { return m_port != 0; }
    std::uint16_t port() const { return m_port; }
    const std::string& fingerprint() const { return m_fingerprint; }
    pid_t pid() const { return m_pid; }
    HttpsClient client() const { return HttpsClient("127.0.0.1", m_port, m_fingerprint); }

    // Sends the signal and waits; the exit code, or -1 when the process died of a signal.
    int stop(int signal = SIGTERM)
    {
        if (m_pid <= 0) {
            return -1;
        }
        ::kill(m_pid, signal);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
        if (m_stdoutFd >= 0) {
            ::close(m_stdoutFd);
            m_stdoutFd = -1;
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    void start()
    {
        int out[2] = {-1, -1};
        if (::pipe(out) != 0) {
            return;
        }
        const std::string exe = DANTOC_SERVER_EXE;
        std::vector<std::string> args = {exe, "run", "--data", m_dataDir.string(), "--port", "0", "--bind",
                                         "127.0.0.1"};
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            ::execv(exe.c_str(), argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        m_stdoutFd = out[0];
        if (m_pid < 0) {
            return;
        }
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{m_stdoutFd, POLLIN, 0};
            if (::poll(&p, 1, 1000) <= 0) {
                continue;
            }
            char c;
            if (::read(m_stdoutFd, &c, 1) != 1) {
                return;  // the server exited before listening
            }
            if (c != '\n') {
                line += c;
                continue;
            }
            auto event = nlohmann::json::parse(line, nullptr, false);
            line.clear();
            if (!event.is_discarded() && event.is_object() && event.value("event", "") == "listening") {
                m_port = event.value("port", 0);
                m_fingerprint = event.value("fingerprint", "");
                return;
            }
        }
    }

    std::filesystem::path m_dataDir;
    pid_t m_pid = -1;
    int m_stdoutFd = -1;
    std::uint16_t m_port = 0;
    std::string m_fingerprint;
};

}  // namespace dantoc::test
