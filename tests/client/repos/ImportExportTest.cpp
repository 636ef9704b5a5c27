// EntryImporter (JSON and CSV, all or nothing with per-row errors) and EntryExporter (CSV with BOM and
// Vietnamese labels, JSON).
#include "RepoSupport.h"

#include "core/EntryExporter.h"
#include "core/EntryImporter.h"
#include "core/EntryService.h"
#include "core/OutboxRepository.h"
#include "core/StoreFactory.h"

#include "support/Files.h"

#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::client;

namespace {

struct Fixture
{
    test::TempDir dir{"dantoc-import"};
    std::unique_ptr<Store> store = test::newRepoStore(dir.path() / "store");
    ManualClock clock{1'760'000'000'000};
    EntryService service{store->connection(), EntryOptions{}, clock};
    EntryImporter importer{store->connection(), service};

    Fixture() { test::putTinyForm(store->connection()); }

    std::int64_t count(const char* table)
    {
        auto n = store->connection().queryInt64(std::string("SELECT COUNT(*) FROM ") + table);
        REQUIRE(n.isOk());
        return *n;
    }
};

}  // namespace

TEST_CASE("import csv: every row checked; one bad row imports nothing; then all rows import")
{
    Fixture f;
    const std::string bad =
        "unit,period,village_name,households_total,households_poor\n"
        "0164500001,2025-H2,Bản Nậm Cang,10,3\n"
        "0164500002,2025-H2,Bản Tả Phìn,abc,3\n"
        "0164500003,2025-H2,,5,9\n";
    auto report = f.importer.importCsv(bad, "tiny_village", ImportAction::Save);
    REQUIRE(report.isOk());
    CHECK_FALSE(report->imported());
    CHECK(report->entries == 3);
    bool typeError = false, requiredError = false, constraintError = false;
    for (const auto& problem : report->errors) {
        typeError = typeError || (problem.entry == 2 && problem.line == 3 && problem.field == "households_total");
        requiredError = requiredError || (problem.entry == 3 && problem.field == "village_name");
        constraintError = constraintError || (problem.entry == 3 && problem.field == "households_poor");
    }
    CHECK(typeError);
    CHECK(requiredError);
    CHECK(constraintError);
    CHECK(f.count("record") == 0);
    CHECK(f.count("outbox") == 0);

    const std::string good =
        "\xEF\xBB\xBFunit,period,village_name,households_total,households_poor\r\n"
        "0164500001,2025-H2,\"Bản Nậm Cang, thôn 1\",10,3\r\n"
        "0164500002,2025-H2,Bản Tả Phìn,12,\r\n";
    report = f.importer.importCsv(good, "tiny_village", ImportAction::Save);
    REQUIRE(report.isOk());
    CHECK(report->imported());
    CHECK(report->recordIds.size() == 2);
    CHECK(f.count("record") == 2);
    CHECK(f.count("outbox") == 2);  // one create each

    CHECK_FALSE(f.importer.importCsv("unit,period,nope\nx,y,z\n", "tiny_village", ImportAction::Draft)->imported());
    CHECK_FALSE(f.importer.importCsv("unit,village_name\nx,y\n", "tiny_village", ImportAction::Draft)->imported());
    CHECK_FALSE(f.importer.importCsv("unit,period\n", "no_form", ImportAction::Draft)->imported());
    CHECK_FALSE(f.importer.importCsv("unit,period\n\"x", "tiny_village", ImportAction::Draft)->imported());
    CHECK(f.count("record") == 2);
}

