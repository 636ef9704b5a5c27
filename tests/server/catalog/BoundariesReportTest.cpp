// Figures under any date's boundaries (issue 16): the 2024 figures of old Lào Cai (10) and old Yên Bái (15),
// reported under their own boundaries and under those of the 1 July 2025 merger, equal sums done by hand through
// the real lineage of resources/demo/province; code 15 (old Yên Bái, then new Lào Cai) and reused commune codes
// pick the version of the date asked; a bad at= is 400, at= before the period gives the old boundaries, a unit
// split before at= is refused naming it. The real handlers over the real stores (catalog/ReportFixture.h).
#include "admin/UnitImport.h"
#include "catalog/ReportFixture.h"
#include "report/ReportBoundaries.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

using namespace dantoc;
using namespace dantoc::test;
using nlohmann::json;

namespace {

json households(int total, int poor)
{
    return {{"households_total", total}, {"households_poor", poor}};
}

// Period 2024 and approved 2024 records of five pre-reform communes (one more only submitted). From
// resources/demo/province: 02635 Duyên Hải and 02647 Kim Tân (district 080), 02911 Bản Phiệt (086), all of old
// Lào Cai (10), went into the new Phường Lào Cai (02647, code reused); 04249 Yên Thịnh and 04279 Tân Thịnh
// (district 132 of old Yên Bái, 15) went into the new Phường Văn Phú (04279, code reused).
struct Year2024 : RecordsFixture {
    Year2024()
    {
        REQUIRE(server::savePeriod(f.app().catalogs(), {"2024", "Năm 2024", "2024-01-01", "2024-12-31", false},
                                   "test", kJan2026)
                    .isOk());
        storeRecords(f, {record("b1", "02635", "accepted", households(100, 10), "2024"),
                         record("b2", "02647", "accepted", households(200, 20), "2024"),
                         record("b3", "02911", "approved", households(30, 3), "2024"),
                         record("b4", "04249", "accepted", households(40, 4), "2024"),
                         record("b5", "04279", "forwarded", households(50, 5), "2024"),
                         record("b6", "02680", "submitted", households(999, 999), "2024")});
        viewer = f.ready("viewer");
    }

    json report(std::map<std::string, std::string> query, const std::string& token = {})
    {
        auto response = get("/api/v1/aggregates", token.empty() ? viewer : token, std::move(query));
        REQUIRE_MESSAGE(response.status == 200, response.body);
        return json::parse(response.body);
    }

    std::string viewer;
};

double valueAt(const json& body, const std::string& unit, const std::string& indicator = "households_total")
{
    const json* found = findRow(body["rows"], unit, indicator);
    REQUIRE_MESSAGE(found, (unit + " " + indicator));
    REQUIRE(!(*found)["value"].is_null());
    return (*found)["value"].get<double>();
}

}  // namespace

