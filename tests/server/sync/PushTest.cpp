// Push (sync-protocol.md §4, §6): device binding, idempotent retry, gaps and forks, scope, periods and forms, the
// three-way merge with conflicts, and the protocol's error answers — through the real router and store.
#include "sync/SyncFixture.h"

#include "sync/ZstdCodec.h"

using namespace dantoc;
using namespace dantoc::test;
using nlohmann::json;
namespace ds = dantoc::sync;

TEST_CASE("a device is registered once per account; another account cannot take it; unbound devices cannot push")
{
    SyncFixture f;
    const std::string officer = f.ready("xa02683");
    const std::string other = f.ready("xa02647");
    Device device(f, officer);
    CHECK(device.registerSelf() == 201);
    CHECK(device.registerSelf() == 200);
    Device thief(f, other, device.deviceId());
    CHECK(thief.registerSelf() == 409);
    auto pushed = thief.pushRaw({});
    CHECK(pushed.status == 403);
    CHECK(errorCode(pushed) == "device_not_bound");
    Device unknown(f, officer);
    CHECK(errorCode(unknown.pushRaw({})) == "device_not_bound");
    CHECK(f.post("/api/v1/sync/devices", json{{"device_id", "not-a-uuid"}, {"name", "x"}}.dump(), officer).status ==
          400);
    CHECK(f.post("/api/v1/sync/devices", json{{"device_id", newUuid()}}.dump(), officer).status == 400);
    // An empty push tells the device where it stands.
    auto empty = device.push({});
    CHECK(empty.results.empty());
    CHECK(empty.nextExpectedSeq == 1);
    CHECK_FALSE(empty.serverEpoch.empty());
}

TEST_CASE("an identical retry answers the stored outcomes and applies nothing twice")
{
    SyncFixture f;
    Device device(f, f.ready("xa02683"));
    REQUIRE(device.registerSelf() == 201);
    const std::string id = newUuid();
    const std::vector<ds::Operation> batch{device.create(id, {{"households_total", 100}, {"households_poor", 20}}),
                                           device.edit(id, 1, {{"households_total", {100, 120}}})};
    auto first = device.push(batch);
    REQUIRE(first.results.size() == 2);
    CHECK(first.results[0] == ds::OpOutcome::applied(batch[0].opId, 1));
    CHECK(first.results[1] == ds::OpOutcome::applied(batch[1].opId, 2));
    CHECK(first.nextExpectedSeq == 3);
    for (int retry = 0; retry < 2; ++retry) {
        auto again = device.push(batch);
        CHECK(again.results == first.results);
        CHECK(again.nextExpectedSeq == 3);
    }
    ds::Cursor cursor;
    auto items = device.pullAll(cursor);
    std::vector<std::uint64_t> versions;
    for (const auto& item : items) {
        if (item.recordId == id && item.kind == ds::PullItemKind::Record) {
            versions.push_back(item.ver);
        }
    }
    CHECK(versions == std::vector<std::uint64_t>{1, 2});
    auto record = latestRecords(items).at(id);
    CHECK((*record.body)["households_total"] == 120);
    CHECK(record.state == "draft");
    CHECK(record.level == "commune");
    CHECK(record.opIdsApplied == std::vector<std::string>{batch[1].opId});
}

TEST_CASE("a gap defers the rest of the batch; a different op at a used slot is a fork")
{
    SyncFixture f;
    Device device(f, f.ready("xa02683"));
    REQUIRE(device.registerSelf() == 201);
    auto first = device.create(newUuid(), {{"households_total", 1}});
    REQUIRE(device.push({first}).results.at(0).kind == ds::OutcomeKind::Applied);

    device.setNextSeq(3);  // dev_seq 2 is missing
    auto late = device.create(newUuid(), {{"households_total", 3}});
    auto later = device.create(newUuid(), {{"households_total", 4}});
    auto gap = device.push({late, later});
    REQUIRE(gap.results.size() == 2);
    for (const auto& outcome : gap.results) {
        CHECK(outcome.kind == ds::OutcomeKind::Deferred);
        CHECK(outcome.reason == "out_of_order");
    }
    CHECK(gap.nextExpectedSeq == 2);

    device.setNextSeq(1);  // a restored device database reuses dev_seq 1 for a new op
    auto reused = device.create(newUuid(), {{"households_total", 5}});
    auto fork = device.push({reused});
    CHECK(fork.results.empty());
    REQUIRE(fork.fork.has_value());
    CHECK(fork.fork->devSeq == 1);
    ds::Cursor cursor;
    CHECK(latestRecords(device.pullAll(cursor)).size() == 1);  // neither the deferred nor the forked op applied
}

