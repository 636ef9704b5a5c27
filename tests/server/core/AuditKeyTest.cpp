// Issue 19, finding 4: the keyed audit chain and its signed checkpoints. Truncating the tail is caught with a
// checkpoint, a row edited with the later hashes recomputed (plain SHA-256, no key) is caught without one, the
// keyed chain verifies after a restart, an unkeyed (schema 5) store is verified plain and re-keyed, and a keyed
// store without its key is refused.
#include "AdminCommands.h"
#include "audit/AuditChain.h"
#include "audit/AuditCheckpoint.h"
#include "store/SqliteStore.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <sys/stat.h>

using namespace dantoc;
using namespace dantoc::server;

namespace {

void execRaw(const std::filesystem::path& file, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
}

void fillAudit(Store& store, int n)
{
    for (int i = 0; i < n; ++i) {
        REQUIRE(store.appendAudit({1000 + i, "cli", "test.event", "t" + std::to_string(i), R"({"i":1})"}).isOk());
    }
}

// What an attacker holding only the database file can do: rewrite rows `from`.. with the plain SHA-256 chain.
void rechainPlain(const std::filesystem::path& file, std::vector<AuditEntry> entries, std::size_t from)
{
    std::string sql = "DROP TRIGGER audit_no_update;";
    std::string prev = from == 0 ? std::string(kAuditGenesisHash) : entries[from - 1].hash;
    for (std::size_t i = from; i < entries.size(); ++i) {
        const std::string hash = auditEntryPlainHash(entries[i].seq, entries[i].event, prev);
        sql += "UPDATE audit SET target = '" + entries[i].event.target + "', prev_hash = '" + prev + "', hash = '" +
               hash + "' WHERE seq = " + std::to_string(entries[i].seq) + ";";
        prev = hash;
    }
    execRaw(file, sql);
}

std::vector<AuditEntry> entriesOf(Store& store)
{
    auto entries = store.allAudit();
    REQUIRE(entries.isOk());
    return *entries;
}

}  // namespace

TEST_CASE("deleting the last audit rows passes the chain alone but is caught with a checkpoint")
{
    dantoc::test::TempDir dir;
    std::string checkpoint;
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
        fillAudit(**store, 5);
        auto made = makeCheckpoint(**store, 5000);
        REQUIRE(made.isOk());
        checkpoint = *made;
        CHECK(verifyAudit(**store, checkpoint).isOk());
    }
    execRaw(dir.path() / SqliteStore::kFileName, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq >= 4");
    auto store = SqliteStore::open(dir.path());
    REQUIRE(store.isOk());
    CHECK(verifyAudit(**store).isOk());  // a shorter chain is still a chain: the checkpoint is the outside anchor
    auto verified = verifyAudit(**store, checkpoint);
    REQUIRE_FALSE(verified.isOk());
    CHECK(verified.status().code() == ErrorCode::Corruption);
    CHECK(verified.status().message().find("removed") != std::string::npos);
}

TEST_CASE("a row edited and the later hashes recomputed without the key is caught, with or without a checkpoint")
{
    dantoc::test::TempDir dir;
    std::string checkpoint;
    std::vector<AuditEntry> entries;
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
        fillAudit(**store, 5);
        checkpoint = *makeCheckpoint(**store, 5000);
        entries = entriesOf(**store);
    }
    entries[2].event.target = "forged";
    rechainPlain(dir.path() / SqliteStore::kFileName, entries, 2);
    auto store = SqliteStore::open(dir.path());
    REQUIRE(store.isOk());
    auto alone = verifyAudit(**store);
    REQUIRE_FALSE(alone.isOk());
    CHECK(alone.status().code() == ErrorCode::Corruption);
    CHECK(alone.status().message().find("audit entry 3") != std::string::npos);
    CHECK_FALSE(verifyAudit(**store, checkpoint).isOk());
}

