#include "core/sync/SyncJournal.h"

#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"

#include "base/Json.h"
#include "sync/OpOrdering.h"
#include "sync/SyncTuning.h"

namespace dantoc::client::sync {

namespace ds = dantoc::sync;

namespace {

Result<StoredOp> parseStored(std::string payload)
{
    auto json = parseJson(payload);
    if (!json) {
        return Status(ErrorCode::Corruption, "stored operation: " + json.status().message());
    }
    auto op = ds::parseOperation(*json);
    if (!op) {
        return Status(ErrorCode::Corruption, "stored operation: " + op.status().message());
    }
    return StoredOp{std::move(*op), std::move(payload)};
}

Status flagRecord(Connection& connection, const std::string& recordId, std::int64_t mask)
{
    auto stmt = connection.prepare("UPDATE record SET flags = flags | ?1 WHERE id = ?2");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, mask);
    if (status) status = stmt->bindText(2, recordId);
    if (status) status = stmt->execute();
    return status;  // a record purged since (revoked) has nothing to flag; the journal keeps the outcome
}

// outbox.last_error of an op the server deferred (SyncStatus counts them by the "deferred:" prefix).
std::string deferredError(std::string_view reason)
{
    return "deferred: " + std::string(reason);
}

}  // namespace

Result<std::vector<StoredOp>> readStoredOps(Statement& stmt)
{
    auto payloads = stmt.readAll<std::string>([](const Statement& row) { return row.columnText(0); });
    if (!payloads) {
        return payloads.status();
    }
    std::vector<StoredOp> out;
    out.reserve(payloads->size());
    for (std::string& payload : *payloads) {
        auto op = parseStored(std::move(payload));
        if (!op) {
            return op.status();
        }
        out.push_back(std::move(*op));
    }
    return out;
}

Result<std::vector<StoredOp>> SyncJournal::pendingAfter(std::uint64_t afterDevSeq, std::size_t limit)
{
    auto stmt = m_connection.prepare(
        "SELECT payload FROM outbox WHERE status = 'pending' AND dev_seq > ?1 ORDER BY dev_seq LIMIT ?2");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, static_cast<std::int64_t>(afterDevSeq));
    if (status) status = stmt->bindInt64(2, static_cast<std::int64_t>(limit));
    if (!status) {
        return status;
    }
    return readStoredOps(*stmt);
}

Result<std::vector<StoredOp>> SyncJournal::journalOpsFrom(const std::string& deviceId, std::uint64_t fromSeq)
{
    auto stmt = m_connection.prepare(
        "SELECT payload FROM op_journal WHERE device_id = ?1 AND dev_seq >= ?2 AND payload IS NOT NULL "
        "ORDER BY dev_seq");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, deviceId);
    if (status) status = stmt->bindInt64(2, static_cast<std::int64_t>(fromSeq));
    if (!status) {
        return status;
    }
    return readStoredOps(*stmt);
}

Result<std::vector<std::uint64_t>> SyncJournal::journalSeqs(const std::string& deviceId)
{
    auto stmt = m_connection.prepare("SELECT dev_seq FROM op_journal WHERE device_id = ?1 ORDER BY dev_seq");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, deviceId); !status) {
        return status;
    }
    return stmt->readAll<std::uint64_t>(
        [](const Statement& row) { return static_cast<std::uint64_t>(row.columnInt64(0)); });
}

