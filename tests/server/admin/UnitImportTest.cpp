// `unit import`: whole-file validation merged with the stored units (errors name file:line and change nothing),
// one audited transaction, idempotence, CSV and JSON, merge and split lineage as seen by the scope policy.
#include "AdminFixture.h"
#include "admin/UnitImport.h"
#include "base/Csv.h"
#include "scope/AdminScopePolicy.h"
#include "support/TestServer.h"

using namespace dantoc;
using namespace dantoc::server;
using dantoc::test::AdminFixture;
using dantoc::test::writeText;

namespace {

const std::string kHeader = "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n";
const std::string kLineageHeader = "old_code,old_valid_from,new_code,new_valid_from,effective_date,kind\n";

// A test province 99: communes A and B merge into A' (keeping A's code), C splits into C-North and C-South.
const std::string kBaseUnits = kHeader +
                               "99,Tỉnh Thử,province,tỉnh,,2000-01-01,\n"
                               "99001,Xã A,commune,xã,99,2000-01-01,2025-06-30\n"
                               "99002,Xã B,commune,xã,99,2000-01-01,2025-06-30\n"
                               "99003,Xã C,commune,xã,99,2000-01-01,2025-06-30\n"
                               "99004,Xã D,commune,xã,99,2000-01-01,\n"
                               "99001,Xã A B,commune,xã,99,2025-07-01,\n"
                               "99010,Xã C Bắc,commune,xã,99,2025-07-01,\n"
                               "99011,Xã C Nam,commune,xã,99,2025-07-01,\n";
const std::string kBaseLineage = kLineageHeader +
                                 "99001,2000-01-01,99001,2025-07-01,2025-07-01,merge\n"
                                 "99002,2000-01-01,99001,2025-07-01,2025-07-01,merge\n"
                                 "99003,2000-01-01,99010,2025-07-01,2025-07-01,split\n"
                                 "99003,2000-01-01,99011,2025-07-01,2025-07-01,split\n";

Result<UnitImportCounts> importCsv(Store& store, const std::string& units, const std::string& lineage = {})
{
    std::optional<UnitImportSource> lineageSource;
    if (!lineage.empty()) {
        lineageSource = UnitImportSource{"lineage.csv", lineage, false};
    }
    return importUnits(store, {"units.csv", units, false}, lineageSource, "test", 1000);
}

// Everything an import may change, to compare before and after a refused one.
struct Snapshot {
    std::vector<std::string> versions;
    std::size_t lineage = 0;
    std::size_t audit = 0;
    std::int64_t generation = 0;
    std::size_t current = 0;
    bool operator==(const Snapshot&) const = default;
};

Snapshot snapshotOf(Store& store)
{
    Snapshot s;
    auto versions = store.listUnitVersions();
    REQUIRE(versions.isOk());
    for (const Unit& u : *versions) {
        s.versions.push_back(u.code + "|" + u.validFrom + "|" + u.validTo + "|" + u.name + "|" + u.parentCode);
    }
    s.lineage = store.listUnitLineage()->size();
    s.audit = store.allAudit()->size();
    s.generation = *store.unitGeneration();
    s.current = store.listUnits()->size();
    return s;
}

std::set<std::string> codesOf(const Result<std::vector<Unit>>& units)
{
    REQUIRE(units.isOk());
    std::set<std::string> codes;
    for (const Unit& u : *units) {
        codes.insert(u.code);
    }
    return codes;
}

}  // namespace

