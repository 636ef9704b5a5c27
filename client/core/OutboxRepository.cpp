#include "core/OutboxRepository.h"

#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"

#include "base/Uuid.h"

#include <charconv>

namespace dantoc::client {

namespace {

constexpr const char* kColumns =
    "dev_seq, op_id, record_id, kind, base_ver, payload, status, attempts, last_error, created_at";

void readEntry(const Statement& stmt, OutboxEntry& out)
{
    out.devSeq = stmt.columnInt64(0);
    out.opId = stmt.columnText(1);
    out.recordId = stmt.columnText(2);
    out.kind = stmt.columnText(3);
    out.baseVersion = stmt.columnInt64(4);
    out.payload = stmt.columnText(5);
    out.status = stmt.columnText(6);
    out.attempts = static_cast<int>(stmt.columnInt64(7));
    out.lastError = stmt.columnText(8);
    out.createdAt = stmt.columnInt64(9);
}

}  // namespace

Result<std::int64_t> OutboxRepository::nextDevSeq()
{
    SyncMetaRepository meta(m_connection);
    auto value = meta.get(SyncMetaRepository::kNextDevSeq);
    if (!value) {
        return value.status();
    }
    if (!*value) {
        return std::int64_t{1};
    }
    std::int64_t next = 0;
    const std::string& text = **value;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), next);
    if (ec != std::errc() || end != text.data() + text.size() || next < 1) {
        return Status(ErrorCode::Corruption, "bad next_dev_seq");
    }
    return next;
}

Result<std::int64_t> OutboxRepository::enqueue(OutboxOp op)
{
    if (op.opId.empty()) {
        op.opId = newUuid();
    }
    if (!isUuid(op.opId) || op.recordId.empty() || op.kind.empty()) {
        return Status(ErrorCode::InvalidArgument, "an operation needs a UUID op_id, a record and a kind");
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto devSeq = nextDevSeq();
    if (!devSeq) {
        return devSeq.status();
    }
    auto stmt = m_connection.prepare(
        "INSERT INTO outbox(dev_seq, op_id, record_id, kind, base_ver, payload, status, created_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, *devSeq);
    if (status) status = stmt->bindText(2, op.opId);
    if (status) status = stmt->bindText(3, op.recordId);
    if (status) status = stmt->bindText(4, op.kind);
    if (status) status = stmt->bindInt64(5, op.baseVersion);
    if (status) status = stmt->bindText(6, op.payload);
    if (status) status = stmt->bindInt64(7, m_clock.nowUnixMillis());
    if (status) status = stmt->execute();
    if (!status) {
        if (status.code() == ErrorCode::AlreadyExists) {
            return Status(ErrorCode::AlreadyExists, "operation " + op.opId + " is already queued");
        }
        return status;
    }
    status = SyncMetaRepository(m_connection).set(SyncMetaRepository::kNextDevSeq, std::to_string(*devSeq + 1));
    if (status) status = transaction.commit();
    if (!status) {
        return status;
    }
    return *devSeq;
}

Result<std::vector<OutboxEntry>> OutboxRepository::pending(int limit)
{
    auto stmt = m_connection.prepare(std::string("SELECT ") + kColumns +
                                     " FROM outbox WHERE status = 'pending' ORDER BY dev_seq LIMIT ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindInt64(1, limit); !status) {
        return status;
    }
    std::vector<OutboxEntry> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            break;
        }
        readEntry(*stmt, out.emplace_back());
    }
    return out;
}

Result<std::int64_t> OutboxRepository::pendingCount()
{
    return m_connection.queryInt64("SELECT count(*) FROM outbox WHERE status = 'pending'");
}

Result<OutboxEntry> OutboxRepository::get(const std::string& opId)
{
    auto stmt = m_connection.prepare(std::string("SELECT ") + kColumns + " FROM outbox WHERE op_id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, opId); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return Status(ErrorCode::NotFound, "no queued operation " + opId);
    }
    OutboxEntry entry;
    readEntry(*stmt, entry);
    return entry;
}

Status OutboxRepository::markAcked(const std::string& opId, const std::string& outcome, const std::string& resultJson)
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto entry = get(opId);
    if (!entry) {
        return entry.status();
    }
    auto journal = m_connection.prepare(
        "INSERT OR REPLACE INTO op_journal(op_id, dev_seq, record_id, outcome, result, acked_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!journal) {
        return journal.status();
    }
    Status status = journal->bindText(1, opId);
    if (status) status = journal->bindInt64(2, entry->devSeq);
    if (status) status = journal->bindText(3, entry->recordId);
    if (status) status = journal->bindText(4, outcome);
    if (status) status = journal->bindText(5, resultJson);
    if (status) status = journal->bindInt64(6, m_clock.nowUnixMillis());
    if (status) status = journal->execute();
    if (!status) {
        return status;
    }
    auto remove = m_connection.prepare("DELETE FROM outbox WHERE op_id = ?1");
    if (!remove) {
        return remove.status();
    }
    status = remove->bindText(1, opId);
    if (status) status = remove->execute();
    if (status) status = transaction.commit();
    return status;
}

Status OutboxRepository::markRejected(const std::string& opId, const std::string& code, const std::string& message)
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto entry = get(opId);
    if (!entry) {
        return entry.status();
    }
    auto stmt = m_connection.prepare("UPDATE outbox SET status = 'rejected', last_error = ?1 WHERE op_id = ?2");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, code + ": " + message);
    if (status) status = stmt->bindText(2, opId);
    if (status) status = stmt->execute();
    if (status) {
        status = SubmissionRepository(m_connection, m_clock)
                     .setFlags(entry->recordId, SubmissionRepository::kFlagNeedsAttention, 0);
        if (status.code() == ErrorCode::NotFound) {
            status = Status::ok();  // e.g. a comment on a record purged since; the rejection itself is kept
        }
    }
    if (status) status = transaction.commit();
    return status;
}

Status OutboxRepository::recordAttemptFailure(const std::string& opId, const std::string& error)
{
    auto stmt = m_connection.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?1 WHERE op_id = ?2");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, error);
    if (status) status = stmt->bindText(2, opId);
    if (status) status = stmt->execute();
    if (status && m_connection.changes() == 0) {
        status = Status(ErrorCode::NotFound, "no queued operation " + opId);
    }
    return status;
}

}  // namespace dantoc::client
