// Round trips and strict rejection of every sync message (Operation, push, pull, blob, error bodies).
#include "SyncTestData.h"

#include "sync/BlobMessages.h"
#include "sync/JsonReader.h"
#include "sync/OpOrdering.h"
#include "sync/PullMessages.h"
#include "sync/PushMessages.h"
#include "sync/SyncTuning.h"

#include <doctest/doctest.h>

#include "support/Files.h"

#include <filesystem>
#include <functional>
#include <string>

using namespace dantoc;
using namespace dantoc::sync;
using namespace dantoc::sync::test;

namespace {

// Serialize to text and back through the defensive parser, as on the wire.
template <typename T, typename Parse>
T throughText(const Json& json, Parse parse)
{
    const std::string text = serializeJson(json);
    auto reparsed = parseMessageJson(text, tuning::kPushDecodedMaxBytes);
    REQUIRE_MESSAGE(reparsed.isOk(), reparsed.status().toString());
    auto value = parse(*reparsed);
    REQUIRE_MESSAGE(value.isOk(), value.status().toString());
    return *value;
}

Status opStatus(const Json& json) { return parseOperation(json, "op").status(); }

void expectRejected(const Status& status, const std::string& needle)
{
    CHECK_FALSE(status.isOk());
    CHECK_MESSAGE(status.message().find(needle) != std::string::npos, status.toString() << " lacks " << needle);
}

}  // namespace

TEST_CASE("every operation kind survives a round trip through text")
{
    Operation edit = editOp(7);
    edit.blobs = {kSha};
    edit.clientTime = 1'700'000'000'123;

    Operation create = editOp(1);
    create.kind = OpKind::Create;
    create.baseVer = 0;
    create.set.clear();
    create.set["village_name"] = {Json(), Json("Bản Mần Nưa Dào")};
    create.set["members"] = {Json(), Json::array({Json{{"_id", kRow1}, {"age", 3}}})};

    Operation transition = editOp(2);
    transition.kind = OpKind::Transition;
    transition.set.clear();
    transition.transition = TransitionIntent{"return", "submitted", "returned", 7, "Thiếu số liệu hộ nghèo",
                                             {{"households_poor", "Kiểm tra lại"}}};

    Operation comment = editOp(3);
    comment.kind = OpKind::Comment;
    comment.set.clear();
    comment.comment = CommentIntent{"Đã xác minh tại thôn", "households_poor"};

    Operation amend = editOp(4);
    amend.kind = OpKind::Amend;
    amend.comment = CommentIntent{"Sửa sau khi phê duyệt", std::nullopt};

    for (const Operation& op : {edit, create, transition, comment, amend}) {
        CAPTURE(opKindName(op.kind));
        const Operation back = throughText<Operation>(toJson(op), [](const Json& j) { return parseOperation(j); });
        CHECK(back == op);
    }
}

TEST_CASE("push request and response round trip, with every outcome and the device fork")
{
    PushRequest request;
    request.deviceId = kDevice;
    request.ops = {editOp(5), editOp(6)};
    CHECK(throughText<PushRequest>(toJson(request), parsePushRequest) == request);

    PushResponse response;
    response.results = {
        OpOutcome::applied(opId(1), 8),
        OpOutcome::merged(opId(2), 9, {"households_total", "members[" + kRow1 + "].age"}),
        OpOutcome::conflict(opId(3), 10, kRow1),
        OpOutcome::rejected(opId(4), "stale_review", {"Đã có phiên bản mới hơn", "A newer version exists"}),
        OpOutcome::deferred(opId(5), std::string(kDeferredAwaitingAttachment)),
    };
    response.nextExpectedSeq = 6;
    response.serverEpoch = "e-7f3a";
    CHECK(throughText<PushResponse>(toJson(response), parsePushResponse) == response);
    response.fork = DeviceFork{4};
    response.results.resize(3);
    CHECK(throughText<PushResponse>(toJson(response), parsePushResponse) == response);

    ErrorResponse error{"protocol_version", {"Phiên bản giao thức không hỗ trợ", "Unsupported protocol version"}};
    CHECK(throughText<ErrorResponse>(error.toJson(), parseErrorResponse) == error);
}

