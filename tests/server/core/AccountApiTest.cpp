// Admin account management through the router: role and scope checks, never-delete, close, reset, audit.
#include "support/ApiFixture.h"

using dantoc::test::ApiFixture;
using nlohmann::json;

TEST_CASE("a provincial admin creates an account whose initial password must be changed")
{
    ApiFixture f;
    const std::string admin = f.ready("admin");
    auto created = f.call("POST", "/api/v1/admin/accounts",
                          json{{"username", "can-bo.hop-thanh"}, {"display_name", "Nguyễn Văn A"},
                               {"role", "commune_officer"}, {"unit_code", "02680"}}
                              .dump(),
                          admin);
    REQUIRE(created.status == 201);
    auto body = json::parse(created.body);
    CHECK(body["account"]["must_change_password"] == true);
    CHECK(body["account"]["display_name"] == "Nguyễn Văn A");
    const std::string password = body["initial_password"];
    auto login = f.login("can-bo.hop-thanh", password);
    CHECK(login["_status"] == 200);
    CHECK(login["must_change_password"] == true);

    CHECK(f.call("POST", "/api/v1/admin/accounts",
                 json{{"username", "can-bo.hop-thanh"}, {"role", "commune_officer"}, {"unit_code", "02680"}}.dump(),
                 admin)
              .status == 409);
    CHECK(f.call("POST", "/api/v1/admin/accounts",
                 json{{"username", "x1y"}, {"role", "superuser"}, {"unit_code", "02680"}}.dump(), admin)
              .status == 400);
    CHECK(f.call("POST", "/api/v1/admin/accounts",
                 json{{"username", "x1y"}, {"role", "commune_officer"}, {"unit_code", "99999"}}.dump(), admin)
              .status == 400);
    CHECK(f.call("POST", "/api/v1/admin/accounts",
                 json{{"username", "Bad Name"}, {"role", "commune_officer"}, {"unit_code", "02680"}}.dump(), admin)
              .status == 400);
    CHECK(f.call("POST", "/api/v1/admin/accounts",
                 json{{"username", "x1y"}, {"role", "commune_officer"}, {"unit_code", 2680}}.dump(), admin)
              .status == 400);
}

TEST_CASE("admin-only endpoints refuse every other role with 403")
{
    ApiFixture f;
    for (const std::string user : {"viewer", "xa02683"}) {
        const std::string token = f.ready(user);
        CAPTURE(user);
        CHECK(f.call("GET", "/api/v1/admin/accounts", {}, token).status == 403);
        CHECK(f.call("POST", "/api/v1/admin/accounts",
                     json{{"username", "abc"}, {"role", "commune_officer"}, {"unit_code", "02683"}}.dump(), token)
                  .status == 403);
        CHECK(f.call("GET", "/api/v1/audit", {}, token).status == 403);
        auto other = f.app().store().accountByUsername("xa02647");
        REQUIRE(other.isOk());
        const std::string otherId = (*other)->id;
        CHECK(f.call("PATCH", "/api/v1/admin/accounts/" + otherId, R"({"display_name":"x"})", token).status == 403);
        CHECK(f.call("POST", "/api/v1/admin/accounts/" + otherId + "/reset-password", {}, token).status == 403);
        CHECK(f.call("POST", "/api/v1/admin/accounts/" + otherId + "/close", {}, token).status == 403);
    }
}

TEST_CASE("scope: an administrator rooted at one commune cannot see or change another commune's accounts")
{
    ApiFixture f;
    auto added = dantoc::server::addAccount(f.app().store(), f.app().auth().hasher(), "qt-batxat", "provincial_admin",
                                            "02683", "", f.clock.nowUnixMillis());
    REQUIRE(added.isOk());
    f.passwords["qt-batxat"] = added->password;
    const std::string token = f.ready("qt-batxat");
    auto list = f.call("GET", "/api/v1/admin/accounts", {}, token);
    REQUIRE(list.status == 200);
    const auto listed = json::parse(list.body);
    for (const auto& a : listed["accounts"]) {
        CHECK(a["unit_code"] == "02683");
    }
    auto other = f.app().store().accountByUsername("xa02647");
    REQUIRE(other.isOk());
    CHECK(f.call("PATCH", "/api/v1/admin/accounts/" + (*other)->id, R"({"display_name":"x"})", token).status == 403);
    CHECK(f.call("POST", "/api/v1/admin/accounts",
                 json{{"username", "abc"}, {"role", "commune_officer"}, {"unit_code", "02647"}}.dump(), token)
              .status == 403);
    CHECK(f.call("PATCH", "/api/v1/admin/accounts/no-such-id", R"({"display_name":"x"})", token).status == 404);
}

