// SqliteRecordStore: the embedded RecordStore, sharing SqliteStore's connection and mutex (SqliteStore::write/read).
// Thread-safe.
#pragma once

#include "store/RecordStore.h"
#include "store/SqliteStore.h"

namespace dantoc::server {

class SqliteRecordStore final : public RecordStore
{
public:
    explicit SqliteRecordStore(SqliteStore& db) : m_db(db) {}

    Result<std::vector<StoredRecord>> listRecords(const RecordQuery& query) override;
    Result<std::vector<std::string>> unitsReferencingBlob(const std::string& sha256) override;

private:
    SqliteStore& m_db;
};

}  // namespace dantoc::server