TEST_CASE("2024 figures under the 2024 boundaries and under the 2025 ones agree with the lineage by hand")
{
    Year2024 x;

    // The period's last day (default): code 15 is old Yên Bái, whose 2024 figures are its own communes' only.
    const json yenBai = x.report({{"period", "2024"}, {"unit", "15"}});
    CHECK(yenBai["date"] == "2024-12-31");
    CHECK(yenBai["unit_name"] == "Tỉnh Yên Bái");
    CHECK(yenBai["unit_valid_from"] == "1991-10-01");
    CHECK(yenBai["records"] == 2);
    CHECK(valueAt(yenBai, "15") == 90.0);   // 40 + 50
    CHECK(valueAt(yenBai, "132") == 90.0);  // both in Thành phố Yên Bái
    CHECK(valueAt(yenBai, "04279") == 50.0);
    CHECK((*findRow(yenBai["rows"], "04279", "households_total"))["unit_name"] == "Xã Tân Thịnh");
    CHECK(findRow(yenBai["rows"], "02647", "households_total") == nullptr);  // old Lào Cai is not under it

    const json laoCaiOld = x.report({{"period", "2024"}, {"unit", "10"}});
    CHECK(laoCaiOld["unit_name"] == "Tỉnh Lào Cai");
    CHECK(valueAt(laoCaiOld, "10") == 330.0);   // 100 + 200 + 30; the submitted 999 is not there
    CHECK(valueAt(laoCaiOld, "080") == 300.0);  // Duyên Hải + Kim Tân
    CHECK(valueAt(laoCaiOld, "086") == 30.0);
    CHECK(valueAt(laoCaiOld, "02647") == 200.0);  // code 02647 in 2024: Phường Kim Tân alone
    CHECK((*findRow(laoCaiOld["rows"], "02647", "households_total"))["unit_name"] == "Phường Kim Tân");

    // Under the boundaries of 1 July 2025: code 15 is new Lào Cai, holding both old provinces' communes.
    const json merged = x.report({{"period", "2024"}, {"unit", "15"}, {"at", "2025-07-01"}});
    CHECK(merged["date"] == "2025-07-01");
    CHECK(merged["unit_name"] == "Tỉnh Lào Cai");
    CHECK(merged["unit_valid_from"] == "2025-07-01");
    CHECK(merged["records"] == 5);
    CHECK(valueAt(merged, "15") == 420.0);  // = old Lào Cai 330 + old Yên Bái 90
    CHECK(valueAt(merged, "15", "households_poor") == 42.0);
    const json* total = findRow(merged["rows"], "15", "households_total");
    CHECK((*total)["expected"] == 99);  // the communes of new Lào Cai
    CHECK((*total)["reported"] == 2);   // Phường Lào Cai and Phường Văn Phú
    CHECK(valueAt(merged, "02647") == 330.0);  // Duyên Hải 100 + Kim Tân 200 + Bản Phiệt 30 (lineage.csv)
    CHECK((*findRow(merged["rows"], "02647", "households_total"))["contributing"] == 3);
    CHECK((*findRow(merged["rows"], "02647", "households_total"))["unit_name"] == "Phường Lào Cai");
    CHECK(valueAt(merged, "04279") == 90.0);  // Yên Thịnh 40 + Tân Thịnh 50
    CHECK(valueAt(merged, "04279", "poverty_rate") == doctest::Approx(100.0 * 9 / 90));
    CHECK(findRow(merged["rows"], "080", "households_total") == nullptr);  // no districts after the reform
    for (const json& row : merged["rows"]) {
        CHECK(row["unit_valid_from"] >= "2025-07-01");
    }
    // Today's boundaries are the same as those of 1 July 2025.
    CHECK(valueAt(x.report({{"period", "2024"}, {"unit", "15"}, {"at", "2026-01-01"}}), "15") == 420.0);

    // A commune account: code 02647 is Kim Tân in 2024, Phường Lào Cai with its merged communes under 2025.
    const std::string commune = x.f.ready("xa02647");
    const json own = x.report({{"period", "2024"}}, commune);
    CHECK(own["unit_name"] == "Phường Kim Tân");
    CHECK(valueAt(own, "02647") == 200.0);
    const json ownMerged = x.report({{"period", "2024"}, {"at", "2025-07-01"}}, commune);
    CHECK(valueAt(ownMerged, "02647") == 330.0);
    for (const json& row : ownMerged["rows"]) {
        CHECK(row["unit"] == "02647");
    }
    CHECK(x.get("/api/v1/aggregates", commune, {{"period", "2024"}, {"unit", "15"}, {"at", "2025-07-01"}}).status ==
          403);
}

