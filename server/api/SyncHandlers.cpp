// Sync routes (shared/docs/sync-protocol.md): POST /api/v1/sync/devices, /sync/push, /sync/pull, with zstd bodies
// both ways and the protocol's error body {"error": {"code", "message": {"vi", "en"}}}; plus the REST views of
// the same data for review tools: GET /api/v1/records[/{id}], GET /api/v1/conflicts and
// POST /api/v1/conflicts/{id}/resolve. Every record is filtered by the caller's scope (404, never 403, for a
// record outside it: its existence is not disclosed).
#include "api/ApiContext.h"
#include "api/HandlerUtil.h"
#include "base/Uuid.h"
#include "http/Router.h"
#include "store/SyncRows.h"
#include "sync/JsonReader.h"
#include "sync/SyncEngine.h"
#include "sync/WireCodec.h"
#include "workflow/WorkflowTypes.h"

#include <algorithm>
#include <iterator>
#include <memory>

namespace dantoc::server {

namespace {

ApiResponse syncError(int status, const std::string& code, const std::string& vi, const std::string& en)
{
    // The English text may quote client bytes (a parser's message): invalid UTF-8 becomes U+FFFD, never a throw.
    return ApiResponse::json(status, sync::ErrorResponse{code, {vi, en}}.toJson().dump(
                                         -1, ' ', false, Json::error_handler_t::replace));
}

// The protocol's answer for a decoding or parsing failure (sync-protocol.md §1 error table).
ApiResponse messageError(const Status& status)
{
    switch (status.code()) {
    case ErrorCode::ResourceExhausted:
        return syncError(413, "too_large", "Yêu cầu quá lớn", "The request is too large: " + status.message());
    case ErrorCode::FailedPrecondition:
        if (status.message().find("protocol") != std::string::npos) {
            return syncError(426, "protocol_version", "Phiên bản giao thức không được hỗ trợ",
                             "Unsupported protocol version");
        }
        if (status.message().find("dictionary") != std::string::npos) {
            return syncError(415, "unknown_dictionary", "Từ điển nén không xác định", status.message());
        }
        return syncError(415, "unsupported_encoding", "Kiểu nén không được hỗ trợ", status.message());
    default:
        return syncError(400, "invalid_message", "Thông điệp không hợp lệ", status.message());
    }
}

ApiResponse storageError(const Status& status)
{
    if (status.code() == ErrorCode::Unavailable) {
        ApiResponse busy = syncError(503, "busy", "Máy chủ đang bận, vui lòng thử lại", "Server busy; retry");
        busy.headers.emplace_back("Retry-After", "2");
        return busy;
    }
    return syncError(500, "internal", "Lỗi máy chủ", "Internal error");
}

// Decodes a sync request body per its Content-Encoding and the route's limits.
Result<Json> decodeRequest(const ApiRequest& request, const sync::RouteLimits& limits)
{
    const std::string* header = request.header("content-encoding");
    auto encoding = sync::parseContentEncoding(header ? *header : std::string_view{});
    if (!encoding) {
        return encoding.status();
    }
    return sync::decodeMessage(request.body, *encoding, limits);
}

bool acceptsZstd(const ApiRequest& request)
{
    const std::string* accept = request.header("accept-encoding");
    return accept && accept->find("zstd") != std::string::npos;
}

// `message` with `status`, zstd-compressed when the client accepts it.
ApiResponse encodeAnswer(const ApiRequest& request, int status, const Json& message)
{
    const bool zstd = acceptsZstd(request);
    auto body = sync::encodeMessage(message, zstd ? sync::ContentEncoding::Zstd : sync::ContentEncoding::Identity);
    if (!body) {
        return storageError(body.status());
    }
    ApiResponse response = ApiResponse::json(status, *body);
    if (zstd) {
        response.headers.emplace_back("Content-Encoding", "zstd");
    }
    return response;
}

ApiResponse registerDeviceRoute(SyncEngine& engine, const ApiRequest& request, const Principal* who)
{
    auto parsed = parseObjectBody(request, {"device_id", "name"});
    if (auto* error = std::get_if<ApiResponse>(&parsed)) {
        return *error;
    }
    bool bad = false;
    auto deviceId = optionalString(std::get<Json>(parsed), "device_id", bad);
    auto name = optionalString(std::get<Json>(parsed), "name", bad);
    if (bad || !deviceId || !isUuid(*deviceId) ||
        deviceId->find_first_of("ABCDEF") != std::string::npos) {
        return syncError(400, "invalid_message", "Mã thiết bị phải là UUID chữ thường",
                         "device_id must be a lower-case UUID");
    }
    if (!name || name->empty() || name->size() > 100) {
        return syncError(400, "invalid_message", "Tên thiết bị phải có 1–100 ký tự", "name must be 1..100 bytes");
    }
    auto registered = engine.registerDevice(*who, *deviceId, *name);
    if (!registered) {
        if (registered.status().code() == ErrorCode::AlreadyExists) {
            return syncError(409, "device_taken", "Thiết bị đã được đăng ký cho tài khoản khác",
                             "The device is registered to another account");
        }
        return storageError(registered.status());
    }
    Json body{{"device_id", *deviceId},
              {"next_expected_seq", registered->nextExpectedSeq},
              {"server_epoch", registered->serverEpoch}};
    return ApiResponse::json(registered->created ? 201 : 200, body.dump());
}

ApiResponse pushRoute(SyncEngine& engine, const ApiRequest& request, const Principal* who)
{
    auto json = decodeRequest(request, sync::kPushRequestLimits);
    if (!json) {
        return messageError(json.status());
    }
    auto push = sync::parsePushRequest(*json);
    if (!push) {
        return messageError(push.status());
    }
    auto answer = engine.push(*who, *push);
    if (!answer) {
        if (answer.status().code() == ErrorCode::PermissionDenied) {
            return syncError(403, "device_not_bound", "Thiết bị chưa được đăng ký cho tài khoản này",
                             "The device is not registered to this account");
        }
        return storageError(answer.status());
    }
    return encodeAnswer(request, 200, sync::toJson(*answer));
}

ApiResponse pullRoute(SyncEngine& engine, const ApiRequest& request, const Principal* who)
{
    auto json = decodeRequest(request, sync::kPullRequestLimits);
    if (!json) {
        return messageError(json.status());
    }
    auto pull = sync::parsePullRequest(*json);
    if (!pull) {
        return messageError(pull.status());
    }
    auto answer = engine.pull(*who, *pull, acceptsZstd(request));
    if (!answer) {
        return storageError(answer.status());
    }
    return encodeAnswer(request, 200, sync::toJson(*answer));
}

Json recordJson(const StoredRecord& r, bool withBody)
{
    Json out{{"record_id", r.recordId},
             {"form", {{"id", r.formId}, {"version", r.formVersion}}},
             {"unit", r.unitCode},
             {"period", r.period},
             {"state", r.state},
             {"level", r.level},
             {"ver", r.version},
             {"content_ver", r.contentVersion},
             {"revision", r.revision},
             {"submit_count", r.submitCount},
             {"updated_at", r.updatedAt}};
    if (withBody) {
        Json body = Json::parse(r.bodyJson, nullptr, false);
        out["body"] = body.is_discarded() ? Json() : body;
    }
    return out;
}

Json conflictJson(const ConflictRow& c)
{
    Json detail = Json::parse(c.detailJson, nullptr, false);
    return Json{{"conflict_id", c.conflictId}, {"record_id", c.recordId}, {"op_id", c.opId},
                {"ver", c.version},           {"author", c.authorId},    {"at", c.at},
                {"detail", detail.is_discarded() ? Json() : detail},
                {"resolved", c.resolvedAt != 0}};
}

ApiResponse listRecordsRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    auto codes = ctx.scope.codesInScope(who->unitCode);
    if (!codes) {
        return errorFromStatus(codes.status());
    }
    RecordQuery query;
    if (auto it = request.query.find("unit"); it != request.query.end()) {
        // The units under the given one (a district or province too) on `at`, or on the last day it existed;
        // the caller sees only those of them in its own scope.
        const auto at = request.query.find("at");
        auto sub = ctx.scope.codesUnder(it->second, at == request.query.end() ? std::string() : at->second);
        if (!sub) {
            return errorFromStatus(sub.status());
        }
        std::sort(sub->begin(), sub->end());
        std::sort(codes->begin(), codes->end());
        std::set_intersection(sub->begin(), sub->end(), codes->begin(), codes->end(),
                              std::back_inserter(query.unitCodes));
        if (query.unitCodes.empty()) {
            return ApiResponse::json(200, Json{{"records", Json::array()}}.dump());
        }
    } else {
        query.unitCodes = *codes;
    }
    if (auto it = request.query.find("period"); it != request.query.end()) {
        query.period = it->second;
    }
    if (auto it = request.query.find("form"); it != request.query.end()) {
        query.formId = it->second;
    }
    if (auto it = request.query.find("state"); it != request.query.end()) {
        if (!workflow::parseState(it->second)) {  // an unknown state is refused, not an empty list
            return badRequest("\"state\" must be one of draft, submitted, returned, approved, forwarded, accepted");
        }
        query.states = {it->second};
    }
    query.limit = 5000;
    auto records = ctx.records.listRecords(query);
    if (!records) {
        return errorFromStatus(records.status());
    }
    Json list = Json::array();
    for (const StoredRecord& record : *records) {
        list.push_back(recordJson(record, false));
    }
    return ApiResponse::json(200, Json{{"records", list}}.dump());
}

ApiResponse notFound()
{
    return ApiResponse::error(404, "not_found", "Không tìm thấy phiếu / no such record");
}

ApiResponse getRecordRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    auto record = ctx.records.record(request.pathParams.at("id"));
    if (!record) {
        return errorFromStatus(record.status());
    }
    if (!*record || !ctx.scope.inScope(who->unitCode, (*record)->unitCode)) {
        return notFound();
    }
    Json out = recordJson(**record, true);
    auto comments = ctx.records.comments((*record)->recordId);
    auto conflicts = ctx.records.conflicts({(*record)->recordId}, true);
    if (!comments || !conflicts) {
        return errorFromStatus(!comments ? comments.status() : conflicts.status());
    }
    Json commentList = Json::array();
    for (const CommentRow& c : *comments) {
        Json item{{"comment_id", c.commentId}, {"author", c.authorId}, {"at", c.at}, {"kind", c.kind},
                  {"text", c.text}};
        if (c.field) {
            item["field"] = *c.field;
        }
        commentList.push_back(std::move(item));
    }
    Json conflictList = Json::array();
    for (const ConflictRow& c : *conflicts) {
        conflictList.push_back(conflictJson(c));
    }
    out["comments"] = std::move(commentList);
    out["conflicts"] = std::move(conflictList);
    return ApiResponse::json(200, out.dump());
}

