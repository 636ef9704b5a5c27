// Scope by date over the demo province (new Lào Cai, 1 July 2025 mergers): an officer of a new commune sees the
// old communes merged into it (GET /api/v1/units?at=, ScopePolicy::inScope), not its neighbours'.
#include "AdminFixture.h"
#include "admin/UnitImport.h"
#include "scope/AdminScopePolicy.h"

#include <map>

using namespace dantoc;
using namespace dantoc::server;
using dantoc::test::AdminFixture;

TEST_CASE("init --demo stores the whole demo tree: every date, with lineage")
{
    AdminFixture f;
    auto versions = f.store().listUnitVersions();
    REQUIRE(versions.isOk());
    CHECK(versions->size() == 834);
    CHECK(f.store().listUnitLineage()->size() == 339);
    auto province = f.store().unitByCode("15");
    REQUIRE(province->has_value());
    CHECK((*province)->name == "Tỉnh Lào Cai");  // the current version, not old Yên Bái
    CHECK((*province)->validFrom == "2025-07-01");
    // Seeding again (init --force) changes nothing.
    const auto audit = f.store().allAudit()->size();
    REQUIRE(seedUnits(f.store(), true, DANTOC_RESOURCES_DIR).isOk());
    CHECK(f.store().allAudit()->size() == audit);
}

TEST_CASE("units?at=: an officer of a new commune sees, before the merger, exactly the old communes merged into it")
{
    AdminFixture f;
    const std::string officer = f.ready("xa02647");
    const std::string neighbour = f.ready("xa02683");
    const std::string admin = f.ready("admin");

    CHECK(f.unitCodes(officer, "2025-06-01") ==
          std::set<std::string>{"02635", "02641", "02644", "02647", "02665", "02911"});
    const auto now = f.unitCodes(officer, "2026-01-01");
    CHECK(now.count("02647") == 1);
    CHECK(now.count("02647-01") == 1);
    CHECK(now.count("02635") == 0);
    CHECK(now.count("02683") == 0);

    const auto neighbourBefore = f.unitCodes(neighbour, "2025-06-01");
    CHECK(neighbourBefore.count("02710") == 1);
    CHECK(neighbourBefore.count("02683") == 1);
    CHECK(neighbourBefore.count("02635") == 0);

    const auto provinceBefore = f.unitCodes(admin, "2025-06-01");
    CHECK(provinceBefore.count("10") == 1);
    CHECK(provinceBefore.count("080") == 1);
    CHECK(provinceBefore.count("02647-01") == 0);  // no villages before the reform
    const auto provinceNow = f.unitCodes(admin, "2026-01-01");
    CHECK(provinceNow.count("02647-01") == 1);
    CHECK(provinceNow.count("10") == 0);
    CHECK(f.unitCodes(admin, "1990-01-01").empty());

    // Without `at`: today by the server clock, `at` echoed as null.
    auto today = f.call("GET", "/api/v1/units", {}, officer);
    REQUIRE(today.status == 200);
    const auto body = nlohmann::json::parse(today.body);
    CHECK(body["at"].is_null());
    bool sawOwn = false;
    for (const auto& unit : body["units"]) {
        if (unit["code"] == "02647") {
            sawOwn = true;
            CHECK(unit["valid_from"] == "2025-07-01");
            CHECK(unit["valid_to"].is_null());
            CHECK(unit["unit_type"] == "phường");
            CHECK(unit["parent_code"] == "15");
        }
    }
    CHECK(sawOwn);
}

TEST_CASE("inScope: a record of an old commune is visible to the new commune's officer, not to a neighbour's")
{
    AdminFixture f;
    AdminScopePolicy policy(f.store(), f.clock);
    CHECK(policy.inScope("02647", "02635"));   // old Phường Duyên Hải → new Phường Lào Cai
    CHECK(policy.inScope("02647", "02911"));
    CHECK_FALSE(policy.inScope("02683", "02635"));
    CHECK(policy.inScope("02683", "02710"));
    CHECK(policy.inScope("15", "02635"));      // the province sees every old commune of old Lào Cai and Yên Bái
    CHECK(policy.inScope("15", "080"));        // a dissolved district went into the province
    CHECK_FALSE(policy.inScope("02647", "080"));
    CHECK(policy.inScope("02647", "02647-03"));
    CHECK_FALSE(policy.inScope("02647", "02683-01"));
    CHECK_FALSE(policy.inScope("10", "02635"));  // old province 10 no longer exists: its account sees nothing
}

TEST_CASE("the server's own scope follows a unit import at once (account API and units list)")
{
    AdminFixture f;
    const std::string officer = f.ready("xa02647");
    CHECK(f.unitCodes(officer, "2026-01-01").count("02647-99") == 0);
    auto imported = importUnits(f.store(),
                                {"more.csv",
                                 "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
                                 "02647-99,Thôn Mới,village,thôn,02647,2025-09-01,\n",
                                 false},
                                std::nullopt, "test", f.clock.nowUnixMillis());
    REQUIRE(imported.isOk());
    CHECK(f.unitCodes(officer, "2026-01-01").count("02647-99") == 1);
    CHECK(f.unitCodes(officer, "2025-08-01").count("02647-99") == 0);
}