TEST_CASE("pull request and response round trip, with body, patch, deletion, revoke and comment items")
{
    PullRequest request{1, Cursor{"e-7f3a", 41}, 16384, 20000};
    CHECK(throughText<PullRequest>(toJson(request), parsePullRequest) == request);
    PullRequest first{1, Cursor{"", 0}, 4096, 0};
    CHECK(throughText<PullRequest>(toJson(first), parsePullRequest) == first);

    PullItem full;
    full.seq = 42;
    full.recordId = kRecord;
    full.ver = 3;
    full.state = "submitted";
    full.level = "commune";
    full.form = {"DT-TH01", 3};
    full.unit = "0164500000";
    full.period = "2024-H2";
    full.body = Json{{"households_total", 376}, {"members", Json::array({Json{{"_id", kRow1}, {"age", 30}}})}};
    full.opIdsApplied = {opId(1), opId(2)};
    full.flags = {"needs_attention"};

    PullItem patch = full;
    patch.seq = 43;
    patch.ver = 4;
    patch.body.reset();
    patch.patch = RecordPatch{3, {{"households_total", {Json(376), Json(380)}}}};

    PullItem deleted = full;
    deleted.seq = 44;
    deleted.body.reset();
    deleted.deleted = true;

    PullItem revoke;
    revoke.seq = 45;
    revoke.kind = PullItemKind::Revoke;
    revoke.recordId = kRecord;

    PullItem comment;
    comment.seq = 46;
    comment.kind = PullItemKind::Comment;
    comment.recordId = kRecord;
    comment.commentId = opId(9);
    comment.author = "Nguyễn Thị Hoa";
    comment.at = 1'700'000'000'000;
    comment.text = "Số hộ nghèo tăng bất thường";
    comment.field = "households_poor";

    PullResponse response{"e-7f3a", false, {full, patch, deleted, revoke, comment}, Cursor{"e-7f3a", 46}, true};
    CHECK(throughText<PullResponse>(toJson(response), parsePullResponse) == response);

    PullResponse reset{"e-new", true, {}, Cursor{"e-new", 0}, true};
    CHECK(throughText<PullResponse>(toJson(reset), parsePullResponse) == reset);
}

TEST_CASE("blob upload messages round trip")
{
    BlobUploadStart start{kSha, 5'000'000};
    CHECK(throughText<BlobUploadStart>(start.toJson(), parseBlobUploadStart) == start);
    BlobUploadStatus status{kSha, 5'000'000, 65536, false};
    CHECK(throughText<BlobUploadStatus>(status.toJson(), parseBlobUploadStatus) == status);
    BlobUploadStatus done{kSha, 10, 10, true};
    CHECK(throughText<BlobUploadStatus>(done.toJson(), parseBlobUploadStatus) == done);
}

