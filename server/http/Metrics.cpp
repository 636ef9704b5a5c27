#include "http/Metrics.h"

#include <sstream>

namespace dantoc::server {

void Metrics::recordRequest(const std::string& routeName, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{routeName, status}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++m_bucketCounts[i];
        }
    }
    ++m_durationCount;
    m_durationSum += seconds;
}

std::string Metrics::renderPrometheus() const
{
    std::ostringstream out;
    std::lock_guard lock(m_mutex);
    out << "# HELP dantoc_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE dantoc_http_requests_total counter\n";
    for (const auto& [key, count] : m_requests) {
        out << "dantoc_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count
            << "\n";
    }
    out << "# HELP dantoc_http_request_duration_seconds Time from the request header to the response.\n"
        << "# TYPE dantoc_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        out << "dantoc_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << m_bucketCounts[i]
            << "\n";
    }
    out << "dantoc_http_request_duration_seconds_bucket{le=\"+Inf\"} " << m_durationCount << "\n"
        << "dantoc_http_request_duration_seconds_sum " << m_durationSum << "\n"
        << "dantoc_http_request_duration_seconds_count " << m_durationCount << "\n"
        << "# HELP dantoc_active_sessions Open client connections.\n# TYPE dantoc_active_sessions gauge\n"
        << "dantoc_active_sessions " << m_activeSessions.load() << "\n"
        << "# HELP dantoc_in_flight_requests Requests being handled.\n# TYPE dantoc_in_flight_requests gauge\n"
        << "dantoc_in_flight_requests " << m_inFlight.load() << "\n";
    return out.str();
}

}  // namespace dantoc::server