TEST_CASE("with its own connection the policy may be asked inside a store transaction, even when it must reload")
{
    AdminFixture f;
    AdminScopePolicy policy(f.store(), f.clock, f.dataDir());
    CHECK(policy.inScope("02647", "02635"));
    REQUIRE(importUnits(f.store(),
                        {"more.csv",
                         "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
                         "02647-98,Thôn Khác,village,thôn,02647,2025-09-01,\n",
                         false},
                        std::nullopt, "test", f.clock.nowUnixMillis())
                .isOk());
    bool seen = false;
    REQUIRE(f.app()
                .sqliteStore()
                .write([&](Db&) {
                    seen = policy.inScope("02647", "02647-98");  // reloads here, under the store's lock
                    return Status::ok();
                })
                .isOk());
    CHECK(seen);
}

TEST_CASE("accounts are refused for a unit that no longer exists (an old commune, an abolished district)")
{
    AdminFixture f;
    const PasswordHasher& hasher = f.app().auth().hasher();
    const std::int64_t now = f.clock.nowUnixMillis();
    auto old = addAccount(f.store(), hasher, "cu", "commune_officer", "02635", "", now);
    REQUIRE_FALSE(old.isOk());
    CHECK(old.status().message().find("no longer exists") != std::string::npos);
    CHECK_FALSE(addAccount(f.store(), hasher, "huyen", "district_reviewer", "080", "", now).isOk());
    CHECK_FALSE(addAccount(f.store(), hasher, "khong", "commune_officer", "99999", "", now).isOk());
    REQUIRE(addAccount(f.store(), hasher, "moi", "commune_officer", "02647", "", now).isOk());
    CHECK_FALSE(editAccount(f.store(), "moi", "", "02635", "", now).isOk());
    CHECK(editAccount(f.store(), "moi", "", "02683", "", now).isOk());
}

TEST_CASE("init --demo and user add before 1 July 2025: a reused code means its version of that day")
{
    AdminFixture f(/*demoTree=*/false);
    REQUIRE(seedUnits(f.store(), true, DANTOC_RESOURCES_DIR).isOk());
    const PasswordHasher& hasher = f.app().auth().hasher();
    constexpr std::int64_t kMarch2025 = 1'740'787'200'000;  // 2025-03-01T00:00:00Z
    // Before the reform the demo accounts are those of the province as it was (init --as-of): old Lào Cai (10),
    // the district Bát Xát (082) and four of its communes, whose codes were reused by the new communes.
    auto accounts = seedAccounts(f.store(), hasher, true, kMarch2025);
    REQUIRE_MESSAGE(accounts.isOk(), accounts.status().message());
    CHECK(accounts->size() == 8);
    std::map<std::string, std::string> unitOf;
    for (const auto& a : *accounts) {
        unitOf[a.username] = a.unitCode;
    }
    CHECK(unitOf["admin"] == "10");
    CHECK(unitOf["huyen082"] == "082");
    CHECK(unitOf["xa02716"] == "02716");
    CHECK(addAccount(f.store(), hasher, "yenbai", "provincial_admin", "15", "", kMarch2025).isOk());
    CHECK(addAccount(f.store(), hasher, "laocai", "provincial_admin", "10", "", kMarch2025).isOk());
    CHECK(addAccount(f.store(), hasher, "duyenhai", "commune_officer", "02635", "", kMarch2025).isOk());
    auto village = addAccount(f.store(), hasher, "thon", "commune_officer", "02647-01", "", kMarch2025);
    REQUIRE_FALSE(village.isOk());
    CHECK(village.status().message().find("valid only from 2025-07-01") != std::string::npos);
    CHECK(village.status().message().find("chỉ có từ ngày 2025-07-01") != std::string::npos);
    CHECK(editAccount(f.store(), "duyenhai", "", "02641", "", kMarch2025).isOk());  // another old commune
    // The same codes after the merger: old Lào Cai and Duyên Hải are gone, 15 is new Lào Cai.
    const std::int64_t jan2026 = f.clock.nowUnixMillis();
    auto gone = addAccount(f.store(), hasher, "laocai2", "provincial_admin", "10", "", jan2026);
    REQUIRE_FALSE(gone.isOk());
    CHECK(gone.status().message().find("no longer exists (valid until 2025-06-30)") != std::string::npos);
    CHECK_FALSE(editAccount(f.store(), "duyenhai", "", "02635", "", jan2026).isOk());
    CHECK(addAccount(f.store(), hasher, "laocai3", "provincial_admin", "15", "", jan2026).isOk());
    CHECK(addAccount(f.store(), hasher, "thon2", "commune_officer", "02647-01", "", jan2026).isOk());
}

TEST_CASE("codesInScope: every code of any date a record query for the root filters on")
{
    AdminFixture f;
    AdminScopePolicy policy(f.store(), f.clock, f.dataDir());
    auto codes = policy.codesInScope("02647");
    REQUIRE(codes.isOk());
    const std::set<std::string> set(codes->begin(), codes->end());
    CHECK(set.size() == codes->size());
    for (const char* expected : {"02647", "02647-01", "02635", "02641", "02644", "02665", "02911"}) {
        CHECK(set.count(expected) == 1);
    }
    CHECK(set.count("02683") == 0);
    CHECK(set.count("02710") == 0);
    CHECK(set.count("080") == 0);
    CHECK(set.count("15") == 0);
    auto province = policy.codesInScope("15");
    REQUIRE(province.isOk());
    CHECK(province->size() > 500);  // every old and new unit of the province
    auto none = policy.codesInScope("10");
    REQUIRE(none.isOk());
    CHECK(none->empty());
}