TEST_CASE("accounts are never deleted; closing one revokes its tokens and blocks login")
{
    ApiFixture f;
    const std::string admin = f.ready("admin");
    const std::string officer = f.ready("xa02686");
    auto account = f.app().store().accountByUsername("xa02686");
    REQUIRE(account.isOk());
    const std::string id = (*account)->id;
    auto del = f.call("DELETE", "/api/v1/admin/accounts/" + id, {}, admin);
    CHECK(del.status == 409);
    CHECK(ApiFixture::errorCode(del) == "account_not_deletable");

    auto closed = f.call("POST", "/api/v1/admin/accounts/" + id + "/close", {}, admin);
    REQUIRE(closed.status == 200);
    CHECK(json::parse(closed.body)["account"]["closed"] == true);
    CHECK(f.call("GET", "/api/v1/me", {}, officer).status == 401);
    CHECK(f.login("xa02686", f.passwords["xa02686"])["_status"] == 401);
    auto still = f.app().store().accountById(id);
    REQUIRE(still.isOk());
    CHECK(still->has_value());
    CHECK(f.call("PATCH", "/api/v1/admin/accounts/" + id, R"({"display_name":"x"})", admin).status == 409);

    auto admins = f.app().store().accountByUsername("admin");
    CHECK(f.call("POST", "/api/v1/admin/accounts/" + (*admins)->id + "/close", {}, admin).status == 409);
}

TEST_CASE("edit and reset-password are audited; reset forces a new password change")
{
    ApiFixture f;
    const std::string admin = f.ready("admin");
    auto account = f.app().store().accountByUsername("xa02671");
    const std::string id = (*account)->id;
    auto edited = f.call("PATCH", "/api/v1/admin/accounts/" + id, R"({"display_name":"Trần Thị B","role":"district_reviewer"})",
                         admin);
    REQUIRE(edited.status == 200);
    CHECK(json::parse(edited.body)["account"]["role"] == "district_reviewer");
    CHECK(f.call("PATCH", "/api/v1/admin/accounts/" + id, R"({"closed":true})", admin).status == 400);
    CHECK(f.call("PATCH", "/api/v1/admin/accounts/" + id, R"({"role":7})", admin).status == 400);

    auto reset = f.call("POST", "/api/v1/admin/accounts/" + id + "/reset-password", {}, admin);
    REQUIRE(reset.status == 200);
    const std::string password = json::parse(reset.body)["initial_password"];
    CHECK(f.login("xa02671", password)["must_change_password"] == true);

    auto audit = f.call("GET", "/api/v1/audit", {}, admin, {{"target", id}});
    REQUIRE(audit.status == 200);
    CAPTURE(audit.body);
    std::vector<std::string> actions;
    const auto entries = json::parse(audit.body);
    for (const auto& e : entries["entries"]) {
        actions.push_back(e["action"].get<std::string>());
    }
    CHECK(std::find(actions.begin(), actions.end(), "account.update") != actions.end());
    CHECK(std::find(actions.begin(), actions.end(), "account.reset_password") != actions.end());
    CHECK(f.call("GET", "/api/v1/audit", {}, admin, {{"limit", "-1"}}).status == 400);
    CHECK(f.call("GET", "/api/v1/audit", {}, admin, {{"bogus", "1"}}).status == 400);
    auto paged = f.call("GET", "/api/v1/audit", {}, admin, {{"limit", "2"}});
    CHECK(json::parse(paged.body)["entries"].size() == 2);
    CHECK(json::parse(paged.body).contains("next_after"));
}
