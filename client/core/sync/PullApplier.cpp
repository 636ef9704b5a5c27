#include "core/sync/PullApplier.h"

#include "core/NfcJson.h"
#include "core/OutboxRepository.h"
#include "core/ReviewCommentRepository.h"
#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"
#include "core/review/ReviewSnapshotRepository.h"
#include "core/sync/SyncJournal.h"

#include "base/Json.h"
#include "sync/BodyMerge.h"
#include "sync/OpOrdering.h"
#include "text/VietnameseText.h"

#include <optional>

namespace dantoc::client::sync {

namespace ds = dantoc::sync;

namespace {

using Flags = SubmissionRepository;

// Flags a pull item's strings map to; unknown ones are ignored (a newer server may add some).
std::int64_t serverFlags(const std::vector<std::string>& flags)
{
    std::int64_t mask = 0;
    for (const std::string& flag : flags) {
        if (flag == "needs_attention") {
            mask |= Flags::kFlagNeedsAttention;
        } else if (flag == "conflict") {
            mask |= Flags::kFlagConflict | Flags::kFlagNeedsAttention;
        } else if (flag == "awaiting_attachment") {
            mask |= Flags::kFlagAwaitingAttachment;
        }
    }
    return mask;
}

struct LocalRecord
{
    std::int64_t flags = 0;
};

Result<std::optional<LocalRecord>> loadLocal(Connection& connection, const std::string& id)
{
    auto record = SubmissionRepository(connection).get(id);
    if (!record) {
        if (record.status().code() == ErrorCode::NotFound) {
            return std::optional<LocalRecord>();
        }
        return record.status();
    }
    return std::optional<LocalRecord>(LocalRecord{record->flags});
}

Result<std::optional<std::pair<std::uint64_t, Json>>> loadBase(Connection& connection, const std::string& id)
{
    auto base = SubmissionRepository(connection).mergeBase(id);
    if (!base) {
        return base.status();
    }
    if (!*base) {
        return std::optional<std::pair<std::uint64_t, Json>>();
    }
    auto body = parseJson((*base)->body);
    if (!body || !body->is_object()) {
        return Status(ErrorCode::Corruption, "record_base " + id + " is not a JSON object");
    }
    return std::optional<std::pair<std::uint64_t, Json>>(
        std::make_pair(static_cast<std::uint64_t>((*base)->serverVersion), std::move(*body)));
}

Result<std::vector<ds::Operation>> pendingOps(Connection& connection, const std::string& recordId)
{
    auto payloads = OutboxRepository(connection).pendingPayloadsOf(recordId);
    if (!payloads) {
        return payloads.status();
    }
    std::vector<ds::Operation> out;
    out.reserve(payloads->size());
    for (const std::string& payload : *payloads) {
        auto json = parseJson(payload);
        auto op = json ? ds::parseOperation(*json) : Result<ds::Operation>(json.status());
        if (!op) {
            return Status(ErrorCode::Corruption, "stored operation: " + op.status().message());
        }
        out.push_back(std::move(*op));
    }
    return out;
}

// What the user sees: `server` with each pending create/edit set applied in dev_seq order (Overwrite mode; the
// authoritative merge stays on the server). An op whose set no longer fits the body is skipped and reported.
Json overlay(const Json& server, const std::vector<ds::Operation>& pending, bool& failed)
{
    Json body = server;
    for (const ds::Operation& op : pending) {
        if (op.kind != ds::OpKind::Create && op.kind != ds::OpKind::Edit) {
            continue;  // an amend is a proposal for the reviewer, never shown as the record's content
        }
        auto applied = ds::applySet(body, op.set);
        if (applied) {
            body = std::move(*applied);
        } else {
            failed = true;
        }
    }
    return body;
}

}  // namespace

Result<ds::Cursor> PullApplier::cursor(Connection& connection)
{
    auto text = SyncMetaRepository(connection).cursor(kStream);
    if (!text) {
        return text.status();
    }
    ds::Cursor out;
    if (text->empty()) {
        return out;
    }
    auto json = parseJson(*text);
    if (!json) {
        return Status(ErrorCode::Corruption, "stored pull cursor: " + json.status().message());
    }
    if (Status status = ds::parseCursor(*json, "cursor", out); !status) {
        return Status(ErrorCode::Corruption, "stored pull cursor: " + status.message());
    }
    return out;
}

Status PullApplier::setCursor(Connection& connection, const ds::Cursor& cursor)
{
    SyncMetaRepository meta(connection);
    Status status = meta.setCursor(kStream, cursor.toJson().dump());
    if (status && !cursor.epoch.empty()) {
        status = meta.set(SyncMetaRepository::kServerEpoch, cursor.epoch);
    }
    return status;
}

Result<PullPageStats> PullApplier::apply(const ds::Cursor& sent, const ds::PullResponse& page)
{
    if (Status status = ds::checkPullPage(sent, page); !status) {
        return status;
    }
    PullPageStats stats;
    stats.epochReset = page.epochReset;
    if (page.items.empty() && !page.epochReset && page.next == sent) {
        // Nothing new (the usual answer when a cycle finds the office up to date): `sent` is the stored cursor,
        // so writing it again would only cost a commit and its fsync.
        return stats;
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    for (const ds::PullItem& item : page.items) {
        Status status;
        switch (item.kind) {
        case ds::PullItemKind::Record:
            status = item.deleted ? applyRevoke(item.recordId, true, stats) : applyRecord(item, stats);
            break;
        case ds::PullItemKind::Revoke:
            status = applyRevoke(item.recordId, false, stats);
            break;
        case ds::PullItemKind::Comment:
            status = applyComment(item, stats);
            break;
        }
        if (!status) {
            return Status(status.code(), "pull item seq " + std::to_string(item.seq) + ": " + status.message());
        }
    }
    if (Status status = setCursor(m_connection, page.next); !status) {
        return status;
    }
    if (Status status = transaction.commit(); !status) {
        return status;
    }
    return stats;
}

Status PullApplier::applyRecord(const ds::PullItem& item, PullPageStats& stats)
{
    auto base = loadBase(m_connection, item.recordId);
    if (!base) {
        return base.status();
    }
    Json serverBody;
    if (item.body) {
        if (!item.body->is_object()) {
            return Status(ErrorCode::InvalidArgument, "record body is not an object");
        }
        serverBody = *item.body;
    } else if (item.patch) {
        if (!*base || (*base)->first != item.patch->baseVer) {
            return Status(ErrorCode::FailedPrecondition,
                          "patch against version " + std::to_string(item.patch->baseVer) + " of " + item.recordId +
                              ", which this store does not hold");
        }
        auto patched = ds::applySet((*base)->second, item.patch->set);
        if (!patched) {
            return patched.status();
        }
        serverBody = std::move(*patched);
    } else {
        return Status(ErrorCode::InvalidArgument, "record item without body or patch");
    }
    // Text from older clients or other tools may be decomposed: stored composed like everything entered here.
    composeNfcStrings(serverBody);

    auto local = loadLocal(m_connection, item.recordId);
    if (!local) {
        return local.status();
    }
    // Autosaved edits that were never saved (no op) are not kept: the server version plus the pending ops is what
    // the record is. (Telling them apart from ops pushed since record_base was written would need a journal replay.)
    auto pendingBefore = pendingOps(m_connection, item.recordId);
    if (!pendingBefore) {
        return pendingBefore.status();
    }
    const std::size_t before = pendingBefore->size();
    if (Status status = SyncJournal(m_connection, m_clock).confirmApplied(item.opIdsApplied, item.ver); !status) {
        return status;
    }
    auto pending = pendingOps(m_connection, item.recordId);
    if (!pending) {
        return pending.status();
    }
    stats.confirmed += before - pending->size();

    bool overlayFailed = false;
    Json shown = overlay(serverBody, *pending, overlayFailed);
    std::string state = item.state;
    for (const ds::Operation& op : *pending) {
        if (op.kind == ds::OpKind::Transition && op.transition) {
            state = op.transition->to;  // what the user did last; the server has not seen it yet
        }
    }
    std::int64_t flags = *local ? (*local)->flags & (Flags::kFlagNeedsAttention | Flags::kFlagConflict) : 0;
    flags |= serverFlags(item.flags);
    if (!pending->empty()) {
        flags |= Flags::kFlagLocalChanges;
    }
    if (overlayFailed) {
        flags |= Flags::kFlagNeedsAttention;
    }

    PulledVersion version;
    version.id = item.recordId;
    version.formId = item.form.id;
    version.formVersion = static_cast<int>(item.form.version);
    version.unit = item.unit;
    version.period = item.period;
    version.state = state;
    version.level = item.level.value_or(std::string());
    version.serverVersion = static_cast<std::int64_t>(item.ver);
    version.shownBody = shown.dump();
    version.serverBody = serverBody.dump();
    version.flags = flags;
    Status status = SubmissionRepository(m_connection, m_clock).storePulled(version);
    if (status) {
        ++stats.records;
        stats.changedIds.push_back(item.recordId);
    }
    return status;
}

Status PullApplier::applyRevoke(const std::string& recordId, bool deleted, PullPageStats& stats)
{
    auto pending = pendingOps(m_connection, recordId);
    if (!pending) {
        return pending.status();
    }
    SubmissionRepository submissions(m_connection, m_clock);
    if (!pending->empty()) {
        // Keep the user's unsent work visible; its pushes will be rejected (out_of_scope) and flag it again.
        Status status = submissions.setFlagsIfPresent(recordId, Flags::kFlagRevoked | Flags::kFlagNeedsAttention, 0);
        if (status) {
            ++stats.keptRevoked;
            stats.changedIds.push_back(recordId);
        }
        return status;
    }
    auto removed = submissions.remove(recordId);
    if (!removed) {
        return removed.status();
    }
    if (!deleted) {
        // Out of scope: nothing of it stays on this laptop, the reviewers' notes included.
        if (Status status = ReviewCommentRepository(m_connection, m_clock).removeForRecord(recordId); !status) {
            return status;
        }
        if (Status status = review::ReviewSnapshotRepository(m_connection, m_clock).remove(recordId); !status) {
            return status;
        }
    }
    if (*removed) {
        ++stats.purged;
        stats.changedIds.push_back(recordId);
    }
    return Status::ok();
}

Status PullApplier::applyComment(const ds::PullItem& item, PullPageStats& stats)
{
    ReviewCommentRepository comments(m_connection, m_clock);
    auto known = comments.get(item.commentId);
    if (known) {
        return Status::ok();  // seen before (a re-pull after an epoch change): comments are append-only
    }
    if (known.status().code() != ErrorCode::NotFound) {
        return known.status();
    }
    ReviewComment comment;
    comment.id = item.commentId;
    comment.recordId = item.recordId;
    comment.field = item.field.value_or(std::string());
    comment.author = item.author.empty() ? std::string("?") : item.author;
    comment.text = text::composeNfc(item.text);
    comment.createdAt = static_cast<std::int64_t>(item.at == 0 ? 1 : item.at);
    auto added = comments.add(comment);
    if (!added) {
        return added.status();
    }
    ++stats.comments;
    stats.changedIds.push_back(item.recordId);
    return Status::ok();
}

}  // namespace dantoc::client::sync
