// Issue 15, review up the chain, through the client core's review API (client/core/review) against the real
// dantoc-server over TLS on real SQLCipher stores: the commune officer submits, the demo's province reviewer
// (duyet15, not an administrator) finds it in the queue and returns it with two field comments, the officer
// sees them, cannot resubmit before replying, replies, fixes, resubmits; the reviewer accepts and the
// server's aggregates include the record. A stale acceptance (the content changed on the server meanwhile) is
// refused by the server and listed with its reason; after the next pull the reviewer accepts the new content.
#include "SyncDevice.h"
#include "core/ReviewCommentRepository.h"
#include "core/review/ReviewQueue.h"
#include "core/review/ReviewService.h"
#include "core/sync/SyncProblems.h"

#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::client;
using namespace dantoc::test;
using namespace dantoc::test::client_sync;
using dantoc::client::review::ReviewQueue;
using dantoc::client::review::ReviewService;

namespace {

constexpr const char* kReviewer = "duyet15";

// A device with the review service over its entry service.
struct ReviewDesk
{
    SyncDevice device;
    std::unique_ptr<ReviewService> review;

    void ready() { review = std::make_unique<ReviewService>(device.db(), *device.entries); }

    const review::ReviewItem* queued(const std::string& id)
    {
        auto items = ReviewQueue(device.db()).awaiting();
        REQUIRE_MESSAGE(items.isOk(), items.status().toString());
        for (const auto& item : *items) {
            if (item.record.id == id) {
                last = item;
                return &last;
            }
        }
        return nullptr;
    }
    review::ReviewItem last;
};

const nlohmann::json* findRow(const nlohmann::json& rows, const std::string& unit,
                              const std::string& indicator)
{
    for (const auto& r : rows) {
        if (r["unit"] == unit && r["indicator"] == indicator && r["ethnic_group"] == "") {
            return &r;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE(
    "issue 15: submit, return with two field comments, reply, fix, resubmit, accept; aggregates include it")
{
    DemoWorld world{"dantoc-review-trip"};
    auto& [qt, server, accounts, dir] = world;
    ReviewDesk officer;
    ReviewDesk reviewer;
    world.enroll(officer.device, "xa", "máy xã Bát Xát");
    world.enroll(reviewer.device, "tinh", "máy Ban Dân tộc", kReviewer);
    officer.ready();
    reviewer.ready();

    Json values = sampleVillageValues();
    const int poor = values["households_poor"];
    const std::string id = officer.device.newRecord(values);
    REQUIRE_FALSE(officer.device.entries->submit(id)->refused);
    CHECK(officer.device.sync().push.applied == 2);

    // The reviewer's queue, from what it pulled.
    reviewer.device.sync();
    const review::ReviewItem* item = reviewer.queued(id);
    REQUIRE(item != nullptr);
    CHECK(item->finalLevel);
    CHECK(item->actions == std::vector<workflow::Action>{workflow::Action::Return, workflow::Action::Accept});
    const std::int64_t seen = item->record.contentVersion;
    auto returned = reviewer.review->returnForCorrection(
        id, seen, "Số hộ nghèo cao bất thường",
        {{"households_poor", "Kiểm tra lại số hộ nghèo"}, {"households_total", "Đếm lại tổng số hộ"}});
    REQUIRE_MESSAGE(returned.isOk(), returned.status().toString());
    SyncReport sent = reviewer.device.sync();
    CHECK(sent.push.applied == 1);
    CHECK(sent.push.rejected == 0);
    CHECK(reviewer.queued(id) == nullptr);

    // The officer gets it back with the reason and both field comments.
    SyncReport back = officer.device.sync();
    CHECK(back.pull.comments == 3);
    CHECK(officer.device.record(id).state == "returned");
    auto history = officer.review->history(id);
    REQUIRE(history.isOk());
    CHECK(history->comments.size() == 3);
    REQUIRE(history->needingReply.size() == 2);
    auto early = officer.review->resubmit(id);
    REQUIRE_FALSE(early.isOk());
    CHECK(early.status().message().rfind("unanswered_comments", 0) == 0);

    values["households_poor"] = poor - 1;
    REQUIRE(officer.review->edit(id, values).isOk());
    for (const auto& comment : history->needingReply) {
        auto replied = officer.review->reply(comment.id, "Đã kiểm tra và sửa: " + comment.field);
        REQUIRE_MESSAGE(replied.isOk(), replied.status().toString());
    }
    auto resubmitted = officer.review->resubmit(id);
    REQUIRE_MESSAGE(resubmitted.isOk(), resubmitted.status().toString());
    REQUIRE_FALSE(resubmitted->refused);
    SyncReport fixed = officer.device.sync();
    CHECK(fixed.push.applied == 4); // edit, two replies, resubmit
    CHECK(fixed.push.rejected == 0);
    // Its own replies come back as comments and ask for no reply.
    CHECK(officer.review->history(id)->needingReply.empty());

    // The reviewer sees the fix and the replies, and accepts what it saw.
    reviewer.device.sync();
    item = reviewer.queued(id);
    REQUIRE(item != nullptr);
    CHECK(item->record.contentVersion > seen);
    CHECK(Json::parse(reviewer.device.record(id).body)["households_poor"] == poor - 1);
    auto seenByReviewer = reviewer.review->history(id);
    REQUIRE(seenByReviewer.isOk());
    int replies = 0;
    for (const auto& comment : seenByReviewer->comments) {
        // Pulled comments name their author by display name; the replies are the ones with the officer's
        // text.
        replies += comment.text.rfind("Đã kiểm tra và sửa", 0) == 0 ? 1 : 0;
    }
    CHECK(replies == 2);
    // Accepting on the strength of the old content is refused before anything is sent.
    CHECK(reviewer.review->accept(id, seen).status().message().rfind("stale_review", 0) == 0);
    auto accepted = reviewer.review->accept(id, item->record.contentVersion);
    REQUIRE_MESSAGE(accepted.isOk(), accepted.status().toString());
    sent = reviewer.device.sync();
    CHECK(sent.push.applied == 1);
    CHECK(sent.push.rejected == 0);
    officer.device.sync();
    CHECK(officer.device.record(id).state == "accepted");

    // The province's aggregates count it.
    auto http = server.client();
    auto admin = accounts.ready(http, "admin");
    REQUIRE(admin.ok());
    auto answer =
        http.get(std::string("/api/v1/aggregates?period=") + kPeriod + "&unit=02683", admin.accessToken);
    REQUIRE_MESSAGE(answer.status == 200, answer.body);
    const auto doc = nlohmann::json::parse(answer.body);
    const auto* poorRow = findRow(doc["rows"], kVillage, "households_poor");
    REQUIRE(poorRow != nullptr);
    CHECK((*poorRow)["value"] == poor - 1);
}

TEST_CASE("issue 15: an acceptance of content that changed on the server meanwhile is refused and reported")
{
    DemoWorld world{"dantoc-review-stale"};
    ReviewDesk officer;
    ReviewDesk reviewer;
    ReviewDesk admin; // a second reviewer at the province (the administrator may review too)
    world.enroll(officer.device, "xa", "máy xã");
    world.enroll(reviewer.device, "tinh", "máy duyệt", kReviewer);
    world.enroll(admin.device, "qt", "máy quản trị", "admin");
    officer.ready();
    reviewer.ready();
    admin.ready();

    Json values = sampleVillageValues();
    const int poor = values["households_poor"];
    const std::string id = officer.device.newRecord(values);
    REQUIRE_FALSE(officer.device.entries->submit(id)->refused);
    officer.device.sync();
    reviewer.device.sync();
    admin.device.sync();
    const review::ReviewItem* item = reviewer.queued(id);
    REQUIRE(item != nullptr);
    const std::int64_t seen = item->record.contentVersion;

    // Meanwhile the administrator returns it and the commune fixes and resubmits it.
    const review::ReviewItem* atAdmin = admin.queued(id);
    REQUIRE(atAdmin != nullptr);
    REQUIRE(admin.review
                ->returnForCorrection(id, atAdmin->record.contentVersion, "Sửa số hộ nghèo",
                                      {{"households_poor", "Sai"}})
                .isOk());
    admin.device.sync();
    officer.device.sync();
    auto open = officer.review->history(id);
    REQUIRE(open.isOk());
    REQUIRE(open->needingReply.size() == 1);
    REQUIRE(officer.review->reply(open->needingReply[0].id, "Đã sửa").isOk());
    values["households_poor"] = poor - 2;
    REQUIRE(officer.review->edit(id, values).isOk());
    REQUIRE(officer.review->resubmit(id).isOk());
    officer.device.sync();

    // The reviewer, offline on what it saw, accepts: queued here, refused by the server.
    auto accepted = reviewer.review->accept(id, seen);
    REQUIRE_MESSAGE(accepted.isOk(), accepted.status().toString());
    SyncReport report = reviewer.device.sync();
    CHECK(report.push.rejected == 1);
    CHECK(report.push.applied == 0);
    auto problems = client::sync::readSyncProblems(reviewer.device.db());
    REQUIRE(problems.isOk());
    REQUIRE(problems->size() == 1);
    CHECK(problems->at(0).recordId == id);
    CHECK(problems->at(0).code == "stale_review");
    CHECK_FALSE(client::sync::describeProblem(problems->at(0)).vi.empty());

    // The same sync pulled the new content: the record is back in the queue with it, and accepting that
    // works.
    CHECK(Json::parse(reviewer.device.record(id).body)["households_poor"] == poor - 2);
    item = reviewer.queued(id);
    REQUIRE(item != nullptr);
    CHECK(item->record.contentVersion > seen);
    REQUIRE(reviewer.review->accept(id, item->record.contentVersion).isOk());
    report = reviewer.device.sync();
    CHECK(report.push.applied == 1);
    officer.device.sync();
    CHECK(officer.device.record(id).state == "accepted");
}
