// SqliteBlobStore: the embedded BlobStore; upload state in SQLite (sharing SqliteStore's connection and mutex via
// SqliteStore::write/read), bytes in files under <dataDir>/blobs (BlobFiles). Thread-safe: upload mutations are
// serialised by one mutex held across the file I/O and the row update, so a file and its row never disagree.
#pragma once

#include "blob/BlobFiles.h"
#include "store/BlobStore.h"
#include "store/SqliteStore.h"

#include <filesystem>
#include <mutex>

namespace dantoc::server {

class SqliteBlobStore final : public BlobStore
{
public:
    // `blobRoot`: <dataDir>/blobs.
    SqliteBlobStore(SqliteStore& db, std::filesystem::path blobRoot) : m_db(db), m_files(std::move(blobRoot)) {}

    Result<bool> isComplete(const std::string& sha256) override;
    Result<std::optional<std::uint64_t>> completeSize(const std::string& sha256) override;
    Result<std::vector<std::string>> completedBy(const std::string& sha256) override;
    Result<std::optional<BlobUpload>> upload(const std::string& sha256, const std::string& accountId) override;
    Result<BlobUpload> startUpload(const std::string& sha256, const std::string& accountId, std::uint64_t size,
                                   std::int64_t now) override;
    Result<BlobUpload> appendChunk(const std::string& sha256, const std::string& accountId, std::uint64_t offset,
                                   std::string_view data, const std::optional<std::string>& chunkSha256,
                                   std::int64_t now) override;
    Result<std::string> readComplete(const std::string& sha256, std::uint64_t offset, std::uint64_t length) override;
    Result<int> expirePartialUploads(std::int64_t now, std::int64_t maxAgeMillis) override;

private:
    // blobs/partial/<sha256>-<16 hex of SHA-256(account id)>.part: account ids never reach a file name.
    std::string partialName(const std::string& sha256, const std::string& accountId) const;
    Status saveUpload(const BlobUpload& upload);
    Status completeUpload(const BlobUpload& upload);

    SqliteStore& m_db;
    BlobFiles m_files;
    std::mutex m_uploadMutex;
};

}  // namespace dantoc::server
