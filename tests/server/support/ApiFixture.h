// ApiFixture: the real server application (SQLite store in a temp dir, auth, router) in-process with a ManualClock,
// driven through Router::dispatch without sockets. Seeds the demo province and accounts and logs in helpers.
// For tests; not thread-safe.
#pragma once

#include "AdminCommands.h"
#include "ServerApp.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace dantoc::test {

class ApiFixture
{
public:
    ApiFixture() : m_dir("dantoc-server-api")
    {
        m_config.dataDir = m_dir.path();
        m_config.passwordHashOpsLimit = 1;
        m_config.passwordHashMemLimit = 8192;
        auto app = server::ServerApp::open(m_config, &clock);
        REQUIRE(app.isOk());
        m_app = std::move(app.value());
        REQUIRE(server::seedUnits(m_app->store(), true).isOk());
        auto accounts = server::seedAccounts(m_app->store(), m_app->auth().hasher(), true, clock.nowUnixMillis());
        REQUIRE(accounts.isOk());
        for (const auto& a : *accounts) {
            passwords[a.username] = a.password;
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

    nlohmann::json login(const std::string& username, const std::string& password)
    {
        auto response = call("POST", "/api/v1/auth/login",
                             nlohmann::json{{"username", username}, {"password", password}}.dump());
        auto body = nlohmann::json::parse(response.body);
        body["_status"] = response.status;
        return body;
    }

    // Logs in with the seeded password, changes it (first login) and returns a usable access token.
    std::string ready(const std::string& username)
    {
        auto first = login(username, passwords.at(username));
        REQUIRE(first["_status"] == 200);
        const std::string newPassword = "Mat-khau-moi-" + username + "-1";
        auto changed = call("POST", "/api/v1/auth/password",
                            nlohmann::json{{"current_password", passwords.at(username)},
                                           {"new_password", newPassword}}
                                .dump(),
                            first["access_token"].get<std::string>());
        REQUIRE(changed.status == 200);
        passwords[username] = newPassword;
        return nlohmann::json::parse(changed.body)["access_token"].get<std::string>();
    }

    static std::string errorCode(const server::ApiResponse& response)
    {
        auto doc = nlohmann::json::parse(response.body, nullptr, false);
        if (doc.is_discarded() || !doc.contains("error")) {
            return "<no error object>";
        }
        return doc["error"].value("code", "<no code>");
    }

    server::ServerApp& app() { return *m_app; }
    const std::filesystem::path& dataDir() const { return m_dir.path(); }

    ManualClock clock;
    std::map<std::string, std::string> passwords;

private:
    TempDir m_dir;
    server::Config m_config;
    std::unique_ptr<server::ServerApp> m_app;
};

}  // namespace dantoc::test
