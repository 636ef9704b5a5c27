#include "workflow/WorkflowRules.h"

#include <algorithm>
#include <set>

namespace dantoc::workflow {

bool isValidChain(const Chain& chain)
{
    if (chain.size() < 2) {
        return false;
    }
    std::set<std::string_view> seen;
    for (const auto& level : chain) {
        if (level.empty() || !seen.insert(level).second) {
            return false;
        }
    }
    return true;
}

std::optional<std::size_t> levelIndex(const Chain& chain, std::string_view level)
{
    const auto it = std::find(chain.begin(), chain.end(), level);
    if (it == chain.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - chain.begin());
}

WorkflowState initialState(const Chain& chain)
{
    WorkflowState s;
    s.level = chain.empty() ? std::string() : chain.front();
    return s;
}

bool isPossible(State state, std::size_t idx, std::size_t n)
{
    if (n < 2 || idx >= n) {
        return false;
    }
    switch (state) {
    case State::Draft:
    case State::Returned: return idx == 0;
    case State::Submitted: return idx == 1;
    case State::Approved: return idx >= 1 && idx + 1 < n;
    case State::Forwarded: return idx >= 2;
    case State::Accepted: return idx + 1 == n;
    }
    return false;
}

namespace {

Decision deny(Denial d)
{
    Decision out;
    out.denial = d;
    return out;
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

enum class Who { Owner, Reviewer, OwnerOrFinal, Anyone };

Who whoMay(Action action)
{
    switch (action) {
    case Action::Save:
    case Action::Submit:
    case Action::Resubmit: return Who::Owner;
    case Action::Return:
    case Action::Approve:
    case Action::Forward:
    case Action::Accept:
    case Action::Reopen: return Who::Reviewer;
    case Action::Amend: return Who::OwnerOrFinal;
    case Action::Comment: return Who::Anyone;
    }
    return Who::Owner;
}

// Steps 1-4 of decide(): the actor and the record are coherent with the chain. Returns the actor's level index.
Denial checkActor(const Actor& actor, const WorkflowState& current, const Chain& chain, std::size_t& actorIdx)
{
    if (!isValidChain(chain)) {
        return Denial::InvalidChain;
    }
    const auto cur = levelIndex(chain, current.level);
    // amend is the only way to a new revision and starts from an accepted one, so the accepted revision is
    // always the current one (accepted) or the one before; only a draft has never been submitted.
    const int expectedAccepted = current.revision - (current.state == State::Accepted ? 0 : 1);
    if (!cur || !isPossible(current.state, *cur, chain.size()) || current.revision < 1 ||
        current.acceptedRevision != expectedAccepted || current.submitCount < 0 ||
        (current.state == State::Draft) != (current.submitCount == 0)) {
        return Denial::InvalidState;
    }
    if (actor.role == Role::ProvincialViewer) {
        return Denial::ReadOnlyRole;
    }
    const auto idx = levelIndex(chain, actor.level);
    if (!idx) {
        return Denial::ActorLevelNotInChain;
    }
    const std::size_t last = chain.size() - 1;
    const bool finalRole = actor.role == Role::ProvincialAdmin || actor.role == Role::ProvincialReviewer;
    if ((actor.role == Role::CommuneOfficer && *idx != 0) || (finalRole && *idx != last) ||
        (actor.role == Role::DistrictReviewer && *idx == last)) {
        return Denial::RoleLevelMismatch;
    }
    if (actor.scope == Scope::Unrelated) {
        return Denial::OutOfScope;
    }
    if ((actor.scope == Scope::Owner) != (*idx == 0)) {
        return Denial::InconsistentScope;
    }
    actorIdx = *idx;
    return Denial::None;
}

bool sameWorkflowPosition(const WorkflowState& a, const WorkflowState& b)
{
    return a.state == b.state && a.level == b.level && a.revision == b.revision && a.submitCount == b.submitCount;
}

}  // namespace

Decision decide(const Actor& actor, const WorkflowState& current, const Request& request, const Chain& chain)
{
    std::size_t actorIdx = 0;
    if (const Denial d = checkActor(actor, current, chain, actorIdx); d != Denial::None) {
        return deny(d);
    }
    const std::size_t last = chain.size() - 1;
    const std::size_t curIdx = *levelIndex(chain, current.level);
    const Action action = request.action;

    // 5. who
    switch (whoMay(action)) {
    case Who::Owner:
        if (actor.scope != Scope::Owner) {
            return deny(Denial::NotOwner);
        }
        break;
    case Who::Reviewer:
        if (actor.scope != Scope::Ancestor) {
            return deny(Denial::NotReviewer);
        }
        if (actorIdx != curIdx) {
            return deny(Denial::NotYourLevel);
        }
        break;
    case Who::OwnerOrFinal:
        if (actor.scope != Scope::Owner && actorIdx != last) {
            return deny(Denial::NotYourLevel);
        }
        break;
    case Who::Anyone: break;
    }

    // 6. compare-and-set
    if (action != Action::Save && action != Action::Comment) {
        if (!sameWorkflowPosition(request.seen, current)) {
            return deny(Denial::StateChanged);
        }
        if (request.seen.contentVer != current.contentVer) {
            return deny(Denial::StaleReview);
        }
    }

    // 7. state
    Decision out;
    out.next = current;
    const State s = current.state;
    switch (action) {
    case Action::Save:
        if (s != State::Draft && s != State::Returned) {
            return deny(Denial::WrongState);
        }
        break;
    case Action::Submit:
    case Action::Resubmit:
        if (s != (action == Action::Submit ? State::Draft : State::Returned)) {
            return deny(Denial::WrongState);
        }
        out.next.state = State::Submitted;
        out.next.level = chain[1];
        out.next.submitCount = current.submitCount + 1;
        break;
    case Action::Return:
        if (s != State::Submitted && s != State::Forwarded && s != State::Approved) {
            return deny(Denial::WrongState);
        }
        out.next.state = State::Returned;
        out.next.level = chain[0];
        break;
    case Action::Approve:
        if (s != State::Submitted && s != State::Forwarded) {
            return deny(Denial::WrongState);
        }
        if (curIdx == last) {
            return deny(Denial::FinalLevelAccepts);
        }
        out.next.state = State::Approved;
        break;
    case Action::Forward:
        if (s != State::Approved) {
            return deny(Denial::WrongState);
        }
        out.next.state = State::Forwarded;
        out.next.level = chain[curIdx + 1];
        break;
    case Action::Accept:
        if (s != State::Submitted && s != State::Forwarded) {
            return deny(Denial::WrongState);
        }
        if (curIdx != last) {
            return deny(Denial::NotFinalLevel);
        }
        out.next.state = State::Accepted;
        out.next.acceptedRevision = current.revision;
        break;
    case Action::Reopen:
        if (s != State::Approved) {
            return deny(Denial::WrongState);
        }
        out.next.state = curIdx == 1 ? State::Submitted : State::Forwarded;
        break;
    case Action::Amend:
        if (s != State::Accepted) {
            return deny(Denial::WrongState);
        }
        out.next.state = State::Draft;
        out.next.level = chain[0];
        out.next.revision = current.revision + 1;
        out.next.submitCount = 0;
        out.newRevision = true;
        break;
    case Action::Comment: break;
    }

    // 8. reasons and replies
    if ((action == Action::Return || action == Action::Amend || action == Action::Comment) && isBlank(request.reason)) {
        return deny(Denial::ReasonRequired);
    }
    if (action == Action::Resubmit && request.unansweredComments > 0) {
        return deny(Denial::UnansweredComments);
    }
    return out;
}

Decision preview(const Actor& actor, const WorkflowState& current, Action action, const Chain& chain)
{
    Request r;
    r.action = action;
    r.seen = current;
    r.reason = "preview";
    return decide(actor, current, r, chain);
}

EditClassification classifyEdit(const Actor& actor, const WorkflowState& current, const Chain& chain)
{
    std::size_t actorIdx = 0;
    if (const Denial d = checkActor(actor, current, chain, actorIdx); d != Denial::None) {
        return {EditDisposition::Reject, d};
    }
    if (actor.scope != Scope::Owner) {
        return {EditDisposition::AmendProposal, Denial::NotOwner};
    }
    if (current.state == State::Draft || current.state == State::Returned) {
        return {EditDisposition::Apply, Denial::None};
    }
    return {EditDisposition::AmendProposal, Denial::WrongState};
}

std::string_view toName(EditDisposition disposition)
{
    switch (disposition) {
    case EditDisposition::Apply: return "apply";
    case EditDisposition::AmendProposal: return "amend_proposal";
    case EditDisposition::Reject: return "reject";
    }
    return "reject";
}

}  // namespace dantoc::workflow
