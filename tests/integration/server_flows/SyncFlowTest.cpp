// Sync over real TLS against the real dantoc-server (push/pull, sync-protocol.md §4-§7): an identical retry of a
// push batch gives the same outcomes and one version per op; two devices editing the same record from a stale
// base merge disjoint fields and turn overlapping ones into a conflict both see; a SIGTERM during a large push
// leaves each op wholly applied or not at all, and a retry completes the batch consistently.
#include "support/FlowAccounts.h"
#include "support/ServerProcess.h"
#include "support/SyncClientForTests.h"
#include "support/TestServer.h"

#include "base/Uuid.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <thread>

using dantoc::test::FlowAccounts;
using dantoc::test::FlowSession;
using dantoc::test::HttpResult;
using dantoc::test::HttpsClient;
using dantoc::test::ServerProcess;
using dantoc::test::SyncClientForTests;
using dantoc::test::TestServer;
using nlohmann::json;
namespace ds = dantoc::sync;

namespace {

const ds::FormRef kVillageForm{"village_survey", 1};
constexpr const char* kVillageA = "02683-01";  // a village of commune 02683
constexpr const char* kPeriod = "2026-H2";  // open in the demo (2025-H2 is closed)

TestServer::Options demo()
{
    TestServer::Options o;
    o.initArgs = {"--demo"};
    return o;
}

json smallValues(int households)
{
    return json{{"households_total", households}, {"households_poor", households / 4}};
}

// What a fresh device holds after applying these pull items.
std::map<std::string, dantoc::test::HeldRecord> latest(const std::vector<ds::PullItem>& items)
{
    std::map<std::string, dantoc::test::HeldRecord> out;
    const auto status = dantoc::test::applyPullItems(items, out);
    CHECK_MESSAGE(status.isOk(), status.message());
    return out;
}

}  // namespace

TEST_CASE("an identical retry of a push batch answers the same outcomes and applies each op once")
{
    TestServer server(demo());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto http = server.client();
    auto officer = accounts.ready(http, "xa02683");
    REQUIRE(officer.ok());
    SyncClientForTests device(http, officer.accessToken);
    REQUIRE(device.registerDevice() / 100 == 2);

    const std::string recordId = dantoc::newUuid();
    std::vector<ds::Operation> batch;
    batch.push_back(device.create(recordId, kVillageForm, kVillageA, kPeriod, smallValues(100)));
    batch.push_back(device.edit(recordId, kVillageForm, kVillageA, kPeriod, 1,
                                {{"households_total", {100, 120}}}));
    const std::string body = device.pushBody(batch);

    auto first = device.push(batch);
    REQUIRE(first.isOk());
    CAPTURE(first.status().message());
    REQUIRE(first->results.size() == 2);
    CHECK(first->results[0].kind == ds::OutcomeKind::Applied);
    CHECK(first->results[0].ver == 1);
    CHECK(first->results[1].kind == ds::OutcomeKind::Applied);
    CHECK(first->results[1].ver == 2);
    CHECK(first->nextExpectedSeq == 3);

    // The very same bytes again (a client that lost the answer), twice.
    for (int retry = 0; retry < 2; ++retry) {
        CAPTURE(retry);
        auto again = http.post(SyncClientForTests::kPushPath, body, officer.accessToken);
        REQUIRE(again.status == 200);
        auto parsed = ds::parsePushResponse(json::parse(again.body));
        REQUIRE(parsed.isOk());
        CHECK(parsed->results == first->results);
        CHECK(parsed->nextExpectedSeq == 3);
        CHECK(parsed->serverEpoch == first->serverEpoch);
    }

    // One version per op: the record is at ver 2 with the edit, and the log holds no third version.
    ds::Cursor cursor;
    auto items = device.pullAll(cursor);
    REQUIRE(items.isOk());
    std::set<std::uint64_t> versions;
    for (const auto& item : *items) {
        if (item.recordId == recordId && item.kind == ds::PullItemKind::Record) {
            versions.insert(item.ver);
        }
    }
    CHECK(*versions.rbegin() == 2);
    auto record = latest(*items).at(recordId);
    CHECK(record.ver == 2);
    CHECK(record.body["households_total"] == 120);
    std::set<std::string> applied(record.opIdsApplied.begin(), record.opIdsApplied.end());
    CHECK(applied.count(batch[1].opId) == 1);
}

