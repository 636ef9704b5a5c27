// The sync client's store side against a real SQLCipher store: PullApplier (server versions, pending ops shown on
// top, local transition state kept, op_ids_applied confirmation, revoke with and without pending ops, comments,
// returned records editable, a bad page rolled back with its cursor) and SyncJournal (finals moved to the journal
// in one transaction with flags, deferred kept, device fork renumbering, pruning); schema v2 -> v3 migration.
#include "RepoSupport.h"

#include "core/EntryService.h"
#include "core/OutboxRepository.h"
#include "core/ReviewCommentRepository.h"
#include "core/Schema.h"
#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/sync/PullApplier.h"
#include "core/sync/SyncJournal.h"

#include "base/Uuid.h"
#include "sync/Operation.h"
#include "sync/SyncTuning.h"

#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::client;
using dantoc::client::sync::PullApplier;
using dantoc::client::sync::SyncJournal;
namespace ds = dantoc::sync;

namespace {

struct Fixture
{
    test::TempDir dir{"dantoc-pull"};
    std::unique_ptr<Store> store = test::newRepoStore(dir.path() / "store");
    ManualClock clock{1'760'000'000'000};
    EntryService service{store->connection(), EntryOptions{"Lò Văn Tâm", forms::Language::Vi, nullptr}, clock};
    Connection& db = store->connection();

    Fixture() { test::putTinyForm(db); }

    Json valid() const
    {
        return Json::parse(R"({"village_name": "Bản Nậm Cang", "households_total": 10, "households_poor": 3})");
    }

    std::string savedRecord()
    {
        auto record = service.createDraft({"", "tiny_village", 2, "0164500000", "2025-H2", "", "{}"});
        REQUIRE(record.isOk());
        REQUIRE(service.save(record->id, valid()).isOk());
        return record->id;
    }

    std::vector<OutboxEntry> pending()
    {
        auto ops = OutboxRepository(db, clock).pending(1000);
        REQUIRE(ops.isOk());
        return *ops;
    }

    ds::PullItem recordItem(std::uint64_t seq, const std::string& id, std::uint64_t ver, const std::string& state,
                            Json body)
    {
        ds::PullItem item;
        item.seq = seq;
        item.kind = ds::PullItemKind::Record;
        item.recordId = id;
        item.ver = ver;
        item.state = state;
        item.level = "commune";
        item.form = {"tiny_village", 2};
        item.unit = "0164500000";
        item.period = "2025-H2";
        item.body = std::move(body);
        return item;
    }

    ds::PullResponse page(std::vector<ds::PullItem> items, std::uint64_t next, const std::string& epoch = "e-1")
    {
        ds::PullResponse out;
        out.epoch = epoch;
        out.items = std::move(items);
        out.next = {epoch, next};
        return out;
    }

    Result<client::sync::PullPageStats> apply(const ds::PullResponse& response)
    {
        auto cursor = PullApplier::cursor(db);
        REQUIRE(cursor.isOk());
        return PullApplier(db, clock).apply(*cursor, response);
    }

    Submission record(const std::string& id)
    {
        auto out = SubmissionRepository(db, clock).get(id);
        REQUIRE_MESSAGE(out.isOk(), out.status().toString());
        return *out;
    }

    // Acknowledge every pending op as applied (what a push reply would do).
    void ackAll()
    {
        std::vector<ds::OpOutcome> finals;
        for (const auto& entry : pending()) {
            finals.push_back(ds::OpOutcome::applied(entry.opId, static_cast<std::uint64_t>(entry.devSeq)));
        }
        REQUIRE(SyncJournal(db, clock).finalize(finals, {}).isOk());
    }
};

}  // namespace

TEST_CASE("pull: a new record is stored with its server version, the cursor in the same page")
{
    Fixture f;
    const std::string id = newUuid();
    Json body = Json::parse(R"({"village_name": "Bản Phìn Hồ", "households_total": 40})");
    auto stats = f.apply(f.page({f.recordItem(3, id, 2, "submitted", body)}, 5));
    REQUIRE_MESSAGE(stats.isOk(), stats.status().toString());
    CHECK(stats->records == 1);
    Submission r = f.record(id);
    CHECK(r.state == "submitted");
    CHECK(r.level == "commune");
    CHECK(r.serverVersion == 2);
    CHECK(r.contentVersion == 2);  // the version seen: a transition's content_ver starts here
    CHECK(r.formId == "tiny_village");
    CHECK(Json::parse(r.body) == body);
    CHECK(*f.db.queryText("SELECT body FROM record_base WHERE id = '" + id + "'") == body.dump());
    auto cursor = PullApplier::cursor(f.db);
    REQUIRE(cursor.isOk());
    CHECK(*cursor == ds::Cursor{"e-1", 5});
    CHECK(*SyncMetaRepository(f.db).get(SyncMetaRepository::kServerEpoch) == std::optional<std::string>("e-1"));
}

