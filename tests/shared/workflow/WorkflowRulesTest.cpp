// decide() checked exhaustively against an expected table written independently of the implementation: every
// role x actor level x scope x (state, level) x action, for the pre-2025 chain (commune, district, province) and
// the post-2025 chain (commune, province); plus property checks and the compare-and-set cases of sync-design §6.
#include "workflow/WorkflowRules.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace dantoc::workflow;

namespace {

const Chain kChain3{"commune", "district", "province"};
const Chain kChain2{"commune", "province"};
const std::vector<std::string> kLevels{"commune", "district", "province"};

// The allowed transitions, one per line: roles actorLevel scope state level action -> toState toLevel.
// "a|b" lists alternatives, "*" any state (at its possible level), "=" unchanged. Everything not listed is denied.
// Owner rights go by position in the chain (level 0), so a district_reviewer account placed at the owner level
// has them too; commune_officer can never sit above level 0 nor provincial_admin / provincial_reviewer below the
// top (the reviewer has the same review rights as the administrator, without administration).
const char* kRules3 = R"(
commune_officer|district_reviewer commune owner * * comment -> = =
commune_officer|district_reviewer commune owner draft commune save -> draft commune
commune_officer|district_reviewer commune owner draft commune submit -> submitted district
commune_officer|district_reviewer commune owner returned commune save -> returned commune
commune_officer|district_reviewer commune owner returned commune resubmit -> submitted district
commune_officer|district_reviewer commune owner accepted province amend -> draft commune
district_reviewer district ancestor * * comment -> = =
district_reviewer district ancestor submitted district return -> returned commune
district_reviewer district ancestor submitted district approve -> approved district
district_reviewer district ancestor approved district return -> returned commune
district_reviewer district ancestor approved district forward -> forwarded province
district_reviewer district ancestor approved district reopen -> submitted district
provincial_admin|provincial_reviewer province ancestor * * comment -> = =
provincial_admin|provincial_reviewer province ancestor forwarded province return -> returned commune
provincial_admin|provincial_reviewer province ancestor forwarded province accept -> accepted province
provincial_admin|provincial_reviewer province ancestor accepted province amend -> draft commune
)";

const char* kRules2 = R"(
commune_officer|district_reviewer commune owner * * comment -> = =
commune_officer|district_reviewer commune owner draft commune save -> draft commune
commune_officer|district_reviewer commune owner draft commune submit -> submitted province
commune_officer|district_reviewer commune owner returned commune save -> returned commune
commune_officer|district_reviewer commune owner returned commune resubmit -> submitted province
commune_officer|district_reviewer commune owner accepted province amend -> draft commune
provincial_admin|provincial_reviewer province ancestor * * comment -> = =
provincial_admin|provincial_reviewer province ancestor submitted province return -> returned commune
provincial_admin|provincial_reviewer province ancestor submitted province accept -> accepted province
provincial_admin|provincial_reviewer province ancestor accepted province amend -> draft commune
)";

// Every (state, level) a record can be in, per chain, written out by hand.
const std::vector<std::pair<State, std::string>> kPositions3{
    {State::Draft, "commune"},      {State::Returned, "commune"},   {State::Submitted, "district"},
    {State::Approved, "district"},  {State::Forwarded, "province"}, {State::Accepted, "province"}};
const std::vector<std::pair<State, std::string>> kPositions2{{State::Draft, "commune"},
                                                              {State::Returned, "commune"},
                                                              {State::Submitted, "province"},
                                                              {State::Accepted, "province"}};

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) {
        out.push_back(cur);
    }
    return out;
}

using Key = std::tuple<Role, std::string, Scope, State, std::string, Action>;
using Target = std::pair<State, std::string>;

std::map<Key, Target> expand(const char* rules, const std::vector<std::pair<State, std::string>>& positions)
{
    std::map<Key, Target> out;
    std::istringstream in(rules);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        std::istringstream words(line);
        std::string roles, actorLevel, scope, state, level, action, arrow, toState, toLevel;
        words >> roles >> actorLevel >> scope >> state >> level >> action >> arrow >> toState >> toLevel;
        REQUIRE(arrow == "->");
        for (const auto& roleName : split(roles, '|')) {
            for (const auto& [posState, posLevel] : positions) {
                if (state != "*" && (*parseState(state) != posState || level != posLevel)) {
                    continue;
                }
                const Key key{*parseRole(roleName), actorLevel, *parseScope(scope), posState, posLevel,
                              *parseAction(action)};
                const Target target{toState == "=" ? posState : *parseState(toState),
                                    toLevel == "=" ? posLevel : toLevel};
                out[key] = target;
            }
        }
    }
    return out;
}

