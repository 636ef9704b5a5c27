#include "core/OpJournalRepository.h"

namespace dantoc::client {

Result<bool> OpJournalRepository::journalFromOutbox(const std::string& opId, const std::string& outcome,
                                                    const std::string& resultJson, std::int64_t ackedAtMillis,
                                                    const std::string& deviceId)
{
    auto insert = m_connection.prepare(
        "INSERT OR REPLACE INTO op_journal(op_id, dev_seq, record_id, outcome, result, acked_at, device_id, payload) "
        "SELECT op_id, dev_seq, record_id, ?2, ?3, ?4, ?5, payload FROM outbox WHERE op_id = ?1");
    if (!insert) {
        return insert.status();
    }
    Status status = insert->bindText(1, opId);
    if (status) status = insert->bindText(2, outcome);
    if (status) status = insert->bindText(3, resultJson);
    if (status) status = insert->bindInt64(4, ackedAtMillis);
    if (status) status = insert->bindText(5, deviceId);
    if (status) status = insert->execute();
    if (!status) {
        return status;
    }
    return m_connection.changes() > 0;
}

Status OpJournalRepository::updateOutcome(const std::string& opId, const std::string& outcome,
                                          const std::string& resultJson)
{
    auto update = m_connection.prepare("UPDATE op_journal SET outcome = ?2, result = ?3 WHERE op_id = ?1");
    if (!update) {
        return update.status();
    }
    Status status = update->bindText(1, opId);
    if (status) status = update->bindText(2, outcome);
    if (status) status = update->bindText(3, resultJson);
    if (status) status = update->execute();
    return status;
}

Result<std::optional<std::string>> OpJournalRepository::recordOf(const std::string& opId)
{
    auto stmt = m_connection.prepare("SELECT record_id FROM op_journal WHERE op_id = ?1");
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

Result<std::vector<std::string>> OpJournalRepository::payloadsFrom(const std::string& deviceId, std::uint64_t fromSeq)
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
    return stmt->readAll<std::string>([](const Statement& row) { return row.columnText(0); });
}

Result<std::vector<std::uint64_t>> OpJournalRepository::seqs(const std::string& deviceId)
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

Result<std::int64_t> OpJournalRepository::pruneAckedBefore(std::int64_t beforeMillis)
{
    auto stmt = m_connection.prepare("DELETE FROM op_journal WHERE acked_at < ?1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, beforeMillis);
    if (status) status = stmt->execute();
    if (!status) {
        return status;
    }
    return static_cast<std::int64_t>(m_connection.changes());
}

}  // namespace dantoc::client
