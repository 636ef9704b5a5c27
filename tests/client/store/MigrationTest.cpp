#include "StoreSupport.h"

#include "core/ReviewCommentRepository.h"
#include "core/Schema.h"
#include "core/UnitRepository.h"

#include "support/Files.h"

#include <cstdlib>
#include <functional>
#include <memory>

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

namespace {

// The committed fixtures tests/data/client/store_v<N>_passphrase_test/ were written by the schema steps up to N with
// this passphrase (regenerate: DANTOC_WRITE_FIXTURES=1 test_client_store -tc="*fixture*"). Each store version ever
// shipped keeps its fixture.
constexpr const char* kFixturePassphrase = "store-v1-fixture";

void fillV1(Connection& db)
{
    REQUIRE(db.exec("INSERT INTO record(id, form_id, form_ver, unit, period, state, body, updated_at) VALUES("
                    "'6f1c1d2e-3a4b-4c5d-8e6f-708192a3b4c5', 'household', 1, 'xa-pa-vi', '2025', 'draft', "
                    "'{\"chu_ho\":\"Vàng Seo Páo\"}', 1700000000000)"));
    REQUIRE(db.exec("INSERT INTO review_comments(id, record_id, field, row_id, author, text, created_at) VALUES("
                    "'c1', '6f1c1d2e-3a4b-4c5d-8e6f-708192a3b4c5', 'chu_ho', '', 'huyen', 'Sai chính tả', 1)"));
    REQUIRE(db.exec("INSERT INTO sync_meta(key, value) VALUES('next_dev_seq', '42')"));
}

void checkMigrated(Store& store)
{
    Connection& db = store.connection();
    CHECK(*schemaVersion(db) == kCurrentSchemaVersion);
    CHECK(*db.queryText("SELECT body FROM record") == "{\"chu_ho\":\"Vàng Seo Páo\"}");
    CHECK(*db.queryText("SELECT value FROM sync_meta WHERE key = 'next_dev_seq'") == "42");
    ReviewCommentRepository comments(db);
    auto before = comments.forRecord("6f1c1d2e-3a4b-4c5d-8e6f-708192a3b4c5");
    REQUIRE(before.isOk());
    REQUIRE(before->size() == 1);
    CHECK_FALSE(before->front().reply.has_value());
    REQUIRE(comments.reply("c1", "Đã sửa"));
    CHECK(comments.forRecord("6f1c1d2e-3a4b-4c5d-8e6f-708192a3b4c5")->front().reply == "Đã sửa");
    CHECK(db.exec("INSERT INTO app_log(at, level, message) VALUES(1, 'info', 'x')").isOk());
    CHECK(*db.queryText("PRAGMA integrity_check") == "ok");
}

// Opens a copy of the committed fixture of schema `version` (first rewriting it with `fill` when
// DANTOC_WRITE_FIXTURES is set), so the program's migrations run on a file an older program wrote.
std::unique_ptr<Store> openFixtureCopy(int version, const std::function<void(Connection&)>& fill, TempDir& dir)
{
    const auto fixture =
        test::testDataDir() / "client" / ("store_v" + std::to_string(version) + "_passphrase_test");
    if (std::getenv("DANTOC_WRITE_FIXTURES") != nullptr) {
        std::filesystem::remove_all(fixture);
        auto old = Store::create(fixture, kFixturePassphrase, test::testOptions(version));
        REQUIRE(old.isOk());
        fill((*old)->connection());
        std::filesystem::remove_all(fixture / Store::kAttachmentsDir);
    }
    REQUIRE(std::filesystem::exists(fixture / Store::kDatabaseFile));
    std::filesystem::copy_file(fixture / Store::kDatabaseFile, dir / Store::kDatabaseFile);
    std::filesystem::copy_file(fixture / Store::kHeaderFile, dir / Store::kHeaderFile);
    return test::openStore(dir.path(), kFixturePassphrase);
}

}  // namespace

