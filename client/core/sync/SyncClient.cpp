#include "core/sync/SyncClient.h"

#include "core/SyncMetaRepository.h"
#include "core/sync/Enrollment.h"
#include "core/sync/SyncJournal.h"

#include "sync/SyncTuning.h"
#include "sync/WireCodec.h"

#include <algorithm>

namespace dantoc::client::sync {

namespace ds = dantoc::sync;

namespace {

// Pages one cycle may pull before it stops (the next cycle continues from the stored cursor).
constexpr std::size_t kMaxPagesPerCycle = 100'000;

}  // namespace

SyncClient::SyncClient(Store& store, HttpTransport& transport, RandomSource& random, const Clock& clock)
    : SyncClient(store.connection(), store.attachmentsPath(), transport, random, clock)
{
}

SyncClient::SyncClient(Connection& connection, std::filesystem::path attachmentsDir, HttpTransport& transport,
                       RandomSource& random, const Clock& clock)
    : m_connection(connection),
      m_attachments(connection, std::move(attachmentsDir)),
      m_transport(transport),
      m_clock(clock),
      m_backoff(random),
      m_pullLimitBytes(ds::tuning::kPullPageDefaultBytes)
{
}

void SyncClient::report(SyncProgress::Phase phase, const SyncReport& current)
{
    if (!m_progress) {
        return;
    }
    SyncProgress progress;
    progress.phase = phase;
    progress.opsSent = current.push.opsSent;
    progress.opsPendingAtStart = current.push.pendingAtStart;
    progress.itemsPulled = current.pull.records + current.pull.comments + current.pull.purged + current.pull.keptRevoked;
    progress.pages = current.pull.pages;
    progress.blobsPending = current.upload.blobsPending;
    progress.blobsCompleted = current.upload.blobsCompleted;
    progress.blobBytesUploaded = current.upload.bytesUploaded;
    progress.bytesSent = m_transport.bytesSent() - m_startSent;
    progress.bytesReceived = m_transport.bytesReceived() - m_startReceived;
    m_progress(progress);
}

void SyncClient::noteChanged(const std::vector<std::string>& ids)
{
    for (const std::string& id : ids) {
        if (m_changedSeen.insert(id).second) {
            m_current.changedIds.push_back(id);
        }
    }
}

Status SyncClient::ensureRegistered()
{
    SyncMetaRepository meta(m_connection);
    auto deviceId = meta.deviceId();
    if (!deviceId) {
        return deviceId.status();
    }
    auto registered = meta.get(SyncMetaRepository::kRegisteredDevice);
    if (!registered) {
        return registered.status();
    }
    if (*registered && **registered == *deviceId) {
        return Status::ok();
    }
    auto device = Enrollment::registerDevice(m_connection, m_transport);
    return device ? Status::ok() : device.status();
}

Result<ds::PullResponse> SyncClient::pullPage(const ds::Cursor& cursor)
{
    ds::PullRequest request;
    request.protocol = ds::tuning::kProtocolVersion;
    request.cursor = cursor;
    request.limitBytes = m_pullLimitBytes;
    auto json = m_transport.postJson(QStringLiteral("/api/v1/sync/pull"), ds::toJson(request), ds::kPullResponseLimits,
                                     false);
    if (!json) {
        return json.status();
    }
    auto page = ds::parsePullResponse(*json);
    if (!page) {
        return Status(ErrorCode::Unavailable, "pull answer: " + page.status().message());
    }
    return page;
}

Status SyncClient::pullAll(PullStats& stats, SyncReport& current)
{
    PullApplier applier(m_connection, m_clock);
    for (std::size_t page = 0; page < kMaxPagesPerCycle; ++page) {
        auto cursor = PullApplier::cursor(m_connection);
        if (!cursor) {
            return cursor.status();
        }
        auto response = pullPage(*cursor);
        if (!response) {
            return response.status();
        }
        auto applied = applier.apply(*cursor, *response);
        if (!applied) {
            // A page that does not fit the cursor, or a patch against a version we do not hold: nothing was
            // applied; back off and pull the same cursor again.
            return Status(ErrorCode::Unavailable, "pull page refused: " + applied.status().message());
        }
        noteChanged(applied->changedIds);
        ++stats.pages;
        stats.records += applied->records;
        stats.comments += applied->comments;
        stats.purged += applied->purged;
        stats.keptRevoked += applied->keptRevoked;
        stats.confirmed += applied->confirmed;
        stats.epochReset = stats.epochReset || applied->epochReset;
        current.pull = stats;
        report(SyncProgress::Phase::Pull, current);
        if (!response->more) {
            return Status::ok();
        }
    }
    return Status::ok();
}

Status SyncClient::uploadAttachments(PushCycle& push, SyncReport& current)
{
    BlobUploader uploader(m_connection, m_transport, m_attachments);
    uploader.setChunkHook(m_chunkHook);
    auto uploaded = uploader.uploadPending([&](const UploadStats& stats) {
        current.upload = stats;
        report(SyncProgress::Phase::Upload, current);
    });
    if (!uploaded) {
        return uploaded.status();
    }
    current.upload = *uploaded;
    if (uploaded->blobsCompleted == 0 || current.push.deferred == 0) {
        return Status::ok();
    }
    // Each completed upload made the server apply the ops it parked for it; sending them again (duplicates) brings
    // back their final outcomes now rather than at the next cycle.
    auto again = push.run();
    if (!again) {
        return again.status();
    }
    noteChanged(again->changedIds);
    PushStats& stats = current.push;
    stats.requests += again->requests;
    stats.resent += again->opsSent;  // the parked ops once more: counted apart, so sent = applied + … + deferred
    stats.applied += again->applied;
    stats.merged += again->merged;
    stats.conflicts += again->conflicts;
    stats.rejected += again->rejected;
    stats.deferred = again->deferred;  // still waiting after the upload
    stats.repushed += again->repushed;
    stats.forks += again->forks;
    stats.nextExpectedSeq = again->nextExpectedSeq;
    stats.epochChanged = stats.epochChanged || again->epochChanged;
    return Status::ok();
}

Status SyncClient::fail(const Status& status)
{
    m_retryDelayMillis = m_backoff.nextDelayMillis();
    const ServerError& error = m_transport.lastError();
    m_retryDelayMillis = std::max<std::int64_t>(m_retryDelayMillis, std::int64_t{error.retryAfterSeconds} * 1000);
    (void)SyncMetaRepository(m_connection).set(SyncMetaRepository::kLastSyncError, status.toString());
    return status;
}

Result<SyncReport> SyncClient::runCycle()
{
    m_current = SyncReport{};
    m_changedSeen.clear();
    SyncReport& current = m_current;
    m_startSent = m_transport.bytesSent();
    m_startReceived = m_transport.bytesReceived();
    if (Status status = ensureRegistered(); !status) {
        return fail(status);
    }
    auto reference = ReferenceSync(m_connection, m_transport).run();
    if (!reference) {
        return fail(reference.status());
    }
    current.reference = *reference;
    PushCycle push(m_connection, m_transport, m_sizer,
                   [this]() {
                       auto device = Enrollment::registerDevice(m_connection, m_transport);
                       return device ? Status::ok() : device.status();
                   },
                   m_clock);
    auto pushed = push.run([&](const PushStats& stats) {
        current.push = stats;
        noteChanged(stats.changedIds);
        report(SyncProgress::Phase::Push, current);
    });
    if (!pushed) {
        return fail(pushed.status());
    }
    current.push = *pushed;
    noteChanged(pushed->changedIds);
    if (Status status = uploadAttachments(push, current); !status) {
        return fail(status);
    }
    if (Status status = pullAll(current.pull, current); !status) {
        return fail(status);
    }
    if (current.pull.epochReset) {
        // The server was restored while we were pulling: push again so it gets back what it lost.
        auto again = push.run();
        if (!again) {
            return fail(again.status());
        }
        noteChanged(again->changedIds);
        if (Status status = pullAll(current.pull, current); !status) {
            return fail(status);
        }
    }
    // After the pull, so what was pulled is there offline. It reads every record body, so a cycle that changed
    // nothing skips it unless an earlier one left files behind (over budget, not uploaded yet, network cut).
    if (m_prefetchBudget > 0 && (m_prefetchOwed || !current.changedIds.empty())) {
        auto prefetched = BlobPrefetch(m_connection, m_transport, m_attachments).run(m_prefetchBudget);
        if (!prefetched) {
            return fail(prefetched.status());
        }
        current.prefetch = *prefetched;
        m_prefetchOwed = prefetched->deferred > 0 || prefetched->unavailable > 0;
    }
    auto pruned = SyncJournal(m_connection, m_clock).prune();
    if (!pruned) {
        return fail(pruned.status());
    }
    current.journalPruned = *pruned;
    SyncMetaRepository meta(m_connection);
    Status status = meta.set(SyncMetaRepository::kLastSyncAt, std::to_string(m_clock.nowUnixMillis()));
    if (status) status = meta.set(SyncMetaRepository::kLastSyncError, "");
    if (!status) {
        return fail(status);
    }
    m_backoff.reset();
    m_retryDelayMillis = 0;
    current.bytesSent = m_transport.bytesSent() - m_startSent;
    current.bytesReceived = m_transport.bytesReceived() - m_startReceived;
    report(SyncProgress::Phase::Done, current);
    return current;
}

}  // namespace dantoc::client::sync
