#include "store/SqliteBlobStore.h"

#include "store/SchemaParts.h"

namespace dantoc::server {

// Placeholder: version 1's table.
const char* const kBlobSchemaV2 = R"SQL(
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content_type TEXT NOT NULL, path TEXT NOT NULL,
    uploaded_by TEXT NOT NULL, complete INTEGER NOT NULL DEFAULT 0, at INTEGER NOT NULL);
)SQL";

// Placeholder until the blob handlers land.
Result<bool> SqliteBlobStore::isComplete(const std::string&)
{
    return false;
}

}  // namespace dantoc::server
