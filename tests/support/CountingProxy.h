// CountingProxy: a loopback TCP proxy for tests and benchmarks. It listens on 127.0.0.1 (ephemeral port) and relays
// every accepted connection to 127.0.0.1:<target port>, byte for byte, counting the bytes each way. Because it sits
// below TLS it counts what really crosses the wire (records, handshakes, HTTP envelopes), not what a client thinks
// it sent. A Policy decides, chunk by chunk, whether to forward now, later (delay, throttle) or to cut the
// connection: the hook a fault-injection test needs (slow link, cut every N bytes); the default forwards at once.
//
// Thread-safety: the relay runs on one internal thread (its own io_context). bytes()/connections() are atomic and
// may be read from any thread at any time; setPolicy() may be called from any thread (it takes effect for chunks
// read afterwards). Construct and destroy from one thread; the destructor stops the relay and closes every socket.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

namespace dantoc::test {

enum class ProxyDirection { Up, Down };  // Up: client -> server; Down: server -> client

struct ProxyTotals
{
    std::uint64_t up = 0;    // bytes forwarded client -> server
    std::uint64_t down = 0;  // bytes forwarded server -> client
};

// What to do with one chunk just read on a connection (at most `size` bytes, already counted as read).
struct ProxyDecision
{
    std::chrono::milliseconds delay{0};  // wait this long before forwarding (latency, throttling)
    bool cut = false;                    // close both sides instead of forwarding (a dropped connection)
    std::size_t forwardBytes = SIZE_MAX; // with cut: forward this many bytes of the chunk first (cut mid-chunk)
};

// Decides per chunk; called on the relay thread only, so implementations need no locking of their own state
// unless they share it with the test. `connectionBytes` is what this connection forwarded so far in `direction`.
class ProxyPolicy
{
public:
    virtual ~ProxyPolicy() = default;
    virtual ProxyDecision onChunk(std::uint64_t connectionId, ProxyDirection direction, std::uint64_t connectionBytes,
                                  std::size_t size)
    {
        (void)connectionId, (void)direction, (void)connectionBytes, (void)size;
        return {};
    }
};

class CountingProxy
{
public:
    explicit CountingProxy(std::uint16_t targetPort);
    ~CountingProxy();
    CountingProxy(const CountingProxy&) = delete;
    CountingProxy& operator=(const CountingProxy&) = delete;

    bool started() const { return m_port != 0; }
    std::uint16_t port() const { return m_port; }
    ProxyTotals bytes() const { return {m_up.load(), m_down.load()}; }
    std::uint64_t connections() const { return m_connections.load(); }
    void setPolicy(std::shared_ptr<ProxyPolicy> policy);

    class Impl;  // the Asio side (CountingProxy.cpp), public only so its session type can name it

private:
    std::shared_ptr<ProxyPolicy> policy() const;

    std::unique_ptr<Impl> m_impl;
    std::thread m_thread;
    std::uint16_t m_port = 0;
    std::atomic<std::uint64_t> m_up{0};
    std::atomic<std::uint64_t> m_down{0};
    std::atomic<std::uint64_t> m_connections{0};
    mutable std::mutex m_policyMutex;
    std::shared_ptr<ProxyPolicy> m_policy;  // guarded by m_policyMutex; never null
};

}  // namespace dantoc::test
