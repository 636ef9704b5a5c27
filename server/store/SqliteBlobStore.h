// SqliteBlobStore: the embedded BlobStore, sharing SqliteStore's connection and mutex (SqliteStore::write/read).
// Thread-safe.
#pragma once

#include "store/BlobStore.h"
#include "store/SqliteStore.h"

namespace dantoc::server {

class SqliteBlobStore final : public BlobStore
{
public:
    explicit SqliteBlobStore(SqliteStore& db) : m_db(db) {}

    Result<bool> isComplete(const std::string& sha256) override;

private:
    SqliteStore& m_db;
};

}  // namespace dantoc::server
