// Attachment routes (shared/docs/sync-protocol.md §8, tus-style): POST /api/v1/sync/blobs starts or resumes an
// upload, HEAD reports the durable offset, PATCH appends one chunk, GET downloads (with Range). Errors use the
// protocol's body {"error": {"code", "message": {"vi", "en"}}}. A file is visible to a caller (dedup, HEAD, GET)
// only as blob/BlobAccess.h allows (an in-scope record references it and the upload is related to the caller), or
// while the caller is uploading it: 404 otherwise, and a new upload at 0 on POST, so a digest never tells anyone
// what another commune holds (the bytes are still stored once).
#include "api/ApiContext.h"
#include "blob/BlobAccess.h"
#include "http/Router.h"
#include "sync/BlobMessages.h"
#include "sync/JsonReader.h"
#include "sync/PushMessages.h"
#include "sync/SyncTuning.h"

#include <optional>

namespace dantoc::server {

namespace {

constexpr const char* kChunkContentType = "application/offset+octet-stream";

ApiResponse blobError(int status, const std::string& code, const std::string& vi, const std::string& en)
{
    // The English text may quote client bytes (a parser's message): invalid UTF-8 becomes U+FFFD, never a throw.
    return ApiResponse::json(status, sync::ErrorResponse{code, {vi, en}}.toJson().dump(
                                         -1, ' ', false, Json::error_handler_t::replace));
}

ApiResponse notFound()
{
    return blobError(404, "not_found", "Không tìm thấy tệp đính kèm", "No such attachment");
}

ApiResponse storageError(const Status& status)
{
    if (status.code() == ErrorCode::Unavailable) {
        ApiResponse busy = blobError(503, "busy", "Máy chủ đang bận, vui lòng thử lại", "Server busy; retry");
        busy.headers.emplace_back("Retry-After", "2");
        return busy;
    }
    return blobError(500, "internal", "Lỗi máy chủ", "Internal error");
}

ApiResponse readOnlyAccount()
{
    return blobError(403, "forbidden", "Tài khoản chỉ xem không thể tải tệp lên",
                     "A read-only account cannot upload attachments");
}

// The stored size when the caller may read the file (blob/BlobAccess.h); nullopt otherwise.
Result<std::optional<std::uint64_t>> visibleCompleteSize(const ApiContext& ctx, const Principal& who,
                                                         const std::string& sha256)
{
    return BlobAccess(ctx.store, ctx.records, ctx.blobs, ctx.scope).readableSize(who, sha256);
}

ApiResponse statusAnswer(const sync::BlobUploadStatus& status)
{
    ApiResponse response = ApiResponse::json(200, status.toJson().dump());
    response.headers.emplace_back(std::string(sync::kUploadOffsetHeader), std::to_string(status.offset));
    response.headers.emplace_back(std::string(sync::kUploadLengthHeader), std::to_string(status.size));
    return response;
}

sync::BlobUploadStatus statusOf(const BlobUpload& upload)
{
    return {upload.sha256, upload.size, upload.offset, upload.complete};
}

ApiResponse startRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    if (who->role == Role::ProvincialViewer) {
        return readOnlyAccount();
    }
    const Json json = Json::parse(request.body, nullptr, false);
    if (json.is_discarded()) {
        return blobError(400, "invalid_message", "Thông điệp không hợp lệ", "The body is not JSON");
    }
    // Too large is its own answer (413), not a malformed message.
    if (json.is_object() && json.contains("size") && json["size"].is_number_unsigned() &&
        json["size"].get<std::uint64_t>() > sync::tuning::kBlobMaxBytes) {
        return blobError(413, "too_large", "Tệp đính kèm quá lớn (tối đa 50 MB)",
                         "The attachment is larger than 50 MB");
    }
    auto start = sync::parseBlobUploadStart(json);
    if (!start) {
        return blobError(400, "invalid_message", "Thông điệp không hợp lệ", start.status().message());
    }
    auto known = visibleCompleteSize(ctx, *who, start->sha256);
    if (!known) {
        return storageError(known.status());
    }
    if (*known) {
        return statusAnswer({start->sha256, **known, **known, true});
    }
    auto upload = ctx.blobs.startUpload(start->sha256, who->accountId, start->size, ctx.clock.nowUnixMillis());
    if (!upload) {
        return storageError(upload.status());
    }
    return statusAnswer(statusOf(*upload));
}

ApiResponse headRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    const std::string& sha256 = request.pathParams.at("sha256");
    if (!sync::isSha256Hex(sha256)) {
        return notFound();
    }
    auto known = visibleCompleteSize(ctx, *who, sha256);
    if (!known) {
        return storageError(known.status());
    }
    if (*known) {
        return statusAnswer({sha256, **known, **known, true});
    }
    auto upload = ctx.blobs.upload(sha256, who->accountId);
    if (!upload) {
        return storageError(upload.status());
    }
    if (!*upload) {
        return notFound();
    }
    return statusAnswer(statusOf(**upload));
}

