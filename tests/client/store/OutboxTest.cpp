#include "StoreSupport.h"

#include "core/OutboxRepository.h"
#include "core/SubmissionRepository.h"
#include "core/Transaction.h"

#include "base/Uuid.h"

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

TEST_CASE("the same op_id twice is refused, with no duplicate and no dev_seq consumed")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    OutboxRepository outbox(store->connection());
    const std::string opId = newUuid();
    auto first = outbox.enqueue({opId, "r1", "create", 0, "{}"});
    REQUIRE(first.isOk());
    CHECK(*first == 1);
    auto again = outbox.enqueue({opId, "r1", "create", 0, "{}"});
    REQUIRE_FALSE(again.isOk());
    CHECK(again.status().code() == ErrorCode::AlreadyExists);
    CHECK(*outbox.pendingCount() == 1);
    auto second = outbox.enqueue({"", "r1", "edit", 1, "{}"});
    REQUIRE(second.isOk());
    CHECK(*second == 2);
    CHECK(outbox.enqueue({"not-a-uuid", "r1", "edit", 1, "{}"}).status().code() == ErrorCode::InvalidArgument);
}

TEST_CASE("dev_seq strictly increases across reopen, also after acknowledged operations are removed")
{
    TempDir dir;
    std::int64_t last = 0;
    { auto store = test::createStore(dir.path()); }
    for (int round = 0; round < 3; ++round) {
        auto store = test::openStore(dir.path());
        OutboxRepository outbox(store->connection());
        for (int i = 0; i < 4; ++i) {
            auto op = outbox.enqueue({"", "r" + std::to_string(i), "edit", 0, "{}"});
            REQUIRE(op.isOk());
            CHECK(*op > last);
            last = *op;
        }
        // acknowledge everything: outbox empties, the next dev_seq still grows
        auto pending = outbox.pending();
        REQUIRE(pending.isOk());
        for (const auto& entry : *pending) {
            REQUIRE(outbox.markAcked(entry.opId, "applied", "{\"ver\":1}"));
        }
        CHECK(*outbox.pendingCount() == 0);
    }
    CHECK(last == 12);
}

TEST_CASE("a record change and its operation commit together or not at all")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    Connection& db = store->connection();
    SubmissionRepository submissions(db);
    OutboxRepository outbox(db);
    const std::string takenOp = newUuid();
    REQUIRE(outbox.enqueue({takenOp, "other", "create", 0, "{}"}).isOk());

    std::string recordId = newUuid();
    {
        Transaction transaction(db);
        REQUIRE(transaction.status());
        REQUIRE(submissions.createDraft({recordId, "household", 1, "xa-1", "2026", "", "{}"}).isOk());
        auto op = outbox.enqueue({takenOp, recordId, "create", 0, "{}"});  // a retried op_id
        REQUIRE_FALSE(op.isOk());
        // abandon: the scope rolls back
    }
    CHECK(submissions.get(recordId).status().code() == ErrorCode::NotFound);
    CHECK(*outbox.pendingCount() == 1);

    {
        Transaction transaction(db);
        REQUIRE(submissions.createDraft({recordId, "household", 1, "xa-1", "2026", "", "{}"}).isOk());
        REQUIRE(outbox.enqueue({"", recordId, "create", 0, "{}"}).isOk());
        REQUIRE(transaction.commit());
    }
    CHECK(submissions.get(recordId).isOk());
    CHECK(*outbox.pendingCount() == 2);
}

TEST_CASE("rejections stay visible, flag the record and do not block later operations")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    SubmissionRepository submissions(store->connection());
    OutboxRepository outbox(store->connection());
    auto record = submissions.createDraft({"", "household", 1, "xa-1", "2026", "", "{}"});
    REQUIRE(record.isOk());
    const std::string a = newUuid();
    const std::string b = newUuid();
    REQUIRE(outbox.enqueue({a, record->id, "transition", 0, "{}"}).isOk());
    REQUIRE(outbox.enqueue({b, record->id, "edit", 0, "{}"}).isOk());
    REQUIRE(outbox.recordAttemptFailure(a, "timeout"));
    CHECK(outbox.get(a)->attempts == 1);
    REQUIRE(outbox.markRejected(a, "stale_review", "phiên bản đã thay đổi"));
    auto entry = outbox.get(a);
    REQUIRE(entry.isOk());
    CHECK(entry->status == "rejected");
    CHECK(entry->lastError == "stale_review: phiên bản đã thay đổi");
    CHECK((submissions.get(record->id)->flags & SubmissionRepository::kFlagNeedsAttention) != 0);
    auto pending = outbox.pending();
    REQUIRE(pending.isOk());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().opId == b);
    REQUIRE(outbox.markAcked(b, "applied", "{}"));
    CHECK(outbox.get(b).status().code() == ErrorCode::NotFound);
    CHECK(*store->connection().queryInt64("SELECT count(*) FROM op_journal WHERE op_id = '" + b + "'") == 1);
    CHECK(outbox.markAcked(newUuid(), "applied", "{}").code() == ErrorCode::NotFound);
}
