// SqliteRecordStore: the embedded RecordStore, sharing SqliteStore's connection and mutex (SqliteStore::write/read).
// Tables in kRecordSchemaV3 (SqliteRecordStore.cpp); the push-transaction primitives in SqliteRecordTxn.cpp.
// Thread-safe.
#pragma once

#include "store/RecordStore.h"
#include "store/SqliteStore.h"
#include "store/SyncRows.h"

namespace dantoc::server {

class SqliteRecordStore final : public RecordStore
{
public:
    explicit SqliteRecordStore(SqliteStore& db) : m_db(db) {}

    Result<std::vector<StoredRecord>> listRecords(const RecordQuery& query) override;
    Result<std::vector<std::string>> unitsReferencingBlob(const std::string& sha256) override;

    Status inTransaction(const std::function<Status(RecordTxn&)>& body) override;
    Result<std::string> epoch() override;
    Status regenerateEpoch() override;
    Result<DeviceBinding> registerDevice(const DeviceRow& device, const AuditEvent& audit) override;
    Result<std::optional<DeviceRow>> device(const std::string& deviceId) override;
    Result<std::vector<ChangeRow>> changesAfter(std::int64_t afterSeq, int maxRows) override;
    Result<std::int64_t> lastSeq() override;
    Result<std::vector<StoredOp>> parkedOps() override;
    Result<std::optional<StoredRecord>> record(const std::string& recordId) override;
    Result<std::vector<CommentRow>> comments(const std::string& recordId) override;
    Result<std::vector<ConflictRow>> conflicts(const std::vector<std::string>& recordIds,
                                               bool includeResolved) override;
    Result<std::optional<ConflictRow>> conflict(const std::string& conflictId) override;
    Status resolveConflict(const std::string& conflictId, const std::string& accountId, std::int64_t at,
                           const AuditEvent& audit) override;

private:
    SqliteStore& m_db;
};

}  // namespace dantoc::server