TEST_CASE("pull: a page with nothing new writes nothing; one that moves the cursor stores it")
{
    Fixture f;
    REQUIRE(f.apply(f.page({f.recordItem(3, newUuid(), 1, "draft", f.valid())}, 5)).isOk());
    const std::int64_t before = *f.db.queryInt64("SELECT total_changes()");
    auto same = f.apply(f.page({}, 5));
    REQUIRE(same.isOk());
    CHECK(same->records == 0);
    CHECK(*f.db.queryInt64("SELECT total_changes()") == before);
    // Items seen by the server but none for us (another commune's) still move the cursor.
    REQUIRE(f.apply(f.page({}, 9)).isOk());
    CHECK(*f.db.queryInt64("SELECT total_changes()") > before);
    CHECK(*PullApplier::cursor(f.db) == ds::Cursor{"e-1", 9});
}

TEST_CASE("pull: a record with pending ops shows the server body with the pending sets on top")
{
    Fixture f;
    const std::string id = f.savedRecord();
    f.ackAll();
    REQUIRE(f.apply(f.page({f.recordItem(1, id, 1, "draft", f.valid())}, 1)).isOk());
    Json mine = f.valid();
    mine["households_poor"] = 4;
    REQUIRE(f.service.save(id, mine).isOk());  // pending edit: households_poor 3 -> 4
    REQUIRE(f.pending().size() == 1);

    // Meanwhile someone else changed households_total on the server (version 2).
    Json server = f.valid();
    server["households_total"] = 12;
    auto stats = f.apply(f.page({f.recordItem(2, id, 2, "draft", server)}, 2));
    REQUIRE_MESSAGE(stats.isOk(), stats.status().toString());
    Submission r = f.record(id);
    Json shown = Json::parse(r.body);
    CHECK(shown["households_total"] == 12);  // theirs
    CHECK(shown["households_poor"] == 4);    // mine, still pending
    CHECK(r.serverVersion == 2);
    CHECK((r.flags & SubmissionRepository::kFlagLocalChanges) != 0);
    CHECK(Json::parse(*f.db.queryText("SELECT body FROM record_base WHERE id = '" + id + "'")) == server);
    // The next edit is diffed against base + pending and based on version 2.
    auto base = f.service.enqueuedBody(id);
    REQUIRE(base.isOk());
    CHECK((*base)["households_total"] == 12);
    CHECK((*base)["households_poor"] == 4);
}

TEST_CASE("pull: a pending submit keeps the local state; op_ids_applied confirms lost answers")
{
    Fixture f;
    const std::string id = f.savedRecord();
    auto submitted = f.service.submit(id);
    REQUIRE(submitted.isOk());
    REQUIRE_FALSE(submitted->refused);
    auto ops = f.pending();
    REQUIRE(ops.size() == 2);  // create, submit
    CHECK(f.record(id).state == "submitted");

    // The server has the create (its answer was lost) but not the submit yet.
    auto item = f.recordItem(1, id, 1, "draft", f.valid());
    item.opIdsApplied = {ops[0].opId};
    auto stats = f.apply(f.page({item}, 1));
    REQUIRE_MESSAGE(stats.isOk(), stats.status().toString());
    CHECK(stats->confirmed == 1);
    ops = f.pending();
    REQUIRE(ops.size() == 1);
    CHECK(ops[0].kind == "transition");
    CHECK(*f.db.queryText("SELECT outcome FROM op_journal") == "applied");
    CHECK(f.record(id).state == "submitted");  // what the user did last
    CHECK(f.record(id).serverVersion == 1);
}

