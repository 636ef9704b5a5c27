// The full review round-trip on a three-level chain (commune → district → province), which no unit of the demo
// province has any more since the July 2025 reform: a small tree with a district valid today, its reviewer, a
// commune officer and the provincial admin. submit → the district returns with a field comment → fix → resubmit →
// approve → forward → the province accepts; a stale forward and an accept below the final level are refused.
#include "sync/SyncFixture.h"

#include "AdminCommands.h"

using namespace dantoc;
using namespace dantoc::test;
using nlohmann::json;
namespace ds = dantoc::sync;
namespace srv = dantoc::server;

namespace {

std::string addAccount(SyncFixture& f, const std::string& username, const std::string& role, const std::string& unit)
{
    auto created = srv::addAccount(f.store(), f.app().auth().hasher(), username, role, unit, username,
                                   f.clock.nowUnixMillis());
    REQUIRE_MESSAGE(created.isOk(), created.status().message());
    f.passwords[username] = created->password;
    return f.ready(username);
}

}  // namespace

TEST_CASE("submit, return, fix, resubmit, approve, forward, accept through a district")
{
    SyncFixture f(false);
    REQUIRE(f.store()
                .upsertUnits({{"99", "Tỉnh Thử", "province", ""},
                              {"991", "Huyện Thử", "district", "99"},
                              {"99101", "Xã Thử", "commune", "991"},
                              {"99101-01", "Thôn Thử", "village", "99101"}})
                .isOk());
    Device officer(f, addAccount(f, "xathu", "commune_officer", "99101"));
    Device district(f, addAccount(f, "huyenthu", "district_reviewer", "991"));
    Device province(f, addAccount(f, "tinhthu", "provincial_admin", "99"));
    for (Device* d : {&officer, &district, &province}) {
        REQUIRE(d->registerSelf() == 201);
    }
    const std::string village = "99101-01";
    const std::string id = newUuid();
    const json values = sampleVillageValues();
    const int poor = values["households_poor"];
    auto create = officer.create(id, values, village);
    auto submit = officer.transition(id, 1, "submit", "draft", "submitted", 1);
    submit.unit = village;
    auto sent = officer.push({create, submit});
    REQUIRE(sent.results.size() == 2);
    REQUIRE_MESSAGE(sent.results[1].kind == ds::OutcomeKind::Applied, sent.results[1].message.en);

    auto seen = [&](Device& who) {
        ds::Cursor from;
        return latestRecords(who.pullAll(from)).at(id);
    };
    auto r = seen(district);
    CHECK(r.state == "submitted");
    CHECK(r.level == "district");
    // The province cannot act before the district: the record is not at its level.
    CHECK(province.push({province.transition(id, r.ver, "accept", "submitted", "accepted", r.ver)}).results.at(0).kind ==
          ds::OutcomeKind::Rejected);

    auto ret = district.transition(id, r.ver, "return", "submitted", "returned", r.ver);
    ret.transition->reason = "Kiểm tra số hộ nghèo";
    ret.transition->fieldComments["households_poor"] = "Quá cao so với kỳ trước";
    REQUIRE(district.push({ret}).results.at(0).kind == ds::OutcomeKind::Applied);

    r = seen(officer);
    CHECK(r.state == "returned");
    CHECK(r.level == "commune");
    auto fix = officer.edit(id, r.ver, {{"households_poor", {poor, poor - 3}}});
    auto resubmit = officer.transition(id, r.ver + 1, "resubmit", "returned", "submitted", r.ver + 1);
    auto fixed = officer.push({fix, resubmit});
    REQUIRE(fixed.results.size() == 2);
    CHECK(fixed.results[0].kind == ds::OutcomeKind::Applied);
    REQUIRE_MESSAGE(fixed.results[1].kind == ds::OutcomeKind::Applied, fixed.results[1].message.en);

    r = seen(district);
    CHECK((*r.body)["households_poor"] == poor - 3);
    CHECK(district.push({district.transition(id, r.ver, "accept", "submitted", "accepted", r.ver)}).results.at(0).code ==
          "invalid");  // not the final level: approve, then forward
    auto approved = district.push({district.transition(id, r.ver, "approve", "submitted", "approved", r.ver)});
    REQUIRE_MESSAGE(approved.results.at(0).kind == ds::OutcomeKind::Applied, approved.results.at(0).message.en);
    const std::uint64_t approvedVer = approved.results.at(0).ver;
    // A forward that claims to have seen content older than the fix is stale.
    CHECK(district.push({district.transition(id, approvedVer, "forward", "approved", "forwarded", r.ver - 2)})
              .results.at(0)
              .code == "stale_review");
    auto forwarded = district.push({district.transition(id, approvedVer, "forward", "approved", "forwarded", approvedVer)});
    REQUIRE_MESSAGE(forwarded.results.at(0).kind == ds::OutcomeKind::Applied, forwarded.results.at(0).message.en);

    r = seen(province);
    CHECK(r.state == "forwarded");
    CHECK(r.level == "province");
    auto accepted = province.push({province.transition(id, r.ver, "accept", "forwarded", "accepted", r.ver)});
    REQUIRE_MESSAGE(accepted.results.at(0).kind == ds::OutcomeKind::Applied, accepted.results.at(0).message.en);
    CHECK(seen(officer).state == "accepted");
    CHECK(seen(district).state == "accepted");
}

