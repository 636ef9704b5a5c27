#include "core/sync/BlobDownloader.h"

#include "sync/JsonReader.h"
#include "sync/SyncTuning.h"

#include <charconv>
#include <optional>

namespace dantoc::client::sync {

namespace ds = dantoc::sync;

namespace {

constexpr const char* kStateUploaded = "uploaded";

// The total size from "Content-Range: bytes a-b/size"; nullopt when absent or malformed.
std::optional<std::uint64_t> totalFromContentRange(const std::string& header)
{
    const auto slash = header.rfind('/');
    if (header.rfind("bytes ", 0) != 0 || slash == std::string::npos) {
        return std::nullopt;
    }
    std::uint64_t total = 0;
    const char* begin = header.data() + slash + 1;
    const char* end = header.data() + header.size();
    const auto [ptr, error] = std::from_chars(begin, end, total);
    if (error != std::errc() || ptr != end || begin == end) {
        return std::nullopt;
    }
    return total;
}

}  // namespace

Result<HttpReply> BlobDownloader::getRange(const std::string& sha256, std::uint64_t first, std::uint64_t last)
{
    const QByteArray range =
        "bytes=" + QByteArray::number(qulonglong(first)) + "-" + QByteArray::number(qulonglong(last));
    Result<HttpReply> reply = Status(ErrorCode::Unavailable, "not tried");
    for (int attempt = 0; attempt < ds::tuning::kBlobDownloadAttemptsPerRange; ++attempt) {
        reply =
            m_transport.request("GET", QStringLiteral("/api/v1/sync/blobs/") + QString::fromStdString(sha256),
                                {}, {{"Range", range}});
        if (reply || reply.status().code() != ErrorCode::Unavailable) {
            return reply;
        }
    }
    return reply;
}

Result<BlobInfo> BlobDownloader::fetch(const std::string& sha256)
{
    m_bytesReceived = 0;
    if (!ds::isSha256Hex(sha256)) {
        return Status(ErrorCode::InvalidArgument, "not an attachment hash: " + sha256);
    }
    if (auto local = m_attachments.info(sha256); local || local.status().code() != ErrorCode::NotFound) {
        return local;
    }
    std::string bytes;
    std::optional<std::uint64_t> size;
    while (!size || bytes.size() < *size) {
        const std::uint64_t first = bytes.size();
        auto reply = getRange(sha256, first, first + ds::tuning::kBlobDownloadRangeBytes - 1);
        if (!reply) {
            return reply.status();
        }
        m_bytesReceived += reply->body.size();
        if (reply->status == 200) {
            // The whole file (a server may ignore Range): take it as it is.
            bytes.assign(reply->body.constData(), static_cast<std::size_t>(reply->body.size()));
            size = bytes.size();
            break;
        }
        const auto header = reply->headers.find("content-range");
        const auto total =
            header == reply->headers.end() ? std::nullopt : totalFromContentRange(header->second);
        if (reply->status != 206 || !total || *total > ds::tuning::kBlobMaxBytes ||
            (size && *size != *total) || reply->body.isEmpty() ||
            first + static_cast<std::uint64_t>(reply->body.size()) > *total) {
            return Status(ErrorCode::Unavailable,
                          "the server's answer to a ranged download does not fit the file");
        }
        size = total;
        bytes.append(reply->body.constData(), static_cast<std::size_t>(reply->body.size()));
    }
    if (AttachmentStore::sha256Hex(bytes) != sha256) {
        return Status(ErrorCode::Corruption, "the downloaded attachment does not match its hash " + sha256);
    }
    auto blob = m_attachments.importBytes(bytes);
    if (!blob) {
        return blob.status();
    }
    if (Status status = m_attachments.setUploadProgress(sha256, blob->size, kStateUploaded); !status) {
        return status;
    }
    blob->state = kStateUploaded;
    blob->uploadedOffset = blob->size;
    return blob;
}

}  // namespace dantoc::client::sync
