// FlowAccounts: accounts for end-to-end scenarios against a real TestServer: the initial passwords `init` printed,
// first login with the mandatory password change, and accounts created through the admin API. Header-only so the
// integration tests and the load benchmark can use it without changing the support library. Not thread-safe
// (one instance per thread; each call uses the client it is given).
#pragma once

#include "support/HttpsClient.h"
#include "support/TestServer.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace dantoc::test {

// A logged-in account whose default password has been changed (so every route answers).
struct FlowSession {
    std::string username;
    std::string password;
    std::string accessToken;
    std::string refreshToken;
    nlohmann::json account;  // the "account" object of the last token answer
    std::string error;       // empty on success; otherwise what went wrong (for CAPTURE / INFO)
    bool ok() const { return error.empty() && !accessToken.empty(); }
};

class FlowAccounts
{
public:
    explicit FlowAccounts(const TestServer& server)
    {
        for (const auto& line : server.initOutput()) {
            if (line.value("event", "") == "account") {
                m_passwords[line.value("username", "")] = line.value("initial_password", "");
            }
        }
    }

    // The password known for `username` (initial or changed), or "".
    std::string password(const std::string& username) const
    {
        auto it = m_passwords.find(username);
        return it == m_passwords.end() ? std::string() : it->second;
    }
    void setPassword(const std::string& username, const std::string& password) { m_passwords[username] = password; }

    static std::string newPasswordFor(const std::string& username) { return "Mat-khau-moi-" + username + "-2026"; }

    // Logs in with the known password; when the account must change it, changes it to newPasswordFor(username).
    FlowSession ready(HttpsClient& client, const std::string& username)
    {
        FlowSession session;
        session.username = username;
        const std::string current = password(username);
        auto login = client.post("/api/v1/auth/login",
                                 nlohmann::json{{"username", username}, {"password", current}}.dump());
        if (login.status != 200) {
            session.error = "login " + username + ": " + std::to_string(login.status) + " " + login.body;
            return session;
        }
        auto tokens = nlohmann::json::parse(login.body, nullptr, false);
        if (tokens.is_discarded() || !tokens.contains("access_token")) {
            session.error = "login " + username + ": unreadable answer " + login.body;
            return session;
        }
        if (tokens.value("must_change_password", false)) {
            const std::string fresh = newPasswordFor(username);
            auto changed = client.post(
                "/api/v1/auth/password",
                nlohmann::json{{"current_password", current}, {"new_password", fresh}}.dump(),
                tokens["access_token"].get<std::string>());
            if (changed.status != 200) {
                session.error = "password change " + username + ": " + std::to_string(changed.status) + " " +
                                changed.body;
                return session;
            }
            setPassword(username, fresh);
            tokens = nlohmann::json::parse(changed.body, nullptr, false);
            if (tokens.is_discarded()) {
                session.error = "password change " + username + ": unreadable answer";
                return session;
            }
        }
        session.password = password(username);
        session.accessToken = tokens.value("access_token", "");
        session.refreshToken = tokens.value("refresh_token", "");
        session.account = tokens.value("account", nlohmann::json::object());
        return session;
    }

    // Creates an account through POST /api/v1/admin/accounts with an admin's token; remembers its initial
    // password. Returns the HTTP status (201 on success).
    int create(HttpsClient& client, const std::string& adminToken, const std::string& username,
               const std::string& role, const std::string& unitCode)
    {
        auto created = client.post("/api/v1/admin/accounts",
                                   nlohmann::json{{"username", username}, {"role", role}, {"unit_code", unitCode}}
                                       .dump(),
                                   adminToken);
        if (created.status == 201) {
            auto body = nlohmann::json::parse(created.body, nullptr, false);
            if (!body.is_discarded()) {
                m_passwords[username] = body.value("initial_password", "");
            }
        }
        return created.status;
    }

    // Creates an account with the real CLI (`dantoc-server user add`) against a data directory; remembers its
    // initial password. Returns the tool's exit code.
    int addWithCli(const std::filesystem::path& dataDir, const std::string& username, const std::string& role,
                   const std::string& unitCode)
    {
        std::string out;
        std::string err;
        const int code = TestServer::runTool({"user", "add", "--data", dataDir.string(), "--username", username,
                                              "--role", role, "--unit", unitCode},
                                             &out, &err);
        if (code == 0) {
            auto line = nlohmann::json::parse(out, nullptr, false);
            if (!line.is_discarded()) {
                m_passwords[username] = line.value("initial_password", "");
            }
        }
        return code;
    }

private:
    std::map<std::string, std::string> m_passwords;
};

// The "error.code" of an error answer, or "<no error object>".
inline std::string errorCodeOf(const HttpResult& result)
{
    auto doc = nlohmann::json::parse(result.body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("error") || !doc["error"].is_object()) {
        return "<no error object>";
    }
    return doc["error"].value("code", "<no code>");
}

}  // namespace dantoc::test
