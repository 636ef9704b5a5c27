// Reference data from the server (issue 14: client/core/sync/ReferenceSync) against the real demo server over TLS,
// on real SQLCipher stores: enrollment replaces the shipped forms, catalogs, units and periods with the server's;
// a sync with nothing changed is 304 everywhere and writes nothing; a form version the province publishes after
// enrollment is in the store after the next sync, new drafts take it while a draft on version 1 keeps validating
// against version 1; a unit import beside the running server reaches the store at the next sync and the one after
// is 304 again; an answer the client cannot use fails the cycle and changes nothing.
#include "QtApp.h"
#include "SyncDevice.h"
#include "core/CatalogRepository.h"
#include "core/FormTemplateRepository.h"
#include "core/PeriodRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/UnitRepository.h"
#include "core/sync/ReferenceSync.h"
#include "support/Files.h"
#include "support/FlowAccounts.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>

using namespace dantoc;
using namespace dantoc::client;
using namespace dantoc::test;
using namespace dantoc::test::client_sync;
using dantoc::client::sync::ReferenceStats;
using dantoc::client::sync::ReferenceSync;
using nlohmann::json;

namespace {

constexpr const char* kNewField = "households_moved_in";

// The shipped village form as version 2 with one more required field, so validation tells the versions apart.
std::string villageFormV2()
{
    json form = json::parse(readFile(resourcesDir() / "forms" / "village_survey.json"));
    form["version"] = 2;
    form["sections"][0]["fields"].push_back({{"name", kNewField},
                                             {"label", {{"vi", "Số hộ chuyển đến"}, {"en", "Households moved in"}}},
                                             {"type", "integer"},
                                             {"required", true}});
    return form.dump();
}

// Publishes a form as the provincial admin, the way the admin API is used (POST /api/v1/admin/forms).
void publish(const TestServer& server, FlowAccounts& accounts, const std::string& document)
{
    HttpsClient https = server.client();
    FlowSession admin = accounts.ready(https, "admin");
    REQUIRE_MESSAGE(admin.ok(), admin.error);
    auto published = https.post("/api/v1/admin/forms", document, admin.accessToken);
    REQUIRE_MESSAGE(published.status == 201, published.body);
}

// What the server answers `account` on a reference list (the JSON array under `key`).
json serverList(const TestServer& server, FlowAccounts& accounts, const std::string& account, const char* path,
                const char* key)
{
    HttpsClient https = server.client();
    FlowSession session = accounts.ready(https, account);
    REQUIRE_MESSAGE(session.ok(), session.error);
    auto answer = https.get(path, session.accessToken);
    REQUIRE_MESSAGE(answer.status == 200, answer.body);
    return json::parse(answer.body)[key];
}

std::int64_t totalChanges(Connection& db)
{
    return *db.queryInt64("SELECT total_changes()");
}

bool hasIssueOn(const std::vector<validation::Issue>& issues, const std::string& field)
{
    return std::any_of(issues.begin(), issues.end(), [&](const validation::Issue& i) { return i.field == field; });
}

}  // namespace