WorkflowState stateAt(State s, const std::string& level)
{
    WorkflowState w;
    w.state = s;
    w.level = level;
    w.revision = 3;
    w.acceptedRevision = s == State::Accepted ? 3 : 2;
    w.submitCount = s == State::Draft ? 0 : 2;
    w.contentVer = 41;
    return w;
}

Request requestFor(Action a, const WorkflowState& seen)
{
    Request r;
    r.action = a;
    r.seen = seen;
    r.reason = "Số hộ nghèo chưa khớp";
    return r;
}

struct ChainCase {
    const char* name;
    const Chain* chain;
    const char* rules;
    const std::vector<std::pair<State, std::string>>* positions;
};

}  // namespace

TEST_CASE("decide matches the expected table for every role, level, scope, state and action, on both chains")
{
    for (const ChainCase& cc : {ChainCase{"pre-2025", &kChain3, kRules3, &kPositions3},
                                ChainCase{"post-2025", &kChain2, kRules2, &kPositions2}}) {
        CAPTURE(cc.name);
        const auto expected = expand(cc.rules, *cc.positions);
        std::size_t allowedCount = 0;
        std::size_t checked = 0;
        for (Role role : kAllRoles) {
            for (const auto& actorLevel : kLevels) {
                for (Scope scope : kAllScopes) {
                    for (State state : kAllStates) {
                        for (const auto& level : kLevels) {
                            for (Action action : kAllActions) {
                                const WorkflowState cur = stateAt(state, level);
                                const Decision d =
                                    decide(Actor{role, actorLevel, scope}, cur, requestFor(action, cur), *cc.chain);
                                CAPTURE(toName(role));
                                CAPTURE(actorLevel);
                                CAPTURE(toName(scope));
                                CAPTURE(toName(state));
                                CAPTURE(level);
                                CAPTURE(toName(action));
                                CAPTURE(toName(d.denial));
                                ++checked;
                                const bool possible = std::find(cc.positions->begin(), cc.positions->end(),
                                                                std::pair{state, level}) != cc.positions->end();
                                if (!possible) {
                                    CHECK(d.denial == Denial::InvalidState);
                                    continue;
                                }
                                const auto it = expected.find(Key{role, actorLevel, scope, state, level, action});
                                if (it == expected.end()) {
                                    CHECK_FALSE(d.allowed());
                                    CHECK(d.denial != Denial::None);
                                    continue;
                                }
                                ++allowedCount;
                                REQUIRE(d.allowed());
                                CHECK(d.next.state == it->second.first);
                                CHECK(d.next.level == it->second.second);
                                CHECK(d.newRevision == (action == Action::Amend));
                            }
                        }
                    }
                }
            }
        }
        CHECK(checked == kAllRoles.size() * 3 * 3 * kAllStates.size() * 3 * kAllActions.size());
        CHECK(allowedCount == expected.size());  // every expected row was reached
    }
}

