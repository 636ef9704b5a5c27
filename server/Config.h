// Server configuration: config.json in the data directory, written by `init`, read by `run`. Value type.
#pragma once

#include "base/Result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace dantoc {
class Clock;
}

namespace dantoc::server {

struct Config {
    std::filesystem::path dataDir;
    std::string bindAddress = "127.0.0.1";
    std::uint16_t port = 8443;
    unsigned threads = 2;         // io threads: TLS, HTTP parsing, timers
    unsigned workerThreads = 4;   // request handlers (Argon2id hashing, SQLite) run here, never on an io thread
    std::filesystem::path certificateFile = "tls/server.crt";  // relative to dataDir unless absolute
    std::filesystem::path privateKeyFile = "tls/server.key";
    // Connection limits (issue 19, finding 2: ~1,100 idle connections from one address locked everyone out). All
    // connection tunables are here and in config.json; the admission rule is http/ConnectionLimits.h.
    std::size_t maxConnections = 1024;
    std::size_t maxConnectionsPerAddress = 32;  // an office behind one NAT runs a few desktops, not hundreds
    std::size_t reservedConnections = 64;       // the last slots go only to addresses holding no connection yet
    int handshakeTimeoutSeconds = 5;            // accept to finished TLS handshake: the pre-TLS idle window
    int readTimeoutSeconds = 30;   // no progress for this long closes the connection
    int writeTimeoutSeconds = 30;
    int idleTimeoutSeconds = 60;   // keep-alive connection with no request
    bool metricsFromLoopbackOnly = true;
    // The first wait after the free failed password checks (auth/LoginThrottle.h doubles it); the other
    // throttle tunables are ThrottlePolicy's.
    std::int64_t loginBackoffBaseMillis = 1000;
    unsigned passwordHashOpsLimit = 3;            // Argon2id cost; tests lower these
    std::size_t passwordHashMemLimit = 64u << 20;  // bytes
    bool enableTestRoutes = false;                 // only for the test suite (slow route for shutdown tests)
    // Read-only resources (catalogs, default forms, demo province); "resources_dir" in config.json overrides.
    std::filesystem::path resourcesDir = DANTOC_DEFAULT_RESOURCES_DIR;
    // "as_of": a demo or training server that lives on one date (base/Clock.h PinnedDateClock), e.g. the province
    // as it was before the 1 July 2025 reform, with its districts. Empty (production): the real date.
    std::string asOf;

    std::filesystem::path resolve(const std::filesystem::path& p) const { return p.is_absolute() ? p : dataDir / p; }

    // The clock the server and its admin commands use: the system clock, or the pinned date of "as_of".
    // Each call makes a new one; keep it as long as it is used.
    std::shared_ptr<const Clock> clock() const;

    static Result<Config> load(const std::filesystem::path& dataDir);
    Status save() const;  // atomically (temp file + rename)
    std::string toJson() const;
};

}  // namespace dantoc::server
