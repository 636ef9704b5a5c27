// ReviewSnapshotRepository: the one writer of `review_snapshot`: the body a reviewer returned from this store, kept
// so that when the commune resubmits, the reviewer sees what changed since the return (ux-lessons §6 check 9). One
// row per record (the latest return). Written in the return's own transaction (ReviewService::act). Not
// thread-safe (the Connection's thread).
#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "core/Connection.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dantoc::client::review {

struct ReviewSnapshot
{
    std::string recordId;
    std::int64_t contentVersion = 0;  // the content version that was returned
    std::string body;                 // JSON object, as the reviewer saw it
    std::int64_t takenAt = 0;         // unix ms
};

class ReviewSnapshotRepository
{
public:
    explicit ReviewSnapshotRepository(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    // Replaces the record's snapshot. InvalidArgument for an empty id or body.
    Status keep(const std::string& recordId, std::int64_t contentVersion, const std::string& body);
    // nullopt when this store never returned the record.
    Result<std::optional<ReviewSnapshot>> get(const std::string& recordId);
    Status remove(const std::string& recordId);

private:
    Connection& m_connection;
    const Clock& m_clock;
};

}  // namespace dantoc::client::review