TEST_CASE("denial reasons follow the documented precedence")
{
    const WorkflowState submitted3 = stateAt(State::Submitted, "district");
    auto reason = [](Role role, const char* level, Scope scope, const WorkflowState& cur, Action a, const Chain& c) {
        return decide(Actor{role, level, scope}, cur, requestFor(a, cur), c).denial;
    };
    CHECK(reason(Role::ProvincialAdmin, "province", Scope::Ancestor, submitted3, Action::Approve, Chain{"commune"}) ==
          Denial::InvalidChain);
    CHECK(reason(Role::ProvincialAdmin, "province", Scope::Ancestor, submitted3, Action::Approve,
                 Chain{"commune", "commune"}) == Denial::InvalidChain);
    CHECK(reason(Role::ProvincialViewer, "province", Scope::Ancestor, submitted3, Action::Comment, kChain3) ==
          Denial::ReadOnlyRole);
    // after July 2025 there is no district: a district account takes no part
    CHECK(reason(Role::DistrictReviewer, "district", Scope::Ancestor, stateAt(State::Submitted, "province"),
                 Action::Accept, kChain2) == Denial::ActorLevelNotInChain);
    CHECK(reason(Role::CommuneOfficer, "district", Scope::Ancestor, submitted3, Action::Approve, kChain3) ==
          Denial::RoleLevelMismatch);
    CHECK(reason(Role::ProvincialAdmin, "district", Scope::Ancestor, submitted3, Action::Approve, kChain3) ==
          Denial::RoleLevelMismatch);
    // issue 15: a province reviewer is a final-level role; a district reviewer placed at the province is refused
    CHECK(reason(Role::ProvincialReviewer, "district", Scope::Ancestor, submitted3, Action::Approve, kChain3) ==
          Denial::RoleLevelMismatch);
    CHECK(reason(Role::DistrictReviewer, "province", Scope::Ancestor, stateAt(State::Submitted, "province"),
                 Action::Accept, kChain2) == Denial::RoleLevelMismatch);
    CHECK(reason(Role::ProvincialReviewer, "province", Scope::Ancestor, stateAt(State::Submitted, "province"),
                 Action::Accept, kChain2) == Denial::None);
    CHECK(reason(Role::DistrictReviewer, "district", Scope::Unrelated, submitted3, Action::Approve, kChain3) ==
          Denial::OutOfScope);
    CHECK(reason(Role::DistrictReviewer, "district", Scope::Owner, submitted3, Action::Approve, kChain3) ==
          Denial::InconsistentScope);
    CHECK(reason(Role::CommuneOfficer, "commune", Scope::Owner, submitted3, Action::Approve, kChain3) ==
          Denial::NotReviewer);
    CHECK(reason(Role::DistrictReviewer, "district", Scope::Ancestor, stateAt(State::Draft, "commune"), Action::Save,
                 kChain3) == Denial::NotOwner);
    CHECK(reason(Role::ProvincialAdmin, "province", Scope::Ancestor, submitted3, Action::Approve, kChain3) ==
          Denial::NotYourLevel);
    CHECK(reason(Role::DistrictReviewer, "district", Scope::Ancestor, stateAt(State::Accepted, "province"),
                 Action::Amend, kChain3) == Denial::NotYourLevel);
    CHECK(reason(Role::CommuneOfficer, "commune", Scope::Owner, submitted3, Action::Save, kChain3) ==
          Denial::WrongState);
    CHECK(reason(Role::ProvincialAdmin, "province", Scope::Ancestor, stateAt(State::Forwarded, "province"),
                 Action::Approve, kChain3) == Denial::FinalLevelAccepts);
    CHECK(reason(Role::DistrictReviewer, "district", Scope::Ancestor, submitted3, Action::Accept, kChain3) ==
          Denial::NotFinalLevel);
    WorkflowState bad = submitted3;
    bad.acceptedRevision = 5;
    CHECK(reason(Role::DistrictReviewer, "district", Scope::Ancestor, bad, Action::Approve, kChain3) ==
          Denial::InvalidState);
}

TEST_CASE("return, amend and comment need text; resubmit needs every comment answered")
{
    for (Action a : {Action::Return, Action::Amend, Action::Comment}) {
        const WorkflowState cur =
            a == Action::Amend ? stateAt(State::Accepted, "province") : stateAt(State::Forwarded, "province");
        Request r = requestFor(a, cur);
        r.reason = " \t\n";
        CHECK(decide(Actor{Role::ProvincialAdmin, "province", Scope::Ancestor}, cur, r, kChain3).denial ==
              Denial::ReasonRequired);
        r.reason = "Thiếu số liệu thôn Nậm Cang";
        CHECK(decide(Actor{Role::ProvincialAdmin, "province", Scope::Ancestor}, cur, r, kChain3).allowed());
    }
    const WorkflowState returned = stateAt(State::Returned, "commune");
    Request r = requestFor(Action::Resubmit, returned);
    r.unansweredComments = 1;
    const Actor officer{Role::CommuneOfficer, "commune", Scope::Owner};
    CHECK(decide(officer, returned, r, kChain2).denial == Denial::UnansweredComments);
    r.unansweredComments = 0;
    const Decision d = decide(officer, returned, r, kChain2);
    REQUIRE(d.allowed());
    CHECK(d.next.submitCount == returned.submitCount + 1);  // a resubmission is told apart by its count
}