TEST_CASE("import json: one document or an array; submit enqueues create and transition; duplicates refused")
{
    Fixture f;
    const std::string one = R"({"id": "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716", "form": {"id": "tiny_village", "version": 2},
        "unit": "0164500000", "period": "2025-H2",
        "values": {"village_name": "Bản Lùng Khấu Nhin", "households_total": 40, "households_poor": 12,
                   "members": [{"head_name": "Sùng A Lử", "size": 6}]}})";
    auto report = f.importer.importJson(one, ImportAction::Submit);
    REQUIRE(report.isOk());
    REQUIRE_MESSAGE(report->imported(), (report->errors.empty() ? std::string() : report->errors[0].message));
    CHECK(report->recordIds == std::vector<std::string>{"5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716"});
    auto ops = OutboxRepository(f.store->connection(), f.clock).pending();
    REQUIRE(ops->size() == 2);
    CHECK((*ops)[0].kind == "create");
    CHECK((*ops)[1].kind == "transition");

    // The same id again, inside an array with a valid newcomer: nothing imported.
    const std::string array = "[" + one + R"(, {"form": {"id": "tiny_village", "version": 2}, "unit": "0164500001",
        "period": "2025-H2", "values": {"village_name": "Bản Mới", "households_total": 1}}])";
    report = f.importer.importJson(array, ImportAction::Draft);
    REQUIRE(report.isOk());
    CHECK_FALSE(report->imported());
    REQUIRE(report->errors.size() == 1);
    CHECK(report->errors[0].entry == 1);
    CHECK(report->errors[0].code == "duplicate");
    CHECK(f.count("record") == 1);

    const std::string twice = R"([{"id": "0b9d6a53-5c7e-4f0a-8d21-7e3f4a5b6c7d", "form": {"id": "tiny_village", "version": 2},
        "unit": "01", "period": "2025-H2", "values": {"village_name": "A", "households_total": 1}},
        {"id": "0b9d6a53-5c7e-4f0a-8d21-7e3f4a5b6c7d", "form": {"id": "tiny_village", "version": 2},
        "unit": "02", "period": "2025-H2", "values": {"village_name": "B", "households_total": 1}}])";
    report = f.importer.importJson(twice, ImportAction::Draft);
    REQUIRE(report.isOk());
    REQUIRE(report->errors.size() == 1);
    CHECK(report->errors[0].entry == 2);
    CHECK(report->errors[0].code == "duplicate");
    CHECK_FALSE(f.importer.importJson("{", ImportAction::Draft)->imported());
    CHECK_FALSE(f.importer.importJson("[1, 2]", ImportAction::Draft)->imported());
    CHECK_FALSE(f.importer.importJson(R"({"form": {"id": "x", "version": 1}, "unit": "u", "period": "p", "values": {}})",
                                      ImportAction::Draft)->imported());
    CHECK(f.count("record") == 1);
}

TEST_CASE("import --submit of a sample whose warnings are explained by notes")
{
    test::TempDir dir{"dantoc-import-notes"};
    ManualClock clock{1'760'000'000'000};
    auto store = StoreFactory::create(dir.path() / "s", "mật khẩu", test::resourcesDir(), test::repoTestOptions(), clock);
    REQUIRE(store.isOk());
    EntryService service((*store)->connection(), {}, clock);
    EntryImporter importer((*store)->connection(), service);
    auto report = importer.importJson(test::readFile(test::resourcesDir() / "demo" / "household_survey.sample.json"),
                                      ImportAction::Submit);
    REQUIRE_MESSAGE(report.isOk(), report.status().toString());
    CHECK(report->imported());
    CHECK_FALSE(report->warnings.empty());  // explained, so not errors
}

TEST_CASE("import the shipped demo sample and export it as CSV with BOM and Vietnamese labels, and as JSON")
{
    test::TempDir dir{"dantoc-export"};
    ManualClock clock{1'760'000'000'000};
    auto store = StoreFactory::create(dir.path() / "s", "mật khẩu", test::resourcesDir(), test::repoTestOptions(), clock);
    REQUIRE(store.isOk());
    Connection& connection = (*store)->connection();
    EntryService service(connection, {}, clock);
    EntryImporter importer(connection, service);
    auto report = importer.importJson(test::readFile(test::resourcesDir() / "demo" / "village_survey.sample.json"),
                                      ImportAction::Save);
    REQUIRE(report.isOk());
    REQUIRE_MESSAGE(report->imported(), (report->errors.empty() ? std::string() : report->errors[0].field + ": " + report->errors[0].message));

    EntryExporter exporter(connection);
    auto csv = exporter.toCsv({});
    REQUIRE_MESSAGE(csv.isOk(), csv.status().toString());
    CHECK(csv->rfind("\xEF\xBB\xBFMã phiếu,Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Trạng thái,Tổng số hộ", 0) == 0);
    CHECK(csv->find(",Nháp,") != std::string::npos);  // the draft state's Vietnamese label
    CHECK(csv->find(",376,") != std::string::npos);
    auto empty = exporter.toCsv({std::string("9999"), {}, {}, std::string("village_survey")});
    REQUIRE(empty.isOk());
    CHECK(*empty == csv->substr(0, csv->find("\r\n") + 2));  // the header only

    auto json = exporter.toJson({std::nullopt, std::string("2026-H2"), std::nullopt, std::nullopt});
    REQUIRE(json.isOk());
    auto parsed = parseJson(*json);
    REQUIRE(parsed.isOk());
    REQUIRE((*parsed)["records"].size() == 1);
    CHECK((*parsed)["records"][0]["values"]["households_total"] == 376);
    CHECK((*parsed)["labels"]["village_survey"]["households_total"] == "Tổng số hộ");

    // Two forms in the selection: CSV needs one.
    test::putTinyForm(connection);
    REQUIRE(service.createDraft({"", "tiny_village", 2, "0164500000", "2025-H2", "", "{\"village_name\": \"=cmd\"}"}).isOk());
    CHECK(exporter.toCsv({}).status().code() == ErrorCode::FailedPrecondition);
    auto tiny = exporter.toCsv({std::nullopt, std::nullopt, std::nullopt, std::string("tiny_village")});
    REQUIRE(tiny.isOk());
    CHECK(tiny->find(",'=cmd") != std::string::npos);  // never a formula
}
