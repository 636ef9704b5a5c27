#include "StoreSupport.h"

#include "core/Transaction.h"

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

TEST_CASE("a failure in the second statement rolls back the first")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    Connection& db = store->connection();
    REQUIRE(db.exec("CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"));
    {
        Transaction transaction(db);
        REQUIRE(transaction.status());
        REQUIRE(db.exec("INSERT INTO person(name) VALUES('Lò Văn Pản')"));
        auto second = db.exec("INSERT INTO person(name) VALUES(NULL)");  // NOT NULL violation
        REQUIRE_FALSE(second.isOk());
        CHECK(second.code() == ErrorCode::InvalidArgument);
        // no commit: the scope ends
    }
    CHECK(db.transactionDepth() == 0);
    CHECK(*db.queryInt64("SELECT count(*) FROM person") == 0);
}

TEST_CASE("a unique violation is AlreadyExists and an inner savepoint rolls back alone")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    Connection& db = store->connection();
    REQUIRE(db.exec("CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"));
    Transaction outer(db);
    REQUIRE(outer.status());
    REQUIRE(db.exec("INSERT INTO person(name) VALUES('A')"));
    {
        Transaction inner(db);
        REQUIRE(inner.status());
        CHECK(db.transactionDepth() == 2);
        REQUIRE(db.exec("INSERT INTO person(name) VALUES('B')"));
        auto duplicate = db.exec("INSERT INTO person(name) VALUES('A')");
        CHECK(duplicate.code() == ErrorCode::AlreadyExists);
    }
    REQUIRE(outer.commit());
    auto names = db.queryText("SELECT group_concat(name) FROM person");
    REQUIRE(names.isOk());
    CHECK(*names == "A");
}

TEST_CASE("prepared statements round-trip Vietnamese text, blobs, numbers and NULL")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    Connection& db = store->connection();
    REQUIRE(db.exec("CREATE TABLE v(t TEXT, b BLOB, i INTEGER, r REAL, n TEXT)"));
    const std::string text = "Giàng Thị Mỷ — dân tộc H'Mông, xã Sín Chéng; ‘ngoặc’ \"kép\" ; DROP TABLE v; --";
    const std::string blob("\x00\x01\xff\x00z", 5);
    {
        auto insert = db.prepare("INSERT INTO v VALUES(:t, :b, :i, :r, :n)");
        REQUIRE(insert.isOk());
        REQUIRE(insert->bindText(insert->parameterIndex(":t"), text));
        REQUIRE(insert->bindBlob(insert->parameterIndex(":b"), blob.data(), blob.size()));
        REQUIRE(insert->bindInt64(insert->parameterIndex(":i"), -9007199254740993LL));
        REQUIRE(insert->bindDouble(insert->parameterIndex(":r"), 0.25));
        REQUIRE(insert->bindNull(insert->parameterIndex(":n")));
        REQUIRE(insert->execute());
    }
    auto select = db.prepare("SELECT t, b, i, r, n FROM v WHERE t = ?1");
    REQUIRE(select.isOk());
    REQUIRE(select->bindText(1, text));
    auto row = select->step();
    REQUIRE(row.isOk());
    REQUIRE(*row);
    CHECK(select->columnText(0) == text);
    CHECK(select->columnType(1) == ColumnType::Blob);
    CHECK(select->columnText(1) == blob);
    CHECK(select->columnInt64(2) == -9007199254740993LL);
    CHECK(select->columnDouble(3) == 0.25);
    CHECK(select->isNull(4));
    CHECK(db.prepare("SELEC nonsense").status().code() == ErrorCode::InvalidArgument);
}
