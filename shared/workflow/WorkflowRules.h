// Who may do what to a submission: the pure transition function decide() with compare-and-set, and the
// classification of edits that arrive for frozen records (sync-design §6). No I/O; safe from any thread.
#pragma once

#include "workflow/WorkflowTypes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::workflow {

// The review chain at the period's date, owner level first and final level last, e.g.
// {"commune", "district", "province"} before 1 July 2025 and {"commune", "province"} after. The caller derives it
// from the configured administrative levels; this module only needs the names.
using Chain = std::vector<std::string>;

// At least two levels, each non-empty and distinct.
bool isValidChain(const Chain& chain);
std::optional<std::size_t> levelIndex(const Chain& chain, std::string_view level);

// Where a submission (one revision line of one unit's form for one period) stands.
struct WorkflowState {
    State state = State::Draft;
    std::string level;          // the chain level the record sits at (whose turn it is)
    int revision = 1;           // amend after acceptance starts revision + 1
    int acceptedRevision = 0;   // the last accepted revision, in force until a later one is accepted; 0 = none
    int submitCount = 0;        // submissions of this revision; > 1 means resubmitted
    std::int64_t contentVer = 0;  // the content version this state refers to (bumped by saves)

    bool operator==(const WorkflowState&) const = default;
};

// A fresh record: draft at the owner level, revision 1.
WorkflowState initialState(const Chain& chain);

// Whether (state, level) can exist: draft/returned at level 0; submitted at level 1; approved at 1..n-2;
// forwarded at 2..n-1; accepted at n-1.
bool isPossible(State state, std::size_t levelIdx, std::size_t chainSize);

struct Actor {
    Role role = Role::ProvincialViewer;
    std::string level;  // the actor's unit's level name
    Scope scope = Scope::Unrelated;
};

struct Request {
    Action action = Action::Comment;
    // What the actor saw: state, level, revision and submitCount must equal the current ones (else state_changed)
    // and contentVer too (else stale_review). Not checked for save (edits merge per field) and comment.
    WorkflowState seen;
    std::string reason;                  // return, amend: the reason; comment: the text
    std::size_t unansweredComments = 0;  // resubmit: field comments of the last return still without a reply
};

struct Decision {
    Denial denial = Denial::None;
    WorkflowState next;        // the new state when allowed (equal to the current one for save/comment)
    bool newRevision = false;  // amend: `next` belongs to a new revision; the accepted one stays in force

    bool allowed() const { return denial == Denial::None; }
};

// The rules, checked in this order (the first failing check gives the Denial):
//  1. chain valid (invalid_chain); current (state, level) possible (invalid_state)
//  2. provincial_viewer never acts (read_only_role)
//  3. actor level in the chain (actor_level_not_in_chain); commune_officer only at level 0, provincial_admin and
//     provincial_reviewer only at the last level, district_reviewer never at the last level (role_level_mismatch)
//  4. scope: unrelated (out_of_scope); owner scope only at level 0, ancestor scope only above it
//     (inconsistent_scope)
//  5. who: save/submit/resubmit need the owner (not_owner); return/approve/forward/reopen/accept need an ancestor
//     (not_reviewer) sitting at the record's current level (not_your_level); amend needs the owner or the final
//     level (not_your_level); comment anyone in scope
//  6. compare-and-set for every action but save/comment (state_changed, then stale_review)
//  7. state: save in draft/returned; submit in draft; resubmit in returned; return in submitted/forwarded/approved;
//     approve in submitted/forwarded below the final level (final_level_accepts); forward and reopen in approved;
//     accept in submitted/forwarded at the final level (not_final_level); amend in accepted; comment anywhere
//     (wrong_state otherwise)
//  8. return/amend/comment need a non-blank reason (reason_required); resubmit needs no unanswered comments
Decision decide(const Actor& actor, const WorkflowState& current, const Request& request, const Chain& chain);

// decide() for enabling buttons: assumes the actor saw the current state, gave a reason, answered all comments.
Decision preview(const Actor& actor, const WorkflowState& current, Action action, const Chain& chain);

// What to do with a content edit arriving (by sync) for a record: apply it (owner, draft or returned), keep it as
// a visible amend proposal (anyone else in scope, or the owner once the record left its hands, sync-design §6
// cases 2 and 4), or reject it (viewer, out of scope, inconsistent actor): never overwrite frozen content.
enum class EditDisposition { Apply, AmendProposal, Reject };
struct EditClassification {
    EditDisposition disposition = EditDisposition::Reject;
    Denial denial = Denial::None;  // why not Apply (the state or actor reason)
};
EditClassification classifyEdit(const Actor& actor, const WorkflowState& current, const Chain& chain);

std::string_view toName(EditDisposition disposition);

}  // namespace dantoc::workflow
