// Scope on every route, table-driven, against the real dantoc-server over TLS: a commune officer never reads or
// changes another commune's data, and never reaches the province's administration. Each row pairs the refusal
// with the same request from an account that may make it (so a 403 is not just a malformed request). The table
// must name every route in server/docs/openapi.yaml: a new route without a scope row fails here.
#include "OpenApiRoutes.h"
#include "support/FlowAccounts.h"
#include "support/SyncClientForTests.h"
#include "support/TestServer.h"

#include "base/Uuid.h"
#include "sync/BlobMessages.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

using dantoc::test::errorCodeOf;
using dantoc::test::FlowAccounts;
using dantoc::test::FlowSession;
using dantoc::test::HttpResult;
using dantoc::test::HttpsClient;
using dantoc::test::SyncClientForTests;
using dantoc::test::TestServer;
using nlohmann::json;

namespace {

// Commune A (the actor's) and commune B (someone else's), both under province 15 in the demo tree.
constexpr const char* kCommuneA = "02683";
constexpr const char* kCommuneB = "02686";
constexpr const char* kVillageA = "02683-01";
constexpr const char* kVillageB = "02686-01";
constexpr const char* kSyncPeriod = "2026-H2";
const dantoc::sync::FormRef kVillageForm{"village_survey", 1};
const dantoc::sync::FormRef kCommuneForm{"commune_survey", 1};
constexpr const char* kYearPeriod = "2026";

// Registers `deviceId` for the session's user (POST /api/v1/sync/devices); returns the HTTP status.
int registerDevice(HttpsClient& http, const FlowSession& who, const std::string& deviceId)
{
    return http.post("/api/v1/sync/devices", json{{"device_id", deviceId}, {"name", "test"}}.dump(), who.accessToken)
        .status;
}

struct ScopeWorld {
    TestServer server;
    HttpsClient client;
    FlowAccounts accounts;
    FlowSession admin;     // provincial_admin at 15
    FlowSession officerA;  // commune_officer at kCommuneA
    FlowSession officerB;  // commune_officer at kCommuneB
    FlowSession viewer;    // provincial_viewer at 15
    // Commune B's data: a record created by officerB's device, and an open conflict on it (a second device of B
    // edited households_total from a stale base).
    std::string deviceB = dantoc::newUuid();
    std::string recordB = dantoc::newUuid();
    std::string recordBScan = dantoc::newUuid();  // B's commune questionnaire, whose signed_scan is blobB
    int recordBTotal = 40;
    std::string conflictB;
    // An attachment referenced by recordBScan (a 1 KB file: one chunk). Its SHA-256 is the chunk's checksum too.
    std::string blobBBytes = std::string(1024, 'B');
    std::string blobB = "9b6ce55f379e9771551de6939556a7e6b949814ae27c2f5cfd5dbeb378ce7c2a";

