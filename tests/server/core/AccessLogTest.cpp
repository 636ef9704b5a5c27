// The access log: every request routed in-process writes one JSON line to stderr with the route, status, sizes,
// duration and the account id, and never the password, the token or the body.
#include "ServerApp.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace dantoc;

namespace {

// Captures what this process writes to stderr (fd 2) between construction and text().
class StderrCapture
{
public:
    explicit StderrCapture(const std::filesystem::path& file) : m_file(file)
    {
        std::fflush(stderr);
        m_saved = dup(2);
        FILE* out = std::fopen(file.c_str(), "wb");
        REQUIRE(out != nullptr);
        dup2(fileno(out), 2);
        std::fclose(out);
    }
    ~StderrCapture() { restore(); }
    std::vector<nlohmann::json> lines()
    {
        restore();
        std::ifstream in(m_file);
        std::vector<nlohmann::json> out;
        for (std::string line; std::getline(in, line);) {
            out.push_back(nlohmann::json::parse(line));
        }
        return out;
    }

private:
    void restore()
    {
        if (m_saved >= 0) {
            std::fflush(stderr);
            dup2(m_saved, 2);
            close(m_saved);
            m_saved = -1;
        }
    }
    std::filesystem::path m_file;
    int m_saved = -1;
};

}  // namespace

TEST_CASE("every routed request writes one access-log line without secrets")
{
    test::TempDir dir("dantoc-access-log");
    server::Config config;
    config.dataDir = dir.path() / "data";
    std::filesystem::create_directories(config.dataDir);
    config.passwordHashOpsLimit = 1;
    config.passwordHashMemLimit = 8192;
    auto app = server::ServerApp::open(config);
    REQUIRE(app.isOk());

    const std::string secret = "Mat-khau-bi-mat-123";
    StderrCapture capture(dir.path() / "stderr.log");
    server::ApiRequest login;
    login.method = "POST";
    login.path = "/api/v1/auth/login";
    login.body = nlohmann::json{{"username", "nobody"}, {"password", secret}}.dump();
    login.remoteAddress = "127.0.0.9";
    const auto refused = (*app)->router()->dispatch(login);
    server::ApiRequest unknown;
    unknown.method = "GET";
    unknown.path = "/api/v1/nowhere";
    unknown.bearerToken = "forged-token-value";
    (*app)->router()->dispatch(unknown);

    const auto lines = capture.lines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["msg"] == "request");
    CHECK(lines[0]["route"] == "auth.login");
    CHECK(lines[0]["status"] == refused.status);
    CHECK(lines[0]["in_bytes"] == login.body.size());
    CHECK(lines[0]["remote"] == "127.0.0.9");
    CHECK(lines[0].contains("ms"));
    CHECK(lines[1]["route"] == "unmatched");
    CHECK(lines[1]["status"] == 404);
    for (const auto& line : lines) {
        const std::string text = line.dump();
        CHECK(text.find(secret) == std::string::npos);
        CHECK(text.find("forged-token-value") == std::string::npos);
    }
}
