#include "StoreSupport.h"

#include "core/OutboxRepository.h"
#include "core/SubmissionRepository.h"
#include "core/Transaction.h"
#include "core/sync/SyncJournal.h"

#include "base/Uuid.h"

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;
using dantoc::client::sync::SyncJournal;
namespace ds = dantoc::sync;

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
        std::vector<ds::OpOutcome> applied;
        for (const auto& entry : *pending) {
            applied.push_back(ds::OpOutcome::applied(entry.opId, 1));
        }
        REQUIRE(SyncJournal(store->connection()).finalize(applied, {}).isOk());
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

TEST_CASE("an op has one life: parked stays pending, rejected and applied go to the journal, a rejection flags")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    Connection& db = store->connection();
    SubmissionRepository submissions(db);
    OutboxRepository outbox(db);
    SyncJournal journal(db);
    auto record = submissions.createDraft({"", "household", 1, "xa-1", "2026", "", "{}"});
    REQUIRE(record.isOk());
    REQUIRE(submissions.setFlags(record->id, 0, SubmissionRepository::kFlagLocalChanges));
    const std::string a = newUuid();
    const std::string b = newUuid();
    REQUIRE(outbox.enqueue({a, record->id, "transition", 0, "{}"}).isOk());
    REQUIRE(outbox.enqueue({b, record->id, "edit", 0, "{}"}).isOk());

    // Parked: still pending, one more attempt, the reason kept; the record is not flagged for it.
    auto parked = journal.finalize({}, {ds::OpOutcome::deferred(a, "unit_busy")});
    REQUIRE(parked.isOk());
    CHECK(parked->deferred == 1);
    CHECK(outbox.get(a)->attempts == 1);
    CHECK(outbox.get(a)->lastError == OutboxRepository::deferredError("unit_busy"));
    CHECK(*outbox.isPending(a));
    CHECK(submissions.get(record->id)->flags == 0);

    // Rejected: out of the outbox into the journal with its outcome; the record needs attention; b goes on.
    auto rejected = journal.finalize({ds::OpOutcome::rejected(a, "stale_review", {"phiên bản đã thay đổi", "changed"})}, {});
    REQUIRE(rejected.isOk());
    CHECK(rejected->rejected == 1);
    CHECK(rejected->recordIds == std::vector<std::string>{record->id});
    CHECK(outbox.get(a).status().code() == ErrorCode::NotFound);
    CHECK(*db.queryText("SELECT outcome FROM op_journal WHERE op_id = '" + a + "'") == "rejected");
    CHECK((submissions.get(record->id)->flags & SubmissionRepository::kFlagNeedsAttention) != 0);
    auto pending = outbox.pending();
    REQUIRE(pending.isOk());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().opId == b);

    // Applied: journaled, gone from the outbox. The same outcome again (a retried reply) changes nothing more.
    REQUIRE(journal.finalize({ds::OpOutcome::applied(b, 2)}, {}).isOk());
    REQUIRE(journal.finalize({ds::OpOutcome::applied(b, 2)}, {}).isOk());
    CHECK(*outbox.pendingCount() == 0);
    CHECK(*db.queryInt64("SELECT count(*) FROM op_journal WHERE op_id = '" + b + "'") == 1);
    CHECK(*db.queryInt64("SELECT count(*) FROM op_journal") == 2);
    // An outcome for an op nobody knows touches nothing.
    auto unknown = journal.finalize({ds::OpOutcome::applied(newUuid(), 3)}, {});
    REQUIRE(unknown.isOk());
    CHECK(unknown->recordIds.empty());
    CHECK(*db.queryInt64("SELECT count(*) FROM op_journal") == 2);
}

TEST_CASE("renumbering after a device fork covers every pending op or changes nothing")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    OutboxRepository outbox(store->connection());
    const std::string a = newUuid();
    const std::string b = newUuid();
    REQUIRE(outbox.enqueue({a, "r1", "edit", 0, "{\"n\":1}"}).isOk());
    REQUIRE(outbox.enqueue({b, "r1", "edit", 0, "{\"n\":2}"}).isOk());
    CHECK(outbox.renumberPending({{a, 1, "{}"}}).code() == ErrorCode::InvalidArgument);
    CHECK(outbox.get(a)->devSeq == 1);
    CHECK(outbox.get(b)->devSeq == 2);
    CHECK(outbox.get(a)->payload == "{\"n\":1}");
    REQUIRE(outbox.renumberPending({{b, 1, "{\"n\":20}"}, {a, 2, "{\"n\":10}"}}));
    CHECK(outbox.get(b)->devSeq == 1);
    CHECK(outbox.get(a)->devSeq == 2);
    CHECK(outbox.get(a)->payload == "{\"n\":10}");
}