    static TestServer::Options options()
    {
        TestServer::Options o;
        o.initArgs = {"--demo"};
        return o;
    }
    ScopeWorld() : server(options()), client(server.client()), accounts(server)
    {
        REQUIRE(server.started());
        admin = accounts.ready(client, "admin");
        officerA = accounts.ready(client, std::string("xa") + kCommuneA);
        officerB = accounts.ready(client, std::string("xa") + kCommuneB);
        viewer = accounts.ready(client, "viewer");
        REQUIRE(admin.ok());
        REQUIRE(officerA.ok());
        REQUIRE(officerB.ok());
        REQUIRE(viewer.ok());
        SyncClientForTests b(client, officerB.accessToken, deviceB);
        SyncClientForTests b2(client, officerB.accessToken);
        REQUIRE(registerDevice(client, officerB, deviceB) == 201);
        REQUIRE(registerDevice(client, officerB, b2.deviceId()) == 201);
        auto created = b.push({b.create(recordB, kVillageForm, kVillageB, kSyncPeriod, json{{"households_total", 40}})});
        REQUIRE(created.isOk());
        REQUIRE(created->results.at(0).kind == dantoc::sync::OutcomeKind::Applied);
        REQUIRE(b.push({b.edit(recordB, kVillageForm, kVillageB, kSyncPeriod, 1, {{"households_total", {40, 41}}})})
                    .isOk());
        auto stale = b2.push({b2.edit(recordB, kVillageForm, kVillageB, kSyncPeriod, 1, {{"households_total", {40, 42}}})});
        REQUIRE(stale.isOk());
        REQUIRE(stale->results.at(0).kind == dantoc::sync::OutcomeKind::Conflict);
        conflictB = stale->results.at(0).conflictId;
        recordBTotal = 41;
        // An attachment of B: uploaded by B in one chunk, then referenced by a new record of B from B's device.
        auto started = call(officerB, "POST", "/api/v1/sync/blobs",
                            json{{"sha256", blobB}, {"size", blobBBytes.size()}}.dump());
        REQUIRE(started.status == 200);
        auto chunk = client.request("PATCH", "/api/v1/sync/blobs/" + blobB, blobBBytes,
                                    {{"Authorization", "Bearer " + officerB.accessToken},
                                     {"Content-Type", "application/offset+octet-stream"},
                                     {"Upload-Offset", "0"},
                                     {"Upload-Checksum", dantoc::sync::formatChecksumHeader(blobB)}});
        REQUIRE(chunk.status == 200);
        REQUIRE(json::parse(chunk.body)["complete"] == true);
        // The attachment rides on a commune questionnaire of B (a form with an attachment field: `blobs` must
        // name exactly the attachment values the op sets).
        auto attach = b.create(recordBScan, kCommuneForm, kCommuneB, kYearPeriod,
                               json{{"signed_scan", {{"sha256", blobB}, {"name", "phieu.pdf"}, {"size", 1024},
                                                     {"mime", "application/pdf"}}}});
        attach.blobs = {blobB};
        auto attached = b.push({attach});
        REQUIRE(attached.isOk());
        REQUIRE(attached->results.at(0).kind == dantoc::sync::OutcomeKind::Applied);
    }

    json bodyOfB()
    {
        auto answer = call(officerB, "GET", "/api/v1/records/" + recordB);
        REQUIRE(answer.status == 200);
        return json::parse(answer.body)["body"];
    }

    HttpResult call(const FlowSession& who, const std::string& method, const std::string& target,
                    const std::string& body = {})
    {
        return client.request(method, target, body, {{"Authorization", "Bearer " + who.accessToken}});
    }