TEST_CASE("scope, period and form: ops outside them are rejected with stable codes, nothing stored")
{
    SyncFixture f;
    const std::string tokenB = f.ready("xa02647");
    Device a(f, f.ready("xa02683"));
    Device b(f, tokenB);
    REQUIRE(a.registerSelf() == 201);
    REQUIRE(b.registerSelf() == 201);
    const std::string recordOfB = newUuid();
    const std::string villageOfB = "02647-01";
    REQUIRE(b.push({b.create(recordOfB, {{"households_total", 50}}, villageOfB)}).results.at(0).kind ==
            ds::OutcomeKind::Applied);

    auto outside = a.create(newUuid(), {{"households_total", 1}}, villageOfB);
    auto editB = a.edit(recordOfB, 1, {{"households_total", {50, 999}}});
    auto relabelled = a.edit(recordOfB, 1, {{"households_total", {50, 998}}});
    relabelled.unit = kVillageA;  // the stored record's unit counts, not the op's
    auto closed = a.create(newUuid(), {{"households_total", 1}}, kVillageA, "2025-H2");
    auto unknownPeriod = a.create(newUuid(), {{"households_total", 1}}, kVillageA, "2031");
    auto wrongKind = a.create(newUuid(), {{"households_total", 1}}, kVillageA, "2026");  // a half-yearly form
    auto unknownForm = a.create(newUuid(), {{"households_total", 1}});
    unknownForm.form.version = 99;
    auto duplicateRecord = a.create(recordOfB, {{"households_total", 2}});
    auto missing = a.edit(newUuid(), 1, {{"households_total", {1, 2}}});
    auto answer = a.push({outside, editB, relabelled, closed, unknownPeriod, wrongKind, unknownForm, duplicateRecord,
                          missing});
    const std::vector<std::string> expected{"out_of_scope",         "out_of_scope",   "out_of_scope",
                                            "period_closed",        "period_unknown", "period_mismatch",
                                            "form_version_unknown",
                                            "out_of_scope",         "record_not_found"};
    REQUIRE(answer.results.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(answer.results[i].kind == ds::OutcomeKind::Rejected);
        CHECK(answer.results[i].code == expected[i]);
        CHECK_FALSE(answer.results[i].message.vi.empty());
    }
    CHECK(answer.nextExpectedSeq == expected.size() + 1);  // rejected ops consume their dev_seq
    ds::Cursor cursor;
    auto ofB = latestRecords(b.pullAll(cursor));
    CHECK((*ofB.at(recordOfB).body)["households_total"] == 50);
    ds::Cursor cursorA;
    CHECK(latestRecords(a.pullAll(cursorA)).empty());  // A sees nothing of B
    // B's record id created again by another device of B is record_exists.
    Device b2(f, tokenB);
    REQUIRE(b2.registerSelf() == 201);
    CHECK(b2.push({b2.create(recordOfB, {{"households_total", 3}}, villageOfB)}).results.at(0).code == "record_exists");
}

