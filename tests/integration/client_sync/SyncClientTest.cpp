// The client's sync client (client/core/sync) against the real dantoc-server over real TLS, on real SQLCipher
// stores: enrollment with the forced password change and a pinned certificate; entry -> sync -> a second device
// of the account pulls it; a push whose answer was lost is applied once; a return by the province makes the record
// editable with the reviewer's comments and the fix goes back; two devices editing disjoint fields merge,
// overlapping ones give a conflict the client flags; a cloned store (device_fork) gets a new device id.
#include "QtApp.h"
#include "SyncDevice.h"
#include "core/EntryService.h"
#include "core/OutboxRepository.h"
#include "core/ReviewCommentRepository.h"
#include "core/StoreFactory.h"
#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/sync/Enrollment.h"
#include "core/sync/HttpTransport.h"
#include "core/sync/SyncClient.h"
#include "support/FlowAccounts.h"
#include "support/ServerProcess.h"
#include "support/SyncClientForTests.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

#include "base/Uuid.h"

#include <doctest/doctest.h>


using namespace dantoc;
using namespace dantoc::client;
namespace ds = dantoc::sync;

using namespace dantoc::test;
using namespace dantoc::test::client_sync;

TEST_CASE("enroll: pinned fingerprint, forced password change, tokens in the store, device registered")
{
    DemoWorld world{"dantoc-enroll"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice device;
    device.open(dir.path() / "a", true);
    const std::string initial = accounts.password(kOfficer);

    // A wrong pin: refused before any password leaves the machine; nothing stored.
    std::string wrong = HttpTransport::normalizeFingerprint(server.fingerprint());
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    auto refused = Enrollment::enroll(device.db(), {urlOf(server), wrong, kOfficer, initial, std::nullopt, "máy A"});
    CHECK(refused.status().code() == ErrorCode::PermissionDenied);
    CHECK_FALSE(SyncMetaRepository(device.db()).get(SyncMetaRepository::kServerUrl)->has_value());

    // The default password must be changed: without a new one, nothing is stored.
    auto noNew = Enrollment::enroll(device.db(), {urlOf(server), server.fingerprint(), kOfficer, initial, std::nullopt,
                                                  "máy A"});
    CHECK(noNew.status().code() == ErrorCode::FailedPrecondition);
    CHECK_FALSE(SyncMetaRepository(device.db()).get(SyncMetaRepository::kAccessToken)->has_value());
    auto wrongPassword = Enrollment::enroll(device.db(), {urlOf(server), server.fingerprint(), kOfficer, "sai",
                                                          std::string("Mat-khau-moi-9"), "máy A"});
    CHECK(wrongPassword.status().code() == ErrorCode::Unauthenticated);

    const std::string fresh = FlowAccounts::newPasswordFor(kOfficer);
    auto enrolled =
        Enrollment::enroll(device.db(), {urlOf(server), server.fingerprint(), kOfficer, initial, fresh, "máy A"});
    REQUIRE_MESSAGE(enrolled.isOk(), enrolled.status().toString());
    CHECK(enrolled->passwordChanged);
    CHECK(enrolled->device.created);
    CHECK(enrolled->device.deviceId == *SyncMetaRepository(device.db()).deviceId());
    CHECK_FALSE(enrolled->device.serverEpoch.empty());
    SyncMetaRepository meta(device.db());
    CHECK_FALSE((*meta.get(SyncMetaRepository::kAccessToken))->empty());
    CHECK_FALSE((*meta.get(SyncMetaRepository::kRefreshToken))->empty());
    CHECK(**meta.get(SyncMetaRepository::kRegisteredDevice) == enrolled->device.deviceId);

    // The old password no longer works; the new one does, and the device is already bound (200, not 201).
    HttpTransport probe(urlOf(server), server.fingerprint());
    CHECK_FALSE(probe.login(kOfficer, initial).isOk());
    auto again = Enrollment::enroll(device.db(), {urlOf(server), server.fingerprint(), kOfficer, fresh, std::nullopt,
                                                  "máy A"});
    REQUIRE_MESSAGE(again.isOk(), again.status().toString());
    CHECK_FALSE(again->passwordChanged);
    CHECK_FALSE(again->device.created);

    // Another account cannot take this store.
    auto other = Enrollment::enroll(device.db(), {urlOf(server), server.fingerprint(), "admin",
                                                  accounts.password("admin"), std::string("Mat-khau-moi-admin-2026"),
                                                  "máy A"});
    CHECK(other.status().code() == ErrorCode::FailedPrecondition);

    // login: by refresh token, then by password; tokens rotate in the store.
    device.connect();
    const std::string before = **meta.get(SyncMetaRepository::kRefreshToken);
    REQUIRE(Enrollment::login(device.db(), *device.transport, std::nullopt, std::nullopt).isOk());
    CHECK(**meta.get(SyncMetaRepository::kRefreshToken) != before);
    REQUIRE(Enrollment::login(device.db(), *device.transport, fresh, std::nullopt).isOk());
    CHECK(Enrollment::login(device.db(), *device.transport, std::string("sai"), std::nullopt).code() ==
          ErrorCode::Unauthenticated);
}

TEST_CASE("sync: an entry goes to the server, a second device pulls it; a lost answer is applied once")
{
    DemoWorld world{"dantoc-sync"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice a;
    SyncDevice b;
    world.enroll(a, "a", "máy A");
    world.enroll(b, "b", "máy B");

    const Json values = sampleVillageValues();
    const std::string id = a.newRecord(values);
    auto submitted = a.entries->submit(id);
    REQUIRE_MESSAGE(submitted.isOk(), submitted.status().toString());
    REQUIRE_FALSE(submitted->refused);
    CHECK(a.pending() == 2);

    std::vector<dantoc::client::sync::SyncProgress> progress;
    a.client->setProgressHandler([&](const auto& p) { progress.push_back(p); });
    SyncReport report = a.sync();
    CHECK(report.push.applied == 2);
    CHECK(report.push.rejected == 0);
    CHECK(report.pull.records >= 1);
    CHECK(report.bytesSent > 0);
    CHECK(report.bytesReceived > 0);
    REQUIRE_FALSE(progress.empty());
    CHECK(progress.back().phase == dantoc::client::sync::SyncProgress::Phase::Done);
    CHECK(progress.back().bytesSent == report.bytesSent);
    CHECK(a.pending() == 0);
    Submission mine = a.record(id);
    CHECK(mine.state == "submitted");
    CHECK(mine.serverVersion == 2);
    CHECK((mine.flags & SubmissionRepository::kFlagLocalChanges) == 0);
    CHECK(*a.db().queryInt64("SELECT COUNT(*) FROM op_journal WHERE outcome = 'applied'") == 2);
    CHECK(SyncMetaRepository(a.db()).get(SyncMetaRepository::kLastSyncAt)->has_value());

    b.sync();
    Submission theirs = b.record(id);
    CHECK(theirs.state == "submitted");
    CHECK(theirs.serverVersion == 2);
    CHECK(Json::parse(theirs.body) == Json::parse(mine.body));

    // A push whose answer was lost: the server applied the ops, the outbox still holds them. The next cycle
    // re-sends the same ops and gets the stored outcomes: one version each, nothing applied twice.
    const std::string second = a.newRecord(values);
    auto ops = OutboxRepository(a.db()).pending(10);
    REQUIRE(ops.isOk());
    REQUIRE(ops->size() == 1);
    auto http = server.client();
    test::SyncClientForTests raw(http, a.transport->accessToken(), *SyncMetaRepository(a.db()).deviceId());
    auto op = ds::parseOperation(Json::parse((*ops)[0].payload));
    REQUIRE(op.isOk());
    auto lost = raw.push({*op});
    REQUIRE(lost.isOk());
    REQUIRE(lost->results.size() == 1);
    CHECK(lost->results[0].kind == ds::OutcomeKind::Applied);
    CHECK(a.pending() == 1);
    report = a.sync();
    CHECK(report.push.applied == 1);
    CHECK(a.pending() == 0);
    CHECK(a.record(second).serverVersion == 1);
    b.sync();
    CHECK(b.record(second).serverVersion == 1);  // one create, applied once
    CHECK(Json::parse(b.record(second).body) == Json::parse(a.record(second).body));
}

TEST_CASE("sync: a record returned by the province is editable with the comments; the fix goes back")
{
    DemoWorld world{"dantoc-return"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice a;
    world.enroll(a, "a", "máy xã");
    Json values = sampleVillageValues();
    const std::string id = a.newRecord(values);
    REQUIRE_FALSE(a.entries->submit(id)->refused);
    a.sync();
    REQUIRE(a.record(id).state == "submitted");

    // The province reviewer, on another device, returns it with a reason and a field comment.
    auto http = server.client();
    auto admin = accounts.ready(http, "admin");
    REQUIRE(admin.ok());
    test::SyncClientForTests reviewer(http, admin.accessToken);
    REQUIRE(http.post("/api/v1/sync/devices", Json{{"device_id", reviewer.deviceId()}, {"name", "tỉnh"}}.dump(),
                      admin.accessToken)
                .status == 201);
    std::map<std::string, test::HeldRecord> held;
    ds::Cursor cursor;
    auto items = reviewer.pullAll(cursor);
    REQUIRE(items.isOk());
    REQUIRE(test::applyPullItems(*items, held).isOk());
    REQUIRE(held.count(id) == 1);
    const test::HeldRecord seen = held.at(id);
    ds::TransitionIntent ret{"return", seen.state, "returned", seen.ver, std::string("Số hộ nghèo cao bất thường"),
                             {{"households_poor", "Kiểm tra lại số hộ nghèo"}}};
    auto returned = reviewer.push({reviewer.transition(id, {"village_survey", 1}, kVillage, kPeriod, seen.ver, ret)});
    REQUIRE(returned.isOk());
    REQUIRE(returned->results.at(0).kind == ds::OutcomeKind::Applied);

    SyncReport report = a.sync();
    CHECK(report.pull.comments == 2);
    Submission back = a.record(id);
    CHECK(back.state == "returned");
    auto comments = ReviewCommentRepository(a.db()).forRecord(id);
    REQUIRE(comments.isOk());
    REQUIRE(comments->size() == 2);
    bool fieldNote = false;
    for (const auto& comment : *comments) {
        fieldNote = fieldNote || (comment.field == "households_poor" && comment.text == "Kiểm tra lại số hộ nghèo");
    }
    CHECK(fieldNote);

    // Editable again: fix, resubmit, sync; the reviewer sees the fix, submitted.
    const int poor = values["households_poor"];
    values["households_poor"] = poor - 1;
    auto fixed = a.entries->save(id, values);
    REQUIRE_MESSAGE(fixed.isOk(), fixed.status().toString());
    // Issue 15: resubmitting waits for a reply to the field comment.
    CHECK(a.entries->submit(id).status().code() == ErrorCode::FailedPrecondition);
    for (const auto& comment : *comments) {
        if (!comment.field.empty()) {
            REQUIRE(ReviewCommentRepository(a.db()).reply(comment.id, "Đã sửa").isOk());
        }
    }
    auto resubmitted = a.entries->submit(id);
    REQUIRE(resubmitted.isOk());
    REQUIRE_FALSE(resubmitted->refused);
    report = a.sync();
    CHECK(report.push.applied == 2);
    CHECK(report.push.rejected == 0);
    CHECK(a.record(id).state == "submitted");
    items = reviewer.pullAll(cursor);
    REQUIRE(items.isOk());
    REQUIRE(test::applyPullItems(*items, held).isOk());
    CHECK(held.at(id).state == "submitted");
    CHECK(held.at(id).body["households_poor"] == poor - 1);
}

TEST_CASE("sync: disjoint edits from two devices merge; overlapping edits give a conflict the client flags")
{
    DemoWorld world{"dantoc-merge"};
    SyncDevice a;
    SyncDevice b;
    world.enroll(a, "a", "máy A");
    world.enroll(b, "b", "máy B");
    const Json values = sampleVillageValues();
    const std::string id = a.newRecord(values);
    a.sync();
    b.sync();
    REQUIRE(b.record(id).serverVersion == 1);

    // Disjoint: A changes households_total, B households_poor, both from version 1.
    Json fromA = values;
    fromA["households_total"] = values["households_total"].get<int>() + 1;
    Json fromB = values;
    fromB["households_poor"] = values["households_poor"].get<int>() - 1;
    REQUIRE(a.entries->save(id, fromA).isOk());
    REQUIRE(b.entries->save(id, fromB).isOk());
    CHECK(a.sync().push.applied == 1);
    SyncReport merged = b.sync();
    CHECK(merged.push.merged == 1);
    CHECK(merged.push.conflicts == 0);
    a.sync();
    for (SyncDevice* device : {&a, &b}) {
        Json body = Json::parse(device->record(id).body);
        CHECK(body["households_total"] == fromA["households_total"]);
        CHECK(body["households_poor"] == fromB["households_poor"]);
        CHECK(device->record(id).serverVersion == 3);
    }

    // Overlapping: both change households_with_tv from version 3; A is first, B conflicts.
    Json overA = Json::parse(a.record(id).body);
    Json overB = overA;
    overA["households_with_tv"] = 100;
    overB["households_with_tv"] = 200;
    REQUIRE(a.entries->save(id, overA).isOk());
    REQUIRE(b.entries->save(id, overB).isOk());
    CHECK(a.sync().push.applied == 1);
    SyncReport conflict = b.sync();
    CHECK(conflict.push.conflicts == 1);
    Submission flagged = b.record(id);
    CHECK((flagged.flags & SubmissionRepository::kFlagConflict) != 0);
    CHECK((flagged.flags & SubmissionRepository::kFlagNeedsAttention) != 0);
    CHECK(Json::parse(flagged.body)["households_with_tv"] == 100);  // the server kept A's value
    // B's intent is kept in the journal with the conflict id, never silently dropped.
    auto result = b.db().queryText("SELECT result FROM op_journal WHERE outcome = 'conflict'");
    REQUIRE(result.isOk());
    CHECK(result->find("conflict_id") != std::string::npos);
    auto payload = b.db().queryText("SELECT payload FROM op_journal WHERE outcome = 'conflict'");
    REQUIRE(payload.isOk());
    CHECK(payload->find("200") != std::string::npos);
}

TEST_CASE("sync: a cloned store pushes under a new device id after device_fork")
{
    DemoWorld world{"dantoc-fork"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice a;
    world.enroll(a, "a", "máy A");
    const Json values = sampleVillageValues();
    a.newRecord(values);
    a.sync();
    const std::string oldDevice = *SyncMetaRepository(a.db()).deviceId();
    a.store.reset();
    a.client.reset();
    a.transport.reset();
    a.entries.reset();
    std::filesystem::copy(dir.path() / "a", dir.path() / "clone", std::filesystem::copy_options::recursive);

    // Both copies write the next op (same device id, same dev_seq 2); the original syncs first.
    a.open(dir.path() / "a", false);
    a.connect();
    SyncDevice clone;
    clone.open(dir.path() / "clone", false);
    clone.connect();
    const std::string mine = a.newRecord(values);
    const std::string theirs = clone.newRecord(values);
    CHECK(a.sync().push.applied == 1);
    SyncReport forked = clone.sync();
    CHECK(forked.push.forks == 1);
    CHECK(forked.push.applied == 1);
    CHECK(clone.pending() == 0);
    const std::string newDevice = *SyncMetaRepository(clone.db()).deviceId();
    CHECK(newDevice != oldDevice);
    CHECK(clone.record(theirs).serverVersion == 1);
    CHECK(clone.record(mine).serverVersion == 1);  // pulled: the original's record
    a.sync();
    CHECK(a.record(theirs).serverVersion == 1);
}

TEST_CASE("sync: after the server is restored from a backup (epoch change) the client re-pushes what it lost")
{
    DemoWorld world{"dantoc-restore"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice a;
    world.enroll(a, "a", "máy A");
    Json values = sampleVillageValues();
    const std::string kept = a.newRecord(values);
    a.sync();
    const std::string epochBefore = a.sync().push.serverEpoch;

    const auto backup = dir.path() / "backup.db";
    const std::string data = server.dataDir().string();
    REQUIRE(TestServer::runTool({"backup", "--data", data, "--out", backup.string()}) == 0);
    // After the backup: a new record and an edit, both acknowledged by the server that will be rolled back.
    const std::string lost = a.newRecord(values);
    values["households_poor"] = values["households_poor"].get<int>() - 2;
    REQUIRE(a.entries->save(kept, values).isOk());
    CHECK(a.sync().push.applied == 2);
    CHECK(a.pending() == 0);

    REQUIRE(server.stop() == 0);
    REQUIRE(TestServer::runTool({"restore", "--data", data, "--from", backup.string()}) == 0);
    test::ServerProcess again(server.dataDir());
    REQUIRE(again.started());
    // Same certificate, new port: point the store at it.
    REQUIRE(SyncMetaRepository(a.db())
                .set(SyncMetaRepository::kServerUrl,
                     QStringLiteral("https://127.0.0.1:%1").arg(again.port()).toStdString())
                .isOk());
    a.connect();
    SyncReport report = a.sync();
    CHECK(report.push.epochChanged);
    CHECK(report.push.serverEpoch != epochBefore);
    CHECK(report.push.repushed == 2);
    CHECK(a.pending() == 0);
    CHECK(a.record(lost).serverVersion == 1);
    CHECK(a.record(kept).serverVersion == 2);

    // What the server has now, seen by a second device enrolled after the restore.
    SyncDevice b;
    b.open(dir.path() / "b", true);
    auto enrolled = Enrollment::enroll(
        b.db(), {QUrl(QStringLiteral("https://127.0.0.1:%1").arg(again.port())), again.fingerprint(), kOfficer,
                 accounts.password(kOfficer), std::nullopt, "máy B"});
    REQUIRE_MESSAGE(enrolled.isOk(), enrolled.status().toString());
    b.connect();
    b.sync();
    CHECK(b.record(lost).serverVersion == 1);
    CHECK(Json::parse(b.record(kept).body)["households_poor"] == values["households_poor"]);
}

TEST_CASE("sync: an unreachable server fails the cycle with a backoff delay; nothing queued is lost")
{
    DemoWorld world{"dantoc-backoff"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice a;
    world.enroll(a, "a", "máy A");
    a.newRecord(sampleVillageValues());
    REQUIRE(server.stop() == 0);

    auto first = a.client->runCycle();
    CHECK_FALSE(first.isOk());
    CHECK(first.status().code() == ErrorCode::Unavailable);
    CHECK(a.client->retryDelayMillis() >= 500);  // uniform in [d/2, d], d = 1 s after one failure
    CHECK(a.client->retryDelayMillis() <= 1000);
    auto second = a.client->runCycle();
    CHECK_FALSE(second.isOk());
    CHECK(a.client->retryDelayMillis() >= 1000);
    CHECK(a.client->retryDelayMillis() <= 2000);
    CHECK(a.client->backoff().failures() == 2);
    CHECK(a.pending() == 1);
    auto error = SyncMetaRepository(a.db()).get(SyncMetaRepository::kLastSyncError);
    REQUIRE(error.isOk());
    REQUIRE(error->has_value());
    CHECK_FALSE((*error)->empty());
    CHECK_FALSE(SyncMetaRepository(a.db()).get(SyncMetaRepository::kLastSyncAt)->has_value());
    a.client->connectivityChanged();
    CHECK(a.client->backoff().failures() == 0);
}
