// Aggregates and exports: record values -> observations, figures against hand-computed numbers (only approved,
// forwarded and accepted records count), scope (403 for another commune on every endpoint), the CSV (BOM,
// Vietnamese headers, quoting) and the XLSX (a real zip holding the sheet, read back with unzip). The handlers run
// on a router of their own over the demo province, over records written into the real SQLite record store
// (catalog/ReportFixture.h; whatever their state: the report must filter state, unit and period itself).
#include "catalog/ReportFixture.h"
#include "forms/FormTemplate.h"
#include "report/AggregateReport.h"
#include "report/RecordObservations.h"
#include "report/ReportExport.h"
#include "support/Files.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <utility>

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

}  // namespace

TEST_CASE("a record's indicator fields become observations: totals, booleans and per-group roster sums")
{
    auto form = forms::FormTemplate::parse(kForm);
    REQUIRE(form.isOk());
    const json values = {{"households_total", 100}, {"has_market", true}, {"note", "x"},
                         {"groups", json::array({row("01", 60, false), row("08", 30, true), row("08", 11, true),
                                                 {{"_id", "x"}, {"households", 5}}})}};
    const auto obs = server::observationsFromRecord(*form, record("r", "02647", "accepted", values), values);
    // households_total (total), has_market, then households_total per group 01/08, households_poor per group 01/08.
    REQUIRE(obs.size() == 6);
    CHECK(obs[0].indicator == "households_total");
    CHECK(obs[0].ethnicGroup.empty());
    CHECK(std::get<double>(obs[0].value) == 100);
    CHECK(obs[1].indicator == "has_market");
    CHECK(std::get<bool>(obs[1].value));
    CHECK(obs[2].ethnicGroup == "01");
    CHECK(std::get<double>(obs[2].value) == 60);
    CHECK(obs[3].ethnicGroup == "08");
    CHECK(std::get<double>(obs[3].value) == 41);  // the row without a group is left out
    CHECK(obs[4].indicator == "households_poor");
    CHECK(std::get<double>(obs[4].value) == 0);
    CHECK(std::get<double>(obs[5].value) == 2);  // two poor rows of group 08
    CHECK(obs[0].unit.code == "02647");
    CHECK(obs[0].period == "2026");

    // Not an object, or wrong value types: nothing.
    CHECK(server::observationsFromRecord(*form, record("r", "02647", "accepted", 1), json(1)).empty());
    const json wrong = {{"households_total", "100"}, {"has_market", 1}};
    CHECK(server::observationsFromRecord(*form, record("r", "02647", "accepted", wrong), wrong).empty());
}

