// Store::openConnection: a second connection with the key derived at open (no passphrase), seeing the first one's
// writes; after a passphrase change it opens with the new key. Two connections on two threads writing at once wait
// for each other (busy timeout) instead of failing with "database is locked".
#include "StoreSupport.h"

#include "core/Transaction.h"

#include <string>
#include <thread>
#include <vector>

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

TEST_CASE("openConnection: a second connection sees the first one's data, both ways")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    Connection& first = store->connection();
    REQUIRE(first.exec("CREATE TABLE note(id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
    REQUIRE(first.exec("INSERT INTO note(text) VALUES('Bản Nậm Cang')"));

    auto second = store->openConnection();
    REQUIRE_MESSAGE(second.isOk(), second.status().toString());
    CHECK(*(*second)->queryText("SELECT text FROM note") == "Bản Nậm Cang");
    REQUIRE((*second)->exec("INSERT INTO note(text) VALUES('Bản Sín Chải')"));
    CHECK(*first.queryInt64("SELECT count(*) FROM note") == 2);
}

TEST_CASE("openConnection after a passphrase change opens with the new key")
{
    TempDir dir;
    auto store = test::createStore(dir.path(), "mật khẩu cũ");
    REQUIRE(store->connection().exec("CREATE TABLE note(text TEXT)"));
    REQUIRE(store->changePassphrase("mật khẩu cũ", "mật khẩu mới"));
    auto second = store->openConnection();
    REQUIRE_MESSAGE(second.isOk(), second.status().toString());
    CHECK(*(*second)->queryInt64("SELECT count(*) FROM note") == 0);
    store.reset();
    CHECK(test::openStore(dir.path(), "mật khẩu mới") != nullptr);
}

TEST_CASE("two connections on two threads write at the same time without SQLITE_BUSY")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    REQUIRE(store->connection().exec("CREATE TABLE note(id INTEGER PRIMARY KEY, writer INTEGER, n INTEGER)"));
    auto other = store->openConnection();
    REQUIRE_MESSAGE(other.isOk(), other.status().toString());

    constexpr int kWrites = 60;
    // Each write is a transaction of two statements (the second reads what the first wrote), so the write lock is
    // held across statements and the other thread has to wait for it.
    const auto writer = [](Connection& db, int id, std::vector<std::string>& errors) {
        for (int n = 0; n < kWrites; ++n) {
            Transaction transaction(db);
            Status status = transaction.status();
            if (status) {
                status = db.exec("INSERT INTO note(writer, n) VALUES(" + std::to_string(id) + ", " +
                                 std::to_string(n) + ")");
            }
            if (status) {
                auto count = db.queryInt64("SELECT count(*) FROM note WHERE writer = " + std::to_string(id));
                status = count.isOk() && *count == n + 1 ? Status::ok() : Status(ErrorCode::Internal, "lost a row");
            }
            if (status) status = transaction.commit();
            if (!status) {
                errors.push_back(status.toString());
            }
        }
    };
    std::vector<std::string> errorsA;
    std::vector<std::string> errorsB;
    std::thread a([&] { writer(store->connection(), 1, errorsA); });
    std::thread b([&] { writer(**other, 2, errorsB); });
    a.join();
    b.join();
    CHECK_MESSAGE(errorsA.empty(), (errorsA.empty() ? "" : errorsA.front()));
    CHECK_MESSAGE(errorsB.empty(), (errorsB.empty() ? "" : errorsB.front()));
    CHECK(*store->connection().queryInt64("SELECT count(*) FROM note") == 2 * kWrites);
    CHECK(store->connection().transactionDepth() == 0);
    CHECK((*other)->transactionDepth() == 0);
}
