#include "core/OutboxRepository.h"

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

std::string OutboxRepository::deferredError(std::string_view reason)
{
    return std::string(kDeferredPrefix) + " " + std::string(reason);
}

Result<std::vector<std::string>> OutboxRepository::pendingPayloadsAfter(std::int64_t afterDevSeq, std::size_t limit)
{
    auto stmt = m_connection.prepare(
        "SELECT payload FROM outbox WHERE status = 'pending' AND dev_seq > ?1 ORDER BY dev_seq LIMIT ?2");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, afterDevSeq);
    if (status) status = stmt->bindInt64(2, static_cast<std::int64_t>(limit));
    if (!status) {
        return status;
    }
    return stmt->readAll<std::string>([](const Statement& row) { return row.columnText(0); });
}

Result<std::vector<std::string>> OutboxRepository::pendingPayloadsOf(const std::string& recordId)
{
    auto stmt = m_connection.prepare(
        "SELECT payload FROM outbox WHERE record_id = ?1 AND status = 'pending' ORDER BY dev_seq");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, recordId); !status) {
        return status;
    }
    return stmt->readAll<std::string>([](const Statement& row) { return row.columnText(0); });
}

Result<std::optional<std::string>> OutboxRepository::recordOf(const std::string& opId)
{
    auto stmt = m_connection.prepare("SELECT record_id FROM outbox WHERE op_id = ?1");
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
    return *row ? std::optional<std::string>(stmt->columnText(0)) : std::nullopt;
}

Result<bool> OutboxRepository::isPending(const std::string& opId)
{
    auto stmt = m_connection.prepare("SELECT COUNT(*) FROM outbox WHERE op_id = ?1 AND status = 'pending'");
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
    return *row && stmt->columnInt64(0) > 0;
}

Result<bool> OutboxRepository::hasDeferred(const std::string& recordId, std::string_view reason)
{
    auto stmt = m_connection.prepare(
        "SELECT COUNT(*) FROM outbox WHERE record_id = ?1 AND status = 'pending' AND last_error = ?2");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, recordId);
    if (status) status = stmt->bindText(2, deferredError(reason));
    if (!status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    return *row && stmt->columnInt64(0) > 0;
}

Result<bool> OutboxRepository::remove(const std::string& opId)
{
    auto stmt = m_connection.prepare("DELETE FROM outbox WHERE op_id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, opId);
    if (status) status = stmt->execute();
    if (!status) {
        return status;
    }
    return m_connection.changes() > 0;
}

Status OutboxRepository::defer(const std::string& opId, std::string_view reason)
{
    auto stmt = m_connection.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE op_id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, opId);
    if (status) status = stmt->bindText(2, deferredError(reason));
    if (status) status = stmt->execute();
    return status;  // an op the outbox no longer holds (confirmed meanwhile) has nothing to park
}

Status OutboxRepository::renumberPending(const std::vector<RenumberedOp>& ops)
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    // Out of the way first (dev_seq is the primary key), then the new numbers.
    if (Status status = m_connection.exec("UPDATE outbox SET dev_seq = -dev_seq WHERE status = 'pending'"); !status) {
        return status;
    }
    auto update = m_connection.prepare("UPDATE outbox SET dev_seq = ?1, payload = ?2 WHERE op_id = ?3");
    if (!update) {
        return update.status();
    }
    for (const RenumberedOp& op : ops) {
        Status status = update->reset();
        if (status) status = update->bindInt64(1, op.devSeq);
        if (status) status = update->bindText(2, op.payload);
        if (status) status = update->bindText(3, op.opId);
        if (status) status = update->execute();
        if (status && m_connection.changes() == 0) {
            status = Status(ErrorCode::NotFound, "no queued operation " + op.opId);
        }
        if (!status) {
            return status;
        }
    }
    auto left = m_connection.queryInt64("SELECT COUNT(*) FROM outbox WHERE dev_seq < 0");
    if (!left) {
        return left.status();
    }
    if (*left != 0) {
        return Status(ErrorCode::InvalidArgument, "renumbering must list every pending operation");
    }
    return transaction.commit();
}

}  // namespace dantoc::client