ApiResponse listConflictsRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    const bool all = request.query.contains("all") && request.query.at("all") == "true";
    auto conflicts = ctx.records.conflicts({}, all);
    if (!conflicts) {
        return errorFromStatus(conflicts.status());
    }
    Json list = Json::array();
    for (const ConflictRow& c : *conflicts) {
        auto record = ctx.records.record(c.recordId);
        if (record && *record && ctx.scope.inScope(who->unitCode, (*record)->unitCode)) {
            list.push_back(conflictJson(c));
        }
    }
    return ApiResponse::json(200, Json{{"conflicts", list}}.dump());
}

ApiResponse resolveConflictRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    const std::string id = request.pathParams.at("id");
    auto conflict = ctx.records.conflict(id);
    if (!conflict) {
        return errorFromStatus(conflict.status());
    }
    if (!*conflict) {
        return ApiResponse::error(404, "not_found", "Không có xung đột này / no such conflict");
    }
    auto record = ctx.records.record((*conflict)->recordId);
    if (!record) {
        return errorFromStatus(record.status());
    }
    if (!*record || !ctx.scope.inScope(who->unitCode, (*record)->unitCode)) {
        return ApiResponse::error(404, "not_found", "Không có xung đột này / no such conflict");
    }
    if (who->role == Role::ProvincialViewer) {
        return forbidden("Tài khoản chỉ xem không thể xử lý xung đột / a viewer cannot resolve conflicts");
    }
    const std::int64_t now = ctx.clock.nowUnixMillis();
    AuditEvent audit{now, who->accountId, "conflict.resolve", id,
                     Json{{"record_id", (*conflict)->recordId}}.dump()};
    if (Status s = ctx.records.resolveConflict(id, who->accountId, now, audit); !s) {
        return errorFromStatus(s);
    }
    auto after = ctx.records.conflict(id);
    if (!after || !*after) {
        return errorFromStatus(after ? Status(ErrorCode::Internal, "conflict vanished") : after.status());
    }
    return ApiResponse::json(200, conflictJson(**after).dump());
}

}  // namespace

