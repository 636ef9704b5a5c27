#include "sync/OpOrdering.h"

#include <algorithm>

namespace dantoc::sync {

std::string_view opDispositionName(OpDisposition disposition)
{
    switch (disposition) {
    case OpDisposition::Apply: return "apply";
    case OpDisposition::Duplicate: return "duplicate";
    case OpDisposition::Gap: return "gap";
    case OpDisposition::Fork: return "fork";
    }
    return "apply";
}

OpClassification classifyOp(const ServerOpView& view, const Operation& op)
{
    if (op.devSeq <= view.lastDevSeq) {
        if (view.opIdAtSeq) {
            return {*view.opIdAtSeq == op.opId ? OpDisposition::Duplicate : OpDisposition::Fork, false};
        }
        return {view.opIdKnown ? OpDisposition::Duplicate : OpDisposition::Fork, false};
    }
    if (op.devSeq == view.lastDevSeq + 1) {
        return {view.opIdKnown ? OpDisposition::Duplicate : OpDisposition::Apply, true};
    }
    return {OpDisposition::Gap, false};
}

EpochCheck checkEpoch(const Cursor& local, std::string_view serverEpoch)
{
    if (local.epoch.empty()) {
        return EpochCheck::First;
    }
    return local.epoch == serverEpoch ? EpochCheck::Same : EpochCheck::Changed;
}

Cursor restartCursor(std::string_view serverEpoch) { return Cursor{std::string(serverEpoch), 0}; }

std::vector<std::uint64_t> journalOpsToRepush(std::vector<std::uint64_t> journalDevSeqs,
                                              std::uint64_t nextExpectedSeq)
{
    std::erase_if(journalDevSeqs, [&](std::uint64_t seq) { return seq < nextExpectedSeq; });
    std::sort(journalDevSeqs.begin(), journalDevSeqs.end());
    journalDevSeqs.erase(std::unique(journalDevSeqs.begin(), journalDevSeqs.end()), journalDevSeqs.end());
    return journalDevSeqs;
}

Status checkPullPage(const Cursor& sent, const PullResponse& page)
{
    if (page.epochReset) {
        if (!page.items.empty() || page.next != restartCursor(page.epoch)) {
            return Status(ErrorCode::InvalidArgument, "an epoch_reset page must be empty and restart at seq 0");
        }
        return Status::ok();
    }
    if (!sent.epoch.empty() && sent.epoch != page.epoch) {
        return Status(ErrorCode::InvalidArgument, "pull page from another epoch without epoch_reset");
    }
    if (page.next.epoch != page.epoch) {
        return Status(ErrorCode::InvalidArgument, "pull page's next cursor names another epoch");
    }
    if (!page.items.empty() && page.items.front().seq <= sent.seq) {
        return Status(ErrorCode::InvalidArgument, "pull page repeats items at or below the cursor");
    }
    if (page.next.seq < sent.seq) {
        return Status(ErrorCode::InvalidArgument, "pull page moves the cursor back");
    }
    for (const PullItem& item : page.items) {
        if (item.seq > page.next.seq) {
            return Status(ErrorCode::InvalidArgument, "pull page's next cursor is behind an item");
        }
    }
    return Status::ok();
}

Result<PushReplyPlan> interpretPushResponse(const PushRequest& sent, const PushResponse& reply)
{
    if (reply.results.size() > sent.ops.size()) {
        return Status(ErrorCode::InvalidArgument, "push response has more results than operations sent");
    }
    PushReplyPlan plan;
    plan.nextExpectedSeq = reply.nextExpectedSeq;
    plan.deviceFork = reply.fork.has_value();
    for (std::size_t i = 0; i < sent.ops.size(); ++i) {
        const Operation& op = sent.ops[i];
        if (i < reply.results.size()) {
            const OpOutcome& outcome = reply.results[i];
            if (outcome.opId != op.opId) {
                return Status(ErrorCode::InvalidArgument,
                              "push response result " + std::to_string(i) + " is for another operation");
            }
            if (outcome.isFinal()) {
                plan.finals.push_back(outcome);
                continue;
            }
        }
        plan.stillPending.push_back(op.opId);
    }
    // The server's sequence is behind what this device already had acknowledged or sent: it lost ops
    // (restore) or never got them; either way the client resends from next_expected_seq.
    if (!sent.ops.empty() && reply.nextExpectedSeq < sent.ops.front().devSeq) {
        plan.resendNeeded = true;
    }
    return plan;
}

}  // namespace dantoc::sync