TEST_CASE("exports take at=: the boundaries' date in every aggregate line, the records under the unit then")
{
    Year2024 x;
    auto csv = x.get("/api/v1/exports/aggregates.csv", x.viewer, {{"period", "2024"}, {"unit", "15"}, {"at", "2025-07-01"}});
    REQUIRE(csv.status == 200);
    CHECK(csv.body.find(",Địa giới theo ngày\r\n") != std::string::npos);
    CHECK(csv.body.find("2024,15,Tỉnh Lào Cai,Tỉnh,households_total,Tổng số hộ,hộ,,Tổng số,420,5,99,2,2025-07-01\r\n") !=
          std::string::npos);
    CHECK(csv.body.find("2024,02647,Phường Lào Cai,Xã,households_total,Tổng số hộ,hộ,,Tổng số,330,3,1,1,2025-07-01\r\n") !=
          std::string::npos);
    auto old = x.get("/api/v1/exports/aggregates.csv", x.viewer, {{"period", "2024"}, {"unit", "15"}});
    REQUIRE(old.status == 200);
    CHECK(old.body.find("2024,15,Tỉnh Yên Bái,Tỉnh,households_total,Tổng số hộ,hộ,,Tổng số,90,2,") != std::string::npos);
    CHECK(x.get("/api/v1/exports/aggregates.xlsx", x.viewer, {{"period", "2024"}, {"unit", "15"}, {"at", "2025-07-01"}})
              .status == 200);

    // Records: under new Lào Cai every 2024 record (named as its unit was in 2024); under old Yên Bái its own two.
    const std::map<std::string, std::string> all = {{"period", "2024"}, {"form", "agg_test"}, {"unit", "15"}};
    auto records = x.get("/api/v1/exports/records.csv", x.viewer, all);
    REQUIRE(records.status == 200);
    for (const char* id : {"b1,", "b2,", "b3,", "b4,", "b5,", "b6,"}) {
        CHECK(records.body.find(std::string("\n") + id) != std::string::npos);
    }
    CHECK(records.body.find("b2,02647,Phường Kim Tân,2024,") != std::string::npos);
    auto yenBai = all;
    yenBai["at"] = "2024-12-31";
    auto some = x.get("/api/v1/exports/records.csv", x.viewer, yenBai);
    REQUIRE(some.status == 200);
    CHECK(some.body.find("\nb4,04249,Phường Yên Thịnh,2024,") != std::string::npos);
    CHECK(some.body.find("\nb5,") != std::string::npos);
    CHECK(some.body.find("\nb1,") == std::string::npos);
    CHECK(some.body.find("\nb2,") == std::string::npos);
}

TEST_CASE("a bad at= is 400 with a clear message on every report endpoint; an unknown unit on that date is 404")
{
    Year2024 x;
    for (const char* path : {"/api/v1/aggregates", "/api/v1/exports/aggregates.csv", "/api/v1/exports/aggregates.xlsx",
                             "/api/v1/exports/records.csv"}) {
        for (const char* bad : {"2025-02-30", "2025-7-1", "01/07/2025", "", "2025-07-01T00:00:00Z"}) {
            CAPTURE(path);
            CAPTURE(bad);
            auto response =
                x.get(path, x.viewer, {{"period", "2024"}, {"unit", "15"}, {"form", "agg_test"}, {"at", bad}});
            CHECK(response.status == 400);
            CHECK(response.body.find("Ngày địa giới (at) phải có dạng YYYY-MM-DD") != std::string::npos);
            CHECK(response.body.find("at must be a date YYYY-MM-DD") != std::string::npos);
        }
    }
    // Before any unit we know of: code 15 names nothing on that day.
    auto none = x.get("/api/v1/aggregates", x.viewer, {{"period", "2024"}, {"unit", "15"}, {"at", "1980-01-01"}});
    CHECK(none.status == 404);
    CHECK(none.body.find("1980-01-01") != std::string::npos);
}

TEST_CASE("at= before the period: new communes' figures under the old boundaries land on the old unit holding them")
{
    Year2024 x;
    // The fixture's 2026 records: Phường Lào Cai (02647) 100 households, Phường Cam Đường (02671) 50. Cam Đường was
    // formed from communes of Thành phố Lào Cai (080) only; Phường Lào Cai also took in Bản Phiệt of Bảo Thắng (086),
    // so under the old boundaries it lies wholly only in the old province.
    const json old = x.report({{"period", "2026"}, {"unit", "10"}, {"at", "2025-06-30"}});
    CHECK(old["date"] == "2025-06-30");
    CHECK(old["unit_name"] == "Tỉnh Lào Cai");
    CHECK(old["unit_valid_from"] == "1991-10-01");
    CHECK(valueAt(old, "10") == 150.0);
    CHECK(valueAt(old, "080") == 50.0);
    const json* kimTan = findRow(old["rows"], "02647", "households_total");
    CHECK((kimTan == nullptr || (*kimTan)["value"].is_null()));  // no old commune can be credited
    // Old Yên Bái holds none of them.
    const json yenBai = x.report({{"period", "2026"}, {"unit", "15"}, {"at", "2025-06-30"}});
    CHECK(yenBai["unit_name"] == "Tỉnh Yên Bái");
    const json* nothing = findRow(yenBai["rows"], "15", "households_total");
    CHECK((nothing == nullptr || (*nothing)["value"].is_null()));
}

