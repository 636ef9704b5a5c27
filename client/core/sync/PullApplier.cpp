#include "core/sync/PullApplier.h"

#include "core/NfcJson.h"
#include "core/ReviewCommentRepository.h"
#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"
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
    Json body;
};

Result<std::optional<LocalRecord>> loadLocal(Connection& connection, const std::string& id)
{
    auto stmt = connection.prepare("SELECT flags, body FROM record WHERE id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, id); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return std::optional<LocalRecord>();
    }
    LocalRecord local;
    local.flags = stmt->columnInt64(0);
    auto body = parseJson(stmt->columnTextView(1));
    local.body = body && body->is_object() ? std::move(*body) : Json::object();
    return std::optional<LocalRecord>(std::move(local));
}

Result<std::optional<std::pair<std::uint64_t, Json>>> loadBase(Connection& connection, const std::string& id)
{
    auto stmt = connection.prepare("SELECT server_ver, body FROM record_base WHERE id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, id); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return std::optional<std::pair<std::uint64_t, Json>>();
    }
    auto body = parseJson(stmt->columnTextView(1));
    if (!body || !body->is_object()) {
        return Status(ErrorCode::Corruption, "record_base " + id + " is not a JSON object");
    }
    return std::optional<std::pair<std::uint64_t, Json>>(
        std::make_pair(static_cast<std::uint64_t>(stmt->columnInt64(0)), std::move(*body)));
}

Result<std::vector<ds::Operation>> pendingOps(Connection& connection, const std::string& recordId)
{
    auto stmt = connection.prepare(
        "SELECT payload FROM outbox WHERE record_id = ?1 AND status = 'pending' ORDER BY dev_seq");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, recordId); !status) {
        return status;
    }
    auto stored = readStoredOps(*stmt);
    if (!stored) {
        return stored.status();
    }
    std::vector<ds::Operation> out;
    out.reserve(stored->size());
    for (StoredOp& op : *stored) {
        out.push_back(std::move(op.op));
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

Status execBound(Connection& connection, const char* sql, const std::string& id)
{
    auto stmt = connection.prepare(sql);
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, id);
    if (status) status = stmt->execute();
    return status;
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

    auto upsert = m_connection.prepare(
        "INSERT OR REPLACE INTO record(id, form_id, form_ver, unit, period, state, level, server_ver, content_ver, "
        "body, flags, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!upsert) {
        return upsert.status();
    }
    Status status = upsert->bindText(1, item.recordId);
    if (status) status = upsert->bindText(2, item.form.id);
    if (status) status = upsert->bindInt64(3, static_cast<std::int64_t>(item.form.version));
    if (status) status = upsert->bindText(4, item.unit);
    if (status) status = upsert->bindText(5, item.period);
    if (status) status = upsert->bindText(6, state);
    if (status) status = upsert->bindText(7, item.level.value_or(std::string()));
    if (status) status = upsert->bindInt64(8, static_cast<std::int64_t>(item.ver));
    // content_ver is the version the user saw (sync-protocol §7): a transition's content_ver starts from here.
    if (status) status = upsert->bindInt64(9, static_cast<std::int64_t>(item.ver));
    if (status) status = upsert->bindText(10, shown.dump());
    if (status) status = upsert->bindInt64(11, flags);
    if (status) status = upsert->bindInt64(12, m_clock.nowUnixMillis());
    if (status) status = upsert->execute();
    if (!status) {
        return status;
    }
    auto storeBase = m_connection.prepare("INSERT OR REPLACE INTO record_base(id, server_ver, body) VALUES(?1, ?2, ?3)");
    if (!storeBase) {
        return storeBase.status();
    }
    status = storeBase->bindText(1, item.recordId);
    if (status) status = storeBase->bindInt64(2, static_cast<std::int64_t>(item.ver));
    if (status) status = storeBase->bindText(3, serverBody.dump());
    if (status) status = storeBase->execute();
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
    if (!pending->empty()) {
        // Keep the user's unsent work visible; its pushes will be rejected (out_of_scope) and flag it again.
        auto flag = m_connection.prepare("UPDATE record SET flags = flags | ?1 WHERE id = ?2");
        if (!flag) {
            return flag.status();
        }
        Status status = flag->bindInt64(1, Flags::kFlagRevoked | Flags::kFlagNeedsAttention);
        if (status) status = flag->bindText(2, recordId);
        if (status) status = flag->execute();
        if (status) {
            ++stats.keptRevoked;
            stats.changedIds.push_back(recordId);
        }
        return status;
    }
    Status status = execBound(m_connection, "DELETE FROM record WHERE id = ?1", recordId);
    const bool removed = status && m_connection.changes() > 0;
    if (status) status = execBound(m_connection, "DELETE FROM record_base WHERE id = ?1", recordId);
    if (status && !deleted) {
        // Out of scope: nothing of it stays on this laptop, the reviewers' notes included.
        status = execBound(m_connection, "DELETE FROM review_comments WHERE record_id = ?1", recordId);
    }
    if (status && removed) {
        ++stats.purged;
        stats.changedIds.push_back(recordId);
    }
    return status;
}

Status PullApplier::applyComment(const ds::PullItem& item, PullPageStats& stats)
{
    auto known = m_connection.prepare("SELECT COUNT(*) FROM review_comments WHERE id = ?1");
    if (!known) {
        return known.status();
    }
    if (Status status = known->bindText(1, item.commentId); !status) {
        return status;
    }
    auto row = known->step();
    if (!row) {
        return row.status();
    }
    if (*row && known->columnInt64(0) > 0) {
        return Status::ok();  // seen before (a re-pull after an epoch change): comments are append-only
    }
    ReviewComment comment;
    comment.id = item.commentId;
    comment.recordId = item.recordId;
    comment.field = item.field.value_or(std::string());
    comment.author = item.author.empty() ? std::string("?") : item.author;
    comment.text = text::composeNfc(item.text);
    comment.createdAt = static_cast<std::int64_t>(item.at == 0 ? 1 : item.at);
    auto added = ReviewCommentRepository(m_connection, m_clock).add(comment);
    if (!added) {
        return added.status();
    }
    ++stats.comments;
    stats.changedIds.push_back(item.recordId);
    return Status::ok();
}

}  // namespace dantoc::client::sync
