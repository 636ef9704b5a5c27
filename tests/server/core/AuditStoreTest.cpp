// The SQLite store: schema version, append-only hash-chained audit, tamper detection on the file itself.
#include "AdminCommands.h"
#include "audit/AuditChain.h"
#include "store/SqliteStore.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace dantoc;
using namespace dantoc::server;

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

void fillAudit(Store& store, int n)
{
    for (int i = 0; i < n; ++i) {
        REQUIRE(store.appendAudit({1000 + i, "cli", "test.event", "t" + std::to_string(i), R"({"i":1})"}).isOk());
    }
}
}  // namespace

TEST_CASE("a new store is at the current schema version and reopens")
{
    dantoc::test::TempDir dir;
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path() / SqliteStore::kFileName).c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == SqliteStore::kSchemaVersion);
    sqlite3_finalize(st);
    sqlite3_close(db);
    CHECK(SqliteStore::open(dir.path()).isOk());

    execRaw(dir.path() / SqliteStore::kFileName, "PRAGMA user_version = 99");
    auto newer = SqliteStore::open(dir.path());
    CHECK_FALSE(newer.isOk());
}

TEST_CASE("the audit chain verifies, the store refuses UPDATE/DELETE, and altering the file is detected")
{
    dantoc::test::TempDir dir;
    const auto file = dir.path() / SqliteStore::kFileName;
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
        fillAudit(**store, 5);
        auto count = verifyAudit(**store);
        REQUIRE(count.isOk());
        CHECK(*count == 5);
        sqlite3* raw = (*store)->rawHandle();
        CHECK(sqlite3_exec(raw, "UPDATE audit SET actor = 'x' WHERE seq = 2", nullptr, nullptr, nullptr) != SQLITE_OK);
        CHECK(sqlite3_exec(raw, "DELETE FROM audit WHERE seq = 5", nullptr, nullptr, nullptr) != SQLITE_OK);
    }
    SUBCASE("a changed detail")
    {
        execRaw(file, "DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{\"i\":2}' WHERE seq = 3");
    }
    SUBCASE("a deleted middle row")
    {
        execRaw(file, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2");
    }
    SUBCASE("a recomputed hash without relinking the next row")
    {
        AuditEvent forged{1002, "cli", "test.event", "forged", R"({"i":1})"};
        auto store = SqliteStore::open(dir.path());
        auto entries = (*store)->allAudit();
        const std::string hash = auditEntryHash(3, forged, (*entries)[1].hash, (*store)->auditKey());
        execRaw(file, "DROP TRIGGER audit_no_update; UPDATE audit SET target = 'forged', hash = '" + hash +
                          "' WHERE seq = 3");
    }
    auto store = SqliteStore::open(dir.path());
    REQUIRE(store.isOk());
    auto verified = verifyAudit(**store);
    REQUIRE_FALSE(verified.isOk());
    CHECK(verified.status().code() == ErrorCode::Corruption);
}

TEST_CASE("subtree checks follow parent links and unknown units are outside")
{
    dantoc::test::TempDir dir;
    auto store = SqliteStore::open(dir.path());
    REQUIRE(store.isOk());
    REQUIRE(seedUnits(**store, true).isOk());
    CHECK(*(*store)->isInSubtree("15", "02683"));
    CHECK(*(*store)->isInSubtree("02683", "02683"));
    CHECK_FALSE(*(*store)->isInSubtree("02683", "15"));
    CHECK_FALSE(*(*store)->isInSubtree("02683", "02647"));
    CHECK_FALSE(*(*store)->isInSubtree("15", "99999"));
    // A hostile cycle terminates.
    REQUIRE((*store)->upsertUnit({"A", "a", "commune", "15"}).isOk());
    REQUIRE((*store)->upsertUnit({"B", "b", "commune", "A"}).isOk());
    execRaw(dir.path() / SqliteStore::kFileName, "PRAGMA foreign_keys=OFF; UPDATE unit SET parent_code='B' WHERE code='A'");
    CHECK_FALSE(*(*store)->isInSubtree("15", "B"));
}

TEST_CASE("an online backup is a complete, verifiable store; an existing target is refused")
{
    dantoc::test::TempDir dir;
    dantoc::test::TempDir copyDir;
    auto store = SqliteStore::open(dir.path());
    REQUIRE(store.isOk());
    REQUIRE(seedUnits(**store, true).isOk());
    fillAudit(**store, 3);
    REQUIRE((*store)->backupTo(copyDir.path() / SqliteStore::kFileName).isOk());
    CHECK((*store)->backupTo(copyDir.path() / SqliteStore::kFileName).code() == ErrorCode::AlreadyExists);
    // The backup does not hold the audit key: without it the keyed store is refused, with it it verifies.
    CHECK(SqliteStore::open(copyDir.path()).status().code() == ErrorCode::FailedPrecondition);
    auto copy = SqliteStore::open(copyDir.path(), dir.path() / kAuditKeyFile);
    REQUIRE(copy.isOk());
    auto count = verifyAudit(**copy);
    REQUIRE(count.isOk());
    CHECK(*count == 3);
    auto units = (*copy)->listUnits();
    REQUIRE(units.isOk());
    CHECK(units->size() == 6);
}

TEST_CASE("demo units come from resources/demo/province (units valid on the date), villages included")
{
    dantoc::test::TempDir dir;
    auto store = SqliteStore::open(dir.path());
    REQUIRE(store.isOk());
    auto count = seedUnits(**store, true, DANTOC_RESOURCES_DIR, "2026-01-01");
    REQUIRE(count.isOk());
    CHECK(*count > 100);
    auto province = (*store)->unitByCode("15");
    REQUIRE(province.isOk());
    REQUIRE(province->has_value());
    CHECK((*province)->name == "Tỉnh Lào Cai");  // the post-2025 unit, not old Yên Bái
    auto units = (*store)->listUnits();
    REQUIRE(units.isOk());
    std::string village;
    std::string villageCommune;
    for (const auto& u : *units) {
        if (u.level == "village") {
            village = u.code;
            villageCommune = u.parentCode;
            break;
        }
    }
    REQUIRE_FALSE(village.empty());
    CHECK(*(*store)->isInSubtree("15", village));
    CHECK(*(*store)->isInSubtree(villageCommune, village));
    CHECK_FALSE(*(*store)->isInSubtree(villageCommune == "02683" ? "02647" : "02683", village));
}