TEST_CASE("pull: a returned record becomes editable with the reviewer's comments; comments are stored once")
{
    Fixture f;
    const std::string id = f.savedRecord();
    REQUIRE(f.service.submit(id).isOk());
    f.ackAll();
    ds::PullItem comment;
    comment.seq = 5;
    comment.kind = ds::PullItemKind::Comment;
    comment.recordId = id;
    comment.commentId = newUuid();
    comment.author = "Nguyễn Thị Hoa";
    comment.at = 1'760'000'000'500;
    comment.text = "Số hộ nghèo tăng bất thường";
    comment.field = "households_poor";
    auto response = f.page({f.recordItem(4, id, 3, "returned", f.valid()), comment}, 5);
    auto stats = f.apply(response);
    REQUIRE_MESSAGE(stats.isOk(), stats.status().toString());
    CHECK(stats->comments == 1);
    CHECK(f.record(id).state == "returned");
    auto comments = ReviewCommentRepository(f.db, f.clock).forRecord(id);
    REQUIRE(comments.isOk());
    REQUIRE(comments->size() == 1);
    CHECK(comments->front().author == "Nguyễn Thị Hoa");
    CHECK(comments->front().field == "households_poor");

    // Editable: a save enqueues an edit based on version 3; a resubmit covers it (content_ver 4).
    Json fixed = f.valid();
    fixed["households_poor"] = 2;
    auto saved = f.service.save(id, fixed);
    REQUIRE_MESSAGE(saved.isOk(), saved.status().toString());
    // Issue 15: the field comment needs a reply first; refused, nothing is queued.
    CHECK(f.service.submit(id).status().code() == ErrorCode::FailedPrecondition);
    REQUIRE(f.pending().size() == 1);
    REQUIRE(ReviewCommentRepository(f.db, f.clock).reply(comments->front().id, "Đã sửa thành 2").isOk());
    auto resubmit = f.service.submit(id);
    REQUIRE(resubmit.isOk());
    auto ops = f.pending();
    REQUIRE(ops.size() == 2);
    auto edit = ds::parseOperation(Json::parse(ops[0].payload));
    auto transition = ds::parseOperation(Json::parse(ops[1].payload));
    REQUIRE(edit.isOk());
    REQUIRE(transition.isOk());
    CHECK(edit->baseVer == 3);
    CHECK(transition->transition->action == "resubmit");
    CHECK(transition->transition->contentVer == 4);

    // The same comment again (a re-pull after an epoch change) is not duplicated.
    ds::PullResponse again = f.page({comment}, 0, "e-2");
    again.items[0].seq = 1;
    again.next = {"e-2", 1};
    REQUIRE(PullApplier(f.db, f.clock).apply({"e-2", 0}, again).isOk());
    CHECK(ReviewCommentRepository(f.db, f.clock).forRecord(id)->size() == 1);
}

TEST_CASE("pull: revoke purges a record without pending ops and keeps (flagged) one with pending ops")
{
    Fixture f;
    const std::string gone = newUuid();
    REQUIRE(f.apply(f.page({f.recordItem(1, gone, 1, "submitted", f.valid())}, 1)).isOk());
    REQUIRE(ReviewCommentRepository(f.db, f.clock).add({"", gone, "", "", "huyện", "ghi chú", 0, {}, {}}).isOk());
    const std::string kept = f.savedRecord();

    ds::PullItem revokeGone{};
    revokeGone.seq = 2;
    revokeGone.kind = ds::PullItemKind::Revoke;
    revokeGone.recordId = gone;
    ds::PullItem revokeKept = revokeGone;
    revokeKept.seq = 3;
    revokeKept.recordId = kept;
    auto stats = f.apply(f.page({revokeGone, revokeKept}, 3));
    REQUIRE_MESSAGE(stats.isOk(), stats.status().toString());
    CHECK(stats->purged == 1);
    CHECK(stats->keptRevoked == 1);
    CHECK(SubmissionRepository(f.db, f.clock).get(gone).status().code() == ErrorCode::NotFound);
    CHECK(*f.db.queryInt64("SELECT COUNT(*) FROM record_base WHERE id = '" + gone + "'") == 0);
    CHECK(ReviewCommentRepository(f.db, f.clock).forRecord(gone)->empty());
    const auto flags = f.record(kept).flags;
    CHECK((flags & SubmissionRepository::kFlagRevoked) != 0);
    CHECK((flags & SubmissionRepository::kFlagNeedsAttention) != 0);
    CHECK(f.pending().size() == 1);
}

