#include "core/sync/SyncJournal.h"

#include "core/OpJournalRepository.h"
#include "core/OutboxRepository.h"
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

Result<std::vector<StoredOp>> parseAll(std::vector<std::string> payloads)
{
    std::vector<StoredOp> out;
    out.reserve(payloads.size());
    for (std::string& payload : payloads) {
        auto op = parseStored(std::move(payload));
        if (!op) {
            return op.status();
        }
        out.push_back(std::move(*op));
    }
    return out;
}

}  // namespace

Result<std::vector<StoredOp>> readStoredOps(Statement& stmt)
{
    auto payloads = stmt.readAll<std::string>([](const Statement& row) { return row.columnText(0); });
    if (!payloads) {
        return payloads.status();
    }
    return parseAll(std::move(*payloads));
}

Result<std::vector<StoredOp>> SyncJournal::pendingAfter(std::uint64_t afterDevSeq, std::size_t limit)
{
    auto payloads = OutboxRepository(m_connection, m_clock)
                        .pendingPayloadsAfter(static_cast<std::int64_t>(afterDevSeq), limit);
    if (!payloads) {
        return payloads.status();
    }
    return parseAll(std::move(*payloads));
}

Result<std::vector<StoredOp>> SyncJournal::journalOpsFrom(const std::string& deviceId, std::uint64_t fromSeq)
{
    auto payloads = OpJournalRepository(m_connection).payloadsFrom(deviceId, fromSeq);
    if (!payloads) {
        return payloads.status();
    }
    return parseAll(std::move(*payloads));
}

Result<std::vector<std::uint64_t>> SyncJournal::journalSeqs(const std::string& deviceId)
{
    return OpJournalRepository(m_connection).seqs(deviceId);
}

Status SyncJournal::moveToJournal(const std::string& opId, const std::string& outcome, const std::string& resultJson)
{
    auto deviceId = SyncMetaRepository(m_connection).get(SyncMetaRepository::kDeviceId);
    if (!deviceId) {
        return deviceId.status();
    }
    OpJournalRepository journal(m_connection);
    auto moved = journal.journalFromOutbox(opId, outcome, resultJson, m_clock.nowUnixMillis(),
                                           deviceId->value_or(std::string()));
    if (!moved) {
        return moved.status();
    }
    if (!*moved) {
        // Not in the outbox: a re-pushed journal op (server restore) or one confirmed by pull meanwhile; keep its
        // journal row and refresh the outcome.
        return journal.updateOutcome(opId, outcome, resultJson);
    }
    auto removed = OutboxRepository(m_connection, m_clock).remove(opId);
    return removed ? Status::ok() : removed.status();
}

Result<std::optional<std::string>> SyncJournal::recordOf(const std::string& opId)
{
    auto inOutbox = OutboxRepository(m_connection, m_clock).recordOf(opId);
    if (!inOutbox || *inOutbox) {
        return inOutbox;
    }
    return OpJournalRepository(m_connection).recordOf(opId);
}

Result<FinalizeCounts> SyncJournal::finalize(const std::vector<ds::OpOutcome>& finals,
                                             const std::vector<ds::OpOutcome>& deferred)
{
    FinalizeCounts counts;
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    OutboxRepository outbox(m_connection, m_clock);
    SubmissionRepository submissions(m_connection, m_clock);
    for (const ds::OpOutcome& outcome : finals) {
        auto recordId = recordOf(outcome.opId);
        if (!recordId) {
            return recordId.status();
        }
        Status status = moveToJournal(outcome.opId, std::string(ds::outcomeKindName(outcome.kind)),
                                      outcome.toJson().dump());
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
        if (!*recordId) {
            continue;
        }
        const std::string& record = **recordId;
        counts.recordIds.push_back(record);
        // A final outcome means the server applied what it had parked for an upload: the record waits no more,
        // unless another of its ops is still parked.
        auto stillWaiting = outbox.hasDeferred(record, ds::kDeferredAwaitingAttachment);
        if (!stillWaiting) {
            return stillWaiting.status();
        }
        const std::int64_t clear = *stillWaiting ? 0 : SubmissionRepository::kFlagAwaitingAttachment;
        // A record purged since (revoked) has nothing to flag; the journal keeps the outcome.
        if (status = submissions.setFlagsIfPresent(record, flags, clear & ~flags); !status) {
            return status;
        }
    }
    for (const ds::OpOutcome& outcome : deferred) {
        ++counts.deferred;
        if (Status status = outbox.defer(outcome.opId, outcome.reason); !status) {
            return status;
        }
        if (outcome.reason != ds::kDeferredAwaitingAttachment) {
            continue;
        }
        auto recordId = outbox.recordOf(outcome.opId);
        if (!recordId) {
            return recordId.status();
        }
        if (*recordId) {
            Status status = submissions.setFlagsIfPresent(**recordId, SubmissionRepository::kFlagAwaitingAttachment, 0);
            if (!status) {
                return status;
            }
            counts.recordIds.push_back(**recordId);
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
    std::vector<OutboxRepository::RenumberedOp> renumbered;
    renumbered.reserve(pending->size());
    std::uint64_t seq = 0;
    for (StoredOp& stored : *pending) {
        stored.op.deviceId = *newId;
        stored.op.devSeq = ++seq;
        renumbered.push_back({stored.op.opId, static_cast<std::int64_t>(seq), ds::toJson(stored.op).dump()});
    }
    if (Status status = OutboxRepository(m_connection, m_clock).renumberPending(renumbered); !status) {
        return status;
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
    OutboxRepository outbox(m_connection, m_clock);
    for (const std::string& opId : opIds) {
        // Only ops still in the outbox; a journal row already has its real outcome.
        auto pending = outbox.isPending(opId);
        if (!pending) {
            return pending.status();
        }
        if (!*pending) {
            continue;
        }
        const std::string result = ds::OpOutcome::applied(opId, ver).toJson().dump();
        if (Status status = moveToJournal(opId, "applied", result); !status) {
            return status;
        }
    }
    return Status::ok();
}

Result<std::int64_t> SyncJournal::prune()
{
    return OpJournalRepository(m_connection)
        .pruneAckedBefore(m_clock.nowUnixMillis() - ds::tuning::kOpJournalRetentionMillis);
}

}  // namespace dantoc::client::sync
