// WorkflowHistory: full lifecycles on both chains, returned forms with field comments that must be answered,
// amendments as new revisions, replay() accepting legal histories and naming the first illegal event, and random
// walks whose recorded histories always replay to the same state.
#include "workflow/WorkflowHistory.h"
#include "workflow/WorkflowJson.h"

#include <doctest/doctest.h>

#include <random>
#include <tuple>

using namespace dantoc::workflow;

namespace {

const Chain kChain3{"commune", "district", "province"};
const Chain kChain2{"commune", "province"};
const Actor kOfficer{Role::CommuneOfficer, "commune", Scope::Owner};
const Actor kDistrict{Role::DistrictReviewer, "district", Scope::Ancestor};
const Actor kProvince{Role::ProvincialAdmin, "province", Scope::Ancestor};

struct Driver {
    WorkflowHistory history;
    std::int64_t now = 1'751'328'000'000;  // 1 July 2025

    explicit Driver(const Chain& chain) : history(chain) {}

    Decision act(const Actor& actor, Action action, std::string reason = {}, std::vector<FieldComment> comments = {},
                 std::vector<CommentReply> replies = {})
    {
        Request r;
        r.action = action;
        r.seen = history.state();
        r.reason = std::move(reason);
        EventInfo info;
        info.actor = std::string(toName(actor.role)) + "-1";
        info.at = now += 60'000;
        info.fieldComments = std::move(comments);
        info.replies = std::move(replies);
        info.newContentVer = history.state().contentVer + 1;
        return history.apply(actor, r, info);
    }
};

}  // namespace

TEST_CASE("a full lifecycle before the reform: commune -> district -> province, with a return from the province")
{
    Driver d(kChain3);
    REQUIRE(d.act(kOfficer, Action::Save).allowed());
    REQUIRE(d.act(kOfficer, Action::Submit).allowed());
    CHECK(d.history.state().state == State::Submitted);
    CHECK(d.history.state().level == "district");
    REQUIRE(d.act(kDistrict, Action::Approve).allowed());
    REQUIRE(d.act(kDistrict, Action::Reopen).allowed());  // takes the approval back before forwarding
    CHECK(d.history.state().state == State::Submitted);
    REQUIRE(d.act(kDistrict, Action::Approve).allowed());
    REQUIRE(d.act(kDistrict, Action::Forward).allowed());
    CHECK(d.history.state().state == State::Forwarded);
    CHECK(d.history.state().level == "province");
    CHECK(d.act(kDistrict, Action::Reopen).denial == Denial::NotYourLevel);  // too late: it left the district

    const std::vector<FieldComment> comments{{"c1", "households.poor", "", "Số hộ nghèo lớn hơn tổng số hộ"},
                                             {"c2", "villages.distance_km", "row-7", "Khoảng cách thôn 7 bất thường"},
                                             {"c3", "attachment.scan", "", "Thiếu bản scan có dấu"}};
    REQUIRE(d.act(kProvince, Action::Return, "Cần sửa 3 chỉ tiêu", comments).allowed());
    CHECK(d.history.state().state == State::Returned);
    CHECK(d.history.state().level == "commune");
    CHECK(d.history.openComments() == comments);
    CHECK_FALSE(d.history.canResubmit());

    REQUIRE(d.act(kOfficer, Action::Save).allowed());
    REQUIRE(d.act(kOfficer, Action::Comment, "Đã sửa", {}, {{"c1", "Đã sửa số hộ nghèo"}}).allowed());
    CHECK(d.act(kOfficer, Action::Resubmit).denial == Denial::UnansweredComments);
    CHECK(unanswered(d.history.openComments(), d.history.replies()).size() == 2);
    // replies can travel with the resubmit itself
    const Decision re = d.act(kOfficer, Action::Resubmit, {}, {}, {{"c2", "Thôn 7 ở xa, đã kiểm tra"}, {"c3", "Đã đính kèm"}});
    REQUIRE(re.allowed());
    CHECK(re.next.submitCount == 2);
    CHECK(d.history.openComments().empty());
    CHECK(d.history.state().level == "district");  // a resubmission is reviewed by the whole chain again

    REQUIRE(d.act(kDistrict, Action::Approve).allowed());
    REQUIRE(d.act(kDistrict, Action::Forward).allowed());
    REQUIRE(d.act(kProvince, Action::Accept).allowed());
    CHECK(d.history.state().state == State::Accepted);
    CHECK(d.history.state().acceptedRevision == 1);

    // frozen: no edits, no reopen; an amendment is a new revision and revision 1 stays in force
    CHECK(d.act(kOfficer, Action::Save).denial == Denial::WrongState);
    CHECK(d.act(kOfficer, Action::Amend).denial == Denial::ReasonRequired);
    const Decision amend = d.act(kOfficer, Action::Amend, "Phát hiện sai số hộ cận nghèo");
    REQUIRE(amend.allowed());
    CHECK(amend.newRevision);
    CHECK(d.history.state().state == State::Draft);
    CHECK(d.history.state().revision == 2);
    CHECK(d.history.state().acceptedRevision == 1);
    CHECK(d.history.state().submitCount == 0);

    auto replayed = WorkflowHistory::replay(kChain3, d.history.events());
    REQUIRE(replayed.isOk());
    CHECK(replayed->state() == d.history.state());
    CHECK(replayed->events() == d.history.events());
}