ApiResponse patchRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    if (who->role == Role::ProvincialViewer) {
        return readOnlyAccount();
    }
    const std::string& sha256 = request.pathParams.at("sha256");
    if (!sync::isSha256Hex(sha256)) {
        return notFound();
    }
    const std::string* type = request.header("content-type");
    if (!type || type->substr(0, type->find(';')) != kChunkContentType) {
        return blobError(415, "unsupported_media_type", "Kiểu nội dung phải là application/offset+octet-stream",
                         "Content-Type must be application/offset+octet-stream");
    }
    const std::string* offsetHeader = request.header("upload-offset");
    auto offset = sync::parseUploadOffset(offsetHeader ? *offsetHeader : std::string());
    if (!offset) {
        return blobError(400, "invalid_message", "Thiếu hoặc sai Upload-Offset", offset.status().message());
    }
    std::optional<std::string> checksum;
    if (!request.bodyTruncated) {
        const std::string* checksumHeader = request.header("upload-checksum");
        auto parsed = sync::parseChecksumHeader(checksumHeader ? *checksumHeader : std::string());
        if (!parsed) {
            return blobError(400, "invalid_message", "Thiếu hoặc sai Upload-Checksum", parsed.status().message());
        }
        checksum = *parsed;
    }
    auto upload = ctx.blobs.appendChunk(sha256, who->accountId, *offset, request.body, checksum,
                                        ctx.clock.nowUnixMillis());
    if (upload) {
        return statusAnswer(statusOf(*upload));
    }
    switch (upload.status().code()) {
    case ErrorCode::NotFound: {
        // No upload of the caller's; a file it can already see is simply complete.
        auto known = visibleCompleteSize(ctx, *who, sha256);
        if (known && *known) {
            return statusAnswer({sha256, **known, **known, true});
        }
        return blobError(404, "not_found", "Chưa bắt đầu tải tệp này lên",
                         "No upload of this file was started (POST /api/v1/sync/blobs first)");
    }
    case ErrorCode::Conflict: {
        ApiResponse conflict = blobError(409, "offset_mismatch", "Vị trí tải lên không khớp, hãy hỏi lại (HEAD)",
                                         upload.status().message());
        if (auto stored = ctx.blobs.upload(sha256, who->accountId); stored && *stored) {
            conflict.headers.emplace_back(std::string(sync::kUploadOffsetHeader), std::to_string((*stored)->offset));
        }
        return conflict;
    }
    case ErrorCode::InvalidArgument:
        return blobError(400, "invalid_chunk", "Phần tệp không hợp lệ (độ dài hoặc mã kiểm tra sai)",
                         upload.status().message());
    default:
        return storageError(upload.status());
    }
}

// A single "bytes=a-b" / "bytes=a-" / "bytes=-n" range; nullopt for anything else (then the whole file is sent, as
// RFC 9110 allows; parseRange sets `unsatisfiable` when it is well-formed but starts past the end).
struct ByteRange {
    std::uint64_t first = 0;
    std::uint64_t length = 0;
};

