// BlobUploader: sends the attachments that pending outbox operations reference to the server, tus-style
// (sync-protocol §8): POST {sha256, size} learns the server's durable offset (or that it already has the
// file), then one PATCH per chunk at the fixed boundaries of chunkLengthAt, each with its own checksum; a 409
// offset_mismatch re-asks with HEAD and resumes there. The local blob row records the progress
// (uploaded_offset, state local | uploading | uploaded), so an interrupted upload resumes where the server
// stands, never from 0. Plaintext only in memory: the file is decrypted from the AttachmentStore for the
// upload. Blocking; not thread-safe (the Connection's thread).
#pragma once

#include "base/Result.h"
#include "core/AttachmentStore.h"
#include "core/Connection.h"
#include "core/sync/HttpTransport.h"
#include "sync/BlobMessages.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dantoc::client::sync {

struct UploadStats
{
    // Referenced by pending ops and not known as uploaded, at the start.
    std::size_t blobsPending = 0;
    // The server now holds them whole (uploaded, or it already had them).
    std::size_t blobsCompleted = 0;
    // Referenced but not in this store (e.g. a hash typed in from elsewhere): their ops stay parked.
    std::size_t blobsMissing = 0;
    std::size_t chunks = 0;          // PATCH requests answered
    std::size_t resumes = 0;         // 409 offset_mismatch (then HEAD) or 404 expired (then POST) answers
    std::int64_t bytesUploaded = 0;  // chunk bytes the server accepted
};

class BlobUploader
{
public:
    using Progress = std::function<void(const UploadStats&)>;
    // Called before each PATCH with the blob and the chunk's offset; a failing Status stops the upload there,
    // as a dropped connection would (fault injection in tests).
    using ChunkHook = std::function<Status(const std::string& sha256, std::uint64_t offset)>;

    BlobUploader(Connection& connection, HttpTransport& transport, AttachmentStore& attachments)
        : m_connection(connection), m_transport(transport), m_attachments(attachments)
    {
    }

    void setChunkHook(ChunkHook hook) { m_chunkHook = std::move(hook); }

    // The distinct blobs that pending outbox ops reference and that are not marked uploaded, in outbox order.
    Result<std::vector<std::string>> pendingBlobs();
    // Uploads every pending blob. Stops at the first failure (everything the server acknowledged stays
    // recorded).
    Result<UploadStats> uploadPending(const Progress& progress = {});

private:
    Status upload(const std::string& sha256, UploadStats& stats, const Progress& progress);
    Result<dantoc::sync::BlobUploadStatus> start(const BlobInfo& blob);
    Result<dantoc::sync::BlobUploadStatus> head(const std::string& sha256);
    Result<dantoc::sync::BlobUploadStatus> sendChunk(const std::string& sha256, std::uint64_t offset,
                                                     std::string_view bytes);

    Connection& m_connection;
    HttpTransport& m_transport;
    AttachmentStore& m_attachments;
    ChunkHook m_chunkHook;
};

}  // namespace dantoc::client::sync
