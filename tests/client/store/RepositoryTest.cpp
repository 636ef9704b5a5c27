#include "StoreSupport.h"

#include "core/AuditRepository.h"
#include "core/ReviewCommentRepository.h"
#include "core/SubmissionRepository.h"
#include "core/SyncMetaRepository.h"

#include "base/Uuid.h"

using namespace dantoc;
using namespace dantoc::client;
using dantoc::test::TempDir;

TEST_CASE("submissions: drafts, autosave, paged listing by unit/period/state, server state")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    ManualClock clock;
    SubmissionRepository submissions(store->connection(), clock);
    std::vector<std::string> ids;
    for (int i = 0; i < 120; ++i) {
        clock.advance(1000);
        NewDraft draft{"", "household", 2, i % 2 == 0 ? "xa-a" : "xa-b", i < 60 ? "2025" : "2026", "commune",
                       "{\"i\":" + std::to_string(i) + "}"};
        auto record = submissions.createDraft(draft);
        REQUIRE(record.isOk());
        CHECK(isUuid(record->id));
        ids.push_back(record->id);
    }
    auto firstPage = submissions.list({"xa-a", std::nullopt, std::string("draft"), 50, 0});
    REQUIRE(firstPage.isOk());
    REQUIRE(firstPage->size() == 50);
    CHECK(firstPage->front().id == ids[118]);  // newest first
    CHECK(firstPage->front().updatedAt > firstPage->back().updatedAt);
    auto secondPage = submissions.list({"xa-a", std::nullopt, std::string("draft"), 50, 50});
    REQUIRE(secondPage.isOk());
    CHECK(secondPage->size() == 10);
    auto period = submissions.list({"xa-b", std::string("2025"), std::nullopt, 100, 0});
    REQUIRE(period.isOk());
    CHECK(period->size() == 30);
    CHECK(submissions.list({"xa-c", std::nullopt, std::nullopt, 50, 0})->empty());

    clock.advance(1000);
    REQUIRE(submissions.saveDraftBody(ids[0], "{\"i\":0,\"sua\":true}"));
    CHECK(submissions.get(ids[0])->body == "{\"i\":0,\"sua\":true}");
    CHECK(submissions.list({"xa-a", std::nullopt, std::nullopt, 1, 0})->front().id == ids[0]);
    CHECK(submissions.saveDraftBody(newUuid(), "{}").code() == ErrorCode::NotFound);
    CHECK(submissions.saveDraftBody(ids[0], "{\"i\":").code() == ErrorCode::InvalidArgument);
    CHECK(submissions.saveDraftBody(ids[0], "[1]").code() == ErrorCode::InvalidArgument);
    CHECK(submissions.saveDraftBody(ids[0], "{\"a\":1,\"a\":2}").code() == ErrorCode::InvalidArgument);
    CHECK(submissions.createDraft({ids[1], "household", 2, "xa-a", "2026", "", "{}"}).status().code() ==
          ErrorCode::AlreadyExists);
    CHECK(submissions.createDraft({"", "", 2, "xa-a", "2026", "", "{}"}).status().code() ==
          ErrorCode::InvalidArgument);

    PulledVersion pulled = PulledVersion::of(*submissions.get(ids[0]));
    pulled.state = "submitted";
    pulled.serverVersion = 3;
    pulled.serverBody = "{\"i\":0}";
    pulled.shownBody = "{\"i\":0,\"sua\":true}";
    REQUIRE(submissions.storePulled(pulled));
    auto synced = submissions.get(ids[0]);
    REQUIRE(synced.isOk());
    CHECK(synced->state == "submitted");
    CHECK(synced->serverVersion == 3);
    CHECK(synced->contentVersion == 3);
    CHECK(synced->body == pulled.shownBody);
    auto base = submissions.mergeBase(ids[0]);
    REQUIRE(base.isOk());
    REQUIRE(base->has_value());
    CHECK((*base)->serverVersion == 3);
    CHECK((*base)->body == "{\"i\":0}");
    CHECK(submissions.mergeBase(ids[1])->has_value() == false);
    pulled.serverBody = "[1]";
    CHECK(submissions.storePulled(pulled).code() == ErrorCode::InvalidArgument);
    CHECK(submissions.get(ids[0])->serverVersion == 3);

    // Revoked on the server: the record and its base go; a second removal finds nothing.
    CHECK(*submissions.remove(ids[0]) == true);
    CHECK(submissions.get(ids[0]).status().code() == ErrorCode::NotFound);
    CHECK(submissions.mergeBase(ids[0])->has_value() == false);
    CHECK(*submissions.remove(ids[0]) == false);
    CHECK(submissions.setFlags(ids[0], 1, 0).code() == ErrorCode::NotFound);
    CHECK(submissions.setFlagsIfPresent(ids[0], 1, 0).isOk());
}

