// Form templates, catalogs and reporting periods: publishing (API, CLI, init), ETags and 304 (each document and
// every list, units included), admin-only writes, bad input changing nothing, and the audit of every change; the
// lists' answer caches (kept per scope, answered again once a change is made, from this process or another). The
// server runs in-process over the demo province.
#include "admin/AdminFixture.h"
#include "blob/BlobFiles.h"
#include "api/AnswerCache.h"
#include "catalog/CatalogAdmin.h"
#include "store/SqliteCatalogStore.h"
#include "store/SqliteStore.h"
#include "support/Files.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace dantoc;
using namespace dantoc::test;
using nlohmann::json;

namespace {

std::string header(const server::ApiResponse& response, const std::string& name)
{
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

server::ApiResponse getWithEtag(AdminFixture& f, const std::string& path, const std::string& token,
                                const std::string& etag, std::map<std::string, std::string> query = {})
{
    server::ApiRequest request;
    request.method = "GET";
    request.path = path;
    request.bearerToken = token;
    request.query = std::move(query);
    request.headers["if-none-match"] = etag;
    request.remoteAddress = "127.0.0.1";
    return f.app().router()->dispatch(request);
}

std::string formDocument(const std::string& id, int version, const std::string& title)
{
    return json{{"format_version", 1},
                {"id", id},
                {"version", version},
                {"title", {{"vi", title}, {"en", title}}},
                {"unit_level", "commune"},
                {"period_type", "yearly"},
                {"sections",
                 json::array({{{"id", "s1"},
                               {"title", {{"vi", "Chung"}, {"en", "General"}}},
                               {"fields", json::array({{{"name", "households_total"},
                                                        {"type", "integer"},
                                                        {"label", {{"vi", "Tổng số hộ"}, {"en", "Households"}}}}})}}})}}
        .dump();
}

std::size_t auditCount(AdminFixture& f, const std::string& action)
{
    auto entries = f.app().store().allAudit();
    REQUIRE(entries.isOk());
    std::size_t n = 0;
    for (const auto& entry : *entries) {
        n += entry.event.action == action ? 1 : 0;
    }
    return n;
}

}  // namespace

TEST_CASE("the default forms are published and served with an ETag; If-None-Match answers 304")
{
    AdminFixture f;
    auto published = server::publishDefaultForms(f.app().catalogs(), DANTOC_RESOURCES_DIR, f.clock.nowUnixMillis());
    REQUIRE(published.isOk());
    CHECK(published->size() == 3);
    const std::string token = f.ready("viewer");

    auto list = f.call("GET", "/api/v1/forms", {}, token);
    REQUIRE(list.status == 200);
    const json forms = json::parse(list.body)["forms"];
    REQUIRE(forms.size() == 3);
    CHECK(forms[0]["id"] == "commune_survey");
    CHECK(forms[0]["title"]["vi"].get<std::string>().find("xã") != std::string::npos);

    auto one = f.call("GET", "/api/v1/forms/village_survey/1", {}, token);
    REQUIRE(one.status == 200);
    CHECK(json::parse(one.body)["id"] == "village_survey");
    const std::string etag = header(one, "ETag");
    CHECK(etag.size() == 66);  // a quoted SHA-256
    CHECK(getWithEtag(f, "/api/v1/forms/village_survey/1", token, etag).status == 304);
    CHECK(getWithEtag(f, "/api/v1/forms/village_survey/1", token, "\"stale\"").status == 200);

    CHECK(f.call("GET", "/api/v1/forms/village_survey/2", {}, token).status == 404);
    CHECK(f.call("GET", "/api/v1/forms/village_survey/x1", {}, token).status == 400);
    CHECK(f.call("GET", "/api/v1/forms", {}, "").status == 401);

    // Publishing the same defaults again (a second init) changes nothing.
    const std::size_t before = auditCount(f, "form.publish");
    REQUIRE(server::publishDefaultForms(f.app().catalogs(), DANTOC_RESOURCES_DIR, f.clock.nowUnixMillis()).isOk());
    CHECK(auditCount(f, "form.publish") == before);
}

TEST_CASE("publishing a form: admin only, parse errors and a changed published version change nothing")
{
    AdminFixture f;
    const std::string admin = f.ready("admin");
    const std::string viewer = f.ready("viewer");

    CHECK(f.call("POST", "/api/v1/admin/forms", formDocument("test_form", 1, "Phiếu thử"), viewer).status == 403);
    auto created = f.call("POST", "/api/v1/admin/forms", formDocument("test_form", 1, "Phiếu thử"), admin);
    REQUIRE(created.status == 201);
    CHECK(json::parse(created.body)["version"] == 1);
    CHECK(auditCount(f, "form.publish") == 1);

    // Identical again: idempotent. Different content under the same version: 409.
    CHECK(f.call("POST", "/api/v1/admin/forms", formDocument("test_form", 1, "Phiếu thử"), admin).status == 201);
    CHECK(f.call("POST", "/api/v1/admin/forms", formDocument("test_form", 1, "Phiếu khác"), admin).status == 409);
    // Not a form at all, and hostile JSON.
    CHECK(f.call("POST", "/api/v1/admin/forms", R"({"id":"x"})", admin).status == 400);
    CHECK(f.call("POST", "/api/v1/admin/forms", R"({"id":"x",)", admin).status == 400);
    CHECK(auditCount(f, "form.publish") == 1);

    auto kept = f.app().catalogs().formVersion("test_form", 1);
    REQUIRE(kept.isOk());
    REQUIRE(kept->has_value());
    CHECK((*kept)->json.find("Phiếu thử") != std::string::npos);

    // A new version becomes the latest.
    REQUIRE(f.call("POST", "/api/v1/admin/forms", formDocument("test_form", 2, "Phiếu thử 2"), admin).status == 201);
    const json forms = json::parse(f.call("GET", "/api/v1/forms", {}, viewer).body)["forms"];
    bool sawVersion2 = false;
    for (const auto& form : forms) {
        if (form["id"] == "test_form") {
            sawVersion2 = form["version"] == 2;
        }
    }
    CHECK(sawVersion2);
}

TEST_CASE("periods: admin opens and closes them; bad periods are refused and audited changes only")
{
    AdminFixture f;
    const std::string admin = f.ready("admin");
    const std::string officer = f.ready("viewer");
    const json open2026 = {{"id", "2026"}, {"label", "Năm 2026"}, {"starts_on", "2026-01-01"},
                           {"ends_on", "2026-12-31"}, {"open", true}};

    CHECK(f.call("POST", "/api/v1/admin/periods", open2026.dump(), officer).status == 403);
    REQUIRE(f.call("POST", "/api/v1/admin/periods", open2026.dump(), admin).status == 200);
    json closed = open2026;
    closed["open"] = false;
    REQUIRE(f.call("POST", "/api/v1/admin/periods", closed.dump(), admin).status == 200);
    CHECK(auditCount(f, "period.open") == 1);
    CHECK(auditCount(f, "period.close") == 1);

    json backwards = open2026;
    backwards["ends_on"] = "2025-12-31";
    json badId = open2026;
    badId["id"] = "2026 H1";
    json extra = open2026;
    extra["note"] = "x";
    json impossible = open2026;
    impossible["ends_on"] = "2026-02-30";
    for (const json& bad : {backwards, badId, extra, impossible}) {
        CHECK(f.call("POST", "/api/v1/admin/periods", bad.dump(), admin).status == 400);
    }
    CHECK(f.call("POST", "/api/v1/admin/periods", R"({"id":2026})", admin).status == 400);

    auto periods = f.call("GET", "/api/v1/periods", {}, officer);
    REQUIRE(periods.status == 200);
    const json list = json::parse(periods.body)["periods"];
    REQUIRE(list.size() == 1);
    CHECK(list[0]["open"] == false);
    CHECK(list[0]["label"] == "Năm 2026");
}

TEST_CASE("catalogs are served as the CSV the shared loader reads, with ETags")
{
    AdminFixture f;
    const std::string token = f.ready("viewer");
    auto list = f.call("GET", "/api/v1/catalogs", {}, token);
    REQUIRE(list.status == 200);
    CHECK(json::parse(list.body)["catalogs"].size() == 4);

    auto groups = f.call("GET", "/api/v1/catalogs/ethnic_groups", {}, token);
    REQUIRE(groups.status == 200);
    CHECK(groups.contentType.find("text/csv") == 0);
    CHECK(groups.body == readFile(resourcesDir() / "catalogs" / "ethnic_groups.csv"));
    CHECK(groups.body.find("Mông") != std::string::npos);
    CHECK(getWithEtag(f, "/api/v1/catalogs/ethnic_groups", token, header(groups, "ETag")).status == 304);
    CHECK(f.call("GET", "/api/v1/catalogs/..%2Fconfig", {}, token).status == 404);
    CHECK(f.call("GET", "/api/v1/catalogs/README", {}, token).status == 404);
}

TEST_CASE("POST /admin/periods/{id}/close: admin only, unknown period 404, closing twice changes nothing")
{
    AdminFixture f;
    const std::string admin = f.ready("admin");
    const std::string viewer = f.ready("viewer");
    const json open2026 = {{"id", "2026-H1"}, {"label", "6 tháng đầu năm 2026"}, {"starts_on", "2026-01-01"},
                           {"ends_on", "2026-06-30"}, {"open", true}};
    REQUIRE(f.call("POST", "/api/v1/admin/periods", open2026.dump(), admin).status == 200);

    CHECK(f.call("POST", "/api/v1/admin/periods/2026-H1/close", {}, viewer).status == 403);
    CHECK(f.call("POST", "/api/v1/admin/periods/2031/close", {}, admin).status == 404);
    CHECK(auditCount(f, "period.close") == 0);
    auto closed = f.call("POST", "/api/v1/admin/periods/2026-H1/close", {}, admin);
    REQUIRE(closed.status == 200);
    CHECK(json::parse(closed.body)["open"] == false);
    CHECK(json::parse(closed.body)["ends_on"] == "2026-06-30");
    CHECK(f.call("POST", "/api/v1/admin/periods/2026-H1/close", {}, admin).status == 200);
    CHECK(auditCount(f, "period.close") == 1);

    auto stored = f.app().catalogs().period("2026-H1");
    REQUIRE(stored.isOk());
    REQUIRE(stored->has_value());
    CHECK_FALSE((*stored)->open);
    CHECK((*stored)->label == "6 tháng đầu năm 2026");
}

TEST_CASE("every reference list carries a strong ETag over its body; If-None-Match answers 304 until it changes")
{
    AdminFixture f;
    REQUIRE(server::publishDefaultForms(f.app().catalogs(), DANTOC_RESOURCES_DIR, f.clock.nowUnixMillis()).isOk());
    const std::string admin = f.ready("admin");
    const std::string viewer = f.ready("viewer");

    for (const char* path : {"/api/v1/forms", "/api/v1/catalogs", "/api/v1/periods", "/api/v1/units"}) {
        CAPTURE(path);
        auto first = f.call("GET", path, {}, viewer);
        REQUIRE(first.status == 200);
        const std::string etag = header(first, "ETag");
        CHECK(etag == "\"" + server::BlobFiles::sha256Hex(first.body) + "\"");
        auto again = getWithEtag(f, path, viewer, etag);
        CHECK(again.status == 304);
        CHECK(again.body.empty());
        CHECK(header(again, "ETag") == etag);
        CHECK(getWithEtag(f, path, viewer, "\"stale\"").status == 200);
    }

    // The units answer depends on the date asked: another date, another body and ETag.
    auto today = f.call("GET", "/api/v1/units", {}, viewer);
    auto before = f.call("GET", "/api/v1/units", {}, viewer, {{"at", "2025-01-01"}});
    REQUIRE(before.status == 200);
    CHECK(header(before, "ETag") != header(today, "ETag"));

    // A new form version changes both lists; ?versions=all keeps the older version listed.
    const std::string formsEtag = header(f.call("GET", "/api/v1/forms", {}, viewer), "ETag");
    const std::string allEtag = header(f.call("GET", "/api/v1/forms", {}, viewer, {{"versions", "all"}}), "ETag");
    REQUIRE(f.call("POST", "/api/v1/admin/forms", formDocument("test_form", 1, "Phiếu thử"), admin).status == 201);
    REQUIRE(f.call("POST", "/api/v1/admin/forms", formDocument("test_form", 2, "Phiếu thử 2"), admin).status == 201);
    CHECK(getWithEtag(f, "/api/v1/forms", viewer, formsEtag).status == 200);
    auto all = getWithEtag(f, "/api/v1/forms", viewer, allEtag, {{"versions", "all"}});
    REQUIRE(all.status == 200);
    const json allForms = json::parse(all.body)["forms"];
    std::vector<int> testVersions;
    for (const auto& form : allForms) {
        if (form["id"] == "test_form") {
            testVersions.push_back(form["version"].get<int>());
        }
    }
    CHECK(testVersions == std::vector<int>{1, 2});
    CHECK(allForms.size() == 5);  // 3 defaults + test_form 1 and 2
    CHECK(json::parse(f.call("GET", "/api/v1/forms", {}, viewer).body)["forms"].size() == 4);
    CHECK(f.call("GET", "/api/v1/forms", {}, viewer, {{"versions", "some"}}).status == 400);
    CHECK(f.call("GET", "/api/v1/forms", {}, viewer, {{"limit", "1"}}).status == 400);

    // A period saved changes the periods list.
    const std::string periodsEtag = header(f.call("GET", "/api/v1/periods", {}, viewer), "ETag");
    const json period = {{"id", "2027"}, {"label", "Năm 2027"}, {"starts_on", "2027-01-01"},
                         {"ends_on", "2027-12-31"}, {"open", true}};
    REQUIRE(f.call("POST", "/api/v1/admin/periods", period.dump(), admin).status == 200);
    CHECK(getWithEtag(f, "/api/v1/periods", viewer, periodsEtag).status == 200);
}

TEST_CASE("reference lists are kept per scope and answered anew once what they depend on changes, from any process")
{
    AdminFixture f;
    REQUIRE(server::publishDefaultForms(f.app().catalogs(), DANTOC_RESOURCES_DIR, f.clock.nowUnixMillis()).isOk());
    const std::string officer = f.ready("xa02683");
    const std::string viewer = f.ready("viewer");

    // Two scopes, two answers: the commune's officer never gets the province's list kept for the viewer, nor the
    // reverse, however the requests interleave.
    auto province = f.call("GET", "/api/v1/units", {}, viewer);
    auto commune = f.call("GET", "/api/v1/units", {}, officer);
    REQUIRE(province.status == 200);
    REQUIRE(commune.status == 200);
    CHECK(json::parse(commune.body)["units"].size() < json::parse(province.body)["units"].size());
    CHECK(header(commune, "ETag") != header(province, "ETag"));
    CHECK(f.call("GET", "/api/v1/units", {}, officer).body == commune.body);
    CHECK(f.call("GET", "/api/v1/units", {}, viewer).body == province.body);
    CHECK(getWithEtag(f, "/api/v1/units", viewer, header(commune, "ETag")).status == 200);
    CHECK(getWithEtag(f, "/api/v1/units", officer, header(commune, "ETag")).status == 304);
    const std::string formsEtag = header(f.call("GET", "/api/v1/forms", {}, viewer), "ETag");
    const std::string periodsEtag = header(f.call("GET", "/api/v1/periods", {}, viewer), "ETag");
    REQUIRE(getWithEtag(f, "/api/v1/forms", viewer, formsEtag).status == 304);
    REQUIRE(getWithEtag(f, "/api/v1/periods", viewer, periodsEtag).status == 304);

    // Changes through a second connection to the same database, as the `form publish`, `period open` and
    // `unit import` commands make them from another process: nothing of this process's caches is told.
    {
        auto other = server::SqliteStore::open(f.dataDir());
        REQUIRE(other.isOk());
        server::SqliteCatalogStore catalogs(**other);
        REQUIRE(server::publishFormDocument(catalogs, formDocument("test_form", 1, "Phiếu thử"), "cli",
                                            f.clock.nowUnixMillis())
                    .isOk());
        REQUIRE(server::savePeriod(catalogs, {"2027", "Năm 2027", "2027-01-01", "2027-12-31", true}, "cli",
                                   f.clock.nowUnixMillis())
                    .isOk());
        const server::Unit village{"02683-77", "Thôn Mới", "village", "02683", "thôn", "2025-10-01", ""};
        REQUIRE((*other)->applyUnitImport({village}, {},
                                          server::AuditEvent{f.clock.nowUnixMillis(), "cli", "unit.import", "units"})
                    .isOk());
    }
    auto forms = getWithEtag(f, "/api/v1/forms", viewer, formsEtag);
    REQUIRE(forms.status == 200);
    CHECK(forms.body.find("test_form") != std::string::npos);
    CHECK(getWithEtag(f, "/api/v1/forms", viewer, header(forms, "ETag")).status == 304);
    auto periods = getWithEtag(f, "/api/v1/periods", viewer, periodsEtag);
    REQUIRE(periods.status == 200);
    CHECK(periods.body.find("\"2027\"") != std::string::npos);
    for (const auto& [token, held] : {std::pair{officer, commune}, std::pair{viewer, province}}) {
        auto units = getWithEtag(f, "/api/v1/units", token, header(held, "ETag"));
        REQUIRE(units.status == 200);
        CHECK(units.body.find("02683-77") != std::string::npos);
        CHECK(header(units, "ETag") == "\"" + server::BlobFiles::sha256Hex(units.body) + "\"");
        CHECK(getWithEtag(f, "/api/v1/units", token, header(units, "ETag")).status == 304);
    }
}

TEST_CASE("AnswerCache: a newer version drops the older answers; past its byte bound it starts over")
{
    server::AnswerCache cache(100);
    auto kept = cache.keep("1", "a", std::string(40, 'x'));
    CHECK(kept->etag == "\"" + server::BlobFiles::sha256Hex(std::string(40, 'x')) + "\"");
    cache.keep("1", "b", std::string(40, 'y'));
    CHECK(cache.size() == 2);
    CHECK(cache.find("1", "a") == kept);
    CHECK(cache.find("2", "a") == nullptr);  // asked under another version: not this answer
    cache.keep("1", "c", std::string(40, 'z'));  // 120 bytes > 100: the cache starts over with c alone
    CHECK(cache.size() == 1);
    CHECK(cache.find("1", "a") == nullptr);
    cache.keep("2", "a", "{}");
    CHECK(cache.size() == 1);
    CHECK(cache.find("1", "c") == nullptr);
    CHECK(cache.find("2", "a")->body == "{}");

    // A miss runs the builder once and keeps its 200; an error answer is passed on and not kept.
    int built = 0;
    server::ApiRequest request;
    auto first = cache.answer(request, "3", "k", [&] { ++built; return server::ApiResponse::json(200, "[1]"); });
    auto second = cache.answer(request, "3", "k", [&] { ++built; return server::ApiResponse::json(200, "[2]"); });
    CHECK(built == 1);
    CHECK(second.body == "[1]");
    CHECK(header(first, "ETag") == header(second, "ETag"));
    auto failed = cache.answer(request, "3", "e", [&] { ++built; return server::ApiResponse::error(500, "internal", "x"); });
    CHECK(failed.status == 500);
    CHECK(cache.find("3", "e") == nullptr);
}
