// Metrics: request counters by route and status, a latency histogram and connection gauges, rendered in the
// Prometheus text format for GET /metrics. Thread-safe (one mutex; updates are a few map operations).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace dantoc::server {

class Metrics
{
public:
    void recordRequest(const std::string& routeName, int status, double seconds);
    void sessionOpened() { ++m_activeSessions; }
    void sessionClosed() { --m_activeSessions; }
    void requestStarted() { ++m_inFlight; }
    void requestFinished() { --m_inFlight; }
    std::int64_t activeSessions() const { return m_activeSessions.load(); }
    std::int64_t inFlight() const { return m_inFlight.load(); }

    std::string renderPrometheus() const;

private:
    static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
    std::array<std::uint64_t, kBuckets.size()> m_bucketCounts{};
    std::uint64_t m_durationCount = 0;
    double m_durationSum = 0;
    std::atomic<std::int64_t> m_activeSessions{0};
    std::atomic<std::int64_t> m_inFlight{0};
};

}  // namespace dantoc::server