TEST_CASE("a v1 store (generated now) migrates to the current schema with its data")
{
    TempDir dir;
    {
        auto v1 = Store::create(dir.path(), "p", test::testOptions(1));
        REQUIRE(v1.isOk());
        CHECK(*schemaVersion((*v1)->connection()) == 1);
        CHECK_FALSE((*v1)->connection().exec("SELECT reply FROM review_comments").isOk());
        fillV1((*v1)->connection());
    }
    auto store = test::openStore(dir.path(), "p");
    checkMigrated(*store);
}

TEST_CASE("the committed v1 fixture migrates to the current schema")
{
    TempDir dir;
    checkMigrated(*openFixtureCopy(1, fillV1, dir));
}

TEST_CASE("the committed v2 fixture migrates to the current schema, its journal rows kept")
{
    TempDir dir;
    auto store = openFixtureCopy(
        2,
        [](Connection& db) {
            fillV1(db);
            REQUIRE(db.exec("INSERT INTO op_journal(op_id, dev_seq, record_id, outcome, result, acked_at) VALUES("
                            "'00000000-0000-4000-8000-000000000007', 7, '6f1c1d2e-3a4b-4c5d-8e6f-708192a3b4c5', "
                            "'applied', '{}', 1)"));
        },
        dir);
    checkMigrated(*store);
    Connection& db = store->connection();
    CHECK(*db.queryInt64("SELECT dev_seq FROM op_journal") == 7);
    CHECK(*db.queryInt64("SELECT COUNT(*) FROM op_journal WHERE payload IS NULL AND device_id IS NULL") == 1);
}

TEST_CASE("the committed v3 fixture migrates to the current schema; its units get unknown validity dates")
{
    TempDir dir;
    auto store = openFixtureCopy(
        3,
        [](Connection& db) {
            fillV1(db);
            REQUIRE(db.exec("INSERT INTO units(code, name, level, parent) VALUES('02683', 'Xã Bát Xát', 'commune', '15')"));
        },
        dir);
    checkMigrated(*store);
    UnitRepository units(store->connection());
    auto kept = units.get("02683");
    REQUIRE(kept.isOk());
    CHECK(kept->name == "Xã Bát Xát");
    CHECK(kept->parent == "15");
    CHECK(kept->validFrom.empty());
    CHECK(kept->validTo.empty());
    REQUIRE(units.replaceAll({{"02683", "Xã Bát Xát", "commune", "15", "2025-07-01", ""},
                              {"02683-01", "Thôn 1", "village", "02683", "2025-07-01", "2026-12-31"}}));
    CHECK(units.get("02683")->validFrom == "2025-07-01");
    CHECK(units.get("02683-01")->validTo == "2026-12-31");
}

TEST_CASE("a store from a newer program is refused untouched")
{
    TempDir dir;
    {
        auto store = test::createStore(dir.path());
        REQUIRE(store->connection().exec("PRAGMA user_version = 99"));
    }
    auto store = Store::open(dir.path(), "mật khẩu thử nghiệm", test::testOptions());
    REQUIRE_FALSE(store.isOk());
    CHECK(store.status().code() == ErrorCode::FailedPrecondition);
}

TEST_CASE("a failing migration step leaves the previous version intact")
{
    TempDir dir;
    {
        auto v1 = Store::create(dir.path(), "p", test::testOptions(1));
        REQUIRE(v1.isOk());
        // an object the v2 step wants to create already exists: the step fails as a whole
        REQUIRE((*v1)->connection().exec("CREATE TABLE app_log(x)"));
        REQUIRE((*v1)->connection().exec("INSERT INTO units(code, name) VALUES('1', 'Xã A')"));
    }
    auto failed = Store::open(dir.path(), "p", test::testOptions());
    REQUIRE_FALSE(failed.isOk());
    auto v1 = Store::open(dir.path(), "p", test::testOptions(1));
    REQUIRE(v1.isOk());
    CHECK(*schemaVersion((*v1)->connection()) == 1);
    CHECK_FALSE((*v1)->connection().exec("SELECT reply FROM review_comments").isOk());  // ALTERs rolled back
    CHECK(*(*v1)->connection().queryInt64("SELECT count(*) FROM units") == 1);
}
