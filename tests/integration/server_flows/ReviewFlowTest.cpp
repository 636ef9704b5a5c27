// The review round-trip over real TLS against the real dantoc-server, on today's two-level chain (commune →
// province, since the July 2025 reform): submit → return with a reason and a field comment → fix and answer →
// resubmit → a stale acceptance refused → accept; then the record is frozen (an edit is refused, an amend is kept
// as a proposal). Approve/forward need a district level, which no unit valid today has: the shared workflow tests
// cover them on a three-level chain.
#include "support/DemoValues.h"
#include "support/FlowAccounts.h"
#include "support/OfficerAndProvince.h"
#include "support/SyncClientForTests.h"
#include "support/TestServer.h"

#include "base/Uuid.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>


using dantoc::test::FlowAccounts;
using dantoc::test::HeldRecord;
using dantoc::test::SyncClientForTests;
using dantoc::test::TestServer;
using nlohmann::json;
namespace ds = dantoc::sync;

namespace {

const ds::FormRef kForm{"village_survey", 1};
constexpr const char* kVillage = "02683-01";
constexpr const char* kPeriod = "2026-H2";

HeldRecord seen(SyncClientForTests& device, ds::Cursor& cursor, std::map<std::string, HeldRecord>& held,
                const std::string& recordId)
{
    auto items = device.pullAll(cursor);
    REQUIRE(items.isOk());
    REQUIRE(dantoc::test::applyPullItems(*items, held).isOk());
    REQUIRE(held.count(recordId) == 1);
    return held.at(recordId);
}

// content_ver is the version the actor saw (sync-protocol.md §7).
ds::TransitionIntent intent(const std::string& action, const HeldRecord& record, const std::string& to)
{
    ds::TransitionIntent t;
    t.action = action;
    t.from = record.state;
    t.to = to;
    t.contentVer = record.ver;
    return t;
}

}  // namespace

TEST_CASE("submit, return with comments, fix, resubmit, stale accept refused, accept; then frozen")
{
    dantoc::test::OfficerAndProvince world;
    auto& [server, accounts, httpO, httpP, officer, admin, o, p] = world;
    std::map<std::string, HeldRecord> heldO, heldP;
    ds::Cursor cO, cP;

    // An incomplete record is stored as a draft, but cannot be submitted.
    const std::string draftId = dantoc::newUuid();
    auto incomplete = o.push({o.create(draftId, kForm, kVillage, kPeriod, json{{"households_total", 10}})});
    REQUIRE(incomplete.isOk());
    CHECK(incomplete->results.at(0).kind == ds::OutcomeKind::Applied);
    auto draft = seen(o, cO, heldO, draftId);
    auto refused = o.push({o.transition(draftId, kForm, kVillage, kPeriod, draft.ver, intent("submit", draft, "submitted"))});
    REQUIRE(refused.isOk());
    CHECK(refused->results.at(0).kind == ds::OutcomeKind::Rejected);
    CHECK(refused->results.at(0).code == "invalid");
    CHECK(seen(o, cO, heldO, draftId).state == "draft");

    // A complete record: created and submitted in one batch (content_ver = the create's version).
    const std::string id = dantoc::newUuid();
    json values = dantoc::test::sampleVillageValues();
    const int poor = values["households_poor"];
    auto create = o.create(id, kForm, kVillage, kPeriod, values);
    ds::TransitionIntent submit{"submit", "draft", "submitted", 1, std::nullopt, {}};
    auto sent = o.push({create, o.transition(id, kForm, kVillage, kPeriod, 1, submit)});
    REQUIRE(sent.isOk());
    REQUIRE(sent->results.size() == 2);
    CHECK(sent->results[1].kind == ds::OutcomeKind::Applied);
    CAPTURE(sent->results[1].message.en);

    // The province sees it submitted at its level and returns it with a reason and a field comment.
    auto r = seen(p, cP, heldP, id);
    CHECK(r.state == "submitted");
    CHECK(r.level == "province");
    auto ret = intent("return", r, "returned");
    ret.reason = "Số hộ nghèo cao bất thường, đề nghị kiểm tra";
    ret.fieldComments["households_poor"] = "Kiểm tra lại số hộ nghèo";
    auto returned = p.push({p.transition(id, kForm, kVillage, kPeriod, r.ver, ret)});
    REQUIRE(returned.isOk());
    CHECK(returned->results.at(0).kind == ds::OutcomeKind::Applied);

    // The officer sees the return with both comments, fixes the field, answers, resubmits.
    r = seen(o, cO, heldO, id);
    CHECK(r.state == "returned");
    REQUIRE(heldO.at(id).comments.size() == 2);
    bool fieldComment = false;
    for (const auto& c : heldO.at(id).comments) {
        fieldComment = fieldComment || (c.field == std::optional<std::string>("households_poor") &&
                                        c.text == "Kiểm tra lại số hộ nghèo");
    }
    CHECK(fieldComment);
    auto fix = o.edit(id, kForm, kVillage, kPeriod, r.ver, {{"households_poor", {poor, poor - 1}}});
    auto reply = o.comment(id, kForm, kVillage, kPeriod, r.ver, "Đã sửa số hộ nghèo");
    reply.comment->field = "households_poor";
    auto resubmit = o.transition(id, kForm, kVillage, kPeriod, r.ver + 1, intent("resubmit", r, "submitted"));
    resubmit.transition->contentVer = r.ver + 1;  // the fix's version, predicted
    auto fixed = o.push({fix, reply, resubmit});
    REQUIRE(fixed.isOk());
    for (const auto& outcome : fixed->results) {
        CAPTURE(outcome.message.en);
        CHECK(outcome.kind == ds::OutcomeKind::Applied);
    }

    // An acceptance based on the version before the fix is stale; on the current one it applies.
    const HeldRecord beforeFix = heldP.at(id);
    r = seen(p, cP, heldP, id);
    CHECK(r.body["households_poor"] == poor - 1);
    auto stale = intent("accept", beforeFix, "accepted");
    stale.from = "submitted";
    auto staleAnswer = p.push({p.transition(id, kForm, kVillage, kPeriod, beforeFix.ver, stale)});
    REQUIRE(staleAnswer.isOk());
    CHECK(staleAnswer->results.at(0).code == "stale_review");
    auto accepted = p.push({p.transition(id, kForm, kVillage, kPeriod, r.ver, intent("accept", r, "accepted"))});
    REQUIRE(accepted.isOk());
    CHECK(accepted->results.at(0).kind == ds::OutcomeKind::Applied);

    // Frozen: the officer's edit is refused; an amend is stored as a proposal and the record is unchanged.
    r = seen(o, cO, heldO, id);
    CHECK(r.state == "accepted");
    auto late = o.push({o.edit(id, kForm, kVillage, kPeriod, r.ver, {{"households_total", {values["households_total"], 1}}})});
    REQUIRE(late.isOk());
    CHECK(late->results.at(0).code == "frozen");
    auto amend = o.edit(id, kForm, kVillage, kPeriod, r.ver, {{"households_total", {values["households_total"], 1}}});
    amend.kind = ds::OpKind::Amend;
    auto proposed = o.push({amend});
    REQUIRE(proposed.isOk());
    CHECK(proposed->results.at(0).kind == ds::OutcomeKind::Applied);
    auto after = seen(p, cP, heldP, id);
    CHECK(after.ver == r.ver);
    CHECK(after.body["households_total"] == values["households_total"]);
}
