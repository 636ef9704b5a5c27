// OutboxRepository: intent operations waiting for the server (table outbox) and acknowledged ones (op_journal).
// enqueue() allocates dev_seq from sync_meta in the same transaction as the insert; call it inside the caller's
// Transaction that changes the record, so the change and its operation commit together or not at all.
// Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Clock.h"
#include "base/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::client {

struct OutboxOp
{
    std::string opId;  // client-generated UUID; empty: generated here
    std::string recordId;
    std::string kind;  // create | edit | transition | comment | amend
    std::int64_t baseVersion = 0;
    std::string payload;  // the operation JSON
};

struct OutboxEntry : OutboxOp
{
    std::int64_t devSeq = 0;
    std::string status;  // pending | rejected
    int attempts = 0;
    std::string lastError;
    std::int64_t createdAt = 0;
};

class OutboxRepository
{
public:
    explicit OutboxRepository(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    // Returns the allocated dev_seq. The same op_id twice: AlreadyExists, and nothing changes (dev_seq is not
    // consumed), so a retried enqueue can never produce a second operation.
    Result<std::int64_t> enqueue(OutboxOp op);
    // Pending operations in dev_seq order (the order the server must apply them).
    Result<std::vector<OutboxEntry>> pending(int limit = 100);
    Result<std::int64_t> pendingCount();
    Result<OutboxEntry> get(const std::string& opId);
    // Server acknowledged (applied/merged/conflict): moves the operation to op_journal with its outcome.
    Status markAcked(const std::string& opId, const std::string& outcome, const std::string& resultJson);
    // Server rejected: stays visible (status rejected, reason kept), the record is flagged; later operations
    // are not blocked.
    Status markRejected(const std::string& opId, const std::string& code, const std::string& message);
    // Transient failure (network): counts the attempt.
    Status recordAttemptFailure(const std::string& opId, const std::string& error);
    // The next dev_seq that enqueue would allocate.
    Result<std::int64_t> nextDevSeq();

private:
    Connection& m_connection;
    const Clock& m_clock;
};

}  // namespace dantoc::client