std::optional<std::uint64_t> decimal(std::string_view text)
{
    if (text.empty() || text.size() > 16) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

std::optional<ByteRange> parseRange(std::string_view header, std::uint64_t size, bool& unsatisfiable)
{
    constexpr std::string_view kPrefix = "bytes=";
    if (header.substr(0, kPrefix.size()) != kPrefix) {
        return std::nullopt;
    }
    const std::string_view spec = header.substr(kPrefix.size());
    const auto dash = spec.find('-');
    if (dash == std::string_view::npos || spec.find(',') != std::string_view::npos) {
        return std::nullopt;
    }
    const auto firstText = spec.substr(0, dash);
    const auto lastText = spec.substr(dash + 1);
    if (firstText.empty()) {
        const auto suffix = decimal(lastText);
        if (!suffix) {
            return std::nullopt;
        }
        if (*suffix == 0) {
            unsatisfiable = true;
            return std::nullopt;
        }
        const std::uint64_t length = *suffix < size ? *suffix : size;
        return ByteRange{size - length, length};
    }
    const auto first = decimal(firstText);
    const auto last = lastText.empty() ? std::optional<std::uint64_t>(size - 1) : decimal(lastText);
    if (!first || !last || (!lastText.empty() && *last < *first)) {
        return std::nullopt;
    }
    if (*first >= size) {
        unsatisfiable = true;
        return std::nullopt;
    }
    const std::uint64_t end = *last < size ? *last : size - 1;
    return ByteRange{*first, end - *first + 1};
}

ApiResponse getRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    const std::string& sha256 = request.pathParams.at("sha256");
    if (!sync::isSha256Hex(sha256)) {
        return notFound();
    }
    auto known = visibleCompleteSize(ctx, *who, sha256);
    if (!known) {
        return storageError(known.status());
    }
    if (!*known) {
        return notFound();
    }
    const std::uint64_t size = **known;
    ByteRange range{0, size};
    bool partial = false;
    if (const std::string* header = request.header("range")) {
        bool unsatisfiable = false;
        if (auto parsed = parseRange(*header, size, unsatisfiable)) {
            range = *parsed;
            partial = true;
        } else if (unsatisfiable) {
            ApiResponse refused = blobError(416, "range_not_satisfiable", "Khoảng byte nằm ngoài tệp",
                                            "The range lies outside the file");
            refused.headers.emplace_back("Content-Range", "bytes */" + std::to_string(size));
            return refused;
        }
    }
    auto bytes = ctx.blobs.readComplete(sha256, range.first, range.length);
    if (!bytes) {
        return storageError(bytes.status());
    }
    ApiResponse response;
    response.status = partial ? 206 : 200;
    response.contentType = "application/octet-stream";
    response.body = std::move(*bytes);
    response.headers.emplace_back("Accept-Ranges", "bytes");
    response.headers.emplace_back("ETag", "\"" + sha256 + "\"");
    if (partial) {
        response.headers.emplace_back("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                                           std::to_string(range.first + range.length - 1) + "/" +
                                                           std::to_string(size));
    }
    return response;
}

}  // namespace

void registerBlobRoutes(Router& router, const ApiContext& context)
{
    const ApiContext ctx = context;
    router.add(Route{"POST", "/api/v1/sync/blobs", sync::tuning::kBlobStartMaxBytes, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) { return startRoute(ctx, request, who); },
                     "sync.blobs.start"});
    router.add(Route{"HEAD", "/api/v1/sync/blobs/{sha256}", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) { return headRoute(ctx, request, who); },
                     "sync.blobs.head"});
    Route patch{"PATCH", "/api/v1/sync/blobs/{sha256}", sync::tuning::kBlobChunkMaxBytes, Auth::Authenticated,
                [ctx](const ApiRequest& request, const Principal* who) { return patchRoute(ctx, request, who); },
                "sync.blobs.chunk"};
    patch.acceptsPartialBody = true;
    router.add(std::move(patch));
    router.add(Route{"GET", "/api/v1/sync/blobs/{sha256}", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) { return getRoute(ctx, request, who); },
                     "sync.blobs.get"});
}

}  // namespace dantoc::server
