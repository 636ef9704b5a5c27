// AttachmentStore: attachment files (signed scans, 1–5 MB) encrypted at rest with libsodium secretstream
// (XChaCha20-Poly1305, 64 KiB chunks: streaming, authenticated, truncation and reordering detected), indexed by
// the plaintext's SHA-256 in table `blob`. Per-file keys are derived from a random master key kept inside the
// encrypted database; file names are random, so they reveal nothing. Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Result.h"
#include "sync/SyncTuning.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::client {

struct BlobInfo
{
    std::string sha256;  // lower-case hex of the plaintext
    std::int64_t size = 0;
    std::string fileName;  // under the attachments directory
    std::int64_t uploadedOffset = 0;
    std::string state;  // local | uploading | uploaded
};

struct AttachmentGcReport
{
    int removedFiles = 0;
    std::int64_t removedBytes = 0;
    std::vector<std::string> missingFiles;  // sha256 of blob rows whose file is gone (reported, kept)
};

class AttachmentStore
{
public:
    static constexpr std::size_t kChunkSize = 64 * 1024;
    // The server's limit (sync-protocol §8): a larger file could never be uploaded.
    static constexpr std::int64_t kMaxSize = static_cast<std::int64_t>(dantoc::sync::tuning::kBlobMaxBytes);

    AttachmentStore(Connection& connection, std::filesystem::path directory)
        : m_connection(connection), m_directory(std::move(directory))
    {
    }

    // Encrypts a file (or bytes) into the store. Importing the same content twice returns the existing blob.
    Result<BlobInfo> importFile(const std::filesystem::path& source);
    Result<BlobInfo> importBytes(std::string_view bytes);

    Result<BlobInfo> info(const std::string& sha256);
    // Decrypts and verifies (authentication, completeness, hash and size); nothing is returned unless all pass.
    Result<std::string> readAll(const std::string& sha256);
    // Decrypts to `destination` (a place the caller chose, e.g. to hand to a PDF viewer); written to a temp file
    // and renamed only once verified.
    Status exportTo(const std::string& sha256, const std::filesystem::path& destination);
    Status setUploadProgress(const std::string& sha256, std::int64_t offset, const std::string& state);
    Status remove(const std::string& sha256);
    // Deletes our files (<32 hex>.dta / .tmp) under the attachments directory that no blob row references (a
    // crash between the rename and the insert, an interrupted import, a failed removal), once older than
    // `minAge`: another process on the same store may be importing a fresh one right now. Blob rows whose file
    // is gone are reported, never deleted. Other files are never touched.
    Result<AttachmentGcReport> collectGarbage(std::chrono::seconds minAge = std::chrono::hours(1));

    // Lower-case hex SHA-256 of `bytes` (the name attachments go by).
    static std::string sha256Hex(std::string_view bytes);

    std::filesystem::path pathOf(const BlobInfo& blob) const { return m_directory / blob.fileName; }

private:
    using Reader = std::function<Result<std::size_t>(std::uint8_t* buffer, std::size_t capacity)>;
    using Sink = std::function<Status(const std::uint8_t* data, std::size_t size)>;

    Result<BlobInfo> importFrom(const Reader& reader);
    Status decrypt(const BlobInfo& blob, const Sink& sink);
    Status masterKey(std::uint8_t* out);

    Connection& m_connection;
    std::filesystem::path m_directory;
};

}  // namespace dantoc::client