TEST_CASE("aggregates match hand-computed figures and count only approved data")
{
    RecordsFixture x;
    const std::string viewer = x.f.ready("viewer");
    auto response = x.get("/api/v1/aggregates", viewer, {{"period", "2026"}, {"unit", "15"}});
    REQUIRE(response.status == 200);
    const json body = json::parse(response.body);
    CHECK(body["date"] == "2026-12-31");
    CHECK(body["records"] == 2);  // r3 is only submitted, r4 belongs to 2025
    const json& rows = body["rows"];

    const json* total = findRow(rows, "15", "households_total");
    REQUIRE(total);
    CHECK((*total)["value"] == 150.0);  // 100 + 50; the submitted 999 is not there
    CHECK((*total)["contributing"] == 2);
    CHECK((*total)["reported"] == 2);
    CHECK((*total)["expected"] == 99);  // the communes of new Lào Cai
    CHECK((*total)["unit_name"] == "Tỉnh Lào Cai");
    CHECK((*total)["indicator_name"] == "Tổng số hộ");
    const json* mong = findRow(rows, "15", "households_total", "08");
    REQUIRE(mong);
    CHECK((*mong)["value"] == 90.0);  // 40 + 50
    CHECK((*mong)["ethnic_name"] == "Mông");
    const json* kinh = findRow(rows, "15", "households_total", "01");
    REQUIRE(kinh);
    CHECK((*kinh)["value"] == 60.0);
    const json* poor = findRow(rows, "15", "households_poor");
    REQUIRE(poor);
    CHECK((*poor)["value"] == 30.0);  // explicit totals 20 + 10 (not the roster's 1 + 1)
    const json* market = findRow(rows, "15", "has_market");
    REQUIRE(market);
    CHECK((*market)["value"] == 1.0);  // count rule: one commune has a market
    const json* commune = findRow(rows, "02671", "households_poor", "08");
    REQUIRE(commune);
    CHECK((*commune)["value"] == 1.0);
    CHECK(findRow(rows, "02680", "households_total") != nullptr);  // a row with coverage, but no value
    CHECK((*findRow(rows, "02680", "households_total"))["value"].is_null());

    // Filters: one indicator, totals only, one group.
    const json one = json::parse(x.get("/api/v1/aggregates", viewer,
                                       {{"period", "2026"}, {"unit", "15"}, {"indicator", "households_poor"},
                                        {"ethnic", "total"}})
                                     .body)["rows"];
    REQUIRE(!one.empty());
    for (const json& r : one) {
        CHECK(r["indicator"] == "households_poor");
        CHECK(r["ethnic_group"] == "");
    }
    const json group = json::parse(x.get("/api/v1/aggregates", viewer,
                                         {{"period", "2026"}, {"unit", "15"}, {"ethnic", "08"}})
                                       .body)["rows"];
    REQUIRE(!group.empty());
    for (const json& r : group) {
        CHECK(r["ethnic_group"] == "08");
    }

    // Bad requests: no period, unknown period, unknown unit (a viewer's scope is the province).
    CHECK(x.get("/api/v1/aggregates", viewer, {{"unit", "15"}}).status == 400);
    CHECK(x.get("/api/v1/aggregates", viewer, {{"period", "2031"}}).status == 404);
    CHECK(x.get("/api/v1/aggregates", viewer, {{"period", "2026"}, {"unit", "99999"}}).status == 403);
    CHECK(x.get("/api/v1/aggregates", "", {{"period", "2026"}}).status == 401);
}

TEST_CASE("a commune account sees its own figures and gets 403 for another commune on every endpoint")
{
    RecordsFixture x;
    const std::string commune = x.f.ready("xa02647");
    auto own = x.get("/api/v1/aggregates", commune, {{"period", "2026"}});
    REQUIRE(own.status == 200);
    const json body = json::parse(own.body);
    CHECK(body["unit"] == "02647");
    CHECK(body["records"] == 1);
    for (const json& r : body["rows"]) {
        CHECK(r["unit"] == "02647");  // nothing of the neighbour or the province
    }
    REQUIRE(findRow(body["rows"], "02647", "households_total"));
    CHECK((*findRow(body["rows"], "02647", "households_total"))["value"] == 100.0);

    const std::map<std::string, std::string> other = {{"period", "2026"}, {"unit", "02671"}, {"form", "agg_test"}};
    CHECK(x.get("/api/v1/aggregates", commune, other).status == 403);
    CHECK(x.get("/api/v1/exports/aggregates.csv", commune, other).status == 403);
    CHECK(x.get("/api/v1/exports/aggregates.xlsx", commune, other).status == 403);
    CHECK(x.get("/api/v1/exports/records.csv", commune, other).status == 403);
    const std::map<std::string, std::string> province = {{"period", "2026"}, {"unit", "15"}, {"form", "agg_test"}};
    CHECK(x.get("/api/v1/aggregates", commune, province).status == 403);
    CHECK(x.get("/api/v1/exports/records.csv", commune, province).status == 403);

    // Its own records export holds only its record.
    auto csv = x.get("/api/v1/exports/records.csv", commune, {{"period", "2026"}, {"form", "agg_test"}});
    REQUIRE(csv.status == 200);
    CHECK(csv.body.find("r1") != std::string::npos);
    CHECK(csv.body.find("r2") == std::string::npos);
}

