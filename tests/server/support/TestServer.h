// TestServer: the real dantoc-server executable run as a child process on an ephemeral loopback port, in a fresh
// temporary data directory (`init`, then `run --port 0`). Reads the "listening" line for the port and the
// certificate fingerprint. The destructor sends SIGTERM and waits. POSIX only (tests). Not thread-safe.
#pragma once

#include "support/HttpsClient.h"

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace dantoc::test {

class TestServer
{
public:
    struct Options {
        std::vector<std::string> initArgs;            // extra arguments for `init` (e.g. "--demo")
        nlohmann::json configOverrides = nlohmann::json::object();  // merged into config.json before `run`
        bool enableTestRoutes = true;
        std::filesystem::path dataDir;  // empty: a fresh temporary directory, removed afterwards
    };

    TestServer();
    explicit TestServer(Options options);
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    bool started() const { return m_port != 0; }
    std::uint16_t port() const { return m_port; }
    const std::string& fingerprint() const { return m_fingerprint; }
    const std::filesystem::path& dataDir() const { return m_dataDir; }
    // Everything `init` printed on stdout, one JSON value per line (e.g. the demo accounts).
    const std::vector<nlohmann::json>& initOutput() const { return m_initOutput; }
    HttpsClient client() const { return HttpsClient("127.0.0.1", m_port, m_fingerprint); }

    // Sends SIGTERM (default) and waits; returns the exit status (or -1 if killed by a signal).
    int stop(int signal = 15);
    pid_t pid() const { return m_pid; }

    // Runs the server executable with arguments, waiting for it; returns exit code and captured stdout.
    static int runTool(const std::vector<std::string>& args, std::string* out = nullptr, std::string* err = nullptr);

private:
    bool start(const Options& options);

    std::filesystem::path m_dataDir;
    bool m_ownsDataDir = false;
    pid_t m_pid = -1;
    int m_stdoutFd = -1;
    std::uint16_t m_port = 0;
    std::string m_fingerprint;
    std::vector<nlohmann::json> m_initOutput;
};

}  // namespace dantoc::test
