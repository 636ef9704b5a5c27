// The statement cache of a server SQLite connection (store/SqliteDb.h) on a real SQLite file: one prepared
// statement per SQL text, reset and unbound when it goes back (no value of one use seen by the next, no read lock
// held between uses), a nested use of the same SQL gets a statement of its own, SQL that does not prepare is not kept.
#include "store/SqliteDb.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::server;
using dantoc::test::TempDir;

TEST_CASE("statement cache: one statement per SQL text, reset and unbound after each use, nested uses apart")
{
    TempDir dir("dantoc-statement-cache");
    Db db;
    REQUIRE(db.open(dir.path() / "t.db", 200).isOk());
    REQUIRE(db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b')").isOk());
    const std::string select = "SELECT v FROM t WHERE k = ?1";
    {
        Statement first(db, select);
        first.bind(1, std::int64_t{1});
        auto row = first.step();
        REQUIRE(row.isOk());
        REQUIRE(*row);
        // The same SQL while the first is in use: a statement of its own, with its own binding.
        Statement nested(db, select);
        nested.bind(1, std::int64_t{2});
        auto other = nested.step();
        REQUIRE(other.isOk());
        REQUIRE(*other);
        CHECK(nested.text(0) == "b");
        CHECK(first.text(0) == "a");
    }
    CHECK(db.cachedStatements() == 1);
    {
        Statement again(db, select);  // the kept one, its binding cleared: k = NULL matches no row
        auto row = again.step();
        REQUIRE(row.isOk());
        CHECK_FALSE(*row);
    }
    {
        Statement scan(db, "SELECT v FROM t ORDER BY k");
        auto row = scan.step();  // one row of two, then given back mid-result
        REQUIRE(row.isOk());
        REQUIRE(*row);
    }
    // Given back means reset: no read lock is left, so another connection may write (in this rollback-journal
    // file a pending read would make the insert wait out the busy timeout and fail).
    Db writer;
    REQUIRE(writer.open(dir.path() / "t.db", 200).isOk());
    REQUIRE(writer.exec("INSERT INTO t VALUES (3, 'c')").isOk());
    {
        Statement third(db, select);
        third.bind(1, std::int64_t{3});
        auto row = third.step();
        REQUIRE(row.isOk());
        REQUIRE(*row);
        CHECK(third.text(0) == "c");
    }
    CHECK(db.cachedStatements() == 2);
    {
        Statement bad(db, "SELECT nope FROM nowhere");
        CHECK_FALSE(bad.prepared());
        CHECK_FALSE(bad.step().isOk());
    }
    CHECK(db.cachedStatements() == 2);
}