TEST_CASE("a unit split before at= is refused naming it; before the split its figures stand")
{
    Year2024 x;
    // A made-up split on 1 January 2027: Xã Hợp Thành (02680) gives part of its territory to a new 02999.
    const server::UnitImportSource units{
        "split.csv",
        "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
        "02680,Xã Hợp Thành,commune,xã,15,2025-07-01,2026-12-31\n"
        "02680,Xã Hợp Thành,commune,xã,15,2027-01-01,\n"
        "02999,Xã Tả Phời,commune,xã,15,2027-01-01,\n",
        false};
    const server::UnitImportSource lineage{"split-lineage.csv",
                                           "old_code,old_valid_from,new_code,new_valid_from,effective_date,kind\n"
                                           "02680,2025-07-01,02680,2027-01-01,2027-01-01,split\n"
                                           "02680,2025-07-01,02999,2027-01-01,2027-01-01,split\n",
                                           false};
    auto imported = server::importUnits(x.f.store(), units, lineage, "test", kJan2026);
    REQUIRE_MESSAGE(imported.isOk(), imported.status().message());
    storeRecords(x.f, {record("s1", "02680", "accepted", households(12, 1))});

    const std::map<std::string, std::string> after = {{"period", "2026"}, {"unit", "15"}, {"at", "2027-01-01"}};
    for (const char* path : {"/api/v1/aggregates", "/api/v1/exports/aggregates.csv", "/api/v1/exports/aggregates.xlsx"}) {
        CAPTURE(path);
        auto refused = x.get(path, x.viewer, after);
        CHECK(refused.status == 409);
        CHECK(refused.body.find("Đơn vị 02680 (Xã Hợp Thành, 2025-07-01) đã được chia tách") != std::string::npos);
        CHECK(refused.body.find("02999 (Xã Tả Phời, 2027-01-01)") != std::string::npos);
        CHECK(refused.body.find("unit 02680 (Xã Hợp Thành, 2025-07-01) was split") != std::string::npos);
    }
    // The period's own boundaries (its last day, 2026-12-31) still hold Hợp Thành whole: 100 + 50 + 12.
    const json own = x.report({{"period", "2026"}, {"unit", "15"}});
    CHECK(valueAt(own, "15") == 162.0);
    CHECK(valueAt(own, "02680") == 12.0);
    // The 2024 figures never met the split unit: Hợp Thành's 2024 record is only submitted.
    CHECK(valueAt(x.report({{"period", "2024"}, {"unit", "15"}, {"at", "2027-01-01"}}), "15") == 420.0);
}

TEST_CASE("the unit version a record stands for: the one of the period's last day, else one of the period")
{
    AdminFixture f;
    auto versions = f.store().listUnitVersions();
    auto lineage = f.store().listUnitLineage();
    REQUIRE(versions.isOk());
    REQUIRE(lineage.isOk());
    auto tree = server::buildAdminTree(*versions, *lineage);
    REQUIRE(tree.isOk());
    auto versionOf = [&](const char* code, const char* from, const char* to) {
        const admin::Unit* unit = server::recordVersion(*tree, code, from, to);
        return unit == nullptr ? std::string("-") : unit->nameVi + " " + unit->validFrom;
    };
    CHECK(versionOf("15", "2024-01-01", "2024-12-31") == "Tỉnh Yên Bái 1991-10-01");
    CHECK(versionOf("15", "2025-01-01", "2025-12-31") == "Tỉnh Lào Cai 2025-07-01");  // valid on the last day
    CHECK(versionOf("02647", "2024-01-01", "2024-12-31") == "Phường Kim Tân 1991-10-01");
    CHECK(versionOf("02635", "2025-01-01", "2025-12-31") == "Phường Duyên Hải 1991-10-01");  // abolished mid-period
    CHECK(versionOf("02635", "2026-01-01", "2026-12-31") == "Phường Duyên Hải 1991-10-01");  // a late record
    CHECK(versionOf("02647-01", "2024-01-01", "2024-12-31") == "-");  // the demo villages begin in 2025
    CHECK(versionOf("nope", "2024-01-01", "2024-12-31") == "-");
    CHECK(server::isIsoDate("2024-02-29"));
    CHECK_FALSE(server::isIsoDate("2025-02-29"));
    CHECK_FALSE(server::isIsoDate("2025-07-01 "));
}