TEST_CASE("enrollment brings the server's reference data; a sync with nothing changed writes none of it")
{
    DemoWorld world{"dantoc-reference"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice device;
    world.enroll(device, "a", "máy A");
    Connection& db = device.db();

    // Forms: every version the server lists, each with the server's ETag (the shipped copies had none).
    const json forms = serverList(server, accounts, kOfficer, "/api/v1/forms?versions=all", "forms");
    auto stored = FormTemplateRepository(db).list();
    REQUIRE(stored.isOk());
    REQUIRE(stored->size() == forms.size());
    for (const json& form : forms) {
        auto mine = FormTemplateRepository(db).get(form["id"].get<std::string>(), form["version"].get<int>());
        REQUIRE_MESSAGE(mine.isOk(), mine.status().toString());
        CHECK(mine->etag == form["etag"]);
    }

    // Catalogs: the server's, with their ETags.
    const json catalogs = serverList(server, accounts, kOfficer, "/api/v1/catalogs", "catalogs");
    REQUIRE(CatalogRepository(db).list()->size() == catalogs.size());
    for (const json& catalog : catalogs) {
        auto mine = CatalogRepository(db).get(catalog["name"].get<std::string>());
        REQUIRE(mine.isOk());
        CHECK(mine->etag == catalog["etag"]);
        CHECK(mine->body == readFile(resourcesDir() / "catalogs" / (catalog["name"].get<std::string>() + ".csv")));
    }

    // Units: the commune officer's scope as the server sees it (the shipped copy was the whole province).
    std::set<std::string> serverUnits;
    for (const json& unit : serverList(server, accounts, kOfficer, "/api/v1/units", "units")) {
        serverUnits.insert(unit["code"].get<std::string>());
    }
    auto units = UnitRepository(db).all();
    REQUIRE(units.isOk());
    std::set<std::string> storeUnits;
    for (const UnitRow& unit : *units) {
        storeUnits.insert(unit.code);
    }
    CHECK(storeUnits == serverUnits);
    CHECK(storeUnits.contains("02683"));
    CHECK(storeUnits.contains(kVillage));
    CHECK(UnitRepository(db).get("02683")->validFrom == "2025-07-01");  // the commune formed by the 2025 merger

    // Periods: the province's, open or closed as it set them (2024-H2 was never shipped; 2025-H2 is closed).
    std::set<std::string> serverPeriods;
    for (const json& period : serverList(server, accounts, kOfficer, "/api/v1/periods", "periods")) {
        serverPeriods.insert(period["id"].get<std::string>());
    }
    auto periods = PeriodRepository(db).list();
    REQUIRE(periods.isOk());
    std::set<std::string> storePeriods;
    for (const PeriodRow& period : *periods) {
        storePeriods.insert(period.id);
    }
    CHECK(storePeriods == serverPeriods);
    CHECK(PeriodRepository(db).get("2024-H2")->state == "open");
    CHECK(PeriodRepository(db).get("2025-H2")->state == "closed");
    for (const char* kind : {"forms", "catalogs", "units", "periods"}) {
        CAPTURE(kind);
        auto etag = SyncMetaRepository(db).get(std::string(ReferenceSync::kEtagKeyPrefix) + kind);
        REQUIRE(etag.isOk());
        CHECK((etag->has_value() && !(*etag)->empty()));
    }

    // Nothing changed on the server: 304 for every list, not one row written.
    const std::int64_t before = totalChanges(db);
    auto again = ReferenceSync(db, *device.transport).run();
    REQUIRE_MESSAGE(again.isOk(), again.status().toString());
    CHECK(again->total() == 0);
    CHECK(totalChanges(db) == before);
    const SyncReport report = device.sync();
    CHECK(report.reference.total() == 0);
}

TEST_CASE("a form version published after enrollment is in the store after the next sync; new drafts take it, a "
          "draft on version 1 keeps validating against version 1")
{
    DemoWorld world{"dantoc-reference-form"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice device;
    world.enroll(device, "a", "máy A");

    // A draft on the newest version there is (1), saved (its create queued).
    auto onV1 = device.entries->createDraft({"", "village_survey", 0, kVillage, kPeriod, "", "{}"});
    REQUIRE_MESSAGE(onV1.isOk(), onV1.status().toString());
    CHECK(onV1->formVersion == 1);
    REQUIRE(device.entries->save(onV1->id, sampleVillageValues()).isOk());

    publish(server, accounts, villageFormV2());
    const SyncReport report = device.sync();
    CHECK(report.reference.forms == 1);
    CHECK(report.reference.catalogs == 0);
    CHECK(report.reference.units == 0);
    CHECK(report.reference.periods == 0);
    CHECK(report.push.applied == 1);  // the v1 create, accepted by the server
    auto v2 = FormTemplateRepository(device.db()).load("village_survey", 2);
    REQUIRE_MESSAGE(v2.isOk(), v2.status().toString());
    CHECK(FormTemplateRepository(device.db()).get("village_survey", 1).isOk());  // never deleted

    // A new draft asking for the newest version gets 2, and 2's new required field is missing from the sample.
    auto onV2 = device.entries->createDraft({"", "village_survey", 0, "02683-02", kPeriod, "", "{}"});
    REQUIRE_MESSAGE(onV2.isOk(), onV2.status().toString());
    CHECK(onV2->formVersion == 2);
    REQUIRE(device.entries->autosave(onV2->id, sampleVillageValues()).isOk());
    auto issuesV2 = device.entries->validate(onV2->id);
    REQUIRE_MESSAGE(issuesV2.isOk(), issuesV2.status().toString());
    CHECK(hasIssueOn(*issuesV2, kNewField));
    json completed = sampleVillageValues();
    completed[kNewField] = 4;
    auto savedV2 = device.entries->save(onV2->id, completed);
    REQUIRE(savedV2.isOk());
    CHECK_FALSE(hasIssueOn(savedV2->issues, kNewField));

    // The draft on version 1 still opens and validates against version 1: no word of the new field.
    CHECK(device.record(onV1->id).formVersion == 1);
    auto issuesV1 = device.entries->validate(onV1->id);
    REQUIRE_MESSAGE(issuesV1.isOk(), issuesV1.status().toString());
    CHECK_FALSE(hasIssueOn(*issuesV1, kNewField));

    // The next cycle sends the version-2 record, which the server knows too; nothing new to fetch.
    const SyncReport next = device.sync();
    CHECK(next.reference.total() == 0);
    CHECK(next.push.opsSent == 1);
    CHECK(next.push.applied == 1);
}

TEST_CASE("a unit import beside the running server reaches the store at the next sync; then 304 writes nothing")
{
    DemoWorld world{"dantoc-reference-units"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice device;
    world.enroll(device, "a", "máy A");
    Connection& db = device.db();
    const auto unitsEtag = [&] {
        return *SyncMetaRepository(db).get(std::string(ReferenceSync::kEtagKeyPrefix) + "units");
    };
    const auto heldEtag = unitsEtag();
    REQUIRE(heldEtag.has_value());
    CHECK_FALSE(UnitRepository(db).get("02683-77").isOk());

    // Nothing changed: every list 304, not a row written (the server answers from its kept lists).
    std::int64_t before = totalChanges(db);
    auto unchanged = ReferenceSync(db, *device.transport).run();
    REQUIRE_MESSAGE(unchanged.isOk(), unchanged.status().toString());
    CHECK(unchanged->total() == 0);
    CHECK(totalChanges(db) == before);
    CHECK(unitsEtag() == heldEtag);

    // The province imports a village into this commune with the server's own command, beside the running server.
    const auto file = dir.path() / "more-units.csv";
    writeFile(file, "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
                    "02683-77,Thôn Nhập Thêm,village,thôn,02683,2025-10-01,\n");
    REQUIRE(TestServer::runTool({"unit", "import", "--data", server.dataDir().string(), "--file", file.string()}) ==
            0);

    auto changed = ReferenceSync(db, *device.transport).run();
    REQUIRE_MESSAGE(changed.isOk(), changed.status().toString());
    CHECK(changed->units == 1);
    CHECK(changed->forms + changed->catalogs + changed->periods == 0);
    auto village = UnitRepository(db).get("02683-77");
    REQUIRE_MESSAGE(village.isOk(), village.status().toString());
    CHECK(village->name == "Thôn Nhập Thêm");
    CHECK(village->parent == "02683");
    REQUIRE(unitsEtag().has_value());
    CHECK(unitsEtag() != heldEtag);

    // And again nothing: 304 with the new ETag, nothing written.
    before = totalChanges(db);
    auto again = ReferenceSync(db, *device.transport).run();
    REQUIRE_MESSAGE(again.isOk(), again.status().toString());
    CHECK(again->total() == 0);
    CHECK(totalChanges(db) == before);
}

TEST_CASE("a reference answer the client cannot use fails the cycle and changes nothing")
{
    ensureQtApp();
    TempDir dir{"dantoc-reference-bad"};
    // The server reads its catalogs from this copy on every request, so the test can spoil one while it runs.
    const auto resources = dir.path() / "resources";
    std::filesystem::copy(resourcesDir(), resources, std::filesystem::copy_options::recursive);
    TestServer::Options options = demo();
    options.configOverrides["resources_dir"] = resources.string();
    TestServer server{options};
    REQUIRE(server.started());
    FlowAccounts accounts{server};
    SyncDevice device;
    enroll(device, dir.path() / "a", server, accounts, kOfficer, "máy A");
    Connection& db = device.db();
    const std::string religions = readFile(resources / "catalogs" / "religions.csv");

    // A new form version and, in the same round, a religions catalog no loader accepts.
    publish(server, accounts, villageFormV2());
    writeFile(resources / "catalogs" / "religions.csv", "ma,ten\nx,y\n");
    auto formsEtag = SyncMetaRepository(db).get(std::string(ReferenceSync::kEtagKeyPrefix) + "forms");
    REQUIRE(formsEtag.isOk());
    const std::int64_t before = totalChanges(db);
    auto refused = ReferenceSync(db, *device.transport).run();
    REQUIRE_FALSE(refused.isOk());
    CHECK(refused.status().code() == ErrorCode::Unavailable);
    CHECK(refused.status().message().find("catalog religions") != std::string::npos);
    CHECK(totalChanges(db) == before);
    CHECK(FormTemplateRepository(db).get("village_survey", 2).status().code() == ErrorCode::NotFound);
    CHECK(*SyncMetaRepository(db).get(std::string(ReferenceSync::kEtagKeyPrefix) + "forms") == *formsEtag);
    CHECK(CatalogRepository(db).get("religions")->body == religions);

    // The whole cycle fails like a network error, before anything is pushed.
    device.newRecord(sampleVillageValues());
    auto cycle = device.client->runCycle();
    REQUIRE_FALSE(cycle.isOk());
    CHECK(cycle.status().code() == ErrorCode::Unavailable);
    CHECK(device.pending() == 1);
    CHECK(device.client->retryDelayMillis() > 0);

    // Once the server serves a usable catalog again, the next cycle brings the form and sends the record.
    writeFile(resources / "catalogs" / "religions.csv", religions);
    const SyncReport report = device.sync();
    CHECK(report.reference.forms == 1);
    CHECK(report.reference.catalogs == 0);  // the catalog list is the one the store holds again: 304
    CHECK(FormTemplateRepository(db).get("village_survey", 2).isOk());
    CHECK(device.pending() == 0);
}