TEST_CASE("the keyed chain verifies after a restart; an older checkpoint stays valid as the chain grows")
{
    dantoc::test::TempDir dir;
    std::string checkpoint;
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
        fillAudit(**store, 3);
        checkpoint = *makeCheckpoint(**store, 5000);
    }
    struct stat st {};
    REQUIRE(::stat((dir.path() / kAuditKeyFile).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((dir.path() / kAuditKeyFile).parent_path().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
        fillAudit(**store, 2);
        auto count = verifyAudit(**store, checkpoint);
        REQUIRE(count.isOk());
        CHECK(*count == 5);
        // The hashes are the keyed ones, not plain SHA-256.
        const auto entries = entriesOf(**store);
        CHECK(entries[0].hash != auditEntryPlainHash(1, entries[0].event, kAuditGenesisHash));
    }
    SUBCASE("an altered checkpoint is refused")
    {
        std::string altered = checkpoint;
        altered.replace(altered.find("\"seq\":3"), 7, "\"seq\":2");
        auto store = SqliteStore::open(dir.path());
        auto verified = verifyAudit(**store, altered);
        REQUIRE_FALSE(verified.isOk());
        CHECK(verified.status().message().find("MAC") != std::string::npos);
        CHECK(verifyAudit(**store, std::string("{\"seq\": 1}")).status().code() == ErrorCode::InvalidArgument);
    }
    SUBCASE("another data directory's checkpoint is refused")
    {
        dantoc::test::TempDir other;
        auto otherStore = SqliteStore::open(other.path());
        REQUIRE(otherStore.isOk());
        fillAudit(**otherStore, 3);
        const std::string foreign = *makeCheckpoint(**otherStore, 5000);
        auto store = SqliteStore::open(dir.path());
        CHECK(verifyAudit(**store, foreign).status().code() == ErrorCode::Corruption);
    }
}

TEST_CASE("a keyed store without its key file is refused, and a damaged key file is not replaced")
{
    dantoc::test::TempDir dir;
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
        fillAudit(**store, 2);
    }
    const auto keyFile = dir.path() / kAuditKeyFile;
    std::filesystem::rename(keyFile, dir.path() / "audit.key.aside");
    auto missing = SqliteStore::open(dir.path());
    REQUIRE_FALSE(missing.isOk());
    CHECK(missing.status().code() == ErrorCode::FailedPrecondition);
    CHECK_FALSE(std::filesystem::exists(keyFile));  // not silently replaced by a new key
    {
        std::FILE* f = std::fopen(keyFile.c_str(), "w");
        std::fputs("not a key\n", f);
        std::fclose(f);
    }
    CHECK(SqliteStore::open(dir.path()).status().code() == ErrorCode::Corruption);
    std::filesystem::rename(dir.path() / "audit.key.aside", keyFile);
    auto store = SqliteStore::open(dir.path());
    REQUIRE(store.isOk());
    CHECK(verifyAudit(**store).isOk());
}

TEST_CASE("an unkeyed schema-5 store is verified plain, then re-keyed and audited; a broken one is refused")
{
    dantoc::test::TempDir dir;
    const auto file = dir.path() / SqliteStore::kFileName;
    std::vector<AuditEntry> entries;
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
        fillAudit(**store, 4);
        entries = entriesOf(**store);
    }
    // Make it what a schema-5 server left: plain SHA-256 hashes and no key file.
    rechainPlain(file, entries, 0);
    execRaw(file, "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'x'); END;"
                  "PRAGMA user_version = 5");
    std::filesystem::remove(dir.path() / kAuditKeyFile);
    SUBCASE("re-keyed")
    {
        auto store = SqliteStore::open(dir.path());
        REQUIRE(store.isOk());
        CHECK(std::filesystem::exists(dir.path() / kAuditKeyFile));
        auto count = verifyAudit(**store);
        REQUIRE(count.isOk());
        CHECK(*count == 5);
        const auto after = entriesOf(**store);
        CHECK(after.back().event.action == "audit.rekeyed");
        CHECK(after.back().event.detailJson.find("\"through_seq\":4") != std::string::npos);
        CHECK(after[1].event.target == entries[1].event.target);
        // Still append-only after the migration.
        CHECK(sqlite3_exec((*store)->rawHandle(), "UPDATE audit SET actor = 'x' WHERE seq = 2", nullptr, nullptr,
                           nullptr) != SQLITE_OK);
    }
    SUBCASE("a broken plain chain is not laundered into a keyed one")
    {
        execRaw(file, "DROP TRIGGER audit_no_update; UPDATE audit SET target = 'forged' WHERE seq = 2");
        auto store = SqliteStore::open(dir.path());
        REQUIRE_FALSE(store.isOk());
        CHECK(store.status().code() == ErrorCode::Corruption);
        execRaw(file, "SELECT 1");
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
        REQUIRE(sqlite3_step(st) == SQLITE_ROW);
        CHECK(sqlite3_column_int(st, 0) == 5);  // the migration rolled back
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
}
