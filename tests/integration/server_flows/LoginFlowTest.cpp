// Login over real TLS against the real dantoc-server: after 5 failed logins of an account from an address the next
// try waits (429 with Retry-After, even for the right password; backoff, other accounts unaffected, an admin reset
// clears it), and an unknown user gets exactly the same answers; an account with its default password reaches
// nothing but the password change, logout and /me, on every documented route.
#include "OpenApiRoutes.h"
#include "support/FlowAccounts.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>

using dantoc::test::errorCodeOf;
using dantoc::test::FlowAccounts;
using dantoc::test::TestServer;
using nlohmann::json;

namespace {

TestServer::Options demoOptions()
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    // A first backoff of ten minutes, so "still throttled" never depends on how fast the machine runs the test.
    options.configOverrides = {{"login_backoff_base_ms", 600'000}};
    return options;
}

std::string loginBody(const std::string& username, const std::string& password)
{
    return json{{"username", username}, {"password", password}}.dump();
}

}  // namespace

TEST_CASE("after five failed logins the next try waits: 429 with Retry-After, even with the right password")
{
    TestServer server(demoOptions());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto client = server.client();
    const std::string officer = "xa02683";
    const std::string rightPassword = accounts.password(officer);
    REQUIRE_FALSE(rightPassword.empty());

    for (int attempt = 1; attempt <= 5; ++attempt) {
        CAPTURE(attempt);
        auto wrong = client.post("/api/v1/auth/login", loginBody(officer, "sai-mat-khau-" + std::to_string(attempt)));
        CHECK(wrong.status == 401);
        CHECK(errorCodeOf(wrong) == "unauthenticated");
        CHECK(wrong.headers.count("retry-after") == 0);
    }
    auto locked = client.post("/api/v1/auth/login", loginBody(officer, rightPassword));
    CHECK(locked.status == 429);
    CHECK(errorCodeOf(locked) == "locked_out");
    REQUIRE(locked.headers.count("retry-after") == 1);
    const int retryAfter = std::stoi(locked.headers.at("retry-after"));
    CHECK(retryAfter >= 1);
    CHECK(retryAfter <= 15 * 60);
    CHECK(locked.body.find("access_token") == std::string::npos);

    // Still locked on the next try; another commune's officer is not affected.
    CHECK(client.post("/api/v1/auth/login", loginBody(officer, rightPassword)).status == 429);
    const std::string other = "xa02686";
    CHECK(client.post("/api/v1/auth/login", loginBody(other, accounts.password(other))).status == 200);

    // The province admin's password reset unlocks it (audited); the new password works at once.
    auto admin = accounts.ready(client, "admin");
    REQUIRE(admin.ok());
    auto list = client.get("/api/v1/admin/accounts", admin.accessToken);
    REQUIRE(list.status == 200);
    std::string officerId;
    const json listDoc = json::parse(list.body);
    for (const auto& a : listDoc.at("accounts")) {
        if (a["username"] == officer) {
            officerId = a["id"];
        }
    }
    REQUIRE_FALSE(officerId.empty());
    auto reset = client.post("/api/v1/admin/accounts/" + officerId + "/reset-password", "", admin.accessToken);
    REQUIRE(reset.status == 200);
    accounts.setPassword(officer, json::parse(reset.body)["initial_password"]);
    auto session = accounts.ready(client, officer);
    CHECK(session.ok());
    CAPTURE(session.error);

    // The failures and the lockout are in the audit log.
    auto audit = client.get("/api/v1/audit?action=auth.login_throttled", admin.accessToken);
    REQUIRE(audit.status == 200);
    std::size_t lockEntries = 0;
    const json auditDoc = json::parse(audit.body);
    for (const auto& entry : auditDoc.at("entries")) {
        lockEntries += entry["target"] == officerId ? 1 : 0;
    }
    CHECK(lockEntries == 2);
    auto failed = client.get("/api/v1/audit?action=auth.login_failed&target=" + officerId, admin.accessToken);
    REQUIRE(failed.status == 200);
    CHECK(json::parse(failed.body)["entries"].size() == 5);
}

TEST_CASE("an unknown user gets exactly what a known one gets: the same 401s, then the same 429")
{
    TestServer server(demoOptions());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto client = server.client();
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto unknown = client.post("/api/v1/auth/login", loginBody("khong-co-ai", "x"));
        auto known = client.post("/api/v1/auth/login", loginBody("xa02686", "x"));
        CHECK(unknown.status == 401);
        CHECK(errorCodeOf(unknown) == "unauthenticated");
        CHECK(unknown.body == known.body);
    }
    auto unknown = client.post("/api/v1/auth/login", loginBody("khong-co-ai", "x"));
    auto known = client.post("/api/v1/auth/login", loginBody("xa02686", accounts.password("xa02686")));
    CHECK(unknown.status == 429);
    CHECK(known.status == 429);
    CHECK(unknown.body == known.body);
    REQUIRE(unknown.headers.count("retry-after") == 1);
    REQUIRE(known.headers.count("retry-after") == 1);
    CHECK(unknown.headers.at("retry-after") == known.headers.at("retry-after"));
}

