// Issue 19, finding 2: idle TCP connections from one address cannot lock everyone out. The real dantoc-server
// over TLS on loopback, with small limits from config.json; the "attackers" are raw sockets bound to other
// loopback addresses (127.0.0.2 …, all on lo), the legitimate client the pinned HTTPS client from 127.0.0.1.
// Plus the admission rule itself. No timed assertions: a refused socket is one the server closes (EOF or reset,
// waited for with a generous bound); an admitted one is one it keeps (the handshake timeout is set long).
#include "http/ConnectionLimits.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

using dantoc::server::admitConnection;
using dantoc::server::ConnectionLimits;
using dantoc::test::TestServer;

namespace {

// A TCP connection from `source` to the server, never speaking TLS. -1 when it cannot be made.
int idleConnection(const std::string& source, std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// True when the server closed the connection (EOF or reset) within `waitMs`.
bool closedByServer(int fd, int waitMs)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, waitMs) <= 0) {
        return false;
    }
    char byte = 0;
    return ::recv(fd, &byte, 1, MSG_DONTWAIT) <= 0;
}

struct Sockets {
    std::vector<int> fds;
    ~Sockets()
    {
        for (int fd : fds) {
            ::close(fd);
        }
    }
    int open(const std::string& source, std::uint16_t port)
    {
        const int fd = idleConnection(source, port);
        REQUIRE(fd >= 0);
        fds.push_back(fd);
        return fd;
    }
};

}  // namespace

TEST_CASE("admission: a cap per address, and the reserve only for addresses that hold no connection")
{
    const ConnectionLimits limits{12, 4, 4};
    CHECK(admitConnection(limits, 0, 0));
    CHECK(admitConnection(limits, 5, 3));
    CHECK_FALSE(admitConnection(limits, 5, 4));  // the address's cap
    CHECK(admitConnection(limits, 8, 0));        // in the reserve: a new address gets in
    CHECK_FALSE(admitConnection(limits, 8, 1));  // but not one that already holds a connection
    CHECK(admitConnection(limits, 11, 0));
    CHECK_FALSE(admitConnection(limits, 12, 0));  // the total stays a hard bound
}

TEST_CASE("idle connections from a few addresses leave room for everyone else")
{
    TestServer::Options options;
    options.configOverrides = {{"max_connections", 12},
                               {"max_connections_per_address", 4},
                               {"reserved_connections", 4},
                               {"handshake_timeout_s", 600}};
    TestServer server(options);
    REQUIRE(server.started());
    Sockets sockets;

    // One address: four connections are held, the fifth is closed at once.
    std::vector<int> held;
    for (int i = 0; i < 4; ++i) {
        held.push_back(sockets.open("127.0.0.2", server.port()));
    }
    const int fifth = sockets.open("127.0.0.2", server.port());
    CHECK(closedByServer(fifth, 10'000));
    for (int fd : held) {
        CHECK_FALSE(closedByServer(fd, 200));
    }
    // The legitimate client is served meanwhile.
    CHECK(server.client().get("/api/v1/health").status == 200);

    // A second address fills the open slots (8 of 12); the reserve then admits only addresses without one.
    for (int i = 0; i < 4; ++i) {
        sockets.open("127.0.0.3", server.port());
    }
    const int firstOfFourth = sockets.open("127.0.0.4", server.port());
    const int secondOfFourth = sockets.open("127.0.0.4", server.port());
    CHECK(closedByServer(secondOfFourth, 10'000));
    CHECK_FALSE(closedByServer(firstOfFourth, 200));
    CHECK(server.client().get("/api/v1/health").status == 200);
}
