// GET /api/v1/units scoping, and "nothing changes on any error": hostile admin bodies and a failure injected in the
// audit insert leave accounts and audit exactly as they were.
#include "audit/AuditChain.h"
#include "store/SqliteStore.h"
#include "support/ApiFixture.h"

#include <sqlite3.h>

#include <set>

using namespace dantoc;
using namespace dantoc::server;
using dantoc::test::ApiFixture;
using nlohmann::json;

namespace {

void execRaw(const std::filesystem::path& file, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

std::set<std::string> unitCodes(const ApiResponse& response)
{
    std::set<std::string> codes;
    const json body = json::parse(response.body);  // keep it alive: the loop iterates a member of it
    for (const auto& unit : body["units"]) {
        codes.insert(unit["code"].get<std::string>());
    }
    return codes;
}

std::size_t accountCount(Store& store)
{
    auto accounts = store.listAccounts();
    REQUIRE(accounts.isOk());
    return accounts->size();
}

std::size_t auditCount(Store& store)
{
    auto entries = store.allAudit();
    REQUIRE(entries.isOk());
    return entries->size();
}

}  // namespace

TEST_CASE("units: provincial roles see the whole province, a commune officer only its own commune")
{
    ApiFixture f;
    const std::string admin = f.ready("admin");
    const std::string viewer = f.ready("viewer");
    const std::string officer = f.ready("xa02686");

    auto all = f.call("GET", "/api/v1/units", {}, admin);
    REQUIRE(all.status == 200);
    const auto everything = unitCodes(all);
    CHECK(everything.count("15") == 1);
    CHECK(everything.count("02647") == 1);
    CHECK(everything.count("02686") == 1);
    CHECK(json::parse(all.body)["at"].is_null());

    auto seenByViewer = f.call("GET", "/api/v1/units", {}, viewer, {{"at", "2026-01-01"}});
    REQUIRE(seenByViewer.status == 200);
    CHECK(unitCodes(seenByViewer) == everything);
    CHECK(json::parse(seenByViewer.body)["at"] == "2026-01-01");

    auto own = f.call("GET", "/api/v1/units", {}, officer, {{"at", "2026-01-01"}});
    REQUIRE(own.status == 200);
    CHECK(unitCodes(own) == std::set<std::string>{"02686"});
}

TEST_CASE("units: a bad date, an unknown parameter or no token are refused")
{
    ApiFixture f;
    const std::string admin = f.ready("admin");
    for (const char* bad : {"2026-13-01", "2026-1-01", "yesterday", "2026-01-00", ""}) {
        CAPTURE(bad);
        auto response = f.call("GET", "/api/v1/units", {}, admin, {{"at", bad}});
        CHECK(response.status == 400);
        CHECK(ApiFixture::errorCode(response) == "invalid_argument");
    }
    CHECK(f.call("GET", "/api/v1/units", {}, admin, {{"date", "2026-01-01"}}).status == 400);
    CHECK(f.call("GET", "/api/v1/units").status == 401);
    CHECK(f.call("GET", "/api/v1/units", {}, "forged-token").status == 401);
}

TEST_CASE("hostile account bodies are 400 invalid_argument and change nothing")
{
    ApiFixture f;
    const std::string admin = f.ready("admin");
    Store& store = f.app().store();
    const std::size_t accountsBefore = accountCount(store);
    const std::size_t auditBefore = auditCount(store);
    const char* bodies[] = {
        R"({"username":"newone","role":"commune_officer","unit_code":"02686")",  // truncated
        R"({"username":"newone","username":"other","role":"commune_officer","unit_code":"02686"})",
        R"({"username":"newone","role":7,"unit_code":"02686"})",
        R"({"username":["newone"],"role":"commune_officer","unit_code":"02686"})",
        R"({"role":"commune_officer","unit_code":"02686"})",
        R"({"username":"newone","role":"commune_officer","unit_code":"02686","is_root":true})",
        R"({"username":"newone","role":"emperor","unit_code":"02686"})",
        R"({"username":"newone","role":"commune_officer","unit_code":"99999"})",
        R"(["newone"])",
        "",
    };
    for (const char* body : bodies) {
        CAPTURE(body);
        auto response = f.call("POST", "/api/v1/admin/accounts", body, admin);
        CHECK(response.status == 400);
        const std::string code = ApiFixture::errorCode(response);
        CHECK((code == "invalid_argument" || code == "malformed_json"));  // unparsable JSON has its own code
    }
    auto id = store.accountByUsername("xa02686");
    REQUIRE(id.isOk());
    REQUIRE(id->has_value());
    const std::string path = "/api/v1/admin/accounts/" + (*id)->id;
    CHECK(f.call("PATCH", path, R"({"display_name":1})", admin).status == 400);
    CHECK(f.call("PATCH", path, R"({"display_name":"a","display_name":"b"})", admin).status == 400);
    CHECK(f.call("PATCH", path, R"({"role":"emperor"})", admin).status == 400);

    CHECK(accountCount(store) == accountsBefore);
    CHECK(auditCount(store) == auditBefore);
    auto unchanged = store.accountByUsername("xa02686");
    REQUIRE(unchanged.isOk());
    CHECK((*unchanged)->displayName == (*id)->displayName);
    CHECK((*unchanged)->role == Role::CommuneOfficer);
    CHECK_FALSE(*store.accountByUsername("newone") != std::nullopt);
}

TEST_CASE("a failing audit insert rolls the account change back with it")
{
    ApiFixture f;
    const std::string admin = f.ready("admin");
    Store& store = f.app().store();
    const auto file = f.dataDir() / SqliteStore::kFileName;
    const std::size_t accountsBefore = accountCount(store);
    const std::size_t auditBefore = auditCount(store);
    const std::string create = json{{"username", "newone"}, {"role", "commune_officer"}, {"unit_code", "02686"}}.dump();

    execRaw(file, "CREATE TRIGGER test_audit_fails BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'injected'); END;");
    auto failed = f.call("POST", "/api/v1/admin/accounts", create, admin);
    CHECK(failed.status >= 500);
    CHECK(accountCount(store) == accountsBefore);
    CHECK_FALSE(*store.accountByUsername("newone") != std::nullopt);

    auto officer = store.accountByUsername("xa02686");
    REQUIRE(officer.isOk());
    REQUIRE(officer->has_value());
    CHECK(f.call("POST", "/api/v1/admin/accounts/" + (*officer)->id + "/close", "{}", admin).status >= 500);
    auto stillOpen = store.accountByUsername("xa02686");
    REQUIRE(stillOpen.isOk());
    CHECK_FALSE((*stillOpen)->closed);

    execRaw(file, "DROP TRIGGER test_audit_fails;");
    CHECK(auditCount(store) == auditBefore);
    auto created = f.call("POST", "/api/v1/admin/accounts", create, admin);
    CHECK(created.status == 201);
    CHECK(accountCount(store) == accountsBefore + 1);
    auto entries = store.allAudit();
    REQUIRE(entries.isOk());
    CHECK(verifyAuditChain(*entries, store.auditKey()).isOk());
}
