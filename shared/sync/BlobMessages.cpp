#include "sync/BlobMessages.h"

#include "sync/JsonReader.h"
#include "sync/SyncTuning.h"

namespace dantoc::sync {

Result<BlobUploadStart> parseBlobUploadStart(const Json& json)
{
    BlobUploadStart start;
    JsonReader r(json, "");
    start.sha256 = r.sha256("sha256");
    start.size = r.integer("size", 1, tuning::kBlobMaxBytes);
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return start;
}

Result<BlobUploadStatus> parseBlobUploadStatus(const Json& json)
{
    BlobUploadStatus s;
    JsonReader r(json, "");
    s.sha256 = r.sha256("sha256");
    s.size = r.integer("size", 1, tuning::kBlobMaxBytes);
    s.offset = r.integer("offset", 0, tuning::kBlobMaxBytes);
    s.complete = r.boolean("complete");
    if (r.ok() && s.offset > s.size) {
        r.fail("offset", "beyond the file size");
    }
    if (r.ok() && s.complete && s.offset != s.size) {
        r.fail("complete", "a complete upload has offset == size");
    }
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return s;
}

Result<std::uint64_t> parseUploadOffset(std::string_view text)
{
    auto bad = [&] {
        return Status(ErrorCode::InvalidArgument,
                      std::string(kUploadOffsetHeader) + ": expected a non-negative decimal integer");
    };
    if (text.empty() || text.size() > 16 || (text.size() > 1 && text[0] == '0')) {
        return bad();
    }
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return bad();
        }
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (value > tuning::kMaxJsonInteger) {
        return bad();
    }
    return value;
}

std::string formatChecksumHeader(std::string_view chunkSha256) { return "sha256 " + std::string(chunkSha256); }

Result<std::string> parseChecksumHeader(std::string_view text)
{
    constexpr std::string_view kPrefix = "sha256 ";
    if (text.substr(0, kPrefix.size()) != kPrefix || !isSha256Hex(text.substr(kPrefix.size()))) {
        return Status(ErrorCode::InvalidArgument,
                      std::string(kUploadChecksumHeader) + ": expected \"sha256 <64 lower-case hex>\"");
    }
    return std::string(text.substr(kPrefix.size()));
}

std::uint64_t chunkLengthAt(std::uint64_t size, std::uint64_t offset)
{
    if (offset >= size) {
        return 0;
    }
    const std::uint64_t boundary = (offset / tuning::kBlobChunkBytes + 1) * tuning::kBlobChunkBytes;
    return (boundary < size ? boundary : size) - offset;
}

Status checkChunk(const BlobUploadStatus& stored, const BlobChunk& chunk)
{
    if (chunk.sha256 != stored.sha256) {
        return Status(ErrorCode::InvalidArgument, "chunk belongs to another file");
    }
    if (!isSha256Hex(chunk.chunkSha256)) {
        return Status(ErrorCode::InvalidArgument, "chunk checksum missing or malformed");
    }
    if (stored.complete) {
        return Status(ErrorCode::AlreadyExists, "the file is already complete");
    }
    if (chunk.offset != stored.offset) {
        return Status(ErrorCode::Conflict, "Upload-Offset " + std::to_string(chunk.offset) +
                                               " differs from the stored offset " + std::to_string(stored.offset));
    }
    const std::uint64_t expected = chunkLengthAt(stored.size, chunk.offset);
    if (chunk.length != expected) {
        return Status(ErrorCode::InvalidArgument, "chunk length " + std::to_string(chunk.length) + " at offset " +
                                                      std::to_string(chunk.offset) + " must be " +
                                                      std::to_string(expected));
    }
    return Status::ok();
}

}  // namespace dantoc::sync
