// Ordering and idempotency rules of push and pull as pure functions (sans-IO), shared by the server, the client
// engine and the deterministic harness (sync-design §3, §4). Stateless; thread-safe.
#pragma once

#include "base/Result.h"
#include "sync/PullMessages.h"
#include "sync/PushMessages.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::sync {

// ---- Server side: classify one incoming operation ------------------------------------------------------------

// What the server's store says about an incoming op, looked up inside the push transaction.
struct ServerOpView {
    std::uint64_t lastDevSeq = 0;            // device -> last_dev_seq for op.deviceId (0: nothing yet)
    std::optional<std::string> opIdAtSeq;    // op_id recorded at (op.deviceId, op.devSeq), if that slot is used
    bool opIdKnown = false;                  // op.opId has a stored outcome (under any device)
};

enum class OpDisposition {
    Apply,      // the next op of this device: apply it (or park it, deferred awaiting_attachment), and record
                // (device, dev_seq, op_id) + outcome in the same transaction
    Duplicate,  // seen before: answer the stored outcome, apply nothing
    Gap,        // an earlier dev_seq is missing: answer deferred("out_of_order"); stop processing the batch
    Fork,       // the slot holds a different op: the device database was restored or cloned; stop, answer fork
};
std::string_view opDispositionName(OpDisposition disposition);

struct OpClassification {
    OpDisposition disposition = OpDisposition::Apply;
    // True when the server must record (device, dev_seq, op_id) and set last_dev_seq = dev_seq: for Apply, and
    // for a Duplicate re-pushed under a new device id after a fork (its op_id is known from the old device).
    bool advancesSeq = false;
};

// dev_seq <= last: the same op_id at that slot is a Duplicate, anything else a Fork (an op_id known without a
// slot record, i.e. a pruned slot, counts as Duplicate). dev_seq == last + 1: Duplicate (advancing) when the
// op_id is known, else Apply. dev_seq > last + 1: Gap.
OpClassification classifyOp(const ServerOpView& view, const Operation& op);

// The outcome a Gap answers with.
inline constexpr std::string_view kDeferredOutOfOrder = "out_of_order";
inline constexpr std::string_view kDeferredAwaitingAttachment = "awaiting_attachment";

// ---- Client side: epoch and cursor ---------------------------------------------------------------------------

enum class EpochCheck {
    First,    // the client never synced (empty epoch): adopt the server's
    Same,     // continue from the cursor
    Changed,  // the server was re-created or restored: keep local data and outbox, pull again from seq 0, and
              // re-push journal operations from the server's next_expected_seq (journalOpsToRepush)
};
EpochCheck checkEpoch(const Cursor& local, std::string_view serverEpoch);

// The cursor to pull from after First or Changed: {serverEpoch, 0}.
Cursor restartCursor(std::string_view serverEpoch);

// Acknowledged ops the server no longer has (its next_expected_seq went back): the journal's dev_seqs >=
// nextExpectedSeq, ascending. Re-push them (same op_id, same dev_seq) before the outbox.
std::vector<std::uint64_t> journalOpsToRepush(std::vector<std::uint64_t> journalDevSeqs,
                                              std::uint64_t nextExpectedSeq);

// Checks a pull page against the cursor it answers, before anything is applied: an epoch_reset page restarts at
// {epoch, 0}; otherwise the epoch is the cursor's (or the cursor was empty), every item's seq is above the
// cursor's and next.seq never goes back. InvalidArgument (do not apply; treat as transient) otherwise. This is
// also the harness's "cursor is monotonic" oracle.
Status checkPullPage(const Cursor& sent, const PullResponse& page);

// ---- Client side: reading a push response -------------------------------------------------------------------

struct PushReplyPlan {
    std::vector<OpOutcome> finals;         // move these ops from outbox to op_journal with their outcome
    std::vector<std::string> stillPending; // deferred or not processed: keep in the outbox (in dev_seq order)
    std::uint64_t nextExpectedSeq = 1;
    bool deviceFork = false;               // register a new device id, renumber pending ops, push again
    bool resendNeeded = false;             // next_expected_seq is below what was sent: resend from there
};

// Checks the reply against what was sent (results are a prefix of the request's ops, same op_ids, in order;
// else InvalidArgument: treat as a transient failure) and says what to make durable.
Result<PushReplyPlan> interpretPushResponse(const PushRequest& sent, const PushResponse& reply);

}  // namespace dantoc::sync
