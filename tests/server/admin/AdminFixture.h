// AdminFixture: the real server application in-process (ManualClock at 2026-01-01) over a store seeded with the
// whole demo province (resources/demo/province: every date, with lineage) and the demo accounts; requests go
// through Router::dispatch. Also small file helpers for the unit-import tests. For tests; not thread-safe.
#pragma once

#include "AdminCommands.h"
#include "ServerApp.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>
#include <string>

namespace dantoc::test {

inline constexpr std::int64_t kJan2026 = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

inline void writeText(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream out(file, std::ios::binary);
    out << text;
}

class AdminFixture
{
public:
    explicit AdminFixture(bool demoTree = true) : clock(kJan2026), m_dir("dantoc-server-admin")
    {
        m_config.dataDir = m_dir.path();
        m_config.passwordHashOpsLimit = 1;
        m_config.passwordHashMemLimit = 8192;
        auto app = server::ServerApp::open(m_config, &clock);
        REQUIRE(app.isOk());
        m_app = std::move(app.value());
        if (demoTree) {
            REQUIRE(server::seedUnits(m_app->store(), true, DANTOC_RESOURCES_DIR).isOk());
            auto accounts = server::seedAccounts(m_app->store(), m_app->auth().hasher(), true, clock.nowUnixMillis());
            REQUIRE(accounts.isOk());
            for (const auto& a : *accounts) {
                passwords[a.username] = a.password;
            }
        }
    }

    server::ApiResponse call(const std::string& method, const std::string& path, const std::string& body = {},
                             const std::string& token = {}, std::map<std::string, std::string> query = {})
    {
        server::ApiRequest request;
        request.method = method;
        request.path = path;
        request.body = body;
        request.bearerToken = token;
        request.query = std::move(query);
        request.remoteAddress = "127.0.0.1";
        return m_app->router()->dispatch(request);
    }

    // Logs in with the seeded password, changes it (first login) and returns a usable access token.
    std::string ready(const std::string& username)
    {
        auto first = call("POST", "/api/v1/auth/login",
                          nlohmann::json{{"username", username}, {"password", passwords.at(username)}}.dump());
        REQUIRE(first.status == 200);
        const std::string token = nlohmann::json::parse(first.body)["access_token"].get<std::string>();
        const std::string newPassword = "Mat-khau-moi-" + username + "-1";
        auto changed = call("POST", "/api/v1/auth/password",
                            nlohmann::json{{"current_password", passwords.at(username)}, {"new_password", newPassword}}
                                .dump(),
                            token);
        REQUIRE(changed.status == 200);
        passwords[username] = newPassword;
        return nlohmann::json::parse(changed.body)["access_token"].get<std::string>();
    }

    std::set<std::string> unitCodes(const std::string& token, const std::string& at)
    {
        auto response = call("GET", "/api/v1/units", {}, token, {{"at", at}});
        REQUIRE(response.status == 200);
        const nlohmann::json body = nlohmann::json::parse(response.body);
        CHECK(body["at"] == at);
        std::set<std::string> codes;
        for (const auto& unit : body["units"]) {
            codes.insert(unit["code"].get<std::string>());
        }
        return codes;
    }

    server::ServerApp& app() { return *m_app; }
    server::Store& store() { return m_app->store(); }
    const std::filesystem::path& dataDir() const { return m_dir.path(); }

    ManualClock clock;
    std::map<std::string, std::string> passwords;

private:
    TempDir m_dir;
    server::Config m_config;
    std::unique_ptr<server::ServerApp> m_app;
};

}  // namespace dantoc::test
