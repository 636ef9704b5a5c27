// The client core's review API (client/core/review) on real SQLCipher stores with pulled records, offline:
// the queue of records awaiting the account (filters, deadline, allowed actions), reviewer actions decided by
// shared/workflow and enqueued as compare-and-set transitions (what is refused changes nothing), and the
// commune side: replies sent as field comments, resubmit blocked until every field comment has a reply (issue
// 15).
#include "core/review/ReviewService.h"

#include "RepoSupport.h"
#include "base/Uuid.h"
#include "core/OutboxRepository.h"
#include "core/PeriodRepository.h"
#include "core/ReviewCommentRepository.h"
#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/UnitRepository.h"
#include "core/review/RecordComparison.h"
#include "core/review/ReviewQueue.h"
#include "core/review/ReviewSnapshotRepository.h"
#include "core/sync/PullApplier.h"
#include "sync/Operation.h"

#include <QSignalSpy>
#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::client;
using namespace dantoc::client::review;
using dantoc::client::sync::PullApplier;
namespace ds = dantoc::sync;

namespace {

constexpr const char* kVillage = "02683-01";

struct Office
{
    test::TempDir dir{"dantoc-review"};
    std::unique_ptr<Store> store = test::newRepoStore(dir.path() / "store");
    ManualClock clock{1'770'000'000'000}; // 2026-02-02: the 2025-H2 deadline has passed
    EntryService entries{store->connection(),
                         EntryOptions{"tester", forms::Language::Vi, nullptr, &store->notifier()}, clock};
    ReviewService review{store->connection(), entries, clock};
    Connection& db = store->connection();
    std::uint64_t seq = 0;

    Office(const std::string& account, const std::string& role, const std::string& unit)
    {
        test::putTinyForm(db);
        REQUIRE(UnitRepository(db)
                    .replaceAll({{"15", "Tỉnh Lào Cai", "province", ""},
                                 {"02683", "Xã Bát Xát", "commune", "15"},
                                 {kVillage, "Thôn Bản Vược", "village", "02683"},
                                 {"02686", "Xã A Mú Sung", "commune", "15"},
                                 {"02686-01", "Thôn Na Lốc", "village", "02686"}})
                    .isOk());
        REQUIRE(PeriodRepository(db)
                    .replaceAll({{"2025-H2", "6 tháng cuối năm 2025", "2025-07-01", "2025-12-31", "open"},
                                 {"2026-H1", "6 tháng đầu năm 2026", "2026-01-01", "2026-06-30", "open"}})
                    .isOk());
        SyncMetaRepository meta(db);
        REQUIRE(meta.set(SyncMetaRepository::kAccount, account).isOk());
        // Pulled comments carry display names: the officer's own replies come back as "Cán bộ Xã Bát Xát".
        REQUIRE(meta.set(SyncMetaRepository::kAccountDisplayName, "Cán bộ Xã Bát Xát").isOk());
        if (!role.empty()) {
            REQUIRE(meta.set(SyncMetaRepository::kAccountRole, role).isOk());
            REQUIRE(meta.set(SyncMetaRepository::kAccountUnit, unit).isOk());
        }
    }

    ds::PullItem record(const std::string& id, std::uint64_t ver, const std::string& state,
                        const std::string& level, const std::string& unit = kVillage,
                        const std::string& period = "2025-H2")
    {
        ds::PullItem item;
        item.seq = ++seq;
        item.kind = ds::PullItemKind::Record;
        item.recordId = id;
        item.ver = ver;
        item.state = state;
        item.level = level;
        item.form = {"tiny_village", 2};
        item.unit = unit;
        item.period = period;
        item.body =
            Json::parse(R"({"village_name": "Bản Vược", "households_total": 10, "households_poor": 3})");
        return item;
    }

    ds::PullItem comment(const std::string& id, const std::string& author,
                         const std::optional<std::string>& field, const std::string& text)
    {
        ds::PullItem item;
        item.seq = ++seq;
        item.kind = ds::PullItemKind::Comment;
        item.recordId = id;
        item.commentId = newUuid();
        item.author = author;
        item.at = 1'769'000'000'000;
        item.text = text;
        item.field = field;
        return item;
    }

