// Pull (sync-protocol.md §5): pages in seq order under the byte limit, cursors that skip other communes' changes,
// comments as items, and the epoch reset after a restore — through the real router and store.
#include "sync/SyncFixture.h"

#include <set>

using namespace dantoc;
using namespace dantoc::test;
using nlohmann::json;
namespace ds = dantoc::sync;

TEST_CASE("small pages hold every change exactly once, in seq order, and the last page says no more")
{
    SyncFixture f;
    Device device(f, f.ready("xa02683"));
    REQUIRE(device.registerSelf() == 201);
    std::set<std::string> ids;
    std::vector<ds::Operation> batch;
    for (int i = 0; i < 30; ++i) {
        const std::string id = newUuid();
        ids.insert(id);
        batch.push_back(device.create(id, {{"households_total", 100 + i}, {"households_poor", i}}));
    }
    REQUIRE(device.push(batch).results.size() == 30);

    ds::Cursor cursor;
    std::set<std::string> seen;
    std::uint64_t lastSeq = 0;
    int pages = 0;
    while (true) {
        auto page = device.pull(cursor, 1024);
        REQUIRE(ds::checkPullPage(cursor, page).isOk());
        CHECK_FALSE(page.items.empty());
        for (const auto& item : page.items) {
            CHECK(item.seq > lastSeq);
            lastSeq = item.seq;
            CHECK(seen.insert(item.recordId).second);
        }
        cursor = page.next;
        ++pages;
        if (!page.more) {
            break;
        }
        REQUIRE(pages < 100);
    }
    CHECK(pages > 1);
    CHECK(seen == ids);
    auto nothing = device.pull(cursor);
    CHECK(nothing.items.empty());
    CHECK_FALSE(nothing.more);
    CHECK(nothing.next == cursor);
}

TEST_CASE("the cursor moves past other communes' changes without showing them")
{
    SyncFixture f;
    Device a(f, f.ready("xa02683"));
    Device b(f, f.ready("xa02647"));
    REQUIRE(a.registerSelf() == 201);
    REQUIRE(b.registerSelf() == 201);
    const std::string mine = newUuid();
    REQUIRE(a.push({a.create(mine, {{"households_total", 1}})}).results.at(0).kind == ds::OutcomeKind::Applied);
    REQUIRE(b.push({b.create(newUuid(), {{"households_total", 2}}, "02647-01"),
                    b.create(newUuid(), {{"households_total", 3}}, "02647-01")})
                .results.size() == 2);
    ds::Cursor cursor;
    auto page = a.pull(cursor);
    REQUIRE(page.items.size() == 1);
    CHECK(page.items[0].recordId == mine);
    CHECK(page.next.seq > page.items[0].seq);  // the skipped changes of B are behind the cursor
    CHECK_FALSE(page.more);
}

TEST_CASE("comments and review reasons arrive as comment items with the author's name")
{
    SyncFixture f;
    const std::string token = f.ready("xa02683");
    Device device(f, token);
    REQUIRE(device.registerSelf() == 201);
    const std::string id = newUuid();
    auto create = device.create(id, {{"households_total", 5}});
    auto note = device.op(id, ds::OpKind::Comment, 1);
    note.comment = ds::CommentIntent{"Số liệu lấy từ sổ hộ khẩu thôn", std::string("households_total")};
    auto answer = device.push({create, note});
    CHECK(answer.results.at(1).kind == ds::OutcomeKind::Applied);
    ds::Cursor cursor;
    auto items = device.pullAll(cursor);
    REQUIRE(items.size() == 2);
    CHECK(items[1].kind == ds::PullItemKind::Comment);
    CHECK(items[1].text == "Số liệu lấy từ sổ hộ khẩu thôn");
    CHECK(items[1].field == std::optional<std::string>("households_total"));
    CHECK(items[1].author.rfind("Cán bộ ", 0) == 0);  // the account's display name, never its id
    // A viewer may read but not comment.
    Device viewer(f, f.ready("viewer"));
    REQUIRE(viewer.registerSelf() == 201);
    auto refused = viewer.op(id, ds::OpKind::Comment, 1);
    refused.comment = ds::CommentIntent{"x", std::nullopt};
    CHECK(viewer.push({refused}).results.at(0).code == "permission_denied");
}

