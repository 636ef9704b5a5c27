// JSON of workflow values: stable snake_case names, exact round trips, and hostile input refused with a Status.
#include "workflow/WorkflowJson.h"

#include <doctest/doctest.h>

using namespace dantoc::workflow;
using dantoc::Json;

TEST_CASE("workflow state JSON uses stable names and round-trips")
{
    WorkflowState s;
    s.state = State::Forwarded;
    s.level = "province";
    s.revision = 2;
    s.acceptedRevision = 1;
    s.submitCount = 3;
    s.contentVer = 17;
    const Json j = toJson(s);
    CHECK(j.dump() ==
          R"({"accepted_revision":1,"content_ver":17,"level":"province","revision":2,"state":"forwarded","submit_count":3})");
    auto back = workflowStateFromJson(j);
    REQUIRE(back.isOk());
    CHECK(*back == s);
}

TEST_CASE("workflow state JSON: hostile input is refused")
{
    const Json good = toJson(WorkflowState{State::Draft, "commune", 1, 0, 0, 0});
    CHECK(workflowStateFromJson(good).isOk());
    CHECK_FALSE(workflowStateFromJson(Json::array()).isOk());
    for (const char* key : {"state", "level", "revision", "accepted_revision", "submit_count", "content_ver"}) {
        CAPTURE(key);
        Json missing = good;
        missing.erase(key);
        CHECK_FALSE(workflowStateFromJson(missing).isOk());
        Json wrongType = good;
        wrongType[key] = Json::array();
        CHECK_FALSE(workflowStateFromJson(wrongType).isOk());
    }
    Json j = good;
    j["state"] = "resubmitted";
    CHECK(workflowStateFromJson(j).status().message().find("resubmitted") != std::string::npos);
    j = good;
    j["revision"] = 0;
    CHECK_FALSE(workflowStateFromJson(j).isOk());
    j = good;
    j["revision"] = 1.5;
    CHECK_FALSE(workflowStateFromJson(j).isOk());
    j = good;
    j["content_ver"] = -1;
    CHECK_FALSE(workflowStateFromJson(j).isOk());
    j = good;
    j["revision"] = 18446744073709551615ULL;
    CHECK_FALSE(workflowStateFromJson(j).isOk());
    j = good;
    j["submit_count"] = 4294967296LL;
    CHECK_FALSE(workflowStateFromJson(j).isOk());
}

TEST_CASE("workflow events round-trip with comments, replies and Vietnamese text")
{
    WorkflowEvent e;
    e.action = Action::Return;
    e.actor = "acc-lao-cai-01";
    e.role = Role::ProvincialAdmin;
    e.level = "province";
    e.at = 1'751'328'000'000;
    e.reason = "Số hộ nghèo chưa khớp với biểu 02";
    e.fieldComments = {{"c1", "households.poor", "", "Kiểm tra lại"}, {"c2", "villages.road", "row-3", "Đường bê tông?"}};
    e.fromState = State::Submitted;
    e.fromLevel = "province";
    e.toState = State::Returned;
    e.toLevel = "commune";
    e.revision = 1;
    e.contentVer = 9;
    const Json j = toJson(e);
    CHECK(j["action"] == "return");
    CHECK(j["role"] == "provincial_admin");
    CHECK(j["field_comments"][1]["row_id"] == "row-3");
    CHECK_FALSE(j["field_comments"][0].contains("row_id"));
    auto back = workflowEventFromJson(j);
    REQUIRE(back.isOk());
    CHECK(*back == e);

    WorkflowEvent reply;
    reply.action = Action::Resubmit;
    reply.replies = {{"c1", "Đã sửa"}};
    reply.fromLevel = reply.toLevel = "commune";
    auto back2 = workflowEventFromJson(toJson(reply));
    REQUIRE(back2.isOk());
    CHECK(*back2 == reply);
}

TEST_CASE("workflow events: hostile input is refused")
{
    WorkflowEvent e;
    e.fromLevel = e.toLevel = e.level = "commune";
    const Json good = toJson(e);
    REQUIRE(workflowEventFromJson(good).isOk());
    for (const char* key : {"action", "actor", "role", "level", "at", "from_state", "from_level", "to_state",
                            "to_level", "revision", "content_ver"}) {
        CAPTURE(key);
        Json missing = good;
        missing.erase(key);
        CHECK_FALSE(workflowEventFromJson(missing).isOk());
        Json wrongType = good;
        wrongType[key] = Json::object();
        CHECK_FALSE(workflowEventFromJson(wrongType).isOk());
    }
    Json j = good;
    j["field_comments"] = "c1";
    CHECK_FALSE(workflowEventFromJson(j).isOk());
    j = good;
    j["field_comments"] = Json::array({Json::array()});
    CHECK_FALSE(workflowEventFromJson(j).isOk());
    j = good;
    j["field_comments"] = Json::array({Json{{"id", "c1"}, {"text", "x"}}});
    CHECK_FALSE(workflowEventFromJson(j).isOk());
    j = good;
    j["replies"] = Json::array({Json{{"comment_id", 5}, {"text", "x"}}});
    CHECK_FALSE(workflowEventFromJson(j).isOk());
    j = good;
    j["role"] = "root";
    CHECK_FALSE(workflowEventFromJson(j).isOk());
}

TEST_CASE("parseHistory parses and replays; malformed or illegal histories are refused")
{
    const char* legal = R"({"chain":["commune","province"],"events":[
      {"action":"submit","actor":"u1","role":"commune_officer","level":"commune","at":1,
       "from_state":"draft","from_level":"commune","to_state":"submitted","to_level":"province",
       "revision":1,"content_ver":0},
      {"action":"accept","actor":"u2","role":"provincial_admin","level":"province","at":2,
       "from_state":"submitted","from_level":"province","to_state":"accepted","to_level":"province",
       "revision":1,"content_ver":0}]})";
    auto h = parseHistory(legal);
    REQUIRE(h.isOk());
    CHECK(h->state().state == State::Accepted);

    std::string illegal = legal;
    illegal.replace(illegal.find("provincial_admin"), 16, "provincial_viewer");
    auto bad = parseHistory(illegal);
    REQUIRE_FALSE(bad.isOk());
    CHECK(bad.status().message().find("event 2") != std::string::npos);

    CHECK_FALSE(parseHistory("").isOk());
    CHECK_FALSE(parseHistory("[]").isOk());
    CHECK_FALSE(parseHistory(R"({"chain":"commune","events":[]})").isOk());
    CHECK_FALSE(parseHistory(R"({"chain":["commune",1],"events":[]})").isOk());
    CHECK_FALSE(parseHistory(R"({"chain":["commune","province"],"events":{}})").isOk());
    CHECK_FALSE(parseHistory(R"({"chain":["commune","province"],"events":[1]})").isOk());
    CHECK_FALSE(parseHistory(R"({"chain":["commune"],"events":[]})").isOk());
    CHECK_FALSE(parseHistory(R"({"chain":["commune","province"],"chain":["x","y"],"events":[]})").isOk());
    CHECK(parseHistory(R"({"chain":["commune","province"],"events":[]})").isOk());
}