TEST_CASE("import: a refused file names file:line and changes nothing")
{
    AdminFixture f(false);
    REQUIRE(importCsv(f.store(), kBaseUnits, kBaseLineage).isOk());
    const Snapshot before = snapshotOf(f.store());

    struct Bad {
        const char* what;
        std::string units;
        std::string lineage;
        std::string where;
        std::string message;
    };
    const std::vector<Bad> cases = {
        {"bad code", kHeader + "99005,Xã E,commune,xã,99,2000-01-01,\n99 006,Xã F,commune,xã,99,2000-01-01,\n", "",
         "units.csv:3", "bad code"},
        {"code with a semicolon", kHeader + "99;7,Xã G,commune,xã,99,2000-01-01,\n", "", "units.csv:2", "bad code"},
        {"unknown parent", kHeader + "99005,Xã E,commune,xã,99,2000-01-01,\n99006,Xã F,commune,xã,88,2000-01-01,\n",
         "", "units.csv:3", "unknown parent 88"},
        {"cycle", kHeader + "99020,Xã X,commune,xã,99021,2000-01-01,\n99021,Xã Y,commune,xã,99020,2000-01-01,\n", "",
         "units.csv:", "cycle"},
        {"own parent", kHeader + "99022,Xã Z,commune,xã,99022,2000-01-01,\n", "", "units.csv:2", "cycle"},
        {"overlapping validity with a stored version", kHeader + "99004,Xã D mới,commune,xã,99,2020-01-01,\n", "",
         "units.csv:2", "overlapping validity of code 99004 with stored unit (99004, 2000-01-01)"},
        {"overlapping validity inside the file",
         kHeader + "99030,Xã H,commune,xã,99,2000-01-01,2010-12-31\n99030,Xã H,commune,xã,99,2010-06-01,\n", "",
         "units.csv:3", "overlapping validity of code 99030 with units.csv:2"},
        {"bad date", kHeader + "99031,Xã I,commune,xã,99,2025-13-01,\n", "", "units.csv:2", "valid_from"},
        {"valid_to before valid_from", kHeader + "99032,Xã J,commune,xã,99,2020-01-01,2019-01-01\n", "",
         "units.csv:2", "valid_to"},
        {"unknown level", kHeader + "99033,Xã K,hamlet,xã,99,2020-01-01,\n", "", "units.csv:2", "unknown level"},
        {"missing column", "code,name_vi,level\n99034,Xã L,commune\n", "", "units.csv", "missing column"},
        {"line break in a field", kHeader + "99035,\"Xã\nM\",commune,xã,99,2020-01-01,\n", "", "units.csv:2",
         "control character"},
        {"invalid UTF-8", kHeader + "99036,X\xC3\x28,commune,xã,99,2020-01-01,\n", "", "units.csv:2", "UTF-8"},
        {"lineage to an unknown unit", kHeader + "99037,Xã N,commune,xã,99,2020-01-01,\n",
         kLineageHeader + "99004,2000-01-01,99999,2025-07-01,,merge\n", "lineage.csv:2", "unknown new unit"},
        {"lineage backwards in time", kHeader, kLineageHeader + "99001,2025-07-01,99002,2000-01-01,,merge\n",
         "lineage.csv:2", "must start after"},
    };
    for (const Bad& bad : cases) {
        const std::string what = bad.what;
        CAPTURE(what);
        auto result = importCsv(f.store(), bad.units, bad.lineage);
        REQUIRE_FALSE(result.isOk());
        const std::string message = result.status().message();
        CAPTURE(message);
        CHECK(message.find(bad.where) != std::string::npos);
        CHECK(message.find(bad.message) != std::string::npos);
        CHECK(snapshotOf(f.store()) == before);
    }
}

TEST_CASE("import: the same file twice changes nothing the second time; a changed row is an update, audited")
{
    AdminFixture f(false);
    auto first = importCsv(f.store(), kBaseUnits, kBaseLineage);
    REQUIRE(first.isOk());
    CHECK(first->versionsAdded == 8);
    CHECK(first->lineageAdded == 4);
    auto audit = f.store().allAudit();
    REQUIRE(audit->size() == 1);
    CHECK(audit->back().event.action == "unit.import");
    const Snapshot after = snapshotOf(f.store());

    auto second = importCsv(f.store(), kBaseUnits, kBaseLineage);
    REQUIRE(second.isOk());
    CHECK_FALSE(second->changedAnything());
    CHECK(second->versionsUnchanged == 8);
    CHECK(second->lineageUnchanged == 4);
    CHECK(snapshotOf(f.store()) == after);

    // Closing commune D and renaming nothing else: one changed version, one new one.
    auto third = importCsv(f.store(), kHeader + "99004,Xã D,commune,xã,99,2000-01-01,2026-06-30\n"
                                                "99004,Xã D mới,commune,xã,99,2026-07-01,\n");
    REQUIRE(third.isOk());
    CHECK(third->versionsChanged == 1);
    CHECK(third->versionsAdded == 1);
    CHECK(f.store().allAudit()->size() == 2);
    auto current = f.store().unitByCode("99004");
    REQUIRE(current.isOk());
    REQUIRE(current->has_value());
    CHECK((*current)->name == "Xã D mới");
    CHECK((*current)->validFrom == "2026-07-01");
}

