// The transport over real TLS on loopback: the real dantoc-server child process, a pinned HTTPS client.
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <openssl/ssl.h>

#include <csignal>
#include <chrono>
#include <future>
#include <thread>

using dantoc::test::HttpsClient;
using dantoc::test::TestServer;
using nlohmann::json;

namespace {

std::string errorCode(const std::string& body)
{
    auto doc = json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.contains("error")) {
        return "<no error object>";
    }
    return doc["error"].value("code", "<no code>");
}

}  // namespace

TEST_CASE("health answers over TLS and the certificate fingerprint is pinned")
{
    TestServer server;
    REQUIRE(server.started());
    auto client = server.client();
    auto health = client.get("/api/v1/health");
    REQUIRE(health.status == 200);
    auto body = json::parse(health.body);
    CHECK(body["status"] == "ok");
    CHECK(health.headers["cache-control"] == "no-store");

    HttpsClient wrongPin("127.0.0.1", server.port(), "00:11:22");
    auto refused = wrongPin.get("/api/v1/health");
    CHECK(refused.status == 0);
    CHECK(refused.error.find("handshake") != std::string::npos);
}

TEST_CASE("TLS 1.1 is refused and plain HTTP on the TLS port does not disturb the server")
{
    TestServer server;
    REQUIRE(server.started());
    HttpsClient old("127.0.0.1", server.port(), server.fingerprint(), TLS1_1_VERSION);
    CHECK(old.get("/api/v1/health").status == 0);

    const std::string reply =
        dantoc::test::rawTcpExchange("127.0.0.1", server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(reply.find("\"status\":\"ok\"") == std::string::npos);

    CHECK(server.client().get("/api/v1/health").status == 200);
}

TEST_CASE("unknown routes, wrong methods and missing tokens give JSON errors")
{
    TestServer server;
    REQUIRE(server.started());
    auto client = server.client();
    auto missing = client.get("/api/v1/no-such-thing");
    CHECK(missing.status == 404);
    CHECK(errorCode(missing.body) == "not_found");
    auto wrongMethod = client.post("/api/v1/health", "{}");
    CHECK(wrongMethod.status == 405);
    CHECK(errorCode(wrongMethod.body) == "method_not_allowed");
}

TEST_CASE("an oversized body gets 413 and the server keeps serving")
{
    TestServer server;
    REQUIRE(server.started());
    auto client = server.client();
    auto big = client.post("/api/v1/test/slow?ms=0", std::string(200 * 1024, 'x'));
    CHECK(big.status == 413);
    CHECK(errorCode(big.body) == "body_too_large");
    auto unknownBig = client.post("/api/v1/unknown", std::string(64 * 1024, 'x'));
    CHECK(unknownBig.status == 413);
    CHECK(server.client().get("/api/v1/health").status == 200);
}

TEST_CASE("several requests share one keep-alive connection")
{
    TestServer server;
    REQUIRE(server.started());
    auto client = server.client();
    for (int i = 0; i < 5; ++i) {
        CHECK(client.get("/api/v1/health").status == 200);
    }
    auto metrics = client.get("/metrics");
    REQUIRE(metrics.status == 200);
    CHECK(metrics.body.find("dantoc_http_requests_total{route=\"health\",status=\"200\"} 5") != std::string::npos);
    CHECK(metrics.body.find("dantoc_active_sessions 1") != std::string::npos);
}

TEST_CASE("malformed HTTP closes only that connection")
{
    TestServer server;
    REQUIRE(server.started());
    auto good = server.client();
    CHECK(good.get("/api/v1/health").status == 200);
    HttpsClient bad("127.0.0.1", server.port(), server.fingerprint());
    const std::string garbage =
        bad.rawExchange("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: not-a-number\r\n\r\n");
    CHECK(garbage.find("200 OK") == std::string::npos);
    const std::string nonsense = bad.rawExchange("\x01\x02 this is not HTTP\r\n\r\n");
    CHECK(nonsense.find("200 OK") == std::string::npos);
    CHECK(good.get("/api/v1/health").status == 200);
}

TEST_CASE("SIGTERM lets an in-flight request finish, then the process exits 0")
{
    TestServer server;
    REQUIRE(server.started());
    auto slow = std::async(std::launch::async, [&] {
        auto client = server.client();
        return client.post("/api/v1/test/slow?ms=1500", "{}");
    });
    // Give the request time to reach the handler before the signal.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const int exitCode = server.stop(SIGTERM);
    auto response = slow.get();
    CHECK(response.status == 200);
    CHECK(response.body.find("slept") != std::string::npos);
    CHECK(response.headers["connection"] == "close");
    CHECK(exitCode == 0);
}