    void pull(std::vector<ds::PullItem> items)
    {
        auto cursor = PullApplier::cursor(db);
        REQUIRE(cursor.isOk());
        ds::PullResponse page;
        page.epoch = "e-1";
        page.items = std::move(items);
        page.next = {"e-1", seq};
        auto applied = PullApplier(db, clock).apply(*cursor, page);
        REQUIRE_MESSAGE(applied.isOk(), applied.status().toString());
    }

    std::vector<OutboxEntry> outbox()
    {
        auto ops = OutboxRepository(db, clock).pending(100);
        REQUIRE(ops.isOk());
        return *ops;
    }

    Submission get(const std::string& id) { return *SubmissionRepository(db, clock).get(id); }
};

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.rfind(prefix, 0) == 0;
}

} // namespace

TEST_CASE("review queue: what awaits a province reviewer, filtered, with deadlines and the allowed actions")
{
    Office office("duyet15", "provincial_reviewer", "15");
    const std::string a = newUuid(), b = newUuid(), c = newUuid(), d = newUuid();
    office.pull({office.record(a, 3, "submitted", "province"),
                 office.record(b, 2, "submitted", "province", "02686-01", "2026-H1"),
                 office.record(c, 4, "returned", "commune"), // waits for the commune, not for the reviewer
                 office.record(d, 5, "accepted", "province")});
    ReviewQueue queue(office.db, office.clock);
    auto all = queue.awaiting();
    REQUIRE_MESSAGE(all.isOk(), all.status().toString());
    REQUIRE(all->size() == 2);
    CHECK(all->at(0).record.id == a); // the earlier deadline first
    CHECK(all->at(0).deadline == "2025-12-31");
    CHECK(all->at(0).overdue);
    CHECK(all->at(0).unitName == "Thôn Bản Vược");
    CHECK(all->at(0).finalLevel);
    CHECK(all->at(0).actions ==
          std::vector<workflow::Action>{workflow::Action::Return, workflow::Action::Accept});
    CHECK(all->at(1).record.id == b);
    CHECK_FALSE(all->at(1).overdue);

    CHECK(queue.awaiting({std::string("02683"), std::nullopt, std::nullopt})->size() == 1);
    CHECK(queue.awaiting({std::nullopt, std::string("2026-H1"), std::nullopt})->at(0).record.id == b);
    CHECK(queue.awaiting({std::nullopt, std::nullopt, std::string("other_form")})->empty());
    CHECK(queue.describe(c)->actions.empty());

    // A district reviewer's store has no province: the district is still not taken for the final level.
    Office district("huyen", "district_reviewer", "083");
    REQUIRE(UnitRepository(district.db)
                .replaceAll({{"083", "Huyện Bát Xát", "district", "10"},
                             {"02683", "Xã Bát Xát", "commune", "083"},
                             {kVillage, "Thôn Bản Vược", "village", "02683"}})
                .isOk());
    district.pull({district.record(a, 3, "submitted", "district")});
    auto atDistrict = ReviewQueue(district.db, district.clock).awaiting();
    REQUIRE(atDistrict.isOk());
    REQUIRE(atDistrict->size() == 1);
    CHECK(atDistrict->at(0).actions ==
          std::vector<workflow::Action>{workflow::Action::Return, workflow::Action::Approve});
    CHECK_FALSE(atDistrict->at(0).finalLevel);

    // A store enrolled before the role was kept: a clear error, not an empty queue.
    Office old("duyet15", "", "");
    CHECK(ReviewQueue(old.db, old.clock).awaiting().status().code() == ErrorCode::FailedPrecondition);
}

