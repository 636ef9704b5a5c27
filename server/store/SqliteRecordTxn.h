// SqliteRecordTxn: the RecordTxn primitives over the connection of an open SqliteStore::write() transaction.
// Created only by SqliteRecordStore::inTransaction(); lives inside that call. Not thread-safe (one transaction).
#pragma once

#include "store/RecordStore.h"
#include "store/SqliteStore.h"
#include "store/SyncRows.h"

namespace dantoc::server {

class SqliteRecordTxn final : public RecordTxn
{
public:
    SqliteRecordTxn(Db& db, SqliteStore& store) : m_db(db), m_store(store) {}

    Status beginOp() override { return m_db.exec("SAVEPOINT push_op"); }
    Status releaseOp() override { return m_db.exec("RELEASE push_op"); }
    // ROLLBACK TO keeps the savepoint open; RELEASE then drops it (nothing left in it to keep).
    Status rollbackOp() override { return m_db.exec("ROLLBACK TO push_op; RELEASE push_op"); }
    Result<std::optional<DeviceRow>> device(const std::string& deviceId) override;
    Result<std::optional<std::string>> opIdAtSlot(const std::string& deviceId, std::int64_t devSeq) override;
    Result<std::optional<StoredOp>> storedOp(const std::string& opId) override;
    Status advanceSlot(const std::string& deviceId, std::int64_t devSeq, const std::string& opId) override;
    Status insertOp(const StoredOp& op) override;
    Result<bool> hasParkedOp(const std::string& deviceId, const std::string& recordId) override;
    Status unpark(const std::string& opId, const std::string& outcomeJson) override;
    Result<std::optional<StoredRecord>> record(const std::string& recordId) override;
    Status writeVersion(const StoredRecord& record, const std::string& opId, const std::string& authorId,
                        const std::vector<std::string>& blobs) override;
    Status logRecordChange(const StoredRecord& record, std::int64_t at) override;
    Status insertComment(const CommentRow& comment, const std::string& unitCode) override;
    Status insertConflict(const ConflictRow& conflict) override;
    Status audit(const AuditEvent& event) override { return m_store.appendAuditInWrite(event); }

private:
    Db& m_db;
    SqliteStore& m_store;
};

}  // namespace dantoc::server
