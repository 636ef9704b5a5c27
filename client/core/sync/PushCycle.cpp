#include "core/sync/PushCycle.h"

#include "core/OutboxRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/sync/PullApplier.h"
#include "core/sync/SyncJournal.h"

#include "sync/OpOrdering.h"
#include "sync/SyncTuning.h"
#include "sync/WireCodec.h"

#include <algorithm>
#include <deque>

namespace dantoc::client::sync {

namespace ds = dantoc::sync;

namespace {

constexpr int kMaxForksPerCycle = 2;

bool isOutOfOrder(const ds::OpOutcome& outcome)
{
    return outcome.kind == ds::OutcomeKind::Deferred && outcome.reason == ds::kDeferredOutOfOrder;
}

}  // namespace

PushCycle::PushCycle(Connection& connection, HttpTransport& transport, ds::BatchSizer& sizer,
                     RegisterDevice registerDevice, const Clock& clock)
    : m_connection(connection),
      m_transport(transport),
      m_sizer(sizer),
      m_registerDevice(std::move(registerDevice)),
      m_clock(clock)
{
}

Result<std::string> PushCycle::encodeWithin(ds::PushRequest& request)
{
    // Shrink until the compressed body fits the target; a single op larger than it still goes, alone.
    for (;;) {
        auto body = ds::encodeMessage(ds::toJson(request), ds::ContentEncoding::Zstd);
        if (!body) {
            return body.status();
        }
        const std::size_t target = std::min(m_sizer.targetBytes(), ds::tuning::kPushBodyMaxBytes);
        const std::size_t n = request.ops.size();
        if (body->size() <= target || n <= 1) {
            return body;
        }
        const std::size_t scaled = n * target / body->size();
        request.ops.resize(std::clamp<std::size_t>(scaled, 1, n - 1));
    }
}

Result<ds::PushResponse> PushCycle::send(ds::PushRequest& request)
{
    bool registered = false;
    for (;;) {
        auto body = encodeWithin(request);
        if (!body) {
            return body.status();
        }
        auto reply = m_transport.request(
            "POST", QStringLiteral("/api/v1/sync/push"), QByteArray::fromStdString(*body),
            {{"Content-Type", "application/json"}, {"Content-Encoding", "zstd"}, {"Accept-Encoding", "zstd"}});
        if (!reply) {
            const ServerError& error = m_transport.lastError();
            if (error.status == 413 && request.ops.size() > 1) {
                m_sizer.onFailure();
                request.ops.resize(request.ops.size() / 2);
                continue;
            }
            if (error.code == "device_not_bound" && !registered && m_registerDevice) {
                registered = true;
                if (Status status = m_registerDevice(); !status) {
                    return status;
                }
                continue;
            }
            if (error.status == 0 || error.status == 413 || error.status >= 500) {
                m_sizer.onFailure();
            }
            return reply.status();
        }
        const auto header = reply->headers.find("content-encoding");
        auto encoding = ds::parseContentEncoding(header == reply->headers.end() ? std::string() : header->second);
        if (!encoding) {
            return encoding.status();
        }
        auto json = ds::decodeMessage(std::string_view(reply->body.constData(), static_cast<std::size_t>(reply->body.size())),
                                      *encoding, ds::kPushResponseLimits);
        if (!json) {
            return Status(ErrorCode::Unavailable, "push answer: " + json.status().message());
        }
        auto parsed = ds::parsePushResponse(*json);
        if (!parsed) {
            return Status(ErrorCode::Unavailable, "push answer: " + parsed.status().message());
        }
        return parsed;
    }
}

Result<PushStats> PushCycle::run(const Progress& progress)
{
    SyncJournal journal(m_connection, m_clock);
    SyncMetaRepository meta(m_connection);
    PushStats stats;
    if (auto pending = OutboxRepository(m_connection, m_clock).pendingCount(); pending) {
        stats.pendingAtStart = static_cast<std::size_t>(*pending);
    } else {
        return pending.status();
    }
    auto device = meta.deviceId();
    if (!device) {
        return device.status();
    }
    std::string deviceId = *device;
    std::uint64_t afterSeq = 0;       // outbox ops up to here were answered in this cycle
    std::deque<ds::Operation> repush;  // journal ops the server lost, sent before the outbox
    bool repushedOnce = false;
    bool first = true;

    // A new device id when the server's history of this one cannot be repaired from the journal.
    auto fork = [&]() -> Status {
        if (++stats.forks > kMaxForksPerCycle) {
            return Status(ErrorCode::Internal, "the server keeps answering device_fork; syncing stopped");
        }
        auto newId = journal.forkDevice();
        if (!newId) {
            return newId.status();
        }
        deviceId = *newId;
        afterSeq = 0;
        repush.clear();
        return m_registerDevice ? m_registerDevice() : Status::ok();
    };

    for (;;) {
        ds::PushRequest request;
        request.protocol = static_cast<int>(ds::tuning::kProtocolVersion);
        request.deviceId = deviceId;
        const bool fromJournal = !repush.empty();
        if (fromJournal) {
            for (const ds::Operation& op : repush) {
                if (request.ops.size() == ds::tuning::kMaxOpsPerPush) {
                    break;
                }
                request.ops.push_back(op);
            }
        } else {
            auto ops = journal.pendingAfter(afterSeq, ds::tuning::kMaxOpsPerPush);
            if (!ops) {
                return ops.status();
            }
            for (StoredOp& stored : *ops) {
                request.ops.push_back(std::move(stored.op));
            }
        }
        if (request.ops.empty() && !first) {
            break;
        }
        first = false;
        auto reply = send(request);
        if (!reply) {
            return reply.status();
        }
        m_sizer.onSuccess();
        ++stats.requests;
        stats.opsSent += request.ops.size();
        auto plan = ds::interpretPushResponse(request, *reply);
        if (!plan) {
            return Status(ErrorCode::Unavailable, "the push answer does not match the request: " +
                                                      plan.status().message());
        }
        std::vector<ds::OpOutcome> deferred;
        bool outOfOrder = false;
        for (const ds::OpOutcome& outcome : reply->results) {
            if (!outcome.isFinal()) {
                deferred.push_back(outcome);
                outOfOrder = outOfOrder || isOutOfOrder(outcome);
            }
        }
        auto counts = journal.finalize(plan->finals, deferred);
        if (!counts) {
            return counts.status();
        }
        stats.changedIds.insert(stats.changedIds.end(), counts->recordIds.begin(), counts->recordIds.end());
        if (!fromJournal) {
            stats.applied += counts->applied;
            stats.merged += counts->merged;
            stats.conflicts += counts->conflicts;
            stats.rejected += counts->rejected;
            stats.deferred += counts->deferred;
        }
        stats.nextExpectedSeq = reply->nextExpectedSeq;
        stats.serverEpoch = reply->serverEpoch;

        auto cursor = PullApplier::cursor(m_connection);
        if (!cursor) {
            return cursor.status();
        }
        if (ds::checkEpoch(*cursor, reply->serverEpoch) == ds::EpochCheck::Changed) {
            // The server went back in time: keep local data and outbox, pull everything again (§5 Epoch).
            if (Status status = PullApplier::setCursor(m_connection, ds::restartCursor(reply->serverEpoch)); !status) {
                return status;
            }
            stats.epochChanged = true;
        }
        if (progress) {
            progress(stats);
        }
        if (plan->deviceFork) {
            if (Status status = fork(); !status) {
                return status;
            }
            continue;
        }
        if (fromJournal) {
            const std::size_t done = reply->results.size();
            if (done == 0) {
                return Status(ErrorCode::Unavailable, "the server processed none of the re-pushed operations");
            }
            repush.erase(repush.begin(), repush.begin() + static_cast<std::ptrdiff_t>(std::min(done, repush.size())));
        } else {
            for (std::size_t i = 0; i < reply->results.size(); ++i) {
                if (!isOutOfOrder(reply->results[i])) {
                    afterSeq = request.ops[i].devSeq;
                }
            }
        }

        // Ops the server no longer has (restored from a backup): re-push them from the journal, same op_id and
        // dev_seq, before the outbox (§4 resendNeeded, §5 Epoch).
        if (!repushedOnce && repush.empty()) {
            auto seqs = journal.journalSeqs(deviceId);
            if (!seqs) {
                return seqs.status();
            }
            const auto missing = ds::journalOpsToRepush(*seqs, reply->nextExpectedSeq);
            if (!missing.empty()) {
                repushedOnce = true;
                auto ops = journal.journalOpsFrom(deviceId, reply->nextExpectedSeq);
                if (!ops) {
                    return ops.status();
                }
                bool contiguous = ops->size() == missing.size() && missing.front() == reply->nextExpectedSeq;
                for (std::size_t i = 0; contiguous && i < ops->size(); ++i) {
                    contiguous = (*ops)[i].op.devSeq == missing[i] && missing[i] == reply->nextExpectedSeq + i;
                }
                if (!contiguous) {
                    // A pruned or pre-journal op is missing: the server's sequence cannot be refilled. Continue
                    // under a new device id; ops the server already holds come back as duplicates.
                    if (Status status = fork(); !status) {
                        return status;
                    }
                    continue;
                }
                for (StoredOp& stored : *ops) {
                    repush.push_back(std::move(stored.op));
                }
                stats.repushed += repush.size();
                // Outbox ops answered out_of_order go again after the re-push.
                continue;
            }
        }
        if (outOfOrder && repush.empty()) {
            // A gap the journal cannot fill (nothing to re-push): only a new device id gets these ops through.
            if (Status status = fork(); !status) {
                return status;
            }
        }
    }
    return stats;
}

}  // namespace dantoc::client::sync
