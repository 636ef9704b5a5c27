// OpJournalRepository: the one writer of table `op_journal`, the operations whose life in the outbox ended, with
// the server's outcome (applied, merged, conflict, rejected), the payload sent and the device that sent it: kept
// for a re-push after a server restore (sync-protocol §4), for the problems list and for pruning. Its rows come
// from the outbox (journalFromOutbox) inside SyncJournal's transaction. Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::client {

class OpJournalRepository
{
public:
    explicit OpJournalRepository(Connection& connection) : m_connection(connection) {}

    // Copies the outbox row of `opId` into the journal with its outcome, result JSON, time and device (replacing
    // an older journal row of the same op). False when the outbox does not hold the op: nothing written.
    Result<bool> journalFromOutbox(const std::string& opId, const std::string& outcome, const std::string& resultJson,
                                   std::int64_t ackedAtMillis, const std::string& deviceId);
    // A new outcome for an op already journaled (a re-push after a server restore). No row, no change.
    Status updateOutcome(const std::string& opId, const std::string& outcome, const std::string& resultJson);
    // The record a journaled op belongs to; nullopt when the journal does not hold it.
    Result<std::optional<std::string>> recordOf(const std::string& opId);
    // The payloads of `deviceId`'s journaled ops with dev_seq >= fromSeq that kept one, ascending.
    Result<std::vector<std::string>> payloadsFrom(const std::string& deviceId, std::uint64_t fromSeq);
    // dev_seqs of `deviceId` in the journal (with or without payload), ascending.
    Result<std::vector<std::uint64_t>> seqs(const std::string& deviceId);
    // Removes rows acknowledged before `beforeMillis`; returns how many.
    Result<std::int64_t> pruneAckedBefore(std::int64_t beforeMillis);

private:
    Connection& m_connection;
};

}  // namespace dantoc::client
