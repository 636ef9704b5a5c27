#include "core/sync/BlobUploader.h"

#include "core/sync/SyncJournal.h"
#include "sync/SyncTuning.h"
#include "sync/WireCodec.h"

#include <algorithm>
#include <map>

namespace dantoc::client::sync {

namespace ds = dantoc::sync;

namespace {

constexpr const char* kStateUploading = "uploading";
constexpr const char* kStateUploaded = "uploaded";
// A whole-file hash mismatch makes the server restart the upload at 0 (§8.5); more than this many restarts of
// one file in one cycle means the local file and its recorded hash disagree, and retrying cannot help.
constexpr int kMaxRestartsPerBlob = 2;
// Answers that move nothing forward (409/404 re-asks, a chunk answer at the same offset) before the upload of one
// file gives up for this cycle: a server that keeps doing that is broken, and looping would never end.
constexpr int kMaxStallsPerBlob = 8;

QString blobPath(const std::string& sha256)
{
    return QStringLiteral("/api/v1/sync/blobs/") + QString::fromStdString(sha256);
}

Result<ds::BlobUploadStatus> statusFromBody(const HttpReply& reply, const std::string& what)
{
    auto json = ds::decodeMessage(
        std::string_view(reply.body.constData(), static_cast<std::size_t>(reply.body.size())),
        ds::ContentEncoding::Identity, ds::kBlobStartLimits);
    if (!json) {
        return Status(ErrorCode::Unavailable, what + " answer: " + json.status().message());
    }
    auto status = ds::parseBlobUploadStatus(*json);
    if (!status) {
        return Status(ErrorCode::Unavailable, what + " answer: " + status.status().message());
    }
    return status;
}

}  // namespace

Result<std::vector<std::string>> BlobUploader::pendingBlobs()
{
    // Only ops that name attachments carry a "blobs" key (Operation's JSON omits an empty list): the others are
    // not parsed at all, every cycle.
    auto stmt = m_connection.prepare(
        "SELECT payload FROM outbox WHERE status = 'pending' AND instr(payload, '\"blobs\"') > 0 ORDER BY dev_seq");
    if (!stmt) {
        return stmt.status();
    }
    auto ops = readStoredOps(*stmt);
    if (!ops) {
        return ops.status();
    }
    std::vector<std::string> out;
    for (const StoredOp& stored : *ops) {
        for (const std::string& sha256 : stored.op.blobs) {
            if (std::find(out.begin(), out.end(), sha256) != out.end()) {
                continue;
            }
            auto blob = m_attachments.info(sha256);
            if (blob && blob->state == kStateUploaded) {
                continue;
            }
            if (!blob && blob.status().code() != ErrorCode::NotFound) {
                return blob.status();
            }
            out.push_back(sha256);
        }
    }
    return out;
}

Result<UploadStats> BlobUploader::uploadPending(const Progress& progress)
{
    UploadStats stats;
    auto pending = pendingBlobs();
    if (!pending) {
        return pending.status();
    }
    stats.blobsPending = pending->size();
    for (const std::string& sha256 : *pending) {
        if (Status status = upload(sha256, stats, progress); !status) {
            return status;
        }
    }
    return stats;
}

Result<ds::BlobUploadStatus> BlobUploader::start(const BlobInfo& blob)
{
    const ds::BlobUploadStart message{blob.sha256, static_cast<std::uint64_t>(blob.size)};
    auto json = m_transport.postJson(QStringLiteral("/api/v1/sync/blobs"), message.toJson(),
                                     ds::kBlobStartLimits, false);
    if (!json) {
        return json.status();
    }
    auto status = ds::parseBlobUploadStatus(*json);
    if (!status) {
        return Status(ErrorCode::Unavailable, "upload start answer: " + status.status().message());
    }
    if (status->sha256 != blob.sha256 || status->size != message.size) {
        return Status(ErrorCode::Unavailable, "upload start answer is for another file");
    }
    return status;
}

Result<ds::BlobUploadStatus> BlobUploader::head(const std::string& sha256)
{
    auto reply = m_transport.request("HEAD", blobPath(sha256));
    if (!reply) {
        return reply.status();
    }
    // HttpReply keeps header names in lower case.
    auto header = [&](const char* name) -> Result<std::uint64_t> {
        const auto found = reply->headers.find(name);
        if (found == reply->headers.end()) {
            return Status(ErrorCode::Unavailable, std::string("HEAD answer without ") + name);
        }
        return ds::parseUploadOffset(found->second);
    };
    auto offset = header("upload-offset");
    auto length = header("upload-length");
    if (!offset || !length || *offset > *length) {
        return Status(ErrorCode::Unavailable, "HEAD answer: bad Upload-Offset / Upload-Length");
    }
    return ds::BlobUploadStatus{sha256, *length, *offset, *offset == *length};
}

Result<ds::BlobUploadStatus> BlobUploader::sendChunk(const std::string& sha256, std::uint64_t offset,
                                                     std::string_view bytes)
{
    const std::map<QByteArray, QByteArray> headers{
        {"Content-Type", "application/offset+octet-stream"},
        {QByteArray::fromStdString(std::string(ds::kUploadOffsetHeader)),
         QByteArray::number(qulonglong(offset))},
        {QByteArray::fromStdString(std::string(ds::kUploadChecksumHeader)),
         QByteArray::fromStdString(ds::formatChecksumHeader(AttachmentStore::sha256Hex(bytes)))}};
    auto reply = m_transport.request("PATCH", blobPath(sha256),
                                     QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())), headers);
    if (!reply) {
        return reply.status();
    }
    return statusFromBody(*reply, "chunk");
}