TEST_CASE("import: JSON arrays of the same fields give the same store as CSV; hostile JSON is refused")
{
    AdminFixture fromCsv(false);
    REQUIRE(importCsv(fromCsv.store(), kBaseUnits, kBaseLineage).isOk());

    nlohmann::json units = nlohmann::json::array();
    auto table = CsvTable::parse(kBaseUnits, "units.csv");
    REQUIRE(table.isOk());
    for (const auto& row : table->rows()) {
        nlohmann::json unit;
        for (const std::string& column : table->header()) {
            unit[column] = std::string(table->get(row, column));
        }
        unit["valid_to"] = unit["valid_to"] == "" ? nlohmann::json(nullptr) : unit["valid_to"];
        units.push_back(unit);
    }
    nlohmann::json lineage = nlohmann::json::array();
    auto links = CsvTable::parse(kBaseLineage, "lineage.csv");
    REQUIRE(links.isOk());
    for (const auto& row : links->rows()) {
        nlohmann::json link;
        for (const std::string& column : links->header()) {
            link[column] = std::string(links->get(row, column));
        }
        lineage.push_back(link);
    }
    AdminFixture fromJson(false);
    auto imported = importUnits(fromJson.store(), {"units.json", units.dump(), true},
                                UnitImportSource{"lineage.json", lineage.dump(), true}, "test", 1000);
    REQUIRE(imported.isOk());
    CHECK(imported->versionsAdded == 8);
    CHECK(snapshotOf(fromJson.store()).versions == snapshotOf(fromCsv.store()).versions);
    CHECK(fromJson.store().listUnitLineage()->size() == 4);

    const Snapshot before = snapshotOf(fromJson.store());
    for (const auto& [text, expected] : std::vector<std::pair<std::string, std::string>>{
             {"{\"code\": \"1\"}", "array"},
             {"[1]", "element 1: not an object"},
             {"[{\"code\": 5}]", "element 1: field \"code\""},
             {"[{\"code\": \"99040\", \"name_vi\": \"X\", \"level\": \"commune\", \"unit_type\": \"xã\", "
              "\"parent_code\": \"99\", \"valid_from\": \"2020-01-01\", \"valid_to\": null, \"extra\": \"\"}]",
              "unknown field \"extra\""},
             {"[{\"code\": \"99041\"}]", "missing field"},
             {"[{\"code\": \"99042\", \"name_vi\": \"X\", \"level\": \"commune\", \"unit_type\": \"xã\", "
              "\"parent_code\": \"77\", \"valid_from\": \"2020-01-01\", \"valid_to\": null}]",
              "units.json: element 1: unknown parent 77"},
             {"[{", "not valid JSON"}}) {
        CAPTURE(text);
        auto result = importUnits(fromJson.store(), {"units.json", text, true}, std::nullopt, "test", 1000);
        REQUIRE_FALSE(result.isOk());
        const std::string message = result.status().message();
        CAPTURE(message);
        CHECK(message.find(expected) != std::string::npos);
        CHECK(snapshotOf(fromJson.store()) == before);
    }
}