TEST_CASE("two devices edit the same record from a stale base: disjoint fields merge, overlapping ones conflict")
{
    TestServer server(demo());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto http1 = server.client();
    auto http2 = server.client();
    auto officer = accounts.ready(http1, "xa02683");
    REQUIRE(officer.ok());
    SyncClientForTests one(http1, officer.accessToken);
    SyncClientForTests two(http2, officer.accessToken);
    REQUIRE(one.registerDevice() / 100 == 2);
    REQUIRE(two.registerDevice() / 100 == 2);

    const std::string recordId = dantoc::newUuid();
    auto created = one.push({one.create(recordId, kVillageForm, kVillageA, kPeriod,
                                        json{{"households_total", 100}, {"households_poor", 20},
                                             {"households_near_poor", 10}})});
    REQUIRE(created.isOk());
    REQUIRE(created->results.at(0).kind == ds::OutcomeKind::Applied);

    // Both devices saw ver 1. Device one changes households_poor; device two, still on ver 1, changes
    // households_near_poor: merged, both changes kept.
    auto a = one.push({one.edit(recordId, kVillageForm, kVillageA, kPeriod, 1, {{"households_poor", {20, 25}}})});
    REQUIRE(a.isOk());
    CHECK(a->results.at(0).kind == ds::OutcomeKind::Applied);
    CHECK(a->results.at(0).ver == 2);
    auto b = two.push({two.edit(recordId, kVillageForm, kVillageA, kPeriod, 1, {{"households_near_poor", {10, 12}}})});
    REQUIRE(b.isOk());
    CHECK(b->results.at(0).kind == ds::OutcomeKind::Merged);
    CHECK(b->results.at(0).ver == 3);

    // Both change households_total from ver 3: the first wins, the second is a conflict, server value kept.
    auto c = one.push({one.edit(recordId, kVillageForm, kVillageA, kPeriod, 3, {{"households_total", {100, 110}}})});
    REQUIRE(c.isOk());
    CHECK(c->results.at(0).kind == ds::OutcomeKind::Applied);
    auto d = two.push({two.edit(recordId, kVillageForm, kVillageA, kPeriod, 3, {{"households_total", {100, 130}}})});
    REQUIRE(d.isOk());
    REQUIRE(d->results.at(0).kind == ds::OutcomeKind::Conflict);
    CHECK_FALSE(d->results.at(0).conflictId.empty());

    // Both devices see the merged body and the conflict flag.
    for (SyncClientForTests* device : {&one, &two}) {
        ds::Cursor cursor;
        auto items = device->pullAll(cursor);
        REQUIRE(items.isOk());
        auto record = latest(*items).at(recordId);
        CHECK(record.body["households_total"] == 110);
        CHECK(record.body["households_poor"] == 25);
        CHECK(record.body["households_near_poor"] == 12);
        CHECK(std::count(record.flags.begin(), record.flags.end(), "conflict") == 1);
    }
}

TEST_CASE("SIGTERM during a large push: each op applied wholly or not at all; a retry completes consistently")
{
    TestServer server(demo());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    auto http = server.client();
    auto officer = accounts.ready(http, "xa02683");
    REQUIRE(officer.ok());
    SyncClientForTests device(http, officer.accessToken);
    REQUIRE(device.registerDevice() / 100 == 2);

    std::vector<ds::Operation> batch;
    std::map<std::string, json> expected;  // record id -> body
    for (int i = 0; i < 150; ++i) {
        const std::string id = dantoc::newUuid();
        expected[id] = smallValues(100 + i);
        batch.push_back(device.create(id, kVillageForm, kVillageA, kPeriod, expected[id]));
    }
    HttpResult firstAnswer;
    std::thread pusher([&] { firstAnswer = http.post(SyncClientForTests::kPushPath, device.pushBody(batch),
                                                     officer.accessToken); });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK(server.stop(SIGTERM) == 0);  // graceful: in-flight work finishes or is not committed
    pusher.join();

    ServerProcess again(server.dataDir());
    REQUIRE(again.started());
    auto http2 = again.client();
    auto relogged = accounts.ready(http2, "xa02683");
    REQUIRE(relogged.ok());
    SyncClientForTests after(http2, relogged.accessToken, device.deviceId());

    // Every record present is complete (ver 1, its whole body); the applied ones are a prefix of the batch.
    ds::Cursor cursor;
    auto items = after.pullAll(cursor);
    REQUIRE(items.isOk());
    auto records = latest(*items);
    bool gap = false;
    std::size_t present = 0;
    for (const auto& op : batch) {
        auto it = records.find(op.recordId);
        if (it == records.end()) {
            gap = true;
            continue;
        }
        ++present;
        CHECK_FALSE(gap);  // dev_seq order: nothing after a missing op was applied
        CHECK(it->second.ver == 1);
        CHECK(it->second.body == expected[op.recordId]);
    }
    if (firstAnswer.status == 200) {
        auto parsed = ds::parsePushResponse(json::parse(firstAnswer.body));
        REQUIRE(parsed.isOk());
        CHECK(parsed->results.size() == present);  // everything answered was committed
    }

    // The retry: the same request; answers for every op, each applied exactly once.
    auto retry = after.push(batch);
    REQUIRE(retry.isOk());
    REQUIRE(retry->results.size() == batch.size());
    for (const auto& outcome : retry->results) {
        CHECK(outcome.kind == ds::OutcomeKind::Applied);
        CHECK(outcome.ver == 1);
    }
    CHECK(retry->nextExpectedSeq == batch.size() + 1);
    ds::Cursor again0;
    auto all = after.pullAll(again0);
    REQUIRE(all.isOk());
    auto finalRecords = latest(*all);
    for (const auto& op : batch) {
        REQUIRE(finalRecords.count(op.recordId) == 1);
        CHECK(finalRecords.at(op.recordId).ver == 1);
    }
}