TEST_CASE("issue 15: on the post-reform chain a provincial_reviewer returns and accepts; a district_reviewer at the "
          "province is refused; the reviewer administers nothing")
{
    SyncFixture f;  // the demo province: commune -> province, with the demo's reviewer account duyet15
    Device officer(f, f.ready("xa02683"));
    const std::string reviewerToken = f.ready("duyet15");
    Device reviewer(f, reviewerToken);
    Device misplaced(f, addAccount(f, "huyen-o-tinh", "district_reviewer", "15"));
    for (Device* d : {&officer, &reviewer, &misplaced}) {
        REQUIRE(d->registerSelf() == 201);
    }
    const std::string id = newUuid();
    const json values = sampleVillageValues();
    const int poor = values["households_poor"];
    auto sent = officer.push({officer.create(id, values), officer.transition(id, 1, "submit", "draft", "submitted", 1)});
    REQUIRE_MESSAGE(sent.results.at(1).kind == ds::OutcomeKind::Applied, sent.results.at(1).message.en);
    auto seen = [&](Device& who) {
        ds::Cursor from;
        return latestRecords(who.pullAll(from)).at(id);
    };
    auto r = seen(reviewer);
    CHECK(r.state == "submitted");
    CHECK(r.level == "province");

    // What a user found: a district reviewer created at the province can do nothing (its role is not a final one).
    auto refused = misplaced.push({misplaced.transition(id, r.ver, "accept", "submitted", "accepted", r.ver)});
    CHECK(refused.results.at(0).code == "permission_denied");
    CHECK(refused.results.at(0).message.en == "The account's role does not match its level");

    auto ret = reviewer.transition(id, r.ver, "return", "submitted", "returned", r.ver);
    ret.transition->reason = "Kiểm tra số hộ nghèo";
    ret.transition->fieldComments["households_poor"] = "Quá cao so với kỳ trước";
    REQUIRE(reviewer.push({ret}).results.at(0).kind == ds::OutcomeKind::Applied);
    r = seen(officer);
    REQUIRE(r.state == "returned");
    auto fixed = officer.push({officer.edit(id, r.ver, {{"households_poor", {poor, poor - 1}}}),
                               officer.transition(id, r.ver + 1, "resubmit", "returned", "submitted", r.ver + 1)});
    REQUIRE_MESSAGE(fixed.results.at(1).kind == ds::OutcomeKind::Applied, fixed.results.at(1).message.en);
    r = seen(reviewer);
    // The final level accepts; approve is for intermediate levels.
    CHECK(reviewer.push({reviewer.transition(id, r.ver, "approve", "submitted", "approved", r.ver)}).results.at(0).code ==
          "invalid");
    auto accepted = reviewer.push({reviewer.transition(id, r.ver, "accept", "submitted", "accepted", r.ver)});
    REQUIRE_MESSAGE(accepted.results.at(0).kind == ds::OutcomeKind::Applied, accepted.results.at(0).message.en);
    CHECK(seen(officer).state == "accepted");

    // Reviewing is not administering: no account management, no catalog changes.
    CHECK(f.call("GET", "/api/v1/admin/accounts", {}, reviewerToken).status == 403);
    CHECK(f.call("POST", "/api/v1/admin/accounts",
                 json{{"username", "ke-gian"}, {"role", "provincial_admin"}, {"unit_code", "15"}}.dump(), reviewerToken)
              .status == 403);
}