TEST_CASE("properties over every combination")
{
    for (const Chain* chain : {&kChain3, &kChain2}) {
        for (Role role : kAllRoles) {
            for (const auto& actorLevel : kLevels) {
                for (Scope scope : kAllScopes) {
                    for (State state : kAllStates) {
                        for (const auto& level : kLevels) {
                            for (Action action : kAllActions) {
                                const WorkflowState cur = stateAt(state, level);
                                const Actor actor{role, actorLevel, scope};
                                const Decision d = decide(actor, cur, requestFor(action, cur), *chain);
                                CAPTURE(toName(role));
                                CAPTURE(toName(state));
                                CAPTURE(toName(action));
                                if (!d.allowed()) {
                                    // every denial has a named reason and a message in both languages
                                    CHECK(toName(d.denial) != "none");
                                    CHECK_FALSE(label(d.denial).vi.empty());
                                    CHECK_FALSE(label(d.denial).en.empty());
                                    continue;
                                }
                                // a viewer never acts
                                CHECK(role != Role::ProvincialViewer);
                                // only the owner level edits, and only in draft or returned
                                if (action == Action::Save) {
                                    CHECK(scope == Scope::Owner);
                                    CHECK(actorLevel == chain->front());
                                    CHECK((state == State::Draft || state == State::Returned));
                                }
                                // comment never changes anything
                                if (action == Action::Comment || action == Action::Save) {
                                    CHECK(d.next == cur);
                                }
                                // accepted never goes back to draft without a new revision
                                if (state == State::Accepted && d.next.state != State::Accepted) {
                                    CHECK(d.newRevision);
                                    CHECK(d.next.revision == cur.revision + 1);
                                    CHECK(d.next.acceptedRevision == cur.revision);
                                }
                                // the new position exists in the chain
                                const auto idx = levelIndex(*chain, d.next.level);
                                REQUIRE(idx);
                                CHECK(isPossible(d.next.state, *idx, chain->size()));
                                // preview agrees with decide when the actor is up to date
                                CHECK(preview(actor, cur, action, *chain).allowed());
                            }
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("compare-and-set: the cases of sync-design §6")
{
    const Actor district{Role::DistrictReviewer, "district", Scope::Ancestor};
    const Actor officer{Role::CommuneOfficer, "commune", Scope::Owner};
    WorkflowState cur = stateAt(State::Submitted, "district");

    SUBCASE("1. stale approval: approving version 7 when the content is at 8")
    {
        WorkflowState seen = cur;
        seen.contentVer = 7;
        cur.contentVer = 8;
        Request r = requestFor(Action::Approve, seen);
        CHECK(decide(district, cur, r, kChain3).denial == Denial::StaleReview);
        r.seen.contentVer = 8;  // the reviewer looks again
        CHECK(decide(district, cur, r, kChain3).allowed());
    }
    SUBCASE("2. approved while being fixed: the resubmit is rejected, the edits become amend proposals")
    {
        const WorkflowState returned = stateAt(State::Returned, "commune");
        const WorkflowState approved = stateAt(State::Approved, "district");
        const Request r = requestFor(Action::Resubmit, returned);
        CHECK(decide(officer, approved, r, kChain3).denial == Denial::StateChanged);
        CHECK(classifyEdit(officer, approved, kChain3).disposition == EditDisposition::AmendProposal);
    }
    SUBCASE("3. two supervisors, return versus approve: the first wins")
    {
        const Decision first = decide(district, cur, requestFor(Action::Approve, cur), kChain3);
        REQUIRE(first.allowed());
        const Decision second = decide(district, first.next, requestFor(Action::Return, cur), kChain3);
        CHECK(second.denial == Denial::StateChanged);
    }
    SUBCASE("4. one officer, two devices: a later edit after the submit becomes an amend proposal")
    {
        WorkflowState draft = stateAt(State::Draft, "commune");
        CHECK(classifyEdit(officer, draft, kChain3).disposition == EditDisposition::Apply);
        const Decision submitted = decide(officer, draft, requestFor(Action::Submit, draft), kChain3);
        REQUIRE(submitted.allowed());
        const EditClassification c = classifyEdit(officer, submitted.next, kChain3);
        CHECK(c.disposition == EditDisposition::AmendProposal);
        CHECK(c.denial == Denial::WrongState);
    }
    SUBCASE("5. a submit covering a newer version than the one on the server is stale")
    {
        WorkflowState draft = stateAt(State::Draft, "commune");
        Request r = requestFor(Action::Submit, draft);
        r.seen.contentVer = draft.contentVer + 1;
        CHECK(decide(officer, draft, r, kChain3).denial == Denial::StaleReview);
    }
    SUBCASE("same state but another round (returned and resubmitted meanwhile) is a state change")
    {
        WorkflowState seen = cur;
        seen.submitCount = cur.submitCount - 1;
        CHECK(decide(district, cur, requestFor(Action::Approve, seen), kChain3).denial == Denial::StateChanged);
    }
    SUBCASE("save and comment are not compare-and-set")
    {
        WorkflowState draft = stateAt(State::Draft, "commune");
        WorkflowState seen = draft;
        seen.contentVer = 1;
        CHECK(decide(officer, draft, requestFor(Action::Save, seen), kChain3).allowed());
        CHECK(decide(district, cur, requestFor(Action::Comment, seen), kChain3).allowed());
    }
}

TEST_CASE("classifyEdit: apply, amend proposal or reject for every actor and state")
{
    for (const auto& [state, level] : kPositions3) {
        const WorkflowState cur = stateAt(state, level);
        CAPTURE(toName(state));
        const bool open = state == State::Draft || state == State::Returned;
        CHECK(classifyEdit({Role::CommuneOfficer, "commune", Scope::Owner}, cur, kChain3).disposition ==
              (open ? EditDisposition::Apply : EditDisposition::AmendProposal));
        // a reviewer's edit is never applied, but never lost either
        CHECK(classifyEdit({Role::DistrictReviewer, "district", Scope::Ancestor}, cur, kChain3).disposition ==
              EditDisposition::AmendProposal);
        CHECK(classifyEdit({Role::ProvincialAdmin, "province", Scope::Ancestor}, cur, kChain3).disposition ==
              EditDisposition::AmendProposal);
        const EditClassification viewer = classifyEdit({Role::ProvincialViewer, "province", Scope::Ancestor}, cur, kChain3);
        CHECK(viewer.disposition == EditDisposition::Reject);
        CHECK(viewer.denial == Denial::ReadOnlyRole);
        CHECK(classifyEdit({Role::CommuneOfficer, "commune", Scope::Unrelated}, cur, kChain3).disposition ==
              EditDisposition::Reject);
        CHECK(classifyEdit({Role::DistrictReviewer, "district", Scope::Ancestor}, cur, kChain2).disposition ==
              EditDisposition::Reject);
    }
}

TEST_CASE("names and labels round-trip and unknown names are rejected")
{
    for (State s : kAllStates) {
        CHECK(*parseState(toName(s)) == s);
        CHECK_FALSE(label(s).vi.empty());
    }
    for (Action a : kAllActions) {
        CHECK(*parseAction(toName(a)) == a);
        CHECK_FALSE(label(a).vi.empty());
    }
    for (Role r : kAllRoles) {
        CHECK(*parseRole(toName(r)) == r);
    }
    for (Scope s : kAllScopes) {
        CHECK(*parseScope(toName(s)) == s);
    }
    CHECK(label(State::Returned).vi == "Trả lại để sửa");
    CHECK(label(State::Accepted).vi == "Tỉnh đã tiếp nhận");
    CHECK(toName(Denial::StaleReview) == "stale_review");
    CHECK(*parseDenial("state_changed") == Denial::StateChanged);
    CHECK_FALSE(parseState("Draft").isOk());
    CHECK_FALSE(parseAction("").isOk());
    CHECK_FALSE(parseRole("admin").isOk());
    CHECK(parseState("resubmitted").status().code() == dantoc::ErrorCode::InvalidArgument);
}
