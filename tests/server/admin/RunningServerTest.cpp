// The real server over TLS with the demo province: scope by date for a new commune's officer, a `unit import` run
// beside the running server shows in its next units list (the list the server keeps answering 304 to until then),
// and a second `run` on the same data directory is refused.
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

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

std::string readyToken(const TestServer& server, const std::string& username)
{
    auto client = server.client();
    const std::string password = initialPassword(server, username);
    auto login = client.post("/api/v1/auth/login", json{{"username", username}, {"password", password}}.dump());
    REQUIRE(login.status == 200);
    auto changed = client.post("/api/v1/auth/password",
                               json{{"current_password", password}, {"new_password", "Mat-khau-moi-2026"}}.dump(),
                               json::parse(login.body)["access_token"].get<std::string>());
    REQUIRE(changed.status == 200);
    return json::parse(changed.body)["access_token"].get<std::string>();
}

std::set<std::string> codes(const TestServer& server, const std::string& token, const std::string& at)
{
    auto response = server.client().get("/api/v1/units?at=" + at, token);
    REQUIRE(response.status == 200);
    std::set<std::string> out;
    const json body = json::parse(response.body);
    for (const auto& unit : body["units"]) {
        out.insert(unit["code"].get<std::string>());
    }
    return out;
}

}  // namespace

TEST_CASE("running server: scope by date over TLS, an import beside it shows at once, one server per data dir")
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    TestServer server(options);
    REQUIRE(server.started());
    const std::string officer = readyToken(server, "xa02647");
    CHECK(codes(server, officer, "2025-06-01") ==
          std::set<std::string>{"02635", "02641", "02644", "02647", "02665", "02911"});
    CHECK(codes(server, officer, "2026-01-01").count("02647-77") == 0);
    // Today's list as the client holds it: the server answers 304 to its ETag while the units stay as they are.
    auto held = server.client().get("/api/v1/units", officer);
    REQUIRE(held.status == 200);
    const std::string etag = held.headers["etag"];
    REQUIRE_FALSE(etag.empty());
    const auto conditional = [&] {
        return server.client().request("GET", "/api/v1/units", {},
                                       {{"Authorization", "Bearer " + officer}, {"If-None-Match", etag}});
    };
    CHECK(conditional().status == 304);
    CHECK(conditional().status == 304);

    const auto file = server.dataDir() / "more-units.csv";
    {
        std::ofstream out(file);
        out << "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
               "02647-77,Thôn Nhập Thêm,village,thôn,02647,2025-10-01,\n";
    }
    std::string out;
    REQUIRE(TestServer::runTool({"unit", "import", "--data", server.dataDir().string(), "--file", file.string()},
                                &out) == 0);
    CHECK(json::parse(out)["changed"] == true);
    CHECK(codes(server, officer, "2026-01-01").count("02647-77") == 1);
    // The import in another process moved the unit generation: the held ETag no longer matches, the new list
    // (with the new village) comes back whole.
    auto changed = conditional();
    REQUIRE(changed.status == 200);
    CHECK(changed.headers["etag"] != etag);
    CHECK(changed.body.find("02647-77") != std::string::npos);
    CHECK(changed.body != held.body);

    std::string err;
    CHECK(TestServer::runTool({"run", "--data", server.dataDir().string(), "--port", "0"}, nullptr, &err) == 1);
    CHECK(err.find("server.lock") != std::string::npos);
    CHECK(server.stop() == 0);
}