Status SyncJournal::moveToJournal(const std::string& opId, const std::string& outcome, const std::string& resultJson,
                                  bool& moved)
{
    moved = false;
    auto insert = m_connection.prepare(
        "INSERT OR REPLACE INTO op_journal(op_id, dev_seq, record_id, outcome, result, acked_at, device_id, payload) "
        "SELECT op_id, dev_seq, record_id, ?2, ?3, ?4, ?5, payload FROM outbox WHERE op_id = ?1");
    if (!insert) {
        return insert.status();
    }
    auto deviceId = SyncMetaRepository(m_connection).get(SyncMetaRepository::kDeviceId);
    if (!deviceId) {
        return deviceId.status();
    }
    Status status = insert->bindText(1, opId);
    if (status) status = insert->bindText(2, outcome);
    if (status) status = insert->bindText(3, resultJson);
    if (status) status = insert->bindInt64(4, m_clock.nowUnixMillis());
    if (status) status = insert->bindText(5, deviceId->value_or(std::string()));
    if (status) status = insert->execute();
    if (!status) {
        return status;
    }
    if (m_connection.changes() == 0) {
        // Not in the outbox: a re-pushed journal op (server restore) or one confirmed by pull meanwhile; keep its
        // journal row and refresh the outcome.
        auto update = m_connection.prepare("UPDATE op_journal SET outcome = ?2, result = ?3 WHERE op_id = ?1");
        if (!update) {
            return update.status();
        }
        status = update->bindText(1, opId);
        if (status) status = update->bindText(2, outcome);
        if (status) status = update->bindText(3, resultJson);
        if (status) status = update->execute();
        return status;
    }
    moved = true;
    auto remove = m_connection.prepare("DELETE FROM outbox WHERE op_id = ?1");
    if (!remove) {
        return remove.status();
    }
    status = remove->bindText(1, opId);
    if (status) status = remove->execute();
    return status;
}

Result<FinalizeCounts> SyncJournal::finalize(const std::vector<ds::OpOutcome>& finals,
                                             const std::vector<ds::OpOutcome>& deferred)
{
    FinalizeCounts counts;
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto recordOf = m_connection.prepare(
        "SELECT record_id FROM outbox WHERE op_id = ?1 UNION ALL SELECT record_id FROM op_journal WHERE op_id = ?1");
    if (!recordOf) {
        return recordOf.status();
    }
    // A final outcome means the server applied what it had parked for an upload: the record waits no more, unless
    // another of its ops is still parked.
    auto clearAwaiting = m_connection.prepare(
        "UPDATE record SET flags = flags & ~?1 WHERE id = ?2 AND NOT EXISTS (SELECT 1 FROM outbox WHERE "
        "record_id = ?2 AND status = 'pending' AND last_error = ?3)");
    if (!clearAwaiting) {
        return clearAwaiting.status();
    }
    for (const ds::OpOutcome& outcome : finals) {
        Status status = recordOf->reset();
        if (status) status = recordOf->bindText(1, outcome.opId);
        if (!status) {
            return status;
        }
        auto row = recordOf->step();
        if (!row) {
            return row.status();
        }
        const std::string recordId = *row ? recordOf->columnText(0) : std::string();
        (void)recordOf->reset();
        bool moved = false;
        status = moveToJournal(outcome.opId, std::string(ds::outcomeKindName(outcome.kind)),
                               outcome.toJson().dump(), moved);
        if (!status) {
            return status;
        }
        std::int64_t flags = 0;
        switch (outcome.kind) {
        case ds::OutcomeKind::Applied:
            ++counts.applied;
            break;
        case ds::OutcomeKind::Merged:
            ++counts.merged;
            break;
        case ds::OutcomeKind::Conflict:
            ++counts.conflicts;
            flags = SubmissionRepository::kFlagNeedsAttention | SubmissionRepository::kFlagConflict;
            break;
        case ds::OutcomeKind::Rejected:
            ++counts.rejected;
            flags = SubmissionRepository::kFlagNeedsAttention;
            break;
        case ds::OutcomeKind::Deferred:
            break;
        }
        if (flags != 0 && !recordId.empty()) {
            if (status = flagRecord(m_connection, recordId, flags); !status) {
                return status;
            }
        }
        if (!recordId.empty()) {
            counts.recordIds.push_back(recordId);
            status = clearAwaiting->reset();
            if (status) status = clearAwaiting->bindInt64(1, SubmissionRepository::kFlagAwaitingAttachment);
            if (status) status = clearAwaiting->bindText(2, recordId);
            if (status) status = clearAwaiting->bindText(3, deferredError(ds::kDeferredAwaitingAttachment));
            if (status) status = clearAwaiting->execute();
            if (!status) {
                return status;
            }
        }
    }
    auto keep = m_connection.prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE op_id = ?1");
    if (!keep) {
        return keep.status();
    }
    auto flagAwaiting = m_connection.prepare(
        "UPDATE record SET flags = flags | ?1 WHERE id = (SELECT record_id FROM outbox WHERE op_id = ?2)");
    if (!flagAwaiting) {
        return flagAwaiting.status();
    }
    for (const ds::OpOutcome& outcome : deferred) {
        ++counts.deferred;
        Status status = keep->reset();
        if (status) status = keep->bindText(1, outcome.opId);
        if (status) status = keep->bindText(2, deferredError(outcome.reason));
        if (status) status = keep->execute();
        if (status && outcome.reason == ds::kDeferredAwaitingAttachment) {
            status = flagAwaiting->reset();
            if (status) status = flagAwaiting->bindInt64(1, SubmissionRepository::kFlagAwaitingAttachment);
            if (status) status = flagAwaiting->bindText(2, outcome.opId);
            if (status) status = flagAwaiting->execute();
            if (status) status = recordOf->reset();
            if (status) status = recordOf->bindText(1, outcome.opId);
            if (status) {
                auto row = recordOf->step();
                if (!row) {
                    return row.status();
                }
                if (*row) {
                    counts.recordIds.push_back(recordOf->columnText(0));
                }
                status = recordOf->reset();
            }
        }
        if (!status) {
            return status;
        }
    }
    if (Status status = transaction.commit(); !status) {
        return status;
    }
    return counts;
}