TEST_CASE("the commune draft listing uses an index, not a table scan")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    auto plan = store->connection().prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM record WHERE unit = 'x' AND state = 'draft' ORDER BY updated_at DESC "
        "LIMIT 50");
    REQUIRE(plan.isOk());
    std::string text;
    for (auto row = plan->step(); row.isOk() && *row; row = plan->step()) {
        text += plan->columnText(3) + "\n";
    }
    CHECK(text.find("record_by_unit_state") != std::string::npos);
    CHECK(text.find("TEMP B-TREE") == std::string::npos);  // no sort step
}

TEST_CASE("sync meta: device id is created once and kept; cursors per stream")
{
    TempDir dir;
    std::string deviceId;
    {
        auto store = test::createStore(dir.path());
        SyncMetaRepository meta(store->connection());
        auto id = meta.deviceId();
        REQUIRE(id.isOk());
        CHECK(isUuid(*id));
        deviceId = *id;
        CHECK(*meta.deviceId() == deviceId);
        CHECK(meta.cursor("records")->empty());
        REQUIRE(meta.setCursor("records", "epoch1:42"));
        REQUIRE(meta.set(SyncMetaRepository::kServerUrl, "https://dantoc.example.vn"));
    }
    auto store = test::openStore(dir.path());
    SyncMetaRepository meta(store->connection());
    CHECK(*meta.deviceId() == deviceId);
    CHECK(*meta.cursor("records") == "epoch1:42");
    CHECK(meta.cursor("catalogs")->empty());
    CHECK(**meta.get(SyncMetaRepository::kServerUrl) == "https://dantoc.example.vn");
    auto fresh = meta.resetDeviceId();
    REQUIRE(fresh.isOk());
    CHECK(*fresh != deviceId);
    CHECK(*meta.deviceId() == *fresh);
}

TEST_CASE("review comments and the local audit trail")
{
    TempDir dir;
    auto store = test::createStore(dir.path());
    ManualClock clock;
    ReviewCommentRepository comments(store->connection(), clock);
    auto added = comments.add({"", "r1", "so_nhan_khau", "row-7", "huyen.vt", "Số nhân khẩu không khớp", 0,
                               std::nullopt, std::nullopt});
    REQUIRE(added.isOk());
    CHECK(added->createdAt == clock.nowUnixMillis());
    CHECK(comments.add(*added).status().code() == ErrorCode::AlreadyExists);
    CHECK(comments.add({"", "r1", "", "", "", "x", 0, std::nullopt, std::nullopt}).status().code() ==
          ErrorCode::InvalidArgument);
    clock.advance(5000);
    REQUIRE(comments.reply(added->id, "Đã kiểm tra lại"));
    auto list = comments.forRecord("r1");
    REQUIRE(list.isOk());
    REQUIRE(list->size() == 1);
    CHECK(list->front().rowId == "row-7");
    CHECK(list->front().reply == "Đã kiểm tra lại");
    CHECK(list->front().repliedAt == clock.nowUnixMillis());
    CHECK(comments.reply("nope", "x").code() == ErrorCode::NotFound);

    AuditRepository audit(store->connection(), clock);
    REQUIRE(audit.append("xa.enumerator", "create", "r1", "").isOk());
    REQUIRE(audit.append("xa.enumerator", "edit", "r1", "so_nhan_khau").isOk());
    REQUIRE(audit.append("xa.enumerator", "login", "", "").isOk());
    auto trail = audit.list("r1");
    REQUIRE(trail.isOk());
    REQUIRE(trail->size() == 2);
    CHECK(trail->at(0).action == "create");
    CHECK(trail->at(1).detail == "so_nhan_khau");
    CHECK(audit.list("")->size() == 3);
    CHECK(audit.append("", "x", "", "").status().code() == ErrorCode::InvalidArgument);
}
