// BlobDownloader: brings an attachment another device uploaded (a commune's signed scan, for the district
// reviewer) from the server into the store (sync-protocol §8.7): GET /api/v1/sync/blobs/{sha256} in Range
// requests of kBlobDownloadRangeBytes, each retried up to kBlobDownloadAttemptsPerRange times, the whole
// checked against its SHA-256 and only then encrypted into the AttachmentStore. The plaintext stays in memory
// (at most kBlobMaxBytes); an interrupted download starts over next time. Blocking; not thread-safe (the
// Connection's thread).
#pragma once

#include "base/Result.h"
#include "core/AttachmentStore.h"
#include "core/sync/HttpTransport.h"

#include <string>

namespace dantoc::client::sync {

class BlobDownloader
{
public:
    BlobDownloader(HttpTransport& transport, AttachmentStore& attachments)
        : m_transport(transport), m_attachments(attachments)
    {
    }

    // The blob from the store when it is there, else downloaded, verified and stored (state "uploaded": the
    // server has it). NotFound when the server has no such file visible to this account; Corruption when the
    // bytes do not hash to `sha256`.
    Result<BlobInfo> fetch(const std::string& sha256);

    // Bytes received in the last fetch (for progress).
    std::int64_t bytesReceived() const { return m_bytesReceived; }

private:
    Result<HttpReply> getRange(const std::string& sha256, std::uint64_t first, std::uint64_t last);

    HttpTransport& m_transport;
    AttachmentStore& m_attachments;
    std::int64_t m_bytesReceived = 0;
};

}  // namespace dantoc::client::sync