TEST_CASE("exports: CSV with BOM and Vietnamese headers, XLSX a real workbook, both audited")
{
    RecordsFixture x;
    const std::string viewer = x.f.ready("viewer");
    const std::map<std::string, std::string> query = {{"period", "2026"}, {"unit", "15"}};

    auto csv = x.get("/api/v1/exports/aggregates.csv", viewer, query);
    REQUIRE(csv.status == 200);
    CHECK(csv.contentType.find("text/csv") == 0);
    CHECK(header(csv, "Content-Disposition") == "attachment; filename=\"tong-hop-2026-15.csv\"");
    REQUIRE(csv.body.size() > 3);
    CHECK(csv.body.compare(0, 3, "\xEF\xBB\xBF") == 0);
    CHECK(csv.body.find("Kỳ báo cáo,Mã đơn vị,Tên đơn vị,Cấp,Mã chỉ tiêu") == 3);
    CHECK(csv.body.find("2026,15,Tỉnh Lào Cai,Tỉnh,households_total,Tổng số hộ,hộ,,Tổng số,150,2,99,2,"
                        "2026-12-31\r\n") != std::string::npos);
    CHECK(csv.body.find("2026,15,Tỉnh Lào Cai,Tỉnh,households_total,Tổng số hộ,hộ,08,Mông,90,") !=
          std::string::npos);

    auto xlsx = x.get("/api/v1/exports/aggregates.xlsx", viewer, query);
    REQUIRE(xlsx.status == 200);
    CHECK(xlsx.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    REQUIRE(xlsx.body.size() > 1000);
    CHECK(xlsx.body.compare(0, 4, "PK\x03\x04") == 0);
    TempDir dir("dantoc-xlsx");
    const auto file = dir.path() / "a.xlsx";
    writeText(file, xlsx.body);
    auto unzip = [&](const std::string& member) {
        std::string text;
        const std::string command = "unzip -p '" + file.string() + "' " + member;
        if (FILE* pipe = popen(command.c_str(), "r")) {
            char buffer[4096];
            std::size_t n = 0;
            while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
                text.append(buffer, n);
            }
            pclose(pipe);
        }
        return text;
    };
    CHECK(unzip("xl/workbook.xml").find("name=\"Tổng hợp\"") != std::string::npos);
    const std::string strings = unzip("xl/sharedStrings.xml");
    CHECK(strings.find("Tỉnh Lào Cai") != std::string::npos);
    CHECK(strings.find("Số đơn vị phải báo cáo") != std::string::npos);
    CHECK(unzip("xl/worksheets/sheet1.xml").find("<v>150</v>") != std::string::npos);
    CHECK(std::filesystem::is_empty(x.f.dataDir() / "tmp" / "exports"));  // the temporary workbook is gone

    auto records = x.get("/api/v1/exports/records.csv", viewer, {{"period", "2026"}, {"form", "agg_test"}});
    REQUIRE(records.status == 200);
    CHECK(records.body.compare(0, 3, "\xEF\xBB\xBF") == 0);
    CHECK(records.body.find("Mã phiếu,Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Trạng thái,Phiên bản mẫu,Cập nhật (UTC),"
                            "Tổng số hộ,Số hộ nghèo,Có chợ,\"Ghi chú, nhận xét\",Theo dân tộc\r\n") == 3);
    CHECK(records.body.find("r1,02647,Phường Lào Cai,2026,accepted,1,2026-01-01T00:00:00Z,100,20,Có,"
                            "\"'=HYPERLINK(\"\"x\"\")\",2\r\n") != std::string::npos);
    CHECK(records.body.find("r2,02671,Phường Cam Đường,2026,approved,1,2026-01-01T00:00:00Z,50,10,Không,"
                            "\"a, \"\"b\"\"\",1\r\n") != std::string::npos);
    CHECK(records.body.find("r3,") != std::string::npos);  // every state is listed, with its state
    CHECK(records.body.find("r4,") == std::string::npos);  // another period
    CHECK(x.get("/api/v1/exports/records.csv", viewer, {{"period", "2026"}}).status == 400);
    CHECK(x.get("/api/v1/exports/records.csv", viewer, {{"period", "2026"}, {"form", "nope"}}).status == 404);

    auto audit = x.f.store().allAudit();
    REQUIRE(audit.isOk());
    std::set<std::string> actions;
    for (const auto& entry : *audit) {
        actions.insert(entry.event.action);
    }
    CHECK(actions.count("export.aggregates_csv") == 1);
    CHECK(actions.count("export.aggregates_xlsx") == 1);
    CHECK(actions.count("export.records_csv") == 1);
}

