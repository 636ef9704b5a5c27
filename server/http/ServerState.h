// What the listener and every session share: configuration, router, metrics, the shutdown flag and the registry
// of live sessions (so shutdown can close idle ones). Internal to server/http. Thread-safe.
#pragma once

#include "Config.h"
#include "http/ConnectionLimits.h"
#include "http/Metrics.h"
#include "http/Router.h"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace dantoc::server {

class Session;

struct ServerState {
    Config config;
    std::shared_ptr<const Router> router;
    std::shared_ptr<Metrics> metrics;
    std::atomic<bool> stopping{false};
    // Runs the router's handlers (which may block on password hashing or the store) off the io threads.
    std::unique_ptr<boost::asio::thread_pool> workers;

    AddressCounter connectionsByAddress;  // what the listener admitted; each Session releases its address

    ConnectionLimits connectionLimits() const
    {
        return {config.maxConnections, config.maxConnectionsPerAddress, config.reservedConnections};
    }

    std::mutex sessionsMutex;
    std::vector<std::weak_ptr<Session>> sessions;

    void addSession(const std::shared_ptr<Session>& session)
    {
        std::lock_guard lock(sessionsMutex);
        std::erase_if(sessions, [](const std::weak_ptr<Session>& s) { return s.expired(); });
        sessions.push_back(session);
    }
    std::vector<std::shared_ptr<Session>> liveSessions()
    {
        std::lock_guard lock(sessionsMutex);
        std::vector<std::shared_ptr<Session>> live;
        for (auto& weak : sessions) {
            if (auto s = weak.lock()) {
                live.push_back(std::move(s));
            }
        }
        return live;
    }
};

}  // namespace dantoc::server
