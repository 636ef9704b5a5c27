// The API as a contract (issue 19), over real TLS: out-of-range `limit` and unknown `state` values are refused with
// 400 instead of being clamped or answering an empty list, and answers without a body (304, HEAD) carry no
// Content-Type. The same exchanges also feed the OpenAPI conformance check (server_openapi).
#include "support/FlowAccounts.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using dantoc::test::errorCodeOf;
using dantoc::test::FlowAccounts;
using dantoc::test::TestServer;

namespace {

TestServer::Options demoOptions()
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    return options;
}

}  // namespace

TEST_CASE("out-of-range limit and unknown state are 400 invalid_argument, not accepted silently")
{
    TestServer server(demoOptions());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto client = server.client();
    auto admin = accounts.ready(client, "admin");
    REQUIRE(admin.ok());
    for (const char* limit : {"0", "1001", "5000"}) {
        CAPTURE(limit);
        auto answer = client.get(std::string("/api/v1/audit?limit=") + limit, admin.accessToken);
        CHECK(answer.status == 400);
        CHECK(errorCodeOf(answer) == "invalid_argument");
    }
    CHECK(client.get("/api/v1/audit?limit=1000", admin.accessToken).status == 200);
    CHECK(client.get("/api/v1/audit?limit=1", admin.accessToken).status == 200);

    auto unknown = client.get("/api/v1/records?state=aproved", admin.accessToken);
    CHECK(unknown.status == 400);
    CHECK(errorCodeOf(unknown) == "invalid_argument");
    CHECK(client.get("/api/v1/records?state=approved", admin.accessToken).status == 200);
}

TEST_CASE("a 304 answer has no Content-Type; a JSON answer names application/json; both carry X-Request-Id")
{
    TestServer server(demoOptions());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto client = server.client();
    auto admin = accounts.ready(client, "admin");
    REQUIRE(admin.ok());
    auto first = client.get("/api/v1/periods", admin.accessToken);
    REQUIRE(first.status == 200);
    CHECK(first.headers["content-type"].rfind("application/json", 0) == 0);
    REQUIRE(first.headers.count("etag") == 1);
    auto again = client.request("GET", "/api/v1/periods", {},
                                {{"Authorization", "Bearer " + admin.accessToken},
                                 {"If-None-Match", first.headers.at("etag")}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(again.headers.count("content-type") == 0);
    // Every answer names its request for the log (X-Request-Id), a fresh one each time.
    REQUIRE(first.headers.count("x-request-id") == 1);
    REQUIRE(again.headers.count("x-request-id") == 1);
    CHECK(first.headers.at("x-request-id").size() == 16);
    CHECK(first.headers.at("x-request-id") != again.headers.at("x-request-id"));
}