TEST_CASE("csv cells: quoting and formula neutralising")
{
    CHECK(server::csvCell("abc") == "abc");
    CHECK(server::csvCell("a,b") == "\"a,b\"");
    CHECK(server::csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(server::csvCell("line\nbreak") == "\"line\nbreak\"");
    CHECK(server::csvCell("=1+1") == "'=1+1");
    CHECK(server::csvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(server::csvCell("+84 912") == "'+84 912");
    CHECK(server::csvCell("-12.5") == "-12.5");
    CHECK(server::csvCell("-cmd") == "'-cmd");
}

namespace {

// The per-group rows of `indicator` at `unit`, summed, and how many groups there are.
std::pair<double, int> groupSum(const json& rows, const std::string& unit, const std::string& indicator)
{
    double sum = 0;
    int count = 0;
    for (const json& r : rows) {
        if (r["unit"] == unit && r["indicator"] == indicator && r["ethnic_group"] != "") {
            sum += r["value"].get<double>();
            ++count;
        }
    }
    return {sum, count};
}

}  // namespace

TEST_CASE("the shipped forms' ethnic rosters give a per-group breakdown that adds up to the total")
{
    RecordsFixture x;
    for (const char* name : {"village_survey.json", "commune_survey.json"}) {
        REQUIRE(server::publishFormDocument(x.f.app().catalogs(), readFile(resourcesDir() / "forms" / name), "test",
                                            kJan2026)
                    .isOk());
    }
    REQUIRE(server::savePeriod(x.f.app().catalogs(), {"2026-H2", "6 tháng cuối 2026", "2026-07-01", "2026-12-31", true},
                               "test", kJan2026)
                .isOk());
    auto sample = [&](const std::string& form, const std::string& id, const std::string& unit,
                      const std::string& period) {
        const json values = json::parse(readFile(resourcesDir() / "demo" / (form + ".sample.json")))["values"];
        server::StoredRecord r = record(id, unit, "approved", values, period);
        r.formId = form;
        return r;
    };
    storeRecords(x.f, {sample("village_survey", "v1", "02683-01", "2026-H2"),
                       sample("village_survey", "v2", "02683-02", "2026-H2"),
                       sample("commune_survey", "c1", "02683", "2026"), sample("commune_survey", "c2", "02686", "2026")});
    const std::string viewer = x.f.ready("viewer");
    auto rowsOf = [&](std::map<std::string, std::string> query) {
        auto response = x.get("/api/v1/aggregates", viewer, std::move(query));
        REQUIRE(response.status == 200);
        return json::parse(response.body)["rows"];
    };

    // Villages, by hand from the sample: 02 1023, 07 731, 09 358, 08 155 people per village (2267), two villages.
    const json mong = rowsOf({{"period", "2026-H2"}, {"unit", "02683"}, {"ethnic", "08"}});
    const json* village = findRow(mong, "02683", "population_by_ethnic_group", "08");
    REQUIRE(village);
    CHECK((*village)["value"] == 310.0);
    const json byGroup = rowsOf({{"period", "2026-H2"}, {"unit", "02683"}});
    CHECK(groupSum(byGroup, "02683", "population_by_ethnic_group") == std::pair<double, int>{4534.0, 4});
    REQUIRE(findRow(byGroup, "02683", "population_total"));
    CHECK((*findRow(byGroup, "02683", "population_total"))["value"] == 4534.0);

    // Communes (the form the province's own report rests on): population 14230 (Mông 5960), 7050 female, per commune.
    const json province = rowsOf({{"period", "2026"}, {"unit", "15"}, {"form", "commune_survey"}});
    REQUIRE(findRow(province, "15", "population_total"));
    CHECK((*findRow(province, "15", "population_total"))["value"] == 28460.0);
    CHECK(groupSum(province, "15", "population_total") == std::pair<double, int>{28460.0, 6});
    CHECK(groupSum(province, "15", "population_female") == std::pair<double, int>{14100.0, 6});
    const json communeMong = rowsOf({{"period", "2026"}, {"unit", "15"}, {"ethnic", "08"}, {"form", "commune_survey"}});
    REQUIRE(findRow(communeMong, "15", "population_total", "08"));
    CHECK((*findRow(communeMong, "15", "population_total", "08"))["value"] == 11920.0);
    CHECK((*findRow(communeMong, "15", "population_total", "08"))["ethnic_name"] == "Mông");
}
