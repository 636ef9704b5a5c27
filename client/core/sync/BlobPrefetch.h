// BlobPrefetch: after a pull, brings the attachments of records in the store that the store does not hold yet
// (a commune's signed scans, for its reviewers), within a byte budget per cycle, records awaiting review first
// (submitted, approved), then the newest — so a reviewer who goes offline still has the scans (issue 15). Each
// file through BlobDownloader (ranges, verified, encrypted into the AttachmentStore). A file the server does not
// have yet (not uploaded) or does not show this account is skipped and tried at a later cycle; a network failure
// ends the prefetch without failing the cycle. Blocking; not thread-safe (the Connection's thread).
#pragma once

#include "base/Result.h"
#include "core/AttachmentStore.h"
#include "core/Connection.h"
#include "core/sync/HttpTransport.h"

#include <cstddef>
#include <cstdint>

namespace dantoc::client::sync {

struct PrefetchStats
{
    std::size_t fetched = 0;      // files now in the store
    std::int64_t bytes = 0;       // their plaintext size
    std::size_t unavailable = 0;  // not on the server (yet), or not visible to this account
    std::size_t deferred = 0;     // left for a later cycle: over the budget, or after a network failure
    bool interrupted = false;     // a network failure ended it
};

class BlobPrefetch
{
public:
    BlobPrefetch(Connection& connection, HttpTransport& transport, AttachmentStore& attachments)
        : m_connection(connection), m_transport(transport), m_attachments(attachments)
    {
    }

    // Fetches missing attachments until `budgetBytes` of plaintext would be exceeded. Errors only for the store.
    Result<PrefetchStats> run(std::uint64_t budgetBytes);

private:
    Connection& m_connection;
    HttpTransport& m_transport;
    AttachmentStore& m_attachments;
};

}  // namespace dantoc::client::sync
