// ReviewService: what a reviewer and a commune officer do to a record under review. Reviewer actions
// (approve, return with a reason and per-field comments, forward, accept, reopen) are decided offline by
// shared/workflow for this account, then enqueued through EntryService as a compare-and-set on the content
// version the reviewer was shown; the officer replies to each field comment (sent to the server as a comment
// on that field) and resubmits once every comment has a reply. Each intent is one transaction; committed ones
// are announced on the ChangeNotifier given (store.notifier()). Not thread-safe (the Connection's thread).
#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "core/AuditRepository.h"
#include "core/ChangeNotifier.h"
#include "core/Connection.h"
#include "core/EntryService.h"
#include "core/ReviewCommentRepository.h"
#include "core/SubmissionRepository.h"
#include "core/review/ReviewQueue.h"
#include "workflow/WorkflowTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::client::review {

struct FieldNote
{
    std::string field; // a field path of the record's form, e.g. "households_poor"
    std::string text;
};

struct ReviewRequest
{
    std::string recordId;
    workflow::Action action = workflow::Action::Approve; // return, approve, forward, accept or reopen
    std::int64_t seenContentVersion = 0; // SubmissionSummary::contentVersion as the reviewer was shown it
    std::string reason;                  // return: required
    std::vector<FieldNote> fieldNotes;   // return only; at most one per field
};

// What a record's review looks like from this store: the record, its comments and replies, the local trail of
// what was done here, and the operations still waiting to be sent.
struct RecordHistory
{
    Submission record;
    std::vector<ReviewComment> comments;     // oldest first; a reviewer's return reason has an empty field
    std::vector<AuditEntry> localEvents;     // this store's trail (saves, transitions, replies), newest first
    std::vector<ReviewComment> needingReply; // field comments still without a reply (blocks a resubmit)
};

class ReviewService
{
public:
    // `entries` must work on the same connection; its EntryOptions::notifier is told of each change.
    ReviewService(Connection& connection, EntryService& entries,
                  const Clock& clock = SystemClock::instance());

    // Decides `request` with shared/workflow for this account (loadIdentity, placeRecord) and enqueues it.
    // Refused with FailedPrecondition "<denial>: vi / en" (nothing changes) when the rules say no, when the
    // stored content version is not the one seen (stale_review: look at the new content first), and
    // InvalidArgument for a field note on a field the form does not have, a repeated field or blank text.
    Result<EntryResult> act(const ReviewRequest& request);
    Result<EntryResult> approve(const std::string& recordId, std::int64_t seenContentVersion);
    Result<EntryResult> returnForCorrection(const std::string& recordId, std::int64_t seenContentVersion,
                                            const std::string& reason, const std::vector<FieldNote>& notes);
    Result<EntryResult> forward(const std::string& recordId, std::int64_t seenContentVersion);
    Result<EntryResult> accept(const std::string& recordId, std::int64_t seenContentVersion);

    Result<RecordHistory> history(const std::string& recordId);

    // The officer's answer to one field comment: stored with the comment and sent as a comment on the same
    // field, in one transaction. InvalidArgument for blank text; FailedPrecondition for a comment this
    // account wrote.
    Result<EntryResult> reply(const std::string& commentId, const std::string& text);
    // Edit and resubmit a returned record: EntryService::save / submit (which refuses while a comment has no
    // reply), here so that a review screen needs one object.
    Result<EntryResult> edit(const std::string& recordId, const Json& values, const EntryNotes& notes = {});
    Result<EntryResult> resubmit(const std::string& recordId, const EntryNotes& notes = {});

private:
    void announce(const std::string& recordId);

    Connection& m_connection;
    EntryService& m_entries;
    const Clock& m_clock;
};

} // namespace dantoc::client::review