Result<std::string> SyncJournal::forkDevice()
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    SyncMetaRepository meta(m_connection);
    auto newId = meta.resetDeviceId();
    if (!newId) {
        return newId.status();
    }
    auto pending = pendingAfter(0, static_cast<std::size_t>(1) << 40);
    if (!pending) {
        return pending.status();
    }
    // Out of the way first (dev_seq is the primary key), then 1, 2, 3 ... in the old order.
    if (Status status = m_connection.exec("UPDATE outbox SET dev_seq = -dev_seq WHERE status = 'pending'"); !status) {
        return status;
    }
    auto update = m_connection.prepare("UPDATE outbox SET dev_seq = ?1, payload = ?2 WHERE op_id = ?3");
    if (!update) {
        return update.status();
    }
    std::uint64_t seq = 0;
    for (StoredOp& stored : *pending) {
        stored.op.deviceId = *newId;
        stored.op.devSeq = ++seq;
        Status status = update->reset();
        if (status) status = update->bindInt64(1, static_cast<std::int64_t>(seq));
        if (status) status = update->bindText(2, ds::toJson(stored.op).dump());
        if (status) status = update->bindText(3, stored.op.opId);
        if (status) status = update->execute();
        if (!status) {
            return status;
        }
    }
    // Rejected-status rows of the old numbering (older clients) keep their place below every new dev_seq.
    Status status = meta.set(SyncMetaRepository::kNextDevSeq, std::to_string(seq + 1));
    if (status) status = meta.remove(SyncMetaRepository::kRegisteredDevice);
    if (status) status = transaction.commit();
    if (!status) {
        return status;
    }
    return *newId;
}

Status SyncJournal::confirmApplied(const std::vector<std::string>& opIds, std::uint64_t ver)
{
    for (const std::string& opId : opIds) {
        bool moved = false;
        // Only ops still in the outbox; a journal row already has its real outcome.
        auto inOutbox = m_connection.prepare("SELECT COUNT(*) FROM outbox WHERE op_id = ?1 AND status = 'pending'");
        if (!inOutbox) {
            return inOutbox.status();
        }
        if (Status status = inOutbox->bindText(1, opId); !status) {
            return status;
        }
        auto row = inOutbox->step();
        if (!row) {
            return row.status();
        }
        if (!*row || inOutbox->columnInt64(0) == 0) {
            continue;
        }
        const std::string result = ds::OpOutcome::applied(opId, ver).toJson().dump();
        if (Status status = moveToJournal(opId, "applied", result, moved); !status) {
            return status;
        }
    }
    return Status::ok();
}

Result<std::int64_t> SyncJournal::prune()
{
    auto stmt = m_connection.prepare("DELETE FROM op_journal WHERE acked_at < ?1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, m_clock.nowUnixMillis() - ds::tuning::kOpJournalRetentionMillis);
    if (status) status = stmt->execute();
    if (!status) {
        return status;
    }
    return static_cast<std::int64_t>(m_connection.changes());
}

}  // namespace dantoc::client::sync