    std::string accountId(const std::string& username)
    {
        auto list = call(admin, "GET", "/api/v1/admin/accounts?include_closed=true");
        REQUIRE(list.status == 200);
        const json listDoc = json::parse(list.body);
        for (const auto& a : listDoc.at("accounts")) {
            if (a["username"] == username) {
                return a["id"];
            }
        }
        FAIL("no account " << username);
        return {};
    }
};

void expectForbidden(const HttpResult& answer)
{
    CHECK(answer.status == 403);
    CHECK(errorCodeOf(answer) == "forbidden");
}

struct ScopeRow {
    std::string why;  // what the row checks, or why the route carries no unit data
    std::function<void(ScopeWorld&)> check;
};

// Routes without unit data: public, or about the caller's own session. Their rows check that they never expose
// another account.
std::map<std::string, ScopeRow> scopeTable()
{
    std::map<std::string, ScopeRow> table;
    table["GET /api/v1/health"] = {"public liveness, no data", [](ScopeWorld& w) {
                                       auto answer = w.client.get("/api/v1/health");
                                       CHECK(answer.status == 200);
                                       CHECK(answer.body.find(kCommuneB) == std::string::npos);
                                   }};
    table["GET /metrics"] = {"loopback metrics, route names and counts only", [](ScopeWorld& w) {
                                 auto answer = w.client.get("/metrics");
                                 CHECK(answer.status == 200);
                                 CHECK(answer.body.find(w.officerB.username) == std::string::npos);
                             }};
    table["POST /api/v1/auth/login"] = {"own credentials only: A's password does not open B", [](ScopeWorld& w) {
                                            auto answer = w.client.post(
                                                "/api/v1/auth/login",
                                                json{{"username", w.officerB.username},
                                                     {"password", w.officerA.password}}
                                                    .dump());
                                            CHECK(answer.status == 401);
                                        }};
    table["POST /api/v1/auth/refresh"] = {"a refresh token names its own account", [](ScopeWorld& w) {
                                              auto answer = w.client.post(
                                                  "/api/v1/auth/refresh",
                                                  json{{"refresh_token", w.officerA.refreshToken}}.dump());
                                              REQUIRE(answer.status == 200);
                                              const json tokens = json::parse(answer.body);
                                              CHECK(tokens["account"]["username"] == w.officerA.username);
                                              w.officerA.accessToken = tokens["access_token"];
                                              w.officerA.refreshToken = tokens["refresh_token"];
                                          }};
    table["POST /api/v1/auth/password"] = {"changes the caller's own password only", [](ScopeWorld& w) {
                                               // B's current password is not A's: refused, B unchanged.
                                               auto answer = w.call(w.officerA, "POST", "/api/v1/auth/password",
                                                                    json{{"current_password", w.officerB.password},
                                                                         {"new_password", "Khong-duoc-doi-2026"}}
                                                                        .dump());
                                               CHECK(answer.status == 403);
                                               auto login = w.client.post("/api/v1/auth/login",
                                                                          json{{"username", w.officerB.username},
                                                                               {"password", w.officerB.password}}
                                                                              .dump());
                                               CHECK(login.status == 200);
                                           }};
    table["POST /api/v1/auth/logout"] = {"ends the caller's own session only", [](ScopeWorld& w) {
                                             // A second session of A ends; B's session still works.
                                             auto second = w.accounts.ready(w.client, w.officerA.username);
                                             REQUIRE(second.ok());
                                             CHECK(w.call(second, "POST", "/api/v1/auth/logout").status == 200);
                                             CHECK(w.call(second, "GET", "/api/v1/me").status == 401);
                                             CHECK(w.call(w.officerB, "GET", "/api/v1/me").status == 200);
                                             CHECK(w.call(w.officerA, "GET", "/api/v1/me").status == 200);
                                         }};
    table["GET /api/v1/me"] = {"the caller's own account and unit", [](ScopeWorld& w) {
                                   auto answer = w.call(w.officerA, "GET", "/api/v1/me");
                                   REQUIRE(answer.status == 200);
                                   const json me = json::parse(answer.body);
                                   CHECK(me["username"] == w.officerA.username);
                                   CHECK(me["unit_code"] == kCommuneA);
                                   CHECK(me["unit"]["code"] == kCommuneA);
                               }};

    // Administration: province admins only; a commune officer is refused on every account route, also for an
    // account of its own commune, and nothing changes.
    table["GET /api/v1/admin/accounts"] = {"officer 403; admin lists both communes", [](ScopeWorld& w) {
                                               expectForbidden(w.call(w.officerA, "GET", "/api/v1/admin/accounts"));
                                               expectForbidden(w.call(w.viewer, "GET", "/api/v1/admin/accounts"));
                                               auto list = w.call(w.admin, "GET", "/api/v1/admin/accounts");
                                               REQUIRE(list.status == 200);
                                               CHECK(list.body.find(w.officerB.username) != std::string::npos);
                                           }};
    table["POST /api/v1/admin/accounts"] = {"officer cannot create an account in B (nor in A)", [](ScopeWorld& w) {
                                                for (const char* unit : {kCommuneB, kCommuneA}) {
                                                    CAPTURE(unit);
                                                    expectForbidden(w.call(
                                                        w.officerA, "POST", "/api/v1/admin/accounts",
                                                        json{{"username", std::string("moi") + unit},
                                                             {"role", "commune_officer"},
                                                             {"unit_code", unit}}
                                                            .dump()));
                                                }
                                                CHECK(w.accounts.create(w.client, w.admin.accessToken,
                                                                        "moi02686", "commune_officer",
                                                                        kCommuneB) == 201);
                                            }};
    table["PATCH /api/v1/admin/accounts/{id}"] = {
        "officer cannot move B's account into A", [](ScopeWorld& w) {
            const std::string idB = w.accountId(w.officerB.username);
            expectForbidden(w.call(w.officerA, "PATCH", "/api/v1/admin/accounts/" + idB,
                                   json{{"unit_code", kCommuneA}}.dump()));
            CHECK(w.call(w.officerB, "GET", "/api/v1/me").status == 200);  // a unit change would revoke tokens
            auto ok = w.call(w.admin, "PATCH", "/api/v1/admin/accounts/" + idB,
                             json{{"display_name", "Cán bộ xã A Mú Sung"}}.dump());
            CHECK(ok.status == 200);
        }};
    table["DELETE /api/v1/admin/accounts/{id}"] = {
        "officer 403; nobody deletes (409 for the admin)", [](ScopeWorld& w) {
            const std::string idB = w.accountId(w.officerB.username);
            expectForbidden(w.call(w.officerA, "DELETE", "/api/v1/admin/accounts/" + idB));
            auto admin = w.call(w.admin, "DELETE", "/api/v1/admin/accounts/" + idB);
            CHECK(admin.status == 409);
            CHECK(errorCodeOf(admin) == "account_not_deletable");
        }};
    table["POST /api/v1/admin/accounts/{id}/close"] = {
        "officer cannot close B's account", [](ScopeWorld& w) {
            const std::string idB = w.accountId(w.officerB.username);
            expectForbidden(w.call(w.officerA, "POST", "/api/v1/admin/accounts/" + idB + "/close"));
            CHECK(w.call(w.officerB, "GET", "/api/v1/me").status == 200);
            // The admin may (on a throw-away account of commune B).
            REQUIRE(w.accounts.create(w.client, w.admin.accessToken, "dong02686", "commune_officer", kCommuneB) ==
                    201);
            CHECK(w.call(w.admin, "POST", "/api/v1/admin/accounts/" + w.accountId("dong02686") + "/close").status ==
                  200);
        }};
    table["POST /api/v1/admin/accounts/{id}/reset-password"] = {
        "officer cannot reset B's password", [](ScopeWorld& w) {
            const std::string idB = w.accountId(w.officerB.username);
            expectForbidden(w.call(w.officerA, "POST", "/api/v1/admin/accounts/" + idB + "/reset-password"));
            auto login = w.client.post(
                "/api/v1/auth/login",
                json{{"username", w.officerB.username}, {"password", w.officerB.password}}.dump());
            CHECK(login.status == 200);
            CHECK(json::parse(login.body)["must_change_password"] == false);
        }};
    table["GET /api/v1/audit"] = {"officer and viewer 403; admin reads B's entries", [](ScopeWorld& w) {
                                      expectForbidden(w.call(w.officerA, "GET", "/api/v1/audit"));
                                      expectForbidden(w.call(w.viewer, "GET", "/api/v1/audit"));
                                      auto all = w.call(w.admin, "GET", "/api/v1/audit?limit=1000");
                                      REQUIRE(all.status == 200);
                                      CHECK(json::parse(all.body)["entries"].size() > 5);
                                  }};
    table["GET /api/v1/units"] = {
        "officer sees its own subtree only, today and on a past date", [](ScopeWorld& w) {
            for (const std::string query : {"", "?at=2025-01-01", "?at=2026-01-01"}) {
                CAPTURE(query);
                auto answer = w.call(w.officerA, "GET", "/api/v1/units" + query);
                REQUIRE(answer.status == 200);
                const json answerDoc = json::parse(answer.body);
                for (const auto& unit : answerDoc.at("units")) {
                    CAPTURE(unit.dump());
                    CHECK(unit["code"] != kCommuneB);
                    CHECK(unit["code"] != "15");
                    CHECK(unit["parent_code"] != kCommuneB);
                }
            }
            auto own = w.call(w.officerA, "GET", "/api/v1/units");
            CHECK(own.body.find(std::string("\"") + kCommuneA + "\"") != std::string::npos);
            auto province = w.call(w.admin, "GET", "/api/v1/units");
            REQUIRE(province.status == 200);
            CHECK(province.body.find(std::string("\"") + kCommuneB + "\"") != std::string::npos);
        }};

    // Reference data (forms, catalogs, periods): the same for every signed-in account, no unit data. Publishing
    // forms and opening periods is the province admin's: a commune officer is refused and nothing changes.
    table["GET /api/v1/forms"] = {"reference data, same for every account", [](ScopeWorld& w) {
                                      auto a = w.call(w.officerA, "GET", "/api/v1/forms");
                                      auto b = w.call(w.officerB, "GET", "/api/v1/forms");
                                      REQUIRE(a.status == 200);
                                      CHECK(a.body == b.body);
                                  }};
    table["GET /api/v1/forms/{id}/{version}"] = {"reference data, same for every account", [](ScopeWorld& w) {
                                                     auto a = w.call(w.officerA, "GET", "/api/v1/forms/village_survey/1");
                                                     auto b = w.call(w.officerB, "GET", "/api/v1/forms/village_survey/1");
                                                     REQUIRE(a.status == 200);
                                                     CHECK(a.body == b.body);
                                                 }};
    table["POST /api/v1/admin/forms"] = {"officer 403, the form list unchanged", [](ScopeWorld& w) {
                                             const auto before = w.call(w.admin, "GET", "/api/v1/forms").body;
                                             const std::string form =
                                                 dantoc::test::readFile(std::filesystem::path(DANTOC_SOURCE_DIR) /
                                                                        "resources/forms/village_survey.json");
                                             expectForbidden(w.call(w.officerA, "POST", "/api/v1/admin/forms", form));
                                             expectForbidden(w.call(w.viewer, "POST", "/api/v1/admin/forms", form));
                                             CHECK(w.call(w.admin, "GET", "/api/v1/forms").body == before);
                                         }};
    table["GET /api/v1/catalogs"] = {"reference data, same for every account", [](ScopeWorld& w) {
                                         auto a = w.call(w.officerA, "GET", "/api/v1/catalogs");
                                         REQUIRE(a.status == 200);
                                         CHECK(a.body == w.call(w.officerB, "GET", "/api/v1/catalogs").body);
                                     }};
    table["GET /api/v1/catalogs/{name}"] = {"reference data, same for every account", [](ScopeWorld& w) {
                                                auto a = w.call(w.officerA, "GET", "/api/v1/catalogs/ethnic_groups");
                                                REQUIRE(a.status == 200);
                                                CHECK(a.body ==
                                                      w.call(w.officerB, "GET", "/api/v1/catalogs/ethnic_groups").body);
                                            }};
    table["GET /api/v1/periods"] = {"reference data, same for every account", [](ScopeWorld& w) {
                                        auto a = w.call(w.officerA, "GET", "/api/v1/periods");
                                        REQUIRE(a.status == 200);
                                        CHECK(a.body == w.call(w.officerB, "GET", "/api/v1/periods").body);
                                    }};
    table["POST /api/v1/admin/periods"] = {"officer 403, the periods unchanged", [](ScopeWorld& w) {
                                               const auto before = w.call(w.admin, "GET", "/api/v1/periods").body;
                                               const std::string period =
                                                   json{{"id", "2030-H1"}, {"form_id", "village_survey"}}.dump();
                                               expectForbidden(w.call(w.officerA, "POST", "/api/v1/admin/periods", period));
                                               expectForbidden(w.call(w.viewer, "POST", "/api/v1/admin/periods", period));
                                               CHECK(w.call(w.admin, "GET", "/api/v1/periods").body == before);
                                           }};
    // Aggregates and exports: a unit outside the caller's scope is 403; the caller's own commune answers 200.
    for (const char* path : {"/api/v1/aggregates", "/api/v1/exports/aggregates.csv", "/api/v1/exports/aggregates.xlsx",
                             "/api/v1/exports/records.csv"}) {
        const std::string target = path;
        table["GET " + target] = {"a unit outside the caller's scope is 403, its own unit 200", [target](ScopeWorld& w) {
                                      const std::string query = "?period=2026&form=village_survey&unit=";
                                      expectForbidden(w.call(w.officerA, "GET", target + query + kCommuneB));
                                      expectForbidden(w.call(w.officerA, "GET", target + query + "15"));
                                      CHECK(w.call(w.officerA, "GET", target + query + kCommuneA).status == 200);
                                      CHECK(w.call(w.viewer, "GET", target + query + kCommuneB).status == 200);
                                  }};
    }
    table["POST /api/v1/admin/periods/{id}/close"] = {"officer and viewer 403, the periods unchanged", [](ScopeWorld& w) {
                                                         const auto before = w.call(w.admin, "GET", "/api/v1/periods").body;
                                                         expectForbidden(w.call(w.officerA, "POST", "/api/v1/admin/periods/2026/close"));
                                                         expectForbidden(w.call(w.viewer, "POST", "/api/v1/admin/periods/2026/close"));
                                                         CHECK(w.call(w.admin, "GET", "/api/v1/periods").body == before);
                                                         CHECK(w.call(w.admin, "POST", "/api/v1/admin/periods/2031/close").status == 404);
                                                     }};
    table["POST /api/v1/sync/devices"] = {
        "a device id bound to B cannot be taken by A", [](ScopeWorld& w) {
            auto taken = w.client.post("/api/v1/sync/devices", json{{"device_id", w.deviceB}, {"name", "x"}}.dump(),
                                       w.officerA.accessToken);
            CHECK(taken.status == 409);
            CHECK(errorCodeOf(taken) == "device_taken");
            CHECK(registerDevice(w.client, w.officerB, w.deviceB) == 200);
        }};
    table["POST /api/v1/sync/push"] = {
        "A's ops on a unit of B are rejected out_of_scope; A's device cannot push for B's device", [](ScopeWorld& w) {
            SyncClientForTests a(w.client, w.officerA.accessToken);
            REQUIRE(registerDevice(w.client, w.officerA, a.deviceId()) / 100 == 2);
            auto answer = a.push({a.create(dantoc::newUuid(), kVillageForm, kVillageB, kSyncPeriod, json{{"households_total", 1}}),
                                  a.edit(w.recordB, kVillageForm, kVillageB, kSyncPeriod, 2,
                                         {{"households_total", {w.recordBTotal, 999}}})});
            REQUIRE(answer.isOk());
            REQUIRE(answer->results.size() == 2);
            for (const auto& outcome : answer->results) {
                CHECK(outcome.kind == dantoc::sync::OutcomeKind::Rejected);
                CHECK(outcome.code == "out_of_scope");
            }
            // B's record relabelled with A's village: still rejected (the stored record's unit counts)
            auto relabel = a.push({a.edit(w.recordB, kVillageForm, kVillageA, kSyncPeriod, 2,
                                          {{"households_total", {w.recordBTotal, 999}}})});
            REQUIRE(relabel.isOk());
            CHECK(relabel->results.at(0).code == "out_of_scope");
            // B's device id under A's token: 403 device_not_bound
            SyncClientForTests impostor(w.client, w.officerA.accessToken, w.deviceB);
            HttpResult raw;
            (void)impostor.push({}, &raw);
            CHECK(raw.status == 403);
            CHECK(errorCodeOf(raw) == "device_not_bound");
            CHECK(w.bodyOfB()["households_total"] == w.recordBTotal);
        }};
    table["POST /api/v1/sync/pull"] = {
        "A's pull never returns a record or comment of B; B's does", [](ScopeWorld& w) {
            SyncClientForTests a(w.client, w.officerA.accessToken);
            REQUIRE(registerDevice(w.client, w.officerA, a.deviceId()) / 100 == 2);
            dantoc::sync::Cursor cursor;
            auto items = a.pullAll(cursor);
            REQUIRE(items.isOk());
            for (const auto& item : *items) {
                CHECK(item.recordId != w.recordB);
                CHECK(item.unit.rfind(kCommuneB, 0) != 0);
            }
            SyncClientForTests b(w.client, w.officerB.accessToken, w.deviceB);
            dantoc::sync::Cursor cursorB;
            auto itemsB = b.pullAll(cursorB);
            REQUIRE(itemsB.isOk());
            CHECK(std::any_of(itemsB->begin(), itemsB->end(), [&](const auto& item) { return item.recordId == w.recordB; }));
        }};
    table["GET /api/v1/records"] = {"A lists none of B's records; B and the viewer do", [](ScopeWorld& w) {
                                        auto has = [&](const FlowSession& who, const std::string& query) {
                                            auto answer = w.call(who, "GET", "/api/v1/records" + query);
                                            REQUIRE(answer.status == 200);
                                            const json doc = json::parse(answer.body);
                                            for (const auto& r : doc["records"]) {
                                                if (r["record_id"] == w.recordB) {
                                                    return true;
                                                }
                                            }
                                            return false;
                                        };
                                        CHECK_FALSE(has(w.officerA, ""));
                                        CHECK_FALSE(has(w.officerA, std::string("?unit=") + kCommuneB));
                                        CHECK(has(w.officerB, ""));
                                        CHECK(has(w.viewer, std::string("?unit=") + kCommuneB));
                                    }};
    table["GET /api/v1/records/{id}"] = {"404 for B's record to A (existence not disclosed); 200 to B",
                                         [](ScopeWorld& w) {
                                             CHECK(w.call(w.officerA, "GET", "/api/v1/records/" + w.recordB).status == 404);
                                             CHECK(w.call(w.officerB, "GET", "/api/v1/records/" + w.recordB).status == 200);
                                             CHECK(w.call(w.admin, "GET", "/api/v1/records/" + w.recordB).status == 200);
                                         }};
    table["GET /api/v1/conflicts"] = {"A does not see B's conflict; B does", [](ScopeWorld& w) {
                                          auto ids = [&](const FlowSession& who) {
                                              std::set<std::string> out;
                                              auto answer = w.call(who, "GET", "/api/v1/conflicts");
                                              REQUIRE(answer.status == 200);
                                              const json doc = json::parse(answer.body);
                                              for (const auto& c : doc["conflicts"]) {
                                                  out.insert(c["conflict_id"].get<std::string>());
                                              }
                                              return out;
                                          };
                                          CHECK(ids(w.officerA).count(w.conflictB) == 0);
                                          CHECK(ids(w.officerB).count(w.conflictB) == 1);
                                      }};
    table["POST /api/v1/conflicts/{id}/resolve"] = {
        "A cannot resolve B's conflict (404), the viewer cannot (403); it stays open", [](ScopeWorld& w) {
            const std::string target = "/api/v1/conflicts/" + w.conflictB + "/resolve";
            CHECK(w.call(w.officerA, "POST", target).status == 404);
            CHECK(w.call(w.viewer, "POST", target).status == 403);
            auto list = w.call(w.officerB, "GET", "/api/v1/conflicts");
            REQUIRE(list.status == 200);
            CHECK(list.body.find(w.conflictB) != std::string::npos);
        }};
    table["POST /api/v1/sync/blobs"] = {
        "A starting B's attachment gets a new upload at 0 (no dedup across scope); the admin, in scope, complete",
        [](ScopeWorld& w) {
            const std::string start = json{{"sha256", w.blobB}, {"size", w.blobBBytes.size()}}.dump();
            auto fromA = w.call(w.officerA, "POST", "/api/v1/sync/blobs", start);
            REQUIRE(fromA.status == 200);
            CHECK(json::parse(fromA.body)["offset"] == 0);
            CHECK(json::parse(fromA.body)["complete"] == false);
            auto fromAdmin = w.call(w.admin, "POST", "/api/v1/sync/blobs", start);
            REQUIRE(fromAdmin.status == 200);
            CHECK(json::parse(fromAdmin.body)["complete"] == true);
            CHECK(w.call(w.viewer, "POST", "/api/v1/sync/blobs", start).status == 403);
        }};
    table["HEAD /api/v1/sync/blobs/{sha256}"] = {
        "404 to another commune for B's attachment (A's own upload, if any, shows only A's bytes); B sees it complete",
        [](ScopeWorld& w) {
            const std::string target = "/api/v1/sync/blobs/" + w.blobB;
            auto fromB = w.call(w.officerB, "HEAD", target);
            CHECK(fromB.status == 200);
            CHECK(fromB.headers["upload-offset"] == std::to_string(w.blobBBytes.size()));
            // A fresh account of another commune that never started it.
            auto other = w.accounts.ready(w.client, "xa02680");
            REQUIRE(other.ok());
            CHECK(w.call(other, "HEAD", target).status == 404);
            auto fromA = w.call(w.officerA, "HEAD", target);
            CHECK((fromA.status == 404 || fromA.headers["upload-offset"] == "0"));
        }};
    table["PATCH /api/v1/sync/blobs/{sha256}"] = {
        "A's chunks go into A's own upload only: B's stored file and offset are untouched", [](ScopeWorld& w) {
            const std::string target = "/api/v1/sync/blobs/" + w.blobB;
            REQUIRE(w.call(w.officerA, "POST", "/api/v1/sync/blobs",
                           json{{"sha256", w.blobB}, {"size", w.blobBBytes.size()}}.dump())
                        .status == 200);
            const std::string wrong(1024, 'A');
            auto chunk = w.client.request("PATCH", target, wrong,
                                          {{"Authorization", "Bearer " + w.officerA.accessToken},
                                           {"Content-Type", "application/offset+octet-stream"},
                                           {"Upload-Offset", "0"},
                                           {"Upload-Checksum", dantoc::sync::formatChecksumHeader(w.blobB)}});
            CHECK(chunk.status == 400);  // the checksum is B's file's, not these bytes'
            CHECK(w.call(w.viewer, "PATCH", target, wrong).status == 403);
            auto download = w.call(w.officerB, "GET", target);
            CHECK(download.status == 200);
            CHECK(download.body == w.blobBBytes);
        }};
    table["GET /api/v1/sync/blobs/{sha256}"] = {"404 for B's attachment to A; 200 to B and the viewer",
                                                [](ScopeWorld& w) {
                                                    const std::string target = "/api/v1/sync/blobs/" + w.blobB;
                                                    CHECK(w.call(w.officerA, "GET", target).status == 404);
                                                    auto fromB = w.call(w.officerB, "GET", target);
                                                    CHECK(fromB.status == 200);
                                                    CHECK(fromB.body == w.blobBBytes);
                                                    CHECK(w.call(w.viewer, "GET", target).status == 200);
                                                }};
    return table;
}

}  // namespace

TEST_CASE("the scope table names every documented route")
{
    const auto table = scopeTable();
    std::set<std::string> documented;
    for (const auto& route : dantoc::test::documentedRoutes()) {
        documented.insert(route.key());
        CAPTURE(route.key());
        CHECK_MESSAGE(table.count(route.key()) == 1, "a documented route has no scope row: add one in ScopeTableTest");
    }
    // A row ahead of its route (written against the contract before the route was committed) only warns.
    for (const auto& [key, row] : table) {
        if (documented.count(key) == 0) {
            MESSAGE("scope row for a route openapi.yaml does not document (yet): " << key);
        }
    }
}

TEST_CASE("a commune officer cannot reach another commune's data on any route")
{
    ScopeWorld world;
    const auto table = scopeTable();
    for (const auto& route : dantoc::test::documentedRoutes()) {
        auto row = table.find(route.key());
        if (row == table.end()) {
            continue;  // reported by the test above
        }
        INFO(route.key() << ": " << row->second.why);
        row->second.check(world);
    }
}