TEST_CASE(
    "reviewer actions: refused ones change nothing; a return is one compare-and-set transition with notes")
{
    Office office("duyet15", "provincial_reviewer", "15");
    const std::string id = newUuid();
    office.pull({office.record(id, 3, "submitted", "province")});
    const Submission seen = office.get(id);
    REQUIRE(seen.contentVersion == 3);

    auto expectRefused = [&](const Result<EntryResult>& result, ErrorCode code, const std::string& prefix) {
        REQUIRE_FALSE(result.isOk());
        CHECK(result.status().code() == code);
        CHECK_MESSAGE(startsWith(result.status().message(), prefix), result.status().message());
        CHECK(office.outbox().empty());
        CHECK(office.get(id).state == "submitted");
    };
    expectRefused(office.review.approve(id, 3), ErrorCode::FailedPrecondition, "final_level_accepts");
    expectRefused(office.review.forward(id, 3), ErrorCode::FailedPrecondition, "wrong_state");
    expectRefused(office.review.accept(id, 2), ErrorCode::FailedPrecondition, "stale_review");
    expectRefused(office.review.returnForCorrection(id, 3, "  ", {}), ErrorCode::FailedPrecondition,
                  "reason_required");
    expectRefused(office.review.returnForCorrection(id, 3, "Sai", {{"no_such_field", "?"}}),
                  ErrorCode::InvalidArgument, "biểu mẫu");
    expectRefused(
        office.review.returnForCorrection(id, 3, "Sai", {{"households_poor", "a"}, {"households_poor", "b"}}),
        ErrorCode::InvalidArgument, "two comments");
    expectRefused(office.review.returnForCorrection(id, 3, "Sai", {{"households_poor", " "}}),
                  ErrorCode::InvalidArgument, "the comment");
    expectRefused(office.review.act({id, workflow::Action::Approve, 3, {}, {{"households_poor", "x"}}}),
                  ErrorCode::InvalidArgument, "field comments");

    QSignalSpy changed(&office.store->notifier(), &ChangeNotifier::recordsChanged);
    // "Kiểm tra" typed decomposed (e + combining marks) is sent composed.
    auto returned = office.review.returnForCorrection(
        id, 3, "Số hộ nghèo cao bất thường",
        {{"households_poor", "Kie\xCC\x82\xCC\x89m tra lại"}, {"households_total", "Đếm lại số hộ"}});
    REQUIRE_MESSAGE(returned.isOk(), returned.status().toString());
    CHECK(returned->record.state == "returned");
    CHECK(returned->record.level == "commune");
    CHECK(changed.count() == 1);
    const auto ops = office.outbox();
    REQUIRE(ops.size() == 1);
    auto op = ds::parseOperation(Json::parse(ops[0].payload));
    REQUIRE(op.isOk());
    REQUIRE(op->transition.has_value());
    CHECK(op->transition->action == "return");
    CHECK(op->transition->from == "submitted");
    CHECK(op->transition->to == "returned");
    CHECK(op->transition->contentVer == 3);
    CHECK(op->transition->reason == "Số hộ nghèo cao bất thường");
    CHECK(op->transition->fieldComments.size() == 2);
    CHECK(op->transition->fieldComments.at("households_poor") == "Kiểm tra lại");
    // Now the commune's turn: nothing awaits the reviewer, and a second action is refused.
    CHECK(ReviewQueue(office.db, office.clock).awaiting()->empty());
    CHECK(office.review.accept(id, 3).status().code() == ErrorCode::FailedPrecondition);
    CHECK(office.outbox().size() == 1);
}

TEST_CASE("the commune officer replies to each field comment; resubmit waits for every reply")
{
    Office office("xa02683", "commune_officer", "02683");
    const std::string id = newUuid();
    office.pull({office.record(id, 4, "returned", "commune"),
                 office.comment(id, "duyet15", std::nullopt, "Số hộ nghèo cao bất thường"),
                 office.comment(id, "duyet15", std::string("households_poor"), "Kiểm tra lại"),
                 office.comment(id, "duyet15", std::string("households_total"), "Đếm lại")});
    auto history = office.review.history(id);
    REQUIRE(history.isOk());
    REQUIRE(history->comments.size() == 3);
    REQUIRE(history->needingReply.size() == 2); // the reason is not a field comment

    auto refused = office.review.resubmit(id);
    REQUIRE_FALSE(refused.isOk());
    CHECK(startsWith(refused.status().message(), "unanswered_comments"));
    CHECK(refused.status().message().find("households_poor") != std::string::npos);
    CHECK(office.outbox().empty());

    CHECK(office.review.reply(history->needingReply[0].id, " \t").status().code() ==
          ErrorCode::InvalidArgument);
    CHECK(office.review.reply("no-such-comment", "ok").status().code() == ErrorCode::NotFound);
    CHECK(office.outbox().empty());

    Json values = Json::parse(office.get(id).body);
    values["households_poor"] = 2;
    auto edited = office.review.edit(id, values);
    REQUIRE_MESSAGE(edited.isOk(), edited.status().toString());
    auto replied = office.review.reply(history->needingReply[0].id, "Đã kiểm tra, sửa thành 2");
    REQUIRE_MESSAGE(replied.isOk(), replied.status().toString());
    CHECK_FALSE(office.review.resubmit(id).isOk()); // one comment still without a reply

    // The reviewer's answer to a reply (or our own reply coming back from the server) needs no reply.
    office.pull({office.comment(id, "Cán bộ Xã Bát Xát", std::string("households_poor"),
                                "Đã kiểm tra, sửa thành 2")});
    REQUIRE(office.review.reply(history->needingReply[1].id, "Đúng 10 hộ").isOk());
    auto resubmitted = office.review.resubmit(id);
    REQUIRE_MESSAGE(resubmitted.isOk(), resubmitted.status().toString());
    CHECK(resubmitted->record.state == "submitted");

    // edit, reply, reply, resubmit: in that order, the replies as comments on their fields.
    const auto ops = office.outbox();
    REQUIRE(ops.size() == 4);
    CHECK(ops[0].kind == "edit");
    auto reply = ds::parseOperation(Json::parse(ops[1].payload));
    REQUIRE(reply.isOk());
    REQUIRE(reply->comment.has_value());
    CHECK(reply->comment->field == std::optional<std::string>(history->needingReply[0].field));
    CHECK(reply->comment->text == "Đã kiểm tra, sửa thành 2");
    auto resubmit = ds::parseOperation(Json::parse(ops[3].payload));
    REQUIRE(resubmit.isOk());
    CHECK(resubmit->transition->action == "resubmit");
    CHECK(ReviewCommentRepository(office.db).needingReply(id, {"xa02683", "Cán bộ Xã Bát Xát"})->empty());
    CHECK(office.review.resubmit(id).status().code() ==
          ErrorCode::FailedPrecondition); // not returned any more
}