TEST_CASE("after the reform the province reviews and accepts directly")
{
    Driver d(kChain2);
    REQUIRE(d.act(kOfficer, Action::Submit).allowed());
    CHECK(d.history.state().level == "province");
    CHECK(d.act(kProvince, Action::Approve).denial == Denial::FinalLevelAccepts);
    CHECK(d.act(Actor{Role::DistrictReviewer, "district", Scope::Ancestor}, Action::Approve).denial ==
          Denial::ActorLevelNotInChain);
    REQUIRE(d.act(kProvince, Action::Accept).allowed());
    REQUIRE(d.act(kProvince, Action::Amend, "Tỉnh yêu cầu điều chỉnh theo kết quả thanh tra").allowed());
    CHECK(d.history.state().revision == 2);
    CHECK(WorkflowHistory::replay(kChain2, d.history.events()).isOk());
}

TEST_CASE("field comments and replies are validated")
{
    Driver d(kChain2);
    REQUIRE(d.act(kOfficer, Action::Submit).allowed());
    // field comments only with a return, pinned to a field, with text, ids unique
    CHECK(d.act(kProvince, Action::Comment, "ghi chú", {{"c1", "a", "", "x"}}).denial == Denial::InvalidComment);
    CHECK(d.act(kProvince, Action::Return, "lý do", {{"c1", "", "", "x"}}).denial == Denial::InvalidComment);
    CHECK(d.act(kProvince, Action::Return, "lý do", {{"c1", "a", "", "  "}}).denial == Denial::InvalidComment);
    CHECK(d.act(kProvince, Action::Return, "lý do", {{"", "a", "", "x"}}).denial == Denial::InvalidComment);
    CHECK(d.act(kProvince, Action::Return, "lý do", {{"c1", "a", "", "x"}, {"c1", "b", "", "y"}}).denial ==
          Denial::InvalidComment);
    CHECK(d.history.state().state == State::Submitted);  // nothing changed by the refusals
    CHECK(d.history.events().size() == 1);
    REQUIRE(d.act(kProvince, Action::Return, "lý do", {{"c1", "a", "", "x"}}).allowed());
    // replies: by the owner, to an open comment, with text
    CHECK(d.act(kProvince, Action::Comment, "t", {}, {{"c1", "y"}}).denial == Denial::InvalidComment);
    CHECK(d.act(kOfficer, Action::Comment, "t", {}, {{"c9", "y"}}).denial == Denial::InvalidComment);
    CHECK(d.act(kOfficer, Action::Comment, "t", {}, {{"c1", " "}}).denial == Denial::InvalidComment);
    CHECK(d.act(kOfficer, Action::Save, {}, {}, {{"c1", "y"}}).denial == Denial::InvalidComment);
    REQUIRE(d.act(kOfficer, Action::Resubmit, {}, {}, {{"c1", "đã sửa"}}).allowed());
    // a comment id cannot be reused in a later return
    CHECK(d.act(kProvince, Action::Return, "lại", {{"c1", "a", "", "x"}}).denial == Denial::InvalidComment);
    // a return without field comments needs no replies
    REQUIRE(d.act(kProvince, Action::Return, "Thiếu bản scan").allowed());
    CHECK(d.history.canResubmit());
    CHECK(d.act(kOfficer, Action::Resubmit).allowed());
}

TEST_CASE("canResubmit: every comment needs a non-blank reply; the latest reply counts")
{
    const std::vector<FieldComment> comments{{"a", "f1", "", "t"}, {"b", "f2", "r1", "t"}, {"c", "f3", "", "t"}};
    CHECK_FALSE(canResubmit(comments, {}));
    CHECK_FALSE(canResubmit(comments, {{"a", "ok"}, {"b", "ok"}}));
    CHECK_FALSE(canResubmit(comments, {{"a", "ok"}, {"b", "ok"}, {"c", ""}}));
    CHECK(canResubmit(comments, {{"a", "ok"}, {"b", "ok"}, {"c", "ok"}}));
    CHECK_FALSE(canResubmit(comments, {{"a", "ok"}, {"b", "ok"}, {"c", "ok"}, {"c", " "}}));
    CHECK(canResubmit({}, {}));
}

