// BlobStore: attachments (content-addressed blobs, resumable uploads), behind an interface so a PostgreSQL store
// can replace the embedded SQLite one. Every mutating call is one transaction. Implementations are thread-safe.
#pragma once

#include "base/Result.h"
#include "store/StoreTypes.h"

#include <string>

namespace dantoc::server {

class BlobStore
{
public:
    virtual ~BlobStore() = default;

    // True when the whole file with this SHA-256 (lower-case hex) is stored and verified.
    virtual Result<bool> isComplete(const std::string& sha256) = 0;
};

}  // namespace dantoc::server
