// SyncJournal: the sync client's durable bookkeeping around the outbox (sync-protocol §4): finals of a push reply
// moved to op_journal with their outcome in ONE transaction, deferred ops kept, the renumbering after a device fork,
// the journal ops to re-push after a server restore, confirmation through pull, pruning. Not thread-safe (the
// Connection's thread). It coordinates the tables' owners (OutboxRepository, OpJournalRepository,
// SubmissionRepository) and writes no table itself.
#pragma once

#include "core/Connection.h"
#include "core/Statement.h"

#include "base/Clock.h"
#include "base/Result.h"
#include "sync/Operation.h"
#include "sync/PushMessages.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::client::sync {

// One operation as stored (outbox or journal): its parsed JSON.
struct StoredOp
{
    dantoc::sync::Operation op;
    std::string payload;  // the JSON text sent
};

// Every row of `stmt` whose column 0 is an operation's payload (outbox or journal), parsed; Corruption when one
// does not parse.
Result<std::vector<StoredOp>> readStoredOps(Statement& stmt);

struct FinalizeCounts
{
    std::size_t applied = 0;  // applied or merged
    std::size_t merged = 0;
    std::size_t conflicts = 0;
    std::size_t rejected = 0;
    std::size_t deferred = 0;
    // Records whose ops got a final outcome or started waiting for an attachment (flags may have changed).
    std::vector<std::string> recordIds;
};

class SyncJournal
{
public:
    explicit SyncJournal(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    // Pending outbox ops with dev_seq > afterDevSeq, in dev_seq order, at most `limit`.
    Result<std::vector<StoredOp>> pendingAfter(std::uint64_t afterDevSeq, std::size_t limit);
    // The journal's ops of `deviceId` with a stored payload and dev_seq >= fromSeq, ascending (for a re-push).
    Result<std::vector<StoredOp>> journalOpsFrom(const std::string& deviceId, std::uint64_t fromSeq);
    // dev_seqs of `deviceId` in the journal (with or without payload), ascending.
    Result<std::vector<std::uint64_t>> journalSeqs(const std::string& deviceId);

    // In ONE transaction: every final outcome moves its op from the outbox to op_journal (outcome, result JSON,
    // payload, device id); conflicts and rejections flag the record (needs attention, conflict); the deferred ones
    // stay in the outbox with their reason and one more attempt (an awaiting_attachment one flags its record, cleared
    // by the op's final outcome). Outcomes for ops not in the outbox (a journal
    // re-push) update the journal row.
    Result<FinalizeCounts> finalize(const std::vector<dantoc::sync::OpOutcome>& finals,
                                    const std::vector<dantoc::sync::OpOutcome>& deferred);

    // After a device fork, in ONE transaction: the new device id in sync_meta, every pending op renumbered from
    // dev_seq 1 in its order (op ids kept, payload rewritten), next_dev_seq after them. Returns the new id.
    Result<std::string> forkDevice();

    // Pending ops whose op_id the server lists in a pulled version's op_ids_applied (a lost push answer): moved
    // to the journal as applied at `ver`. Call inside the pull page's transaction.
    Status confirmApplied(const std::vector<std::string>& opIds, std::uint64_t ver);

    // Journal rows acknowledged more than kOpJournalRetentionMillis ago; returns how many were removed.
    Result<std::int64_t> prune();

private:
    // The op's outcome into op_journal and the op out of the outbox (or, for an op no longer there, the journal
    // row's outcome refreshed).
    Status moveToJournal(const std::string& opId, const std::string& outcome, const std::string& resultJson);
    // The record of an op in the outbox or the journal.
    Result<std::optional<std::string>> recordOf(const std::string& opId);

    Connection& m_connection;
    const Clock& m_clock;
};

}  // namespace dantoc::client::sync