TEST_CASE("replay names the first illegal event")
{
    Driver d(kChain3);
    REQUIRE(d.act(kOfficer, Action::Save).allowed());
    REQUIRE(d.act(kOfficer, Action::Submit).allowed());
    REQUIRE(d.act(kDistrict, Action::Approve).allowed());
    REQUIRE(d.act(kDistrict, Action::Forward).allowed());
    REQUIRE(d.act(kProvince, Action::Accept).allowed());
    const auto events = d.history.events();
    REQUIRE(WorkflowHistory::replay(kChain3, events).isOk());

    auto expectBad = [&](std::vector<WorkflowEvent> evs, const char* needle) {
        auto r = WorkflowHistory::replay(kChain3, evs);
        REQUIRE_FALSE(r.isOk());
        CAPTURE(r.status().message());
        CHECK(r.status().message().find(needle) != std::string::npos);
    };
    SUBCASE("skipping a level")
    {
        auto evs = events;
        evs.erase(evs.begin() + 3);  // no forward: the province accepts a record still at the district
        expectBad(evs, "event 4");
    }
    SUBCASE("a viewer in the history")
    {
        auto evs = events;
        evs[2].role = Role::ProvincialViewer;
        expectBad(evs, "read_only_role");
    }
    SUBCASE("approval of content nobody saw")
    {
        auto evs = events;
        evs[2].contentVer = 99;
        expectBad(evs, "stale_review");
    }
    SUBCASE("a recorded target the rules do not give")
    {
        auto evs = events;
        evs[4].toState = State::Approved;
        expectBad(evs, "but the rules give accepted");
    }
    SUBCASE("time going backwards")
    {
        auto evs = events;
        evs[3].at = evs[2].at - 1;
        expectBad(evs, "time goes backwards");
    }
    SUBCASE("accepted back to draft without an amendment")
    {
        auto evs = events;
        WorkflowEvent back = evs.back();
        back.action = Action::Save;
        back.role = Role::CommuneOfficer;
        back.level = "commune";
        back.fromState = State::Accepted;
        back.fromLevel = "province";
        back.toState = State::Draft;
        back.toLevel = "commune";
        back.contentVer = 100;
        evs.push_back(back);
        expectBad(evs, "wrong_state");
    }
    SUBCASE("a save that does not advance the content version")
    {
        auto evs = events;
        evs[0].contentVer = 0;
        expectBad(evs, "stale_review");
    }
    SUBCASE("an invalid chain")
    {
        CHECK_FALSE(WorkflowHistory::replay(Chain{"commune"}, events).isOk());
    }
}

TEST_CASE("random walks: whatever is allowed replays to the same state, through JSON too")
{
    std::mt19937 rng(20250701);
    const std::vector<Actor> actors{kOfficer,
                                    kDistrict,
                                    kProvince,
                                    {Role::ProvincialViewer, "province", Scope::Ancestor},
                                    {Role::CommuneOfficer, "commune", Scope::Unrelated}};
    for (const Chain* chain : {&kChain3, &kChain2}) {
        int amended = 0;
        int returnedWithComments = 0;
        for (int walk = 0; walk < 200; ++walk) {
            Driver d(*chain);
            int commentSeq = 0;
            for (int step = 0; step < 40; ++step) {
                // mostly something the rules allow (so walks get far), sometimes anything at all
                std::vector<std::pair<std::size_t, Action>> permitted;
                for (std::size_t a = 0; a < actors.size(); ++a) {
                    for (Action act : kAllActions) {
                        if (act != Action::Comment && preview(actors[a], d.history.state(), act, *chain).allowed()) {
                            permitted.emplace_back(a, act);
                        }
                    }
                }
                std::size_t actorIdx = rng() % actors.size();
                Action action = kAllActions[rng() % kAllActions.size()];
                if (!permitted.empty() && rng() % 10 < 7) {
                    std::tie(actorIdx, action) = permitted[rng() % permitted.size()];
                }
                const Actor& actor = actors[actorIdx];
                std::vector<FieldComment> comments;
                std::vector<CommentReply> replies;
                if (action == Action::Return && rng() % 2 == 0) {
                    comments.push_back({"c" + std::to_string(++commentSeq), "f", "", "sửa"});
                }
                if ((action == Action::Resubmit || action == Action::Comment) && actor.scope == Scope::Owner) {
                    for (const auto& c : d.history.openComments()) {
                        replies.push_back({c.id, "đã sửa"});
                    }
                }
                const WorkflowState before = d.history.state();
                const Decision dec = d.act(actor, action, rng() % 5 == 0 ? "" : "lý do", comments, replies);
                if (!dec.allowed()) {
                    CHECK(d.history.state() == before);
                }
                if (actor.role == Role::ProvincialViewer || actor.scope == Scope::Unrelated) {
                    CHECK_FALSE(dec.allowed());
                }
            }
            amended += d.history.state().revision > 1 ? 1 : 0;
            for (const auto& e : d.history.events()) {
                returnedWithComments += e.fieldComments.empty() ? 0 : 1;
            }
            auto replayed = WorkflowHistory::replay(*chain, d.history.events());
            REQUIRE(replayed.isOk());
            CHECK(replayed->state() == d.history.state());
            const auto text = historyToJson(*chain, d.history.events()).dump();
            auto parsed = parseHistory(text);
            REQUIRE(parsed.isOk());
            CHECK(parsed->events() == d.history.events());
            CHECK(parsed->state() == d.history.state());
        }
        // the walks reach the interesting parts of the machine
        CHECK(amended > 0);
        CHECK(returnedWithComments > 0);
        MESSAGE("walks with an amendment: " << amended << ", returns with field comments: " << returnedWithComments);
    }
}