TEST_CASE("pull: a page that does not fit the cursor, or fails midway, changes nothing (cursor included)")
{
    Fixture f;
    const std::string first = newUuid();
    REQUIRE(f.apply(f.page({f.recordItem(4, first, 1, "draft", f.valid())}, 4)).isOk());

    // An item at or below the cursor: refused before anything is applied.
    auto stale = f.apply(f.page({f.recordItem(4, newUuid(), 1, "draft", f.valid())}, 6));
    CHECK(stale.status().code() == ErrorCode::InvalidArgument);
    CHECK(*f.db.queryInt64("SELECT COUNT(*) FROM record") == 1);

    // A good item followed by a patch against a version this store does not hold: the whole page rolls back.
    const std::string second = newUuid();
    ds::PullItem patched = f.recordItem(6, first, 3, "draft", Json::object());
    patched.body.reset();
    patched.patch = ds::RecordPatch{2, {{"households_total", ds::FieldChange{10, 11}}}};
    auto failed = f.apply(f.page({f.recordItem(5, second, 1, "draft", f.valid()), patched}, 6));
    CHECK_FALSE(failed.isOk());
    CHECK(SubmissionRepository(f.db, f.clock).get(second).status().code() == ErrorCode::NotFound);
    CHECK(*PullApplier::cursor(f.db) == ds::Cursor{"e-1", 4});

    // A patch against the held version applies.
    patched.patch->baseVer = 1;
    patched.seq = 5;
    auto ok = f.apply(f.page({patched}, 5));
    REQUIRE_MESSAGE(ok.isOk(), ok.status().toString());
    CHECK(Json::parse(f.record(first).body)["households_total"] == 11);
    CHECK(f.record(first).serverVersion == 3);
}

TEST_CASE("journal: finals leave the outbox with their outcome, conflicts and rejections flag the record")
{
    Fixture f;
    const std::string a = f.savedRecord();
    const std::string b = f.savedRecord();
    const std::string c = f.savedRecord();
    auto ops = f.pending();
    REQUIRE(ops.size() == 3);
    std::vector<ds::OpOutcome> finals{
        ds::OpOutcome::conflict(ops[0].opId, 2, newUuid()),
        ds::OpOutcome::rejected(ops[1].opId, "out_of_scope", {"Ngoài phạm vi", "Out of scope"})};
    std::vector<ds::OpOutcome> deferred{ds::OpOutcome::deferred(ops[2].opId, "awaiting_attachment")};
    auto counts = SyncJournal(f.db, f.clock).finalize(finals, deferred);
    REQUIRE_MESSAGE(counts.isOk(), counts.status().toString());
    CHECK(counts->conflicts == 1);
    CHECK(counts->rejected == 1);
    CHECK(counts->deferred == 1);
    auto left = f.pending();
    REQUIRE(left.size() == 1);
    CHECK(left[0].opId == ops[2].opId);
    CHECK(left[0].attempts == 1);
    CHECK(left[0].lastError == "deferred: awaiting_attachment");
    CHECK(*f.db.queryInt64("SELECT COUNT(*) FROM op_journal WHERE payload IS NOT NULL AND device_id != ''") == 2);
    CHECK(*f.db.queryText("SELECT outcome FROM op_journal WHERE op_id = '" + ops[1].opId + "'") == "rejected");
    CHECK(f.db.queryText("SELECT result FROM op_journal WHERE op_id = '" + ops[1].opId + "'")->find("out_of_scope") !=
          std::string::npos);
    CHECK((f.record(a).flags & SubmissionRepository::kFlagConflict) != 0);
    CHECK((f.record(b).flags & SubmissionRepository::kFlagNeedsAttention) != 0);
    CHECK((f.record(b).flags & SubmissionRepository::kFlagConflict) == 0);
    CHECK((f.record(c).flags & SubmissionRepository::kFlagAwaitingAttachment) != 0);

    // An outcome for an op that is not in the outbox (unknown id) fails nothing and moves nothing.
    REQUIRE(SyncJournal(f.db, f.clock).finalize({ds::OpOutcome::applied(newUuid(), 1)}, {}).isOk());
    CHECK(f.pending().size() == 1);

    // Pruning keeps the journal for the retention period.
    f.clock.advance(ds::tuning::kOpJournalRetentionMillis - 1);
    CHECK(*SyncJournal(f.db, f.clock).prune() == 0);
    f.clock.advance(2);
    CHECK(*SyncJournal(f.db, f.clock).prune() == 2);
}

