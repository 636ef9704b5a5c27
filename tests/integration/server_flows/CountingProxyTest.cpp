// CountingProxy (tests/support) between a TLS client and the real dantoc-server: it relays both ways, counts
// what crosses the wire (handshake included), and its policy hook can cut a connection after N bytes, which the
// fault-injection tests and bench_sync_roundtrip rely on.
#include "support/CountingProxy.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <thread>

using dantoc::test::CountingProxy;
using dantoc::test::HttpsClient;
using dantoc::test::ProxyDecision;
using dantoc::test::ProxyDirection;
using dantoc::test::ProxyPolicy;
using dantoc::test::TestServer;

namespace {

// Cuts every connection once it has forwarded `limit` bytes from the server.
class CutDownAfter : public ProxyPolicy
{
public:
    explicit CutDownAfter(std::uint64_t limit) : m_limit(limit) {}
    ProxyDecision onChunk(std::uint64_t, ProxyDirection direction, std::uint64_t sent, std::size_t size) override
    {
        ProxyDecision decision;
        if (direction == ProxyDirection::Down && sent + size > m_limit) {
            decision.cut = true;
            decision.forwardBytes = static_cast<std::size_t>(m_limit - sent);
        }
        return decision;
    }

private:
    std::uint64_t m_limit;
};

}  // namespace

TEST_CASE("CountingProxy relays TLS both ways and counts the bytes on the wire")
{
    TestServer server;
    REQUIRE(server.started());
    CountingProxy proxy(server.port());
    REQUIRE(proxy.started());
    HttpsClient client("127.0.0.1", proxy.port(), server.fingerprint());
    const auto first = client.get("/api/v1/health");
    CHECK(first.status == 200);
    const auto afterFirst = proxy.bytes();
    CHECK(afterFirst.up > 0);
    CHECK(afterFirst.down > 1000);  // the server's certificate alone is larger
    CHECK(proxy.connections() >= 1);
    const auto second = client.get("/api/v1/health");
    CHECK(second.status == 200);
    // The proxy counts a chunk once its write completes, which may be just after the client has read it.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (proxy.bytes().down <= afterFirst.down && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(proxy.bytes().up > afterFirst.up);
    CHECK(proxy.bytes().down > afterFirst.down);
}

TEST_CASE("a CountingProxy policy cuts connections after N bytes; without it requests go through again")
{
    TestServer server;
    REQUIRE(server.started());
    CountingProxy proxy(server.port());
    REQUIRE(proxy.started());
    proxy.setPolicy(std::make_shared<CutDownAfter>(200));  // inside the TLS handshake
    {
        HttpsClient client("127.0.0.1", proxy.port(), server.fingerprint());
        CHECK(client.get("/api/v1/health").status == 0);
    }
    CHECK(proxy.bytes().down <= 200);
    proxy.setPolicy(nullptr);
    HttpsClient again("127.0.0.1", proxy.port(), server.fingerprint());
    CHECK(again.get("/api/v1/health").status == 200);
}