TEST_CASE("a reviewer compares a resubmission with what was returned, else with the previous period")
{
    Office office("duyet15", "provincial_reviewer", "15");
    const std::string earlier = newUuid(), id = newUuid();
    ds::PullItem previous = office.record(earlier, 2, "accepted", "province", kVillage, "2025-H2");
    (*previous.body)["households_poor"] = 5;
    office.pull({previous, office.record(id, 3, "submitted", "province", kVillage, "2026-H1")});

    // Never returned from here: the same village's 2025-H2 report is the comparison.
    auto first = bestComparison(office.db, office.get(id));
    REQUIRE_MESSAGE(first.isOk(), first.status().toString());
    CHECK(first->basis == Comparison::Basis::PreviousPeriod);
    CHECK(first->otherRecordId == earlier);
    CHECK(first->otherPeriod == "2025-H2");
    REQUIRE(first->changes.size() == 1);
    CHECK(first->changes[0].path == "households_poor");
    CHECK(first->changes[0].before == 5);
    CHECK(first->changes[0].after == 3);
    // The earliest period has nothing before it.
    CHECK(previousPeriod(office.db, office.get(earlier))->empty());

    // A refused return keeps no snapshot; a return keeps the body at the version returned.
    REQUIRE_FALSE(office.review.returnForCorrection(id, 2, "Sai", {}).isOk());
    CHECK_FALSE(ReviewSnapshotRepository(office.db).get(id)->has_value());
    REQUIRE(office.review.returnForCorrection(id, 3, "Số hộ nghèo?", {{"households_poor", "Kiểm tra"}}).isOk());
    auto kept = ReviewSnapshotRepository(office.db).get(id);
    REQUIRE(kept.isOk());
    REQUIRE(kept->has_value());
    CHECK((*kept)->contentVersion == 3);
    CHECK(Json::parse((*kept)->body)["households_poor"] == 3);

    // The commune resubmits with two fields changed (pulled as version 5): the diff since the return says which.
    ds::PullItem resubmitted = office.record(id, 5, "submitted", "province", kVillage, "2026-H1");
    (*resubmitted.body)["households_poor"] = 2;
    (*resubmitted.body)["village_name"] = "Bản Vược Mới";
    office.pull({resubmitted});
    auto since = bestComparison(office.db, office.get(id));
    REQUIRE_MESSAGE(since.isOk(), since.status().toString());
    CHECK(since->basis == Comparison::Basis::SinceReturn);
    CHECK(since->otherContentVersion == 3);
    REQUIRE(since->changes.size() == 2);
    CHECK(since->changes[0].path == "households_poor");
    CHECK(since->changes[0].before == 3);
    CHECK(since->changes[0].after == 2);
    CHECK(since->changes[1].path == "village_name");
    CHECK(since->changes[1].after == "Bản Vược Mới");
}
