// The audit trail of one submission (all its revisions): ordered workflow events, the reviewer's field comments
// and the owner's replies, and replay() that re-checks a whole history against the rules (the sync harness oracle
// and the server's audit use it). A value type; not synchronised.
#pragma once

#include "workflow/WorkflowRules.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::workflow {

// A reviewer's note pinned to one field (and one roster row), made with a return.
struct FieldComment {
    std::string id;         // unique within the history (a UUID in practice)
    std::string fieldPath;  // e.g. "households.poor"
    std::string rowId;      // roster row id; empty for a field outside a roster
    std::string text;

    bool operator==(const FieldComment&) const = default;
};

// The owner's answer to one field comment.
struct CommentReply {
    std::string commentId;
    std::string text;

    bool operator==(const CommentReply&) const = default;
};

// Every comment has a non-blank reply (ux-lessons §4, acceptance check 9).
bool canResubmit(const std::vector<FieldComment>& comments, const std::vector<CommentReply>& replies);
// The comments among `comments` without a non-blank reply, in order.
std::vector<FieldComment> unanswered(const std::vector<FieldComment>& comments,
                                     const std::vector<CommentReply>& replies);

struct WorkflowEvent {
    Action action = Action::Comment;
    std::string actor;  // account id
    Role role = Role::ProvincialViewer;
    std::string level;      // the actor's level
    std::int64_t at = 0;    // ms since the Unix epoch, UTC
    std::string reason;     // return/amend reason, comment text
    std::vector<FieldComment> fieldComments;  // return only
    std::vector<CommentReply> replies;        // owner's comment or resubmit while returned
    State fromState = State::Draft;
    std::string fromLevel;
    State toState = State::Draft;
    std::string toLevel;
    int revision = 1;              // the revision the event produced (amend: the new one)
    std::int64_t contentVer = 0;   // save: the version after the edit; transitions: the version reviewed

    bool operator==(const WorkflowEvent&) const = default;
};

// What the caller knows about one action besides the Request.
struct EventInfo {
    std::string actor;
    std::int64_t at = 0;
    std::vector<FieldComment> fieldComments;
    std::vector<CommentReply> replies;
    std::int64_t newContentVer = 0;  // save only: the content version after the edit (must grow)
};

class WorkflowHistory
{
public:
    explicit WorkflowHistory(Chain chain);

    // Re-applies `events` one by one: each must be allowed by decide() (the actor is taken to be in scope: owner
    // at level 0, ancestor above), record the from/to states the rules give, have a non-decreasing time and valid
    // comments/replies. The error names the first bad event.
    static Result<WorkflowHistory> replay(Chain chain, const std::vector<WorkflowEvent>& events);

    // Decides `request` for `actor` against the current state (the request's unansweredComments is replaced by
    // the history's own count, less the replies carried by this event) and, when allowed, appends the event.
    // Malformed comments/replies give Denial::InvalidComment; a save must carry a larger content version.
    Decision apply(const Actor& actor, const Request& request, const EventInfo& info);

    const Chain& chain() const { return m_chain; }
    const WorkflowState& state() const { return m_state; }
    const std::vector<WorkflowEvent>& events() const { return m_events; }

    // The field comments of the latest return of the current revision, while it is returned; and their replies.
    const std::vector<FieldComment>& openComments() const { return m_openComments; }
    const std::vector<CommentReply>& replies() const { return m_replies; }
    bool canResubmit() const { return workflow::canResubmit(m_openComments, m_replies); }

private:
    Chain m_chain;
    WorkflowState m_state;
    std::vector<WorkflowEvent> m_events;
    std::vector<FieldComment> m_openComments;
    std::vector<CommentReply> m_replies;
};

}  // namespace dantoc::workflow
