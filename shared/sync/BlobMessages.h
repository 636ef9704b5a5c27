// Blob upload messages, tus-style (sync-design §9): POST /api/v1/sync/blobs {sha256,size} -> {offset}, then
// PATCH /api/v1/sync/blobs/{sha256} with Upload-Offset and a per-chunk checksum, at fixed chunk boundaries.
// Value types and stateless functions; thread-safe.
#pragma once

#include "base/Json.h"
#include "base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace dantoc::sync {

// POST /api/v1/sync/blobs body.
struct BlobUploadStart {
    std::string sha256;      // of the whole file, 64 lower-case hex
    std::uint64_t size = 0;  // 1 .. tuning::kBlobMaxBytes

    Json toJson() const { return Json{{"sha256", sha256}, {"size", size}}; }
    bool operator==(const BlobUploadStart&) const = default;
};
Result<BlobUploadStart> parseBlobUploadStart(const Json& json);

// Answer to POST, PATCH and HEAD: how many bytes the server holds durably.
struct BlobUploadStatus {
    std::string sha256;
    std::uint64_t size = 0;
    std::uint64_t offset = 0;  // durable bytes; == size when complete
    bool complete = false;     // whole-file hash verified (or the server already had the file)

    Json toJson() const { return Json{{"sha256", sha256}, {"size", size}, {"offset", offset}, {"complete", complete}}; }
    bool operator==(const BlobUploadStatus&) const = default;
};
Result<BlobUploadStatus> parseBlobUploadStatus(const Json& json);

// The header fields of one PATCH (the body is the chunk's bytes).
struct BlobChunk {
    std::string sha256;       // the file (from the URL)
    std::uint64_t offset = 0; // Upload-Offset
    std::uint64_t length = 0; // Content-Length
    std::string chunkSha256;  // Upload-Checksum: "sha256 <64 hex>"

    bool operator==(const BlobChunk&) const = default;
};

// Header names and codecs.
inline constexpr std::string_view kUploadOffsetHeader = "Upload-Offset";
inline constexpr std::string_view kUploadChecksumHeader = "Upload-Checksum";
inline constexpr std::string_view kUploadLengthHeader = "Upload-Length";  // HEAD: the file size
// Strict decimal without sign, spaces or leading zeros (except "0"), at most 2^53-1.
Result<std::uint64_t> parseUploadOffset(std::string_view text);
std::string formatChecksumHeader(std::string_view chunkSha256);  // "sha256 <hex>"
Result<std::string> parseChecksumHeader(std::string_view text);

// The length of the chunk starting at `offset` of a `size`-byte file: it ends at the next fixed boundary (a
// multiple of tuning::kBlobChunkBytes) or the end of the file. The boundaries are the same on every attempt; a
// chunk may start between them when the server kept part of an interrupted chunk. 0 when offset >= size.
std::uint64_t chunkLengthAt(std::uint64_t size, std::uint64_t offset);

// Server side: is `chunk` acceptable given what is stored? It must start exactly at the durable offset (else
// Conflict: the client re-HEADs and resumes there) and run exactly to the next boundary (chunkLengthAt).
Status checkChunk(const BlobUploadStatus& stored, const BlobChunk& chunk);

}  // namespace dantoc::sync
