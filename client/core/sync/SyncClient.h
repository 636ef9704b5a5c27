// SyncClient: one sync cycle of the desktop client (sync-protocol §4, §5, §8): register the device when needed, bring
// the reference data (ReferenceSync: a new form version is known before pulled records use it), push
// the outbox (PushCycle), upload the attachments pending ops reference (BlobUploader) and push again the ops the
// server parked for them, then pull until more = false (PullApplier: each page and its cursor in one transaction),
// then prune the op journal. Failures back off (Backoff with an injected random source, at least Retry-After);
// progress is reported as counts and bytes. Blocking (HttpTransport). Not thread-safe: one per store, on the
// thread that owns the Connection and the transport.
#pragma once

#include "core/AttachmentStore.h"
#include "core/Connection.h"
#include "core/Store.h"
#include "core/sync/BlobPrefetch.h"
#include "core/sync/BlobUploader.h"
#include "core/sync/HttpTransport.h"
#include "core/sync/PullApplier.h"
#include "core/sync/PushCycle.h"
#include "core/sync/ReferenceSync.h"

#include "base/Clock.h"
#include "base/Result.h"
#include "base/Uuid.h"
#include "sync/Backoff.h"
#include "sync/BatchSizer.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

namespace dantoc::client::sync {

struct PullStats
{
    std::size_t pages = 0;
    std::size_t records = 0;
    std::size_t comments = 0;
    std::size_t purged = 0;
    std::size_t keptRevoked = 0;
    std::size_t confirmed = 0;
    bool epochReset = false;
};

struct SyncProgress
{
    enum class Phase { Push, Upload, Pull, Done };
    Phase phase = Phase::Push;
    std::size_t opsSent = 0;
    std::size_t opsPendingAtStart = 0;
    std::size_t itemsPulled = 0;
    std::size_t pages = 0;
    std::size_t blobsPending = 0;    // attachments to upload in this cycle
    std::size_t blobsCompleted = 0;
    std::int64_t blobBytesUploaded = 0;
    std::int64_t bytesSent = 0;      // request bodies on the wire (compressed) in this cycle
    std::int64_t bytesReceived = 0;  // answer bodies on the wire in this cycle
};

struct SyncReport
{
    ReferenceStats reference;  // forms, catalogs, units, periods brought before the push
    PushStats push;
    UploadStats upload;
    PullStats pull;
    PrefetchStats prefetch;  // attachments of pulled records fetched ahead, after the pull
    std::int64_t bytesSent = 0;
    std::int64_t bytesReceived = 0;
    std::int64_t journalPruned = 0;
    // Every record the cycle changed in the store (pushed ops answered, pulled, flagged, purged, commented), each
    // once, in the order first changed; filled as the cycle goes, so a failed cycle's committed part is known too.
    std::vector<std::string> changedIds;
};

class SyncClient
{
public:
    // The store gives the database and its attachments (uploaded after the push, §8).
    SyncClient(Store& store, HttpTransport& transport, RandomSource& random,
               const Clock& clock = SystemClock::instance());
    // A connection of its own (Store::openConnection(), for a sync thread) and the store's attachments directory.
    SyncClient(Connection& connection, std::filesystem::path attachmentsDir, HttpTransport& transport,
               RandomSource& random, const Clock& clock = SystemClock::instance());

    void setProgressHandler(std::function<void(const SyncProgress&)> handler) { m_progress = std::move(handler); }
    // Page size asked of the server (compressed bytes; the server clamps it).
    void setPullLimitBytes(std::uint64_t bytes) { m_pullLimitBytes = bytes; }

    // One full cycle. On success the backoff resets and last_sync_at is stored. On failure everything acknowledged
    // so far stays durable, last_sync_error is stored, and retryDelayMillis() says when to try again.
    Result<SyncReport> runCycle();
    // The last cycle's report as far as it got: after a failure, what was made durable before it (changedIds).
    const SyncReport& lastReport() const { return m_current; }

    // After a failed cycle: Backoff::nextDelayMillis(), at least the server's Retry-After. 0 before any failure.
    std::int64_t retryDelayMillis() const { return m_retryDelayMillis; }
    // Connectivity came back: retry at once, from the base delay.
    void connectivityChanged() { m_backoff.reset(); }
    dantoc::sync::Backoff& backoff() { return m_backoff; }
    dantoc::sync::BatchSizer& batchSizer() { return m_sizer; }
    // Fault injection for tests: called before each attachment chunk (BlobUploader::setChunkHook).
    void setChunkHook(BlobUploader::ChunkHook hook) { m_chunkHook = std::move(hook); }
    // Bytes of attachments fetched ahead per cycle (tuning::kBlobPrefetchBytesPerCycle; 0: none).
    void setPrefetchBudget(std::uint64_t bytes) { m_prefetchBudget = bytes; }

private:
    Status ensureRegistered();
    Status pullAll(PullStats& stats, SyncReport& report);
    Status uploadAttachments(PushCycle& push, SyncReport& report);
    Result<dantoc::sync::PullResponse> pullPage(const dantoc::sync::Cursor& cursor);
    void report(SyncProgress::Phase phase, const SyncReport& report);
    Status fail(const Status& status);
    void noteChanged(const std::vector<std::string>& ids);

    Connection& m_connection;
    AttachmentStore m_attachments;
    HttpTransport& m_transport;
    const Clock& m_clock;
    dantoc::sync::Backoff m_backoff;
    dantoc::sync::BatchSizer m_sizer;
    std::function<void(const SyncProgress&)> m_progress;
    BlobUploader::ChunkHook m_chunkHook;
    std::uint64_t m_prefetchBudget = dantoc::sync::tuning::kBlobPrefetchBytesPerCycle;
    bool m_prefetchOwed = true;  // the first cycle looks at the whole store
    std::uint64_t m_pullLimitBytes;
    std::int64_t m_retryDelayMillis = 0;
    std::int64_t m_startSent = 0;
    std::int64_t m_startReceived = 0;
    SyncReport m_current;
    std::unordered_set<std::string> m_changedSeen;  // m_current.changedIds as a set
};

}  // namespace dantoc::client::sync