TEST_CASE("merge and split lineage: old communes are in the scope of the units their territory went into")
{
    AdminFixture f(false);
    REQUIRE(importCsv(f.store(), kBaseUnits, kBaseLineage).isOk());
    AdminScopePolicy policy(f.store(), f.clock);  // today = 2026-01-01
    REQUIRE(policy.tree() != nullptr);
    CHECK(policy.today() == "2026-01-01");
    // Merge: B went into A' (code 99001).
    CHECK(policy.inScope("99001", "99001"));
    CHECK(policy.inScope("99001", "99002"));
    CHECK_FALSE(policy.inScope("99001", "99003"));
    CHECK_FALSE(policy.inScope("99004", "99002"));  // the neighbour
    // Split: C went into both halves.
    CHECK(policy.inScope("99010", "99003"));
    CHECK(policy.inScope("99011", "99003"));
    CHECK_FALSE(policy.inScope("99010", "99011"));
    CHECK(policy.inScope("99", "99002"));
    CHECK_FALSE(policy.inScope("99002", "99002"));  // an account rooted at an abolished unit sees nothing
    CHECK_FALSE(policy.inScope("99", "12345"));

    CHECK(codesOf(policy.unitsAt("99001", "2025-01-01")) == std::set<std::string>{"99001", "99002"});
    CHECK(codesOf(policy.unitsAt("99011", "2025-01-01")) == std::set<std::string>{"99003"});
    CHECK(codesOf(policy.unitsAt("99001", "2026-01-01")) == std::set<std::string>{"99001"});
    CHECK(codesOf(policy.unitsAt("", "2025-01-01")) ==
          std::set<std::string>{"99", "99001", "99002", "99003", "99004"});
    CHECK(codesOf(policy.unitsAt("", "1999-12-31")).empty());

    // Before the reform (clock in 2024), A' does not exist yet: the old tree answers.
    f.clock.set(1'704'067'200'000);  // 2024-01-01T00:00:00Z
    CHECK(policy.today() == "2024-01-01");
    CHECK(policy.inScope("99002", "99002"));
    CHECK_FALSE(policy.inScope("99001", "99002"));
    CHECK_FALSE(policy.inScope("99010", "99003"));  // no such unit yet

    auto lineage = f.store().listUnitLineage();
    REQUIRE(lineage.isOk());
    CHECK(lineage->size() == 4);
    auto current = f.store().unitByCode("99001");
    REQUIRE(current->has_value());
    CHECK((*current)->name == "Xã A B");
}

TEST_CASE("the scope policy sees an import made through the same store at once")
{
    AdminFixture f(false);
    REQUIRE(importCsv(f.store(), kBaseUnits, kBaseLineage).isOk());
    AdminScopePolicy policy(f.store(), f.clock);
    CHECK_FALSE(policy.inScope("99004", "99004-01"));
    REQUIRE(importCsv(f.store(), kHeader + "99004-01,Thôn 1,village,thôn,99004,2025-07-01,\n").isOk());
    CHECK(policy.inScope("99004", "99004-01"));
    CHECK_FALSE(policy.inScope("99010", "99004-01"));
}

TEST_CASE("unit import CLI: exit status, file:line on stderr, idempotent, audit verifies")
{
    dantoc::test::TempDir dir("dantoc-unit-cli");
    const auto data = dir.path() / "data";
    REQUIRE(dantoc::test::TestServer::runTool({"init", "--data", data.string()}) == 0);
    writeText(dir.path() / "units.csv", kBaseUnits);
    writeText(dir.path() / "lineage.csv", kBaseLineage);
    writeText(dir.path() / "bad.csv", kHeader + "99050,Xã Q,commune,xã,99,2000-01-01,\n99051,Xã R,commune,xã,77,"
                                                "2000-01-01,\n");
    const std::vector<std::string> import = {"unit",   "import", "--data", data.string(), "--file",
                                             (dir.path() / "units.csv").string(), "--lineage",
                                             (dir.path() / "lineage.csv").string()};
    std::string out;
    REQUIRE(dantoc::test::TestServer::runTool(import, &out) == 0);
    auto first = nlohmann::json::parse(out);
    CHECK(first["changed"] == true);
    CHECK(first["versions_added"] == 8);
    out.clear();
    REQUIRE(dantoc::test::TestServer::runTool(import, &out) == 0);
    CHECK(nlohmann::json::parse(out)["changed"] == false);

    std::string err;
    CHECK(dantoc::test::TestServer::runTool(
              {"unit", "import", "--data", data.string(), "--file", (dir.path() / "bad.csv").string()}, nullptr,
              &err) == 1);
    CHECK(err.find("bad.csv:3") != std::string::npos);
    CHECK(err.find("unknown parent 77") != std::string::npos);
    CHECK(dantoc::test::TestServer::runTool({"unit", "import", "--data", data.string()}) == 2);

    out.clear();
    REQUIRE(dantoc::test::TestServer::runTool({"audit", "verify", "--data", data.string()}, &out) == 0);
    CHECK(out.find("\"ok\":true") != std::string::npos);
    auto store = SqliteStore::open(data);
    REQUIRE(store.isOk());
    CHECK(!(*store)->unitByCode("99050")->has_value());
    CHECK((*store)->listUnitVersions()->size() == 9);  // the 8 imported and the seeded province 15
}
