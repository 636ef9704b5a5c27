// BlobStore: attachments (content-addressed blobs, resumable uploads per uploading account, sync-protocol.md §8),
// behind an interface so a PostgreSQL store can replace the embedded SQLite one. Every mutating call is one
// transaction. Implementations are thread-safe.
#pragma once

#include "base/Result.h"
#include "store/StoreTypes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::server {

// One account's upload of one file. Uploads are per (sha256, account): one account's partial upload is never
// visible to another (no digest leak), and two accounts uploading the same file do not disturb each other.
struct BlobUpload {
    std::string sha256;
    std::string accountId;
    std::uint64_t size = 0;
    std::uint64_t offset = 0;  // durable bytes (fsynced); == size when complete
    bool complete = false;     // whole-file hash verified (or the file was already stored)
    std::int64_t updatedAt = 0;
};

class BlobStore
{
public:
    virtual ~BlobStore() = default;

    // True when the whole file with this SHA-256 (lower-case hex) is stored and verified. Like every call here it
    // takes the store's lock: never call it inside RecordStore::inTransaction (SQLite: blob_file has the row).
    virtual Result<bool> isComplete(const std::string& sha256) = 0;
    // The size of the stored, verified file; nullopt when it is not complete.
    virtual Result<std::optional<std::uint64_t>> completeSize(const std::string& sha256) = 0;

    // The accounts whose upload of this file completed (its hash verified), sorted. Who may see a file depends on
    // who uploaded it (blob/BlobAccess.h), not only on whether the bytes are stored.
    virtual Result<std::vector<std::string>> completedBy(const std::string& sha256) = 0;

    // The account's upload of this file, if it started one.
    virtual Result<std::optional<BlobUpload>> upload(const std::string& sha256, const std::string& accountId) = 0;
    // Starts or resumes the account's upload: an existing upload of the same size is returned as it is (a complete
    // one as well); otherwise a new one starts at offset 0 (a partial upload of another size is dropped).
    virtual Result<BlobUpload> startUpload(const std::string& sha256, const std::string& accountId,
                                           std::uint64_t size, std::int64_t now) = 0;
    // Appends one chunk at `offset` and makes it durable. `chunkSha256` set: a whole chunk, checked with
    // sync::checkChunk (NotFound: no upload; Conflict: offset mismatch; InvalidArgument: wrong length or checksum,
    // nothing written); an already complete upload is returned unchanged. nullopt: the received part of a chunk
    // whose connection broke (kept without a checksum; it must start at the durable offset and stay inside the
    // chunk). When the file is then whole, its SHA-256 is verified: a match completes it (audited "blob.upload"),
    // a mismatch drops the bytes and the upload restarts at 0.
    virtual Result<BlobUpload> appendChunk(const std::string& sha256, const std::string& accountId,
                                           std::uint64_t offset, std::string_view data,
                                           const std::optional<std::string>& chunkSha256, std::int64_t now) = 0;
    // Up to `length` bytes of a complete file from `offset`. NotFound when the file is not complete.
    virtual Result<std::string> readComplete(const std::string& sha256, std::uint64_t offset,
                                             std::uint64_t length) = 0;
    // Deletes partial uploads whose last chunk is older than `now - maxAgeMillis` (and partial files no upload
    // names); returns how many uploads were dropped.
    virtual Result<int> expirePartialUploads(std::int64_t now, std::int64_t maxAgeMillis) = 0;
};

}  // namespace dantoc::server