TEST_CASE("a restore's new epoch: pulls from the old epoch are told to restart, pushes report the new epoch")
{
    SyncFixture f;
    Device device(f, f.ready("xa02683"));
    REQUIRE(device.registerSelf() == 201);
    const std::string id = newUuid();
    auto before = device.push({device.create(id, {{"households_total", 5}})});
    ds::Cursor cursor;
    (void)device.pullAll(cursor);
    CHECK(cursor.epoch == before.serverEpoch);

    REQUIRE(f.app().records().regenerateEpoch().isOk());
    auto page = device.pull(cursor);
    CHECK(page.epochReset);
    CHECK(page.items.empty());
    CHECK(page.more);
    CHECK(page.next.seq == 0);
    CHECK(page.next.epoch != before.serverEpoch);
    CHECK(ds::checkEpoch(cursor, page.epoch) == ds::EpochCheck::Changed);
    CHECK(device.push({}).serverEpoch == page.epoch);
    ds::Cursor restart = page.next;
    CHECK(latestRecords(device.pullAll(restart)).count(id) == 1);  // the data is still there after the reset
}

TEST_CASE("records and conflicts REST list what the caller's scope holds")
{
    SyncFixture f;
    const std::string token = f.ready("xa02683");
    Device device(f, token);
    REQUIRE(device.registerSelf() == 201);
    const std::string id = newUuid();
    REQUIRE(device.push({device.create(id, {{"households_total", 5}})}).results.at(0).kind == ds::OutcomeKind::Applied);
    auto listed = f.call("GET", "/api/v1/records", {}, token);
    REQUIRE(listed.status == 200);
    CHECK(listed.body.find(id) != std::string::npos);
    auto byUnit = f.call("GET", "/api/v1/records", {}, token, {{"unit", "02683"}});
    CHECK(byUnit.body.find(id) != std::string::npos);
    auto other = f.call("GET", "/api/v1/records", {}, f.ready("xa02647"));
    CHECK(other.body.find(id) == std::string::npos);
}

TEST_CASE("records REST: unit= filters by the subtree, abolished units as they stood on their last day")
{
    SyncFixture f;
    const std::string token = f.ready("xa02683");
    Device device(f, token);
    REQUIRE(device.registerSelf() == 201);
    const std::string id = newUuid();
    REQUIRE(device.push({device.create(id, {{"households_total", 5}})}).results.at(0).kind == ds::OutcomeKind::Applied);
    const std::string viewer = f.ready("viewer");
    auto listed = [&](const std::string& who, std::map<std::string, std::string> query) {
        auto response = f.call("GET", "/api/v1/records", {}, who, std::move(query));
        REQUIRE(response.status == 200);
        return response.body.find(id) != std::string::npos;
    };
    CHECK(listed(viewer, {{"unit", "15"}}));   // new Lào Cai today
    // The record is of village 02683-01, created 2025-07-01: not under Bát Xát district (abolished then) nor old
    // Lào Cai province as they stood on their last day, 2025-06-30. (Before, an abolished unit gave an empty code
    // list, which the record store reads as "any unit": every record was listed.)
    CHECK_FALSE(listed(viewer, {{"unit", "082"}}));
    CHECK_FALSE(listed(viewer, {{"unit", "10"}}));
    CHECK(listed(viewer, {{"unit", "02683"}}));
    CHECK_FALSE(listed(viewer, {{"unit", "083"}}));  // another old district
    CHECK_FALSE(listed(viewer, {{"unit", "082"}, {"at", "1990-01-01"}}));  // before the district existed
    CHECK(listed(token, {{"unit", "02683-01"}}));
    CHECK_FALSE(listed(f.ready("xa02647"), {{"unit", "082"}}));  // another commune's officer: not its records
    CHECK_FALSE(listed(viewer, {{"unit", "99999"}}));
}
