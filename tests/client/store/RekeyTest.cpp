#include "StoreSupport.h"

#include "core/StoreHeader.h"

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

TEST_CASE("changing the passphrase re-keys: the old one fails, the new one opens the same data")
{
    TempDir dir;
    {
        auto store = test::createStore(dir.path(), "cũ");
        REQUIRE(store->connection().exec("CREATE TABLE t(x TEXT); INSERT INTO t VALUES('Bản Phìn Hồ')"));
        const auto saltBefore = StoreHeader::read(dir / Store::kHeaderFile)->salt;

        auto wrongOld = store->changePassphrase("không phải", "mới");
        REQUIRE_FALSE(wrongOld.isOk());
        CHECK(wrongOld.code() == ErrorCode::Unauthenticated);

        REQUIRE(store->changePassphrase("cũ", "mới"));
        auto header = StoreHeader::read(dir / Store::kHeaderFile);
        REQUIRE(header.isOk());
        CHECK(header->salt != saltBefore);  // a fresh salt
        CHECK_FALSE(header->previousSalt.has_value());
        // the open store keeps working
        CHECK(store->connection().queryText("SELECT x FROM t").isOk());
    }
    auto old = Store::open(dir.path(), "cũ", test::testOptions());
    REQUIRE_FALSE(old.isOk());
    CHECK(old.status().code() == ErrorCode::Unauthenticated);
    auto store = test::openStore(dir.path(), "mới");
    auto value = store->connection().queryText("SELECT x FROM t");
    REQUIRE(value.isOk());
    CHECK(*value == "Bản Phìn Hồ");
}

TEST_CASE("a passphrase change interrupted before the rekey committed still opens with the old passphrase")
{
    TempDir dir;
    { auto store = test::createStore(dir.path(), "cũ"); }
    // Simulate a crash after step 2 (new header written) and before step 3 (rekey) committed.
    auto header = StoreHeader::read(dir / Store::kHeaderFile);
    REQUIRE(header.isOk());
    StoreHeader pending = *header;
    pending.salt = randomSalt();
    pending.previousSalt = header->salt;
    pending.previousKdf = header->kdf;
    REQUIRE(pending.write(dir / Store::kHeaderFile));

    CHECK(Store::open(dir.path(), "mới", test::testOptions()).status().code() == ErrorCode::Unauthenticated);
    { auto store = test::openStore(dir.path(), "cũ"); }
    auto repaired = StoreHeader::read(dir / Store::kHeaderFile);
    REQUIRE(repaired.isOk());
    CHECK(repaired->salt == header->salt);
    CHECK_FALSE(repaired->previousSalt.has_value());
}

TEST_CASE("a passphrase change interrupted after the rekey committed opens with the new passphrase")
{
    TempDir dir;
    StoreHeader before;
    {
        auto store = test::createStore(dir.path(), "cũ");
        before = *StoreHeader::read(dir / Store::kHeaderFile);
        REQUIRE(store->changePassphrase("cũ", "mới"));
    }
    // Put back the intermediate header (step 4 never happened).
    auto after = StoreHeader::read(dir / Store::kHeaderFile);
    REQUIRE(after.isOk());
    StoreHeader intermediate = *after;
    intermediate.previousSalt = before.salt;
    intermediate.previousKdf = before.kdf;
    REQUIRE(intermediate.write(dir / Store::kHeaderFile));

    CHECK(Store::open(dir.path(), "cũ", test::testOptions()).status().code() == ErrorCode::Unauthenticated);
    { auto store = test::openStore(dir.path(), "mới"); }
    auto repaired = StoreHeader::read(dir / Store::kHeaderFile);
    REQUIRE(repaired.isOk());
    CHECK_FALSE(repaired->previousSalt.has_value());
    CHECK(repaired->salt == after->salt);
}
