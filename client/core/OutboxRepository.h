// OutboxRepository: the one writer of table `outbox`, the intent operations waiting for the server. An operation
// has one life: it is enqueued pending; a push reply either parks it here (deferred: one more attempt, the reason in
// last_error as "deferred: <reason>") or ends it (applied, merged, conflict or rejected), and then SyncJournal moves
// it to op_journal (OpJournalRepository) and removes it from here in the same transaction; rejected and conflicted
// ones flag their record. enqueue() allocates dev_seq from sync_meta in the same transaction as the insert; call it inside the caller's
// Transaction that changes the record, so the change and its operation commit together or not at all.
// Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Clock.h"
#include "base/Result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
    std::string status;  // pending (rejected: rows of stores older than the journal; never written now)
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
    // Pending payloads with dev_seq > afterDevSeq in dev_seq order, at most `limit`.
    Result<std::vector<std::string>> pendingPayloadsAfter(std::int64_t afterDevSeq, std::size_t limit);
    // The pending payloads of one record in dev_seq order.
    Result<std::vector<std::string>> pendingPayloadsOf(const std::string& recordId);
    // The record an op in the outbox belongs to; nullopt when the outbox does not hold it.
    Result<std::optional<std::string>> recordOf(const std::string& opId);
    Result<bool> isPending(const std::string& opId);
    // Whether a pending op of `recordId` is parked for `reason`.
    Result<bool> hasDeferred(const std::string& recordId, std::string_view reason);
    // The op's life here ended (SyncJournal journals it first); false when it was not here.
    Result<bool> remove(const std::string& opId);
    // The server parked the op: one more attempt, last_error = deferredError(reason). No op, no change.
    Status defer(const std::string& opId, std::string_view reason);
    // After a device fork: every pending op gets its new dev_seq and payload, in one transaction; the list must
    // name every pending op (InvalidArgument otherwise, and nothing changes).
    struct RenumberedOp
    {
        std::string opId;
        std::int64_t devSeq = 0;
        std::string payload;
    };
    Status renumberPending(const std::vector<RenumberedOp>& ops);
    // last_error of a parked op (SyncStatus and SyncProblems count them by the prefix).
    static constexpr const char* kDeferredPrefix = "deferred:";
    static std::string deferredError(std::string_view reason);
    // The next dev_seq that enqueue would allocate.
    Result<std::int64_t> nextDevSeq();

private:
    Connection& m_connection;
    const Clock& m_clock;
};

}  // namespace dantoc::client