TEST_CASE("journal: a device fork renumbers the pending ops from 1 under a new device id, op ids kept")
{
    Fixture f;
    f.savedRecord();
    f.savedRecord();
    f.savedRecord();
    auto before = f.pending();
    REQUIRE(before.size() == 3);
    f.ackAll();  // pretend the first three went through
    f.savedRecord();
    f.savedRecord();
    before = f.pending();
    REQUIRE(before.size() == 2);
    CHECK(before[0].devSeq == 4);
    const std::string oldDevice = *SyncMetaRepository(f.db).deviceId();
    REQUIRE(SyncMetaRepository(f.db).set(SyncMetaRepository::kRegisteredDevice, oldDevice).isOk());

    auto newId = SyncJournal(f.db, f.clock).forkDevice();
    REQUIRE_MESSAGE(newId.isOk(), newId.status().toString());
    CHECK(*newId != oldDevice);
    CHECK(isUuid(*newId));
    CHECK(*SyncMetaRepository(f.db).deviceId() == *newId);
    CHECK_FALSE(SyncMetaRepository(f.db).get(SyncMetaRepository::kRegisteredDevice)->has_value());
    auto after = f.pending();
    REQUIRE(after.size() == 2);
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].opId == before[i].opId);
        CHECK(after[i].devSeq == static_cast<std::int64_t>(i + 1));
        auto op = ds::parseOperation(Json::parse(after[i].payload));
        REQUIRE(op.isOk());
        CHECK(op->deviceId == *newId);
        CHECK(op->devSeq == i + 1);
    }
    CHECK(*OutboxRepository(f.db, f.clock).nextDevSeq() == 3);
    // The journal still knows the old device's ops; none of them counts for the new one.
    CHECK(SyncJournal(f.db, f.clock).journalSeqs(oldDevice)->size() == 3);
    CHECK(SyncJournal(f.db, f.clock).journalSeqs(*newId)->empty());
}

TEST_CASE("schema: a v2 store (generated now) migrates to the current schema keeping its journal rows")
{
    test::TempDir dir{"dantoc-v2"};
    {
        client::StoreOptions options = test::repoTestOptions();
        options.schemaVersion = 2;
        auto v2 = Store::create(dir.path() / "s", "p", options);
        REQUIRE(v2.isOk());
        Connection& db = (*v2)->connection();
        CHECK(*schemaVersion(db) == 2);
        CHECK_FALSE(db.exec("SELECT payload FROM op_journal").isOk());
        REQUIRE(db.exec("INSERT INTO op_journal(op_id, dev_seq, record_id, outcome, result, acked_at) "
                        "VALUES('00000000-0000-4000-8000-000000000001', 7, 'r', 'applied', '{}', 1)"));
    }
    auto store = Store::open(dir.path() / "s", "p", test::repoTestOptions());
    REQUIRE_MESSAGE(store.isOk(), store.status().toString());
    Connection& db = (*store)->connection();
    CHECK(*schemaVersion(db) == kCurrentSchemaVersion);
    CHECK(*db.queryInt64("SELECT dev_seq FROM op_journal") == 7);
    CHECK(*db.queryInt64("SELECT COUNT(*) FROM op_journal WHERE payload IS NULL AND device_id IS NULL") == 1);
    // Rows from before carry no payload, so they are never offered for a re-push.
    CHECK(SyncJournal(db).journalOpsFrom("", 1)->empty());
}

TEST_CASE("journal: after a rejected create the next save sends a create again, not an edit")
{
    Fixture f;
    const std::string id = f.savedRecord();
    auto ops = f.pending();
    REQUIRE(ops.size() == 1);
    REQUIRE(SyncJournal(f.db, f.clock)
                .finalize({ds::OpOutcome::rejected(ops[0].opId, "out_of_scope", {"Ngoài phạm vi", "Out of scope"})}, {})
                .isOk());
    CHECK((f.record(id).flags & SubmissionRepository::kFlagNeedsAttention) != 0);
    Json values = f.valid();
    values["households_total"] = 11;
    REQUIRE(f.service.save(id, values).isOk());
    ops = f.pending();
    REQUIRE(ops.size() == 1);
    CHECK(ops[0].kind == "create");
    auto op = ds::parseOperation(Json::parse(ops[0].payload));
    REQUIRE(op.isOk());
    CHECK(op->set.size() == 3);  // every field, as a create
}
