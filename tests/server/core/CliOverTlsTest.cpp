// The real dantoc-server executable: `init --demo` prints the demo accounts once, the API works over TLS with a
// pinned certificate, `user` commands change accounts, and `audit verify` detects an altered row in the file.
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

using dantoc::test::TestServer;
using nlohmann::json;

namespace {

std::string initialPassword(const TestServer& server, const std::string& username)
{
    for (const auto& line : server.initOutput()) {
        if (line.value("event", "") == "account" && line.value("username", "") == username) {
            return line.value("initial_password", "");
        }
    }
    return {};
}

}  // namespace

TEST_CASE("demo init, login over TLS, must-change gating, then admin-only access by role")
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    TestServer server(options);
    REQUIRE(server.started());
    const std::string password = initialPassword(server, "admin");
    REQUIRE(password.size() == 16);
    CHECK_FALSE(initialPassword(server, "xa02683").empty());

    auto client = server.client();
    auto login = client.post("/api/v1/auth/login", json{{"username", "admin"}, {"password", password}}.dump());
    REQUIRE(login.status == 200);
    const std::string token = json::parse(login.body)["access_token"];
    auto gated = client.get("/api/v1/admin/accounts", token);
    CHECK(gated.status == 403);
    CHECK(json::parse(gated.body)["error"]["code"] == "password_change_required");
    auto changed = client.post("/api/v1/auth/password",
                               json{{"current_password", password}, {"new_password", "Ban-dan-toc-2026"}}.dump(), token);
    REQUIRE(changed.status == 200);
    const std::string fresh = json::parse(changed.body)["access_token"];
    auto accounts = client.get("/api/v1/admin/accounts", fresh);
    REQUIRE(accounts.status == 200);
    CHECK(json::parse(accounts.body)["accounts"].size() == 8);  // admin, viewer, reviewer, 5 officers
    CHECK(client.get("/api/v1/me", "forged-token").status == 401);
    CHECK(client.post("/api/v1/auth/login", R"({"username":"a","username":"b","password":"c"})").status == 400);

    auto metrics = client.get("/metrics");
    REQUIRE(metrics.status == 200);
    CHECK(metrics.body.find("route=\"auth.login\"") != std::string::npos);
    CHECK(metrics.body.find(password) == std::string::npos);
    CHECK(server.stop() == 0);
}

TEST_CASE("user commands and audit verify, including tamper detection in the SQLite file")
{
    TestServer server;
    REQUIRE(server.started());
    REQUIRE(server.stop() == 0);
    const std::string data = server.dataDir().string();

    std::string out;
    std::string err;
    CHECK(TestServer::runTool({"user", "add", "--data", data, "--username", "can-bo", "--role", "commune_officer",
                               "--unit", "15"},
                              &out) == 0);
    CHECK(json::parse(out)["initial_password"].get<std::string>().size() == 16);
    CHECK(TestServer::runTool({"user", "add", "--data", data, "--username", "can-bo", "--role", "commune_officer",
                               "--unit", "15"},
                              &out, &err) == 1);
    CHECK(TestServer::runTool({"user", "add", "--data", data, "--username", "x", "--role", "king", "--unit", "15"},
                              &out, &err) == 1);
    CHECK(TestServer::runTool({"user", "edit", "--data", data, "--username", "can-bo", "--name", "Cán bộ A"}) == 0);
    CHECK(TestServer::runTool({"user", "reset-password", "--data", data, "--username", "can-bo"}, &out) == 0);
    CHECK(TestServer::runTool({"user", "close", "--data", data, "--username", "can-bo"}) == 0);
    CHECK(TestServer::runTool({"user", "close", "--data", data, "--username", "nobody"}, &out, &err) == 1);

    REQUIRE(TestServer::runTool({"audit", "verify", "--data", data}, &out) == 0);
    CHECK(json::parse(out)["ok"] == true);
    CHECK(json::parse(out)["entries"].get<int>() >= 5);

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((server.dataDir() / "dantoc-server.db").c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db,
                       "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone-else' WHERE seq = 2",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(TestServer::runTool({"audit", "verify", "--data", data}, &out) == 1);
    CHECK(json::parse(out)["ok"] == false);
    CHECK(json::parse(out)["error"].get<std::string>().find("audit entry 2") != std::string::npos);
}