TEST_CASE("the default password must be changed before anything else, on every documented route")
{
    TestServer server(demoOptions());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto client = server.client();
    const std::string officer = "xa02683";
    auto login = client.post("/api/v1/auth/login", loginBody(officer, accounts.password(officer)));
    REQUIRE(login.status == 200);
    const json tokens = json::parse(login.body);
    CHECK(tokens["must_change_password"] == true);
    const std::string token = tokens["access_token"];

    // Open before the change: the public routes, the change itself, logout and /me.
    const std::set<std::string> allowed = {"GET /api/v1/health",     "GET /metrics",
                                           "POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
                                           "POST /api/v1/auth/password", "POST /api/v1/auth/logout",
                                           "GET /api/v1/me"};
    const auto routes = dantoc::test::documentedRoutes();
    REQUIRE(routes.size() >= 15);
    for (const auto& route : routes) {
        if (allowed.count(route.key()) != 0) {
            continue;
        }
        CAPTURE(route.key());
        const std::string target = dantoc::test::fillPath(route.path, "00000000-0000-4000-8000-000000000001");
        auto answer = client.request(route.method, target, route.method == "POST" || route.method == "PATCH" ? "{}" : "",
                                     {{"Authorization", "Bearer " + token}});
        CHECK(answer.status == 403);
        if (route.method != "HEAD") {
            CHECK(errorCodeOf(answer) == "password_change_required");
        }
    }
    auto me = client.get("/api/v1/me", token);
    CHECK(me.status == 200);
    CHECK(json::parse(me.body)["must_change_password"] == true);

    // A too-short new password is refused and changes nothing; a good one opens the API and revokes the old token.
    auto weak = client.post("/api/v1/auth/password",
                            json{{"current_password", accounts.password(officer)}, {"new_password", "ngan"}}.dump(),
                            token);
    CHECK(weak.status == 400);
    CHECK(errorCodeOf(weak) == "password_policy");
    auto wrongCurrent = client.post(
        "/api/v1/auth/password",
        json{{"current_password", "khong-dung"}, {"new_password", "Mat-khau-dai-du-2026"}}.dump(), token);
    CHECK(wrongCurrent.status == 403);
    CHECK(errorCodeOf(wrongCurrent) == "wrong_password");

    auto session = accounts.ready(client, officer);
    REQUIRE(session.ok());
    CHECK(client.get("/api/v1/units", session.accessToken).status == 200);
    CHECK(client.get("/api/v1/units", token).status == 401);
    // The new password is needed from now on; the initial one no longer logs in.
    CHECK(client.post("/api/v1/auth/login", loginBody(officer, session.password)).status == 200);
}
