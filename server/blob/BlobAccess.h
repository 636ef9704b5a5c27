// BlobAccess: who may reference an attachment in a record (push) and who may read it (dedup, HEAD, GET). Issue 19
// finding 1: a hash is a name anyone can copy, so holding it proves nothing. A file is readable by a caller only
// through a non-deleted record in the caller's scope that references it, and only when the upload that put it
// there is related to the caller: the caller's own, one by an account inside the caller's scope, or one by an
// account whose scope covers that record (it could have attached the file there itself). A caller may reference
// a file it uploaded itself or can already read; anything else is treated exactly like a file never uploaded, so
// the answer never tells whether another commune holds it. Stateless over thread-safe stores; thread-safe. Never
// call it inside RecordStore::inTransaction (it reads the blob and account stores).
#pragma once

#include "base/Result.h"
#include "http/ApiTypes.h"
#include "scope/ScopePolicy.h"
#include "store/BlobStore.h"
#include "store/RecordStore.h"
#include "store/Store.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dantoc::server {

class BlobAccess
{
public:
    BlobAccess(Store& store, RecordStore& records, BlobStore& blobs, const ScopePolicy& scope)
        : m_store(store), m_records(records), m_blobs(blobs), m_scope(scope)
    {
    }

    // The stored size when `who` may read the file (rule above); nullopt otherwise, whether or not it is stored.
    Result<std::optional<std::uint64_t>> readableSize(const Principal& who, const std::string& sha256) const;
    // True when `who` may name the file in a record's `blobs`: its own upload completed, or it can read the file.
    Result<bool> mayReference(const Principal& who, const std::string& sha256) const;

private:
    Store& m_store;
    RecordStore& m_records;
    BlobStore& m_blobs;
    const ScopePolicy& m_scope;
};

}  // namespace dantoc::server
