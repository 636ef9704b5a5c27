// The workflow vocabulary: submission states, actions, roles, scope relations and denial reasons, with stable
// snake_case names (JSON, logs, sync) and Vietnamese/English labels. Stateless functions; safe from any thread.
#pragma once

#include "base/Result.h"

#include <array>
#include <string_view>

namespace dantoc::workflow {

// Resubmission is not a state of its own: a resubmitted record is `submitted` again and
// WorkflowState::submitCount (> 1) tells it apart. Every reviewer rule is the same for both, so a separate state
// would only double the table. There is no `withdrawn`/`closed`: a unit that sent by mistake asks its reviewer
// to return the record, and an account that produced data is closed, never its data (004 art. 6.7).
enum class State {
    Draft,      // being entered by the owner unit (chain level 0)
    Submitted,  // sent by the owner, waiting for the first review level (chain level 1)
    Returned,   // sent back to the owner for correction, with a reason and field comments
    Approved,   // approved at an intermediate review level, not yet forwarded (can be reopened)
    Forwarded,  // forwarded to the next level up, waiting for its review
    Accepted,   // accepted by the final level (the province): frozen; changes only by a new revision (amend)
};

enum class Action {
    Save,      // edit the content (owner, draft/returned)
    Submit,    // draft -> submitted
    Return,    // reviewer sends back to the owner; reason required, optional field comments
    Resubmit,  // returned -> submitted; every field comment of the return needs a reply first
    Approve,   // reviewer at an intermediate level
    Forward,   // approved -> forwarded to the next level
    Accept,    // final level: submitted/forwarded -> accepted
    Reopen,    // reviewer takes back its approval before forwarding
    Amend,     // accepted -> a new revision in draft; reason required
    Comment,   // append-only note; never changes state
};

enum class Role {
    CommuneOfficer,    // enters the data of its unit
    DistrictReviewer,  // reviews at an intermediate level (and enters its own unit's data)
    ProvincialAdmin,   // final level: accepts (and manages accounts, forms, periods)
    ProvincialViewer,  // read-only
    // Final level: reviews and accepts like provincial_admin, without administration rights. Appended last so
    // the existing enumerators keep their values.
    ProvincialReviewer,
};

// How the actor's unit relates to the unit that owns the submission (computed by the caller from the admin tree).
enum class Scope {
    Unrelated,  // neither the owner nor one of its ancestors
    Owner,      // the owner unit itself
    Ancestor,   // a unit above the owner (district or province)
};

// Why decide() said no. None means allowed.
enum class Denial {
    None,
    InvalidChain,          // the review chain is empty, has one level, or repeats a level
    InvalidState,          // the current (state, level) cannot exist in this chain
    ReadOnlyRole,          // provincial_viewer
    ActorLevelNotInChain,  // the actor's level takes no part in this chain (a district after July 2025)
    RoleLevelMismatch,     // e.g. a commune_officer above the owner level, a provincial_admin below the top
    InconsistentScope,     // owner scope but not at the owner level, or ancestor scope at the owner level
    OutOfScope,            // the actor's unit is neither the owner nor above it
    NotOwner,              // only the owner unit may do this
    NotReviewer,           // only a reviewing level may do this
    NotYourLevel,          // the submission does not sit at the actor's level
    StateChanged,          // compare-and-set: the workflow moved since the actor looked
    StaleReview,           // compare-and-set: the content changed since the actor looked
    WrongState,            // the action does not apply in the current state
    FinalLevelAccepts,     // approve at the final level: use accept
    NotFinalLevel,         // accept below the final level: use approve + forward
    ReasonRequired,        // return, amend and comment need text
    UnansweredComments,    // resubmit before every field comment has a reply
    InvalidComment,        // malformed field comments or replies
};

inline constexpr std::array kAllStates{State::Draft,    State::Submitted, State::Returned,
                                       State::Approved, State::Forwarded, State::Accepted};
inline constexpr std::array kAllActions{Action::Save,    Action::Submit,  Action::Return, Action::Resubmit,
                                        Action::Approve, Action::Forward, Action::Accept, Action::Reopen,
                                        Action::Amend,   Action::Comment};
inline constexpr std::array kAllRoles{Role::CommuneOfficer, Role::DistrictReviewer, Role::ProvincialAdmin,
                                      Role::ProvincialViewer, Role::ProvincialReviewer};
inline constexpr std::array kAllScopes{Scope::Unrelated, Scope::Owner, Scope::Ancestor};

// A user-visible text in both languages; Vietnamese first.
struct Label {
    std::string_view vi;
    std::string_view en;
};

// Stable snake_case names ("draft", "resubmit", "commune_officer", "stale_review").
std::string_view toName(State state);
std::string_view toName(Action action);
std::string_view toName(Role role);
std::string_view toName(Scope scope);
std::string_view toName(Denial denial);

Result<State> parseState(std::string_view name);
Result<Action> parseAction(std::string_view name);
Result<Role> parseRole(std::string_view name);
Result<Scope> parseScope(std::string_view name);
Result<Denial> parseDenial(std::string_view name);

Label label(State state);
Label label(Action action);
Label label(Role role);
Label label(Denial denial);  // a sentence saying why, for the UI ("always say why a form is read-only")

}  // namespace dantoc::workflow
