// The access log: every request routed in-process writes one JSON line to stderr with the route, status, sizes,
// duration and the account id, and never the password, the token or the body.
#include "Log.h"
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

TEST_CASE("a successful request is logged at info, and RFC 3339 formats UTC milliseconds")
{
    CHECK(server::log::rfc3339Utc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(server::log::rfc3339Utc(1'767'225'600'123) == "2026-01-01T00:00:00.123Z");
    test::TempDir dir("dantoc-access-log-ok");
    server::Config config;
    config.dataDir = dir.path() / "data";
    std::filesystem::create_directories(config.dataDir);
    config.passwordHashOpsLimit = 1;
    config.passwordHashMemLimit = 8192;
    auto app = server::ServerApp::open(config);
    REQUIRE(app.isOk());
    StderrCapture capture(dir.path() / "stderr.log");
    server::ApiRequest health;
    health.method = "GET";
    health.path = "/api/v1/health";
    const auto ok = (*app)->router()->dispatch(health);
    const auto lines = capture.lines();
    REQUIRE(lines.size() == 1);
    CHECK(ok.status == 200);
    CHECK(lines[0]["level"] == "info");
}

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
    // Issue 19: the level fits the outcome (a refused login and a 404 are warnings), RFC 3339 UTC timestamps, and
    // the request id of the log line is the answer's X-Request-Id.
    CHECK(refused.status == 401);
    CHECK(lines[0]["level"] == "warn");
    CHECK(lines[1]["level"] == "warn");
    for (const auto& line : lines) {
        REQUIRE(line["ts"].is_string());
        const std::string ts = line["ts"].get<std::string>();
        CAPTURE(ts);
        CHECK(ts.size() == 24);
        CHECK(ts[4] == '-');
        CHECK(ts[10] == 'T');
        CHECK(ts[19] == '.');
        CHECK(ts.back() == 'Z');
    }
    std::string headerId;
    for (const auto& [name, value] : refused.headers) {
        if (name == "X-Request-Id") {
            headerId = value;
        }
    }
    CHECK(headerId.size() == 16);
    CHECK(lines[0]["request_id"] == headerId);
    CHECK(lines[1]["request_id"] != headerId);
    for (const auto& line : lines) {
        const std::string text = line.dump();
        CHECK(text.find(secret) == std::string::npos);
        CHECK(text.find("forged-token-value") == std::string::npos);
    }
}
