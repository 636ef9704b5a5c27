// HttpServer: the TLS listener, its sessions and the thread pool that runs them (Boost.Beast
// advanced-server pattern). Construct, start(), then run() blocks until stop() or SIGTERM/SIGINT, after which
// in-flight requests finish, new ones get 503 and the threads are joined. start/run/stop may be called from
// different threads; stop() is idempotent.
#pragma once

#include "Config.h"
#include "base/Result.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace dantoc::server {

class Router;
class Metrics;

class HttpServer
{
public:
    HttpServer(Config config, std::shared_ptr<const Router> router, std::shared_ptr<Metrics> metrics);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Loads the certificate and key, binds and listens. The bound port (useful with port 0) is port().
    Status start();
    std::uint16_t port() const;
    // Runs the thread pool until shutdown completes. With handleSignals, SIGINT and SIGTERM begin shutdown.
    void run(bool handleSignals);
    // Begins graceful shutdown: stop accepting, finish in-flight requests, close idle connections.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace dantoc::server