TEST_CASE("operation parser rejects wrong types, unknown keys, missing fields and bad values, naming the path")
{
    const Json valid = toJson(editOp(7));
    REQUIRE(opStatus(valid).isOk());

    struct Case {
        const char* name;
        std::function<void(Json&)> mutate;
        const char* needle;
    };
    const Case cases[] = {
        {"unknown top-level key", [](Json& j) { j["extra"] = 1; }, "op.extra: unknown key"},
        {"unknown nested key", [](Json& j) { j["form"]["extra"] = 1; }, "op.form.extra: unknown key"},
        {"dev_seq as string", [](Json& j) { j["dev_seq"] = "7"; }, "op.dev_seq: expected an integer"},
        {"dev_seq negative", [](Json& j) { j["dev_seq"] = -1; }, "op.dev_seq"},
        {"dev_seq zero", [](Json& j) { j["dev_seq"] = 0; }, "op.dev_seq"},
        {"dev_seq fractional", [](Json& j) { j["dev_seq"] = 1.5; }, "op.dev_seq"},
        {"dev_seq beyond 2^53", [](Json& j) { j["dev_seq"] = (1ull << 53); }, "op.dev_seq"},
        {"dev_seq max uint64", [](Json& j) { j["dev_seq"] = ~0ull; }, "op.dev_seq"},
        {"dev_seq huge float", [](Json& j) { j["dev_seq"] = 1e30; }, "op.dev_seq"},
        {"op_id not a UUID", [](Json& j) { j["op_id"] = "not-a-uuid"; }, "op.op_id: expected a lower-case UUID"},
        {"op_id upper case", [](Json& j) { j["op_id"] = "0B9A3C1E-4F6D-4E2A-9C1B-7D8E9F0A1B2C"; }, "op.op_id"},
        {"record_id number", [](Json& j) { j["record_id"] = 5; }, "op.record_id: expected a string"},
        {"missing op_id", [](Json& j) { j.erase("op_id"); }, "op.op_id: required key is missing"},
        {"missing device_id", [](Json& j) { j.erase("device_id"); }, "op.device_id: required"},
        {"missing form", [](Json& j) { j.erase("form"); }, "op.form: required"},
        {"missing form version", [](Json& j) { j["form"].erase("version"); }, "op.form.version: required"},
        {"missing unit", [](Json& j) { j.erase("unit"); }, "op.unit: required"},
        {"missing period", [](Json& j) { j.erase("period"); }, "op.period: required"},
        {"missing base_ver", [](Json& j) { j.erase("base_ver"); }, "op.base_ver: required"},
        {"missing kind", [](Json& j) { j.erase("kind"); }, "op.kind: required"},
        {"unknown kind", [](Json& j) { j["kind"] = "delete"; }, "op.kind: expected one of"},
        {"unit with a space", [](Json& j) { j["unit"] = "01 645"; }, "op.unit"},
        {"form not an object", [](Json& j) { j["form"] = "DT-TH01"; }, "op.form: expected an object"},
        {"set not an object", [](Json& j) { j["set"] = Json::array(); }, "op.set: expected an object"},
        {"set bad path", [](Json& j) { j["set"]["a b"] = {1, 2}; }, "op.set.a b"},
        {"set index path", [](Json& j) { j["set"]["members[0"] = {1, 2}; }, "missing ]"},
        {"set not a pair", [](Json& j) { j["set"]["households_total"] = {1}; }, "expected [old, new]"},
        {"set old equals new", [](Json& j) { j["set"]["households_total"] = {1, 1}; }, "old and new values are equal"},
        {"set row id mismatch",
         [](Json& j) { j["set"]["members[" + kRow2 + "]"][1]["_id"] = kRow1; }, "the row's _id differs"},
        {"set row not an object", [](Json& j) { j["set"]["members[" + kRow2 + "]"][1] = 5; }, "must be an object"},
        {"set overlapping row and column",
         [](Json& j) { j["set"]["members[" + kRow2 + "].age"] = {1, 2}; }, "overlaps"},
        {"set whole roster and a row", [](Json& j) { j["set"]["members"] = {nullptr, Json::array()}; }, "overlaps"},
        {"set _id column", [](Json& j) { j["set"]["members[" + kRow1 + "]._id"] = {"a", "b"}; }, "_id"},
        {"edit without changes", [](Json& j) { j.erase("set"); }, "op.set: edit needs at least one change"},
        {"create with a base version", [](Json& j) { j["kind"] = "create"; }, "op.base_ver: must be 0"},
        {"edit with base 0", [](Json& j) { j["base_ver"] = 0; }, "op.base_ver: must be >= 1"},
        {"transition without intent", [](Json& j) { j["kind"] = "transition"; }, "op.transition: required"},
        {"comment without text", [](Json& j) { j["kind"] = "comment"; }, "op.comment: required"},
        {"comment empty text",
         [](Json& j) {
             j["kind"] = "comment";
             j.erase("set");
             j["comment"] = Json{{"text", ""}};
         },
         "op.comment.text: must not be empty"},
        {"transition with a set",
         [](Json& j) {
             j["kind"] = "transition";
             j["transition"] = Json{{"action", "submit"}, {"from", "draft"}, {"to", "submitted"}, {"content_ver", 4}};
         },
         "op.set: not allowed"},
        {"transition missing content_ver",
         [](Json& j) {
             j["kind"] = "transition";
             j.erase("set");
             j["transition"] = Json{{"action", "submit"}, {"from", "draft"}, {"to", "submitted"}};
         },
         "op.transition.content_ver: required"},
        {"blob not a sha256", [](Json& j) { j["blobs"] = {"abc"}; }, "op.blobs[0]: expected a SHA-256"},
        {"blob upper case", [](Json& j) { j["blobs"] = {std::string(64, 'A')}; }, "op.blobs[0]"},
        {"blob twice", [](Json& j) { j["blobs"] = {kSha, kSha}; }, "op.blobs[1]: listed twice"},
        {"comment too long",
         [](Json& j) {
             j["kind"] = "amend";
             j["comment"] = Json{{"text", std::string(tuning::kMaxTextBytes + 1, 'x')}};
         },
         "op.comment.text: string longer"},
        {"not an object", [](Json& j) { j = Json::array(); }, "op: expected an object"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        Json j = valid;
        c.mutate(j);
        expectRejected(opStatus(j), c.needle);
    }
}

TEST_CASE("the text parser rejects duplicate keys, oversize and over-deep documents")
{
    auto dup = parseMessageJson(R"({"protocol":1,"protocol":1,"device_id":"x","ops":[]})", 1024);
    REQUIRE_FALSE(dup.isOk());
    CHECK(dup.status().message().find("duplicate key") != std::string::npos);

    const std::string big = serializeJson(toJson(PushRequest{1, kDevice, {editOp(1)}}));
    auto oversize = parseMessageJson(big, big.size() - 1);
    REQUIRE_FALSE(oversize.isOk());
    CHECK(oversize.status().code() == ErrorCode::ResourceExhausted);
    CHECK(parseMessageJson(big, big.size()).isOk());

    auto infinite = parseMessageJson(R"({"set":{"a":[1,1e400]}})", 1024);
    REQUIRE_FALSE(infinite.isOk());
    CHECK(infinite.status().message().find("range") != std::string::npos);

    std::string deep(tuning::kMaxJsonDepth + 1, '[');
    deep += std::string(tuning::kMaxJsonDepth + 1, ']');
    auto tooDeep = parseMessageJson(deep, 1 << 20);
    REQUIRE_FALSE(tooDeep.isOk());
    CHECK(tooDeep.status().code() == ErrorCode::ResourceExhausted);
}

TEST_CASE("push request invariants: one device, increasing dev_seq, distinct op_id, protocol, size")
{
    PushRequest request{1, kDevice, {editOp(5), editOp(6)}};
    REQUIRE(parsePushRequest(toJson(request)).isOk());

    Json j = toJson(request);
    j["ops"][1]["device_id"] = "11111111-2222-4333-8444-555555555555";
    expectRejected(parsePushRequest(j).status(), "ops[1].device_id: differs");

    j = toJson(request);
    j["ops"][1]["dev_seq"] = 5;
    expectRejected(parsePushRequest(j).status(), "ops[1].dev_seq: not greater");

    j = toJson(request);
    j["ops"][1]["op_id"] = j["ops"][0]["op_id"];
    expectRejected(parsePushRequest(j).status(), "ops[1].op_id: appears twice");

    j = toJson(request);
    j["ops"][1]["dev_seq"] = "6";
    expectRejected(parsePushRequest(j).status(), "ops[1].dev_seq: expected an integer");

    j = toJson(request);
    j["protocol"] = 2;
    auto wrongVersion = parsePushRequest(j);
    REQUIRE_FALSE(wrongVersion.isOk());
    CHECK(wrongVersion.status().code() == ErrorCode::FailedPrecondition);

    j = toJson(request);
    j.erase("protocol");
    expectRejected(parsePushRequest(j).status(), "protocol: required");

    PushRequest tooMany{1, kDevice, {}};
    for (std::uint64_t i = 1; i <= tuning::kMaxOpsPerPush + 1; ++i) {
        tooMany.ops.push_back(editOp(i));
    }
    expectRejected(parsePushRequest(toJson(tooMany)).status(), "ops: more than");

    PushRequest empty{1, kDevice, {}};
    CHECK(parsePushRequest(toJson(empty)).isOk());  // a no-op push to learn next_expected_seq and the epoch
}

TEST_CASE("push response and outcome rejections")
{
    Json applied = OpOutcome::applied(opId(1), 3).toJson();
    applied["code"] = "x";
    expectRejected(parseOpOutcome(applied).status(), "code: unknown key");

    Json rejected = OpOutcome::rejected(opId(1), "state_changed", {"vi", "en"}).toJson();
    rejected.erase("message");
    expectRejected(parseOpOutcome(rejected).status(), "message: required");
    rejected["message"] = Json{{"vi", "x"}};
    expectRejected(parseOpOutcome(rejected).status(), "message.en: required");

    Json conflict = OpOutcome::conflict(opId(1), 3, "nope").toJson();
    expectRejected(parseOpOutcome(conflict).status(), "conflict_id: expected a lower-case UUID");

    Json unknown = OpOutcome::applied(opId(1), 3).toJson();
    unknown["outcome"] = "dropped";
    expectRejected(parseOpOutcome(unknown).status(), "outcome: expected one of");

    PushResponse response{{OpOutcome::applied(opId(1), 3)}, 2, "e1", std::nullopt};
    Json j = toJson(response);
    j["next_expected_seq"] = 0;
    expectRejected(parsePushResponse(j).status(), "next_expected_seq");
    j = toJson(response);
    j["results"][0]["ver"] = -3;
    expectRejected(parsePushResponse(j).status(), "results[0].ver");
    j = toJson(response);
    j["device_fork"] = Json{{"dev_seq", 3}, {"why", 1}};
    expectRejected(parsePushResponse(j).status(), "device_fork.why: unknown key");
}

TEST_CASE("pull message rejections")
{
    Json request = toJson(PullRequest{1, Cursor{"", 0}, 16384, 0});
    request["cursor"]["seq"] = 5;
    expectRejected(parsePullRequest(request).status(), "cursor.seq: must be 0 while the epoch is empty");
    request = toJson(PullRequest{1, Cursor{"e1", 5}, 16384, 0});
    request["limit_bytes"] = 10;
    expectRejected(parsePullRequest(request).status(), "limit_bytes");
    request["limit_bytes"] = 16384;
    request["wait_ms"] = tuning::kLongPollMaxMillis + 1;
    expectRejected(parsePullRequest(request).status(), "wait_ms");

    PullItem item;
    item.seq = 10;
    item.recordId = kRecord;
    item.ver = 2;
    item.state = "draft";
    item.form = {"DT-TH01", 3};
    item.unit = "0164500000";
    item.period = "2024-H2";
    item.body = Json::object();
    PullResponse response{"e1", false, {item}, Cursor{"e1", 10}, false};
    REQUIRE(parsePullResponse(toJson(response)).isOk());

    Json j = toJson(response);
    j["items"][0]["patch"] = Json{{"base_ver", 1}, {"set", Json::object()}};
    expectRejected(parsePullResponse(j).status(), "exactly one of body and patch");
    j = toJson(response);
    j["items"][0].erase("body");
    expectRejected(parsePullResponse(j).status(), "exactly one of body and patch");
    j = toJson(response);
    j["items"][0].erase("body");
    j["items"][0]["patch"] = Json{{"base_ver", 2}, {"set", Json::object()}};
    expectRejected(parsePullResponse(j).status(), "base_ver must be older");
    j = toJson(response);
    j["items"][0]["body"] = Json::array();
    expectRejected(parsePullResponse(j).status(), "items[0].body: expected an object");
    j = toJson(response);
    j["items"].push_back(j["items"][0]);
    expectRejected(parsePullResponse(j).status(), "items[1].seq: not greater");
    j = toJson(response);
    j["next"]["epoch"] = "e2";
    expectRejected(parsePullResponse(j).status(), "next: epoch differs");
    j = toJson(response);
    j["next"]["seq"] = 9;
    expectRejected(parsePullResponse(j).status(), "next: seq is behind");
    j = toJson(response);
    j["epoch_reset"] = true;
    expectRejected(parsePullResponse(j).status(), "epoch_reset answer carries no items");
    j = toJson(response);
    j["items"][0]["kind"] = "revoke";
    expectRejected(parsePullResponse(j).status(), "items[0].body: unknown key");  // first extra key
    j = toJson(response);
    j["items"][0]["op_ids_applied"] = {"x"};
    expectRejected(parsePullResponse(j).status(), "items[0].op_ids_applied[0]");
}

TEST_CASE("blob upload header codecs, chunk boundaries and chunk checks")
{
    CHECK(*parseUploadOffset("0") == 0);
    CHECK(*parseUploadOffset("32768") == 32768);
    for (const char* bad : {"", "-1", "+5", " 5", "05", "5 ", "1e3", "99999999999999999"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseUploadOffset(bad).isOk());
    }
    CHECK(*parseChecksumHeader(formatChecksumHeader(kSha)) == kSha);
    CHECK_FALSE(parseChecksumHeader("sha1 " + kSha).isOk());
    CHECK_FALSE(parseChecksumHeader("sha256 abc").isOk());

    const std::uint64_t c = tuning::kBlobChunkBytes;
    CHECK(chunkLengthAt(5 * c + 7, 0) == c);
    CHECK(chunkLengthAt(5 * c + 7, 5 * c) == 7);
    CHECK(chunkLengthAt(5 * c + 7, c + 100) == c - 100);  // resume inside a chunk: run to the next boundary
    CHECK(chunkLengthAt(5 * c + 7, 5 * c + 7) == 0);

    BlobUploadStatus stored{kSha, 3 * c, c, false};
    const std::string chunkSha(64, 'b');
    CHECK(checkChunk(stored, BlobChunk{kSha, c, c, chunkSha}).isOk());
    CHECK(checkChunk(stored, BlobChunk{kSha, 0, c, chunkSha}).code() == ErrorCode::Conflict);
    CHECK(checkChunk(stored, BlobChunk{kSha, c, c - 1, chunkSha}).code() == ErrorCode::InvalidArgument);
    CHECK(checkChunk(stored, BlobChunk{kSha, c, c, "nope"}).code() == ErrorCode::InvalidArgument);
    CHECK(checkChunk(stored, BlobChunk{chunkSha, c, c, chunkSha}).code() == ErrorCode::InvalidArgument);
    stored.offset = stored.size;
    stored.complete = true;
    CHECK(checkChunk(stored, BlobChunk{kSha, stored.size, 0, chunkSha}).code() == ErrorCode::AlreadyExists);

    Json start = BlobUploadStart{kSha, 0}.toJson();
    expectRejected(parseBlobUploadStart(start).status(), "size");
    start = BlobUploadStart{kSha, tuning::kBlobMaxBytes + 1}.toJson();
    expectRejected(parseBlobUploadStart(start).status(), "size");
    Json status = BlobUploadStatus{kSha, 10, 11, false}.toJson();
    expectRejected(parseBlobUploadStatus(status).status(), "offset: beyond");
    status = BlobUploadStatus{kSha, 10, 5, true}.toJson();
    expectRejected(parseBlobUploadStatus(status).status(), "complete");
}

TEST_CASE("the fuzz corpus seeds are what their names say (so the fuzzer starts from valid messages)")
{
    const auto dir = std::filesystem::path(DANTOC_SOURCE_DIR) / "tests" / "fuzz" / "sync" / "corpus";
    auto load = [&](const char* name) {
        auto json = parseMessageJson(dantoc::test::readFile(dir / name), tuning::kPushDecodedMaxBytes);
        REQUIRE_MESSAGE(json.isOk(), name << ": " << json.status().toString());
        return *json;
    };
    for (const char* name : {"push_edit.json", "push_create.json", "push_transition.json",
                             "push_comment_amend.json", "push_conflicting_set.json", "push_shape_error.json"}) {
        CAPTURE(name);
        auto push = parsePushRequest(load(name));
        CHECK_MESSAGE(push.isOk(), push.status().toString());
    }
    CHECK(parsePushResponse(load("push_response.json")).isOk());
    CHECK(parsePushResponse(load("push_response_fork.json")).isOk());
    CHECK(parsePullRequest(load("pull_request.json")).isOk());
    CHECK(parsePullResponse(load("pull_response.json")).isOk());
    CHECK(parsePullResponse(load("pull_response_reset.json")).isOk());
    CHECK(parseBlobUploadStart(load("blob_start.json")).isOk());
    CHECK(parseBlobUploadStatus(load("blob_status.json")).isOk());
    CHECK(parseErrorResponse(load("error.json")).isOk());
    FieldSet set;
    CHECK(parseFieldSet(load("field_set.json"), "set", set).isOk());
}
