#include "support/TestServer.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

namespace dantoc::test {

namespace {

// fork + exec with stdout (and optionally stderr) to pipes. Returns the pid.
pid_t spawn(const std::vector<std::string>& args, int* stdoutFd, int* stderrFd)
{
    int out[2] = {-1, -1};
    int err[2] = {-1, -1};
    if (pipe(out) != 0 || (stderrFd && pipe(err) != 0)) {
        return -1;
    }
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        if (stderrFd) {
            dup2(err[1], STDERR_FILENO);
        }
        ::close(out[0]);
        ::close(out[1]);
        if (stderrFd) {
            ::close(err[0]);
            ::close(err[1]);
        }
        std::vector<char*> argv;
        std::string exe = DANTOC_SERVER_EXE;
        argv.push_back(exe.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        execv(exe.c_str(), argv.data());
        _exit(127);
    }
    ::close(out[1]);
    *stdoutFd = out[0];
    if (stderrFd) {
        ::close(err[1]);
        *stderrFd = err[0];
    }
    return pid;
}

std::string readAll(int fd)
{
    std::string text;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) {
        text.append(buf, static_cast<std::size_t>(n));
    }
    return text;
}

// Reads one line from fd, waiting at most timeoutMs.
bool readLine(int fd, std::string& line, int timeoutMs)
{
    line.clear();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                                std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            return false;
        }
        char c;
        if (::read(fd, &c, 1) != 1) {
            return false;
        }
        if (c == '\n') {
            return true;
        }
        line += c;
    }
}

}  // namespace

TestServer::TestServer() : TestServer(Options{}) {}

TestServer::TestServer(Options options)
{
    start(options);
}

TestServer::~TestServer()
{
    if (m_pid > 0) {
        stop(SIGKILL);
    }
    if (m_ownsDataDir) {
        std::error_code ignored;
        std::filesystem::remove_all(m_dataDir, ignored);
    }
}

int TestServer::runTool(const std::vector<std::string>& args, std::string* out, std::string* err)
{
    int outFd = -1;
    int errFd = -1;
    const pid_t pid = spawn(args, &outFd, err ? &errFd : nullptr);
    if (pid < 0) {
        return -1;
    }
    std::string outText = readAll(outFd);
    ::close(outFd);
    if (err) {
        *err = readAll(errFd);
        ::close(errFd);
    }
    if (out) {
        *out = outText;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool TestServer::start(const Options& options)
{
    if (options.dataDir.empty()) {
        std::random_device rd;
        m_dataDir = std::filesystem::temp_directory_path() / ("dantoc-server-test-" + std::to_string(rd()));
        m_ownsDataDir = true;
    } else {
        m_dataDir = options.dataDir;
    }
    // Cheap Argon2id for the accounts `init` creates (tests only; production keeps the default cost).
    std::vector<std::string> init = {"init", "--data", m_dataDir.string(), "--password-hash-ops", "1",
                                     "--password-hash-mem", "8192"};
    init.insert(init.end(), options.initArgs.begin(), options.initArgs.end());
    std::string initOut;
    if (runTool(init, &initOut) != 0) {
        return false;
    }
    std::istringstream lines(initOut);
    for (std::string line; std::getline(lines, line);) {
        auto parsed = nlohmann::json::parse(line, nullptr, false);
        if (!parsed.is_discarded()) {
            m_initOutput.push_back(std::move(parsed));
        }
    }
    // Tests want cheap password hashing and the test-only routes.
    const auto configFile = m_dataDir / "config.json";
    std::ifstream in(configFile);
    nlohmann::json config = nlohmann::json::parse(in, nullptr, false);
    in.close();
    if (config.is_discarded()) {
        return false;
    }
    config["password_hash_ops"] = 1;
    config["password_hash_mem"] = 8192;
    config["enable_test_routes"] = options.enableTestRoutes;
    for (const auto& [key, value] : options.configOverrides.items()) {
        config[key] = value;
    }
    std::ofstream(configFile) << config.dump(2);

    m_pid = spawn({"run", "--data", m_dataDir.string(), "--port", "0", "--bind", "127.0.0.1"}, &m_stdoutFd,
                  nullptr);
    if (m_pid < 0) {
        return false;
    }
    std::string line;
    while (readLine(m_stdoutFd, line, 30000)) {
        auto event = nlohmann::json::parse(line, nullptr, false);
        if (!event.is_discarded() && event.value("event", "") == "listening") {
            m_port = event.value("port", 0);
            m_fingerprint = event.value("fingerprint", "");
            return true;
        }
    }
    return false;
}

int TestServer::stop(int signal)
{
    if (m_pid <= 0) {
        return -1;
    }
    ::kill(m_pid, signal);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    if (m_stdoutFd >= 0) {
        ::close(m_stdoutFd);
        m_stdoutFd = -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace dantoc::test