Status BlobUploader::upload(const std::string& sha256, UploadStats& stats, const Progress& progress)
{
    auto blob = m_attachments.info(sha256);
    if (!blob) {
        if (blob.status().code() == ErrorCode::NotFound) {
            ++stats.blobsMissing;  // a file this store never held: whoever attached it uploads it
            return Status::ok();
        }
        return blob.status();
    }
    auto server = start(*blob);
    if (!server) {
        return server.status();
    }
    std::string bytes;  // decrypted only once the server wants bytes
    int restarts = 0;
    int stalls = 0;
    std::uint64_t lastOffset = server->offset;
    while (!server->complete) {
        if (stalls > kMaxStallsPerBlob) {
            return Status(ErrorCode::Unavailable, "the upload of " + sha256 + " makes no progress on the server");
        }
        if (bytes.empty()) {
            auto plain = m_attachments.readAll(sha256);
            if (!plain) {
                return plain.status();
            }
            bytes = std::move(*plain);
            if (bytes.size() != server->size) {
                return Status(ErrorCode::Corruption, "attachment " + sha256 + " changed size in the store");
            }
        }
        if (server->offset < lastOffset && ++restarts > kMaxRestartsPerBlob) {
            return Status(ErrorCode::Corruption,
                          "the server keeps refusing the whole-file hash of " + sha256);
        }
        lastOffset = server->offset;
        if (Status status = m_attachments.setUploadProgress(sha256, static_cast<std::int64_t>(server->offset),
                                                            kStateUploading);
            !status) {
            return status;
        }
        const std::uint64_t length = ds::chunkLengthAt(server->size, server->offset);
        if (m_chunkHook) {
            if (Status status = m_chunkHook(sha256, server->offset); !status) {
                return status;
            }
        }
        auto answer =
            sendChunk(sha256, server->offset, std::string_view(bytes).substr(server->offset, length));
        if (!answer) {
            const ServerError& error = m_transport.lastError();
            if (error.status == 409 || error.status == 404) {
                // 409: our offset is not the server's (a cut mid-chunk kept part of it): ask and resume
                // there. 404: the partial upload expired: start again.
                ++stats.resumes;
                ++stalls;
                server = error.status == 409 ? head(sha256) : start(*blob);
                if (!server) {
                    return server.status();
                }
                continue;
            }
            return answer.status();
        }
        if (answer->sha256 != sha256 || answer->size != server->size) {
            return Status(ErrorCode::Unavailable, "chunk answer is for another file");
        }
        ++stats.chunks;
        if (answer->offset > server->offset) {
            stats.bytesUploaded += static_cast<std::int64_t>(answer->offset - server->offset);
            stalls = 0;
        } else if (!answer->complete) {
            ++stalls;
        }
        server = std::move(answer);
        if (progress) {
            progress(stats);
        }
    }
    if (Status status = m_attachments.setUploadProgress(sha256, blob->size, kStateUploaded); !status) {
        return status;
    }
    ++stats.blobsCompleted;
    if (progress) {
        progress(stats);
    }
    return Status::ok();
}

}  // namespace dantoc::client::sync