void registerSyncRoutes(Router& router, const ApiContext& context)
{
    const ApiContext ctx = context;
    auto engine = std::make_shared<SyncEngine>(ctx.store, ctx.records, ctx.catalogs, ctx.blobs, ctx.scope, ctx.clock,
                                               ctx.resourcesDir / "catalogs");
    router.add(Route{"POST", "/api/v1/sync/devices", 1024, Auth::Authenticated,
                     [engine](const ApiRequest& request, const Principal* who) {
                         return registerDeviceRoute(*engine, request, who);
                     },
                     "sync.devices.register"});
    router.add(Route{"POST", "/api/v1/sync/push", sync::tuning::kPushBodyMaxBytes, Auth::Authenticated,
                     [engine](const ApiRequest& request, const Principal* who) {
                         return pushRoute(*engine, request, who);
                     },
                     "sync.push"});
    router.add(Route{"POST", "/api/v1/sync/pull", sync::tuning::kPullRequestMaxBytes, Auth::Authenticated,
                     [engine](const ApiRequest& request, const Principal* who) {
                         return pullRoute(*engine, request, who);
                     },
                     "sync.pull"});
    router.add(Route{"GET", "/api/v1/records", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return listRecordsRoute(ctx, request, who);
                     },
                     "records.list"});
    router.add(Route{"GET", "/api/v1/records/{id}", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return getRecordRoute(ctx, request, who);
                     },
                     "records.get"});
    router.add(Route{"GET", "/api/v1/conflicts", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return listConflictsRoute(ctx, request, who);
                     },
                     "conflicts.list"});
    router.add(Route{"POST", "/api/v1/conflicts/{id}/resolve", 1024, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return resolveConflictRoute(ctx, request, who);
                     },
                     "conflicts.resolve"});
}

}  // namespace dantoc::server
