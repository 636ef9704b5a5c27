// Workflow transitions through push (sync-protocol.md §7): who may do what, compare-and-set on state and on the
// content version seen, the hard-error gate on submit, reasons and field comments stored — in-process.
#include "sync/SyncFixture.h"

using namespace dantoc;
using namespace dantoc::test;
using nlohmann::json;
namespace ds = dantoc::sync;

TEST_CASE("transitions: roles, compare-and-set, the submit gate and the reason requirement")
{
    SyncFixture f;
    const std::string officerToken = f.ready("xa02683");
    Device officer(f, officerToken);
    Device admin(f, f.ready("admin"));
    Device viewer(f, f.ready("viewer"));
    for (Device* d : {&officer, &admin, &viewer}) {
        REQUIRE(d->registerSelf() == 201);
    }
    const std::string id = newUuid();
    REQUIRE(officer.push({officer.create(id, sampleVillageValues())}).results.at(0).ver == 1);

    // Only the owner submits; `to` must be where the action leads.
    CHECK(admin.push({admin.transition(id, 1, "submit", "draft", "submitted", 1)}).results.at(0).code ==
          "permission_denied");
    CHECK(officer.push({officer.transition(id, 1, "submit", "draft", "accepted", 1)}).results.at(0).code == "invalid");
    CHECK(officer.push({officer.transition(id, 1, "submit", "returned", "submitted", 1)}).results.at(0).code ==
          "state_changed");
    auto submitted = officer.push({officer.transition(id, 1, "submit", "draft", "submitted", 1)}).results.at(0);
    REQUIRE_MESSAGE(submitted.kind == ds::OutcomeKind::Applied, submitted.message.en);
    CHECK(submitted.ver == 2);

    // The viewer never acts; a return needs a reason; the officer cannot accept its own record.
    CHECK(viewer.push({viewer.transition(id, 2, "accept", "submitted", "accepted", 2)}).results.at(0).code ==
          "permission_denied");
    CHECK(admin.push({admin.transition(id, 2, "return", "submitted", "returned", 2)}).results.at(0).code == "invalid");
    CHECK(officer.push({officer.transition(id, 2, "accept", "submitted", "accepted", 2)}).results.at(0).kind ==
          ds::OutcomeKind::Rejected);

    // The province returns it; the officer's edit bumps the content; an accept based on the old version is stale.
    auto ret = admin.transition(id, 2, "return", "submitted", "returned", 2);
    ret.transition->reason = "Kiểm tra số hộ";
    ret.transition->fieldComments["households_poor"] = "Quá cao";
    REQUIRE(admin.push({ret}).results.at(0).ver == 3);
    const int poor = sampleVillageValues()["households_poor"];
    REQUIRE(officer.push({officer.edit(id, 3, {{"households_poor", {poor, poor - 2}}})}).results.at(0).ver == 4);
    REQUIRE(officer.push({officer.transition(id, 4, "resubmit", "returned", "submitted", 4)}).results.at(0).ver == 5);
    CHECK(admin.push({admin.transition(id, 3, "accept", "submitted", "accepted", 3)}).results.at(0).code ==
          "stale_review");
    auto accepted = admin.push({admin.transition(id, 5, "accept", "submitted", "accepted", 5)}).results.at(0);
    CHECK(accepted.kind == ds::OutcomeKind::Applied);

    auto record = f.call("GET", "/api/v1/records/" + id, {}, officerToken);
    REQUIRE(record.status == 200);
    const json doc = json::parse(record.body);
    CHECK(doc["state"] == "accepted");
    CHECK(doc["submit_count"] == 2);
    std::set<std::string> kinds;
    for (const auto& c : doc["comments"]) {
        kinds.insert(c["kind"].get<std::string>());
    }
    CHECK(kinds == std::set<std::string>{"reason:return", "field_comment"});
}
