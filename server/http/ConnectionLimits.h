// ConnectionLimits: whether the listener admits one more TCP connection (issue 19, finding 2). A bound on all
// connections alone let one address take every slot with idle sockets; so each address is bounded too, and the
// last `reserved` slots are kept for addresses that hold no connection yet, so a legitimate office still gets in
// while a flood from a few addresses is under way. Pure functions and a thread-safe per-address counter.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dantoc::server {

struct ConnectionLimits {
    std::size_t total = 1024;      // Config::maxConnections
    std::size_t perAddress = 32;   // Config::maxConnectionsPerAddress
    std::size_t reserved = 64;     // Config::reservedConnections
};

// `active`: connections open now; `held`: how many of them the new connection's address holds.
inline bool admitConnection(const ConnectionLimits& limits, std::size_t active, std::size_t held)
{
    if (active >= limits.total || held >= limits.perAddress) {
        return false;
    }
    const std::size_t open = limits.total > limits.reserved ? limits.total - limits.reserved : 0;
    return active < open || held == 0;
}

// Open connections per remote address. Thread-safe.
class AddressCounter
{
public:
    // Counts the connection and returns true when admitConnection allows it; changes nothing otherwise.
    bool tryAdmit(const ConnectionLimits& limits, std::size_t active, const std::string& address)
    {
        std::lock_guard lock(m_mutex);
        std::size_t& held = m_counts[address];
        if (!admitConnection(limits, active, held)) {
            if (held == 0) {
                m_counts.erase(address);
            }
            return false;
        }
        ++held;
        return true;
    }
    void release(const std::string& address)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_counts.find(address);
        if (it != m_counts.end() && --it->second == 0) {
            m_counts.erase(it);
        }
    }

private:
    std::mutex m_mutex;
    std::unordered_map<std::string, std::size_t> m_counts;
};

}  // namespace dantoc::server