TEST_CASE("stale edits: disjoint fields merge, overlapping ones conflict and both devices see the flag")
{
    SyncFixture f;
    const std::string token = f.ready("xa02683");
    Device one(f, token);
    Device two(f, token);
    REQUIRE(one.registerSelf() == 201);
    REQUIRE(two.registerSelf() == 201);
    const std::string id = newUuid();
    REQUIRE(one.push({one.create(id, {{"households_total", 100}, {"households_poor", 20}, {"households_near_poor", 10}})})
                .results.at(0)
                .kind == ds::OutcomeKind::Applied);
    auto first = one.push({one.edit(id, 1, {{"households_poor", {20, 25}}})}).results.at(0);
    CHECK(first.kind == ds::OutcomeKind::Applied);
    CHECK(first.ver == 2);
    auto merged = two.push({two.edit(id, 1, {{"households_near_poor", {10, 12}}})}).results.at(0);
    CHECK(merged.kind == ds::OutcomeKind::Merged);
    CHECK(merged.ver == 3);
    CHECK(merged.fields.empty());  // nobody else touched households_near_poor
    CHECK(one.push({one.edit(id, 3, {{"households_total", {100, 110}}})}).results.at(0).ver == 4);
    auto conflict = two.push({two.edit(id, 3, {{"households_total", {100, 130}}, {"households_poor", {25, 26}}})})
                        .results.at(0);
    REQUIRE(conflict.kind == ds::OutcomeKind::Conflict);
    CHECK(conflict.ver == 5);  // households_poor applied, households_total kept at the server's value
    CHECK_FALSE(conflict.conflictId.empty());
    for (Device* device : {&one, &two}) {
        ds::Cursor cursor;
        auto record = latestRecords(device->pullAll(cursor)).at(id);
        CHECK((*record.body)["households_total"] == 110);
        CHECK((*record.body)["households_poor"] == 26);
        CHECK((*record.body)["households_near_poor"] == 12);
        CHECK(record.flags == std::vector<std::string>{"conflict"});
    }
    // The conflict is listed with both values, and resolving it drops the flag.
    auto listed = f.call("GET", "/api/v1/conflicts", {}, token);
    REQUIRE(listed.status == 200);
    auto conflicts = json::parse(listed.body)["conflicts"];
    REQUIRE(conflicts.size() == 1);
    const json field = conflicts[0]["detail"]["fields"][0];
    CHECK(field["path"] == "households_total");
    CHECK(field["server"] == 110);
    CHECK(field["client"] == 130);
    const std::string conflictId = conflicts[0]["conflict_id"];
    CHECK(f.call("POST", "/api/v1/conflicts/" + conflictId + "/resolve", {}, f.ready("xa02647")).status == 404);
    CHECK(f.call("POST", "/api/v1/conflicts/" + conflictId + "/resolve", {}, token).status == 200);
    ds::Cursor cursor;
    CHECK(latestRecords(one.pullAll(cursor)).at(id).flags.empty());
}

TEST_CASE("malformed, oversized, compressed and wrong-protocol bodies get the protocol's errors")
{
    SyncFixture f;
    const std::string token = f.ready("xa02683");
    Device device(f, token);
    REQUIRE(device.registerSelf() == 201);
    auto garbage = f.post("/api/v1/sync/push", "{\"protocol\":1,", token);
    CHECK(garbage.status == 400);
    CHECK(errorCode(garbage) == "invalid_message");
    auto wrongType = f.post("/api/v1/sync/push", json{{"protocol", 1}, {"device_id", device.deviceId()}, {"ops", 7}}.dump(), token);
    CHECK(wrongType.status == 400);
    auto future = f.post("/api/v1/sync/push", json{{"protocol", 2}, {"device_id", device.deviceId()}, {"ops", json::array()}}.dump(), token);
    CHECK(future.status == 426);
    CHECK(errorCode(future) == "protocol_version");
    auto brotli = f.post("/api/v1/sync/push", device.pushBody({}), token, {{"content-encoding", "br"}});
    CHECK(brotli.status == 415);

    // zstd both ways: a compressed request, a compressed answer.
    const std::string id = newUuid();
    auto body = ds::zstdCompress(device.pushBody({device.create(id, {{"households_total", 7}})}));
    REQUIRE(body.isOk());
    auto zipped = f.post("/api/v1/sync/push", *body, token, {{"content-encoding", "zstd"}, {"accept-encoding", "zstd"}});
    REQUIRE(zipped.status == 200);
    CHECK(std::find(zipped.headers.begin(), zipped.headers.end(),
                    std::pair<std::string, std::string>{"Content-Encoding", "zstd"}) != zipped.headers.end());
    auto decoded = ds::zstdDecompress(zipped.body, 1 << 20);
    REQUIRE(decoded.isOk());
    auto answer = ds::parsePushResponse(json::parse(*decoded));
    REQUIRE(answer.isOk());
    CHECK(answer->results.at(0).kind == ds::OutcomeKind::Applied);

    // A zip bomb: a frame declaring more than the route's decoded limit.
    auto bomb = ds::zstdCompress(std::string(3 * 1024 * 1024, ' '));
    REQUIRE(bomb.isOk());
    auto exploded = f.post("/api/v1/sync/push", *bomb, token, {{"content-encoding", "zstd"}});
    CHECK(exploded.status == 413);
    CHECK(errorCode(exploded) == "too_large");
}
