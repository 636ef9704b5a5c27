#include "sync/PushMessages.h"

#include "sync/FieldPath.h"
#include "sync/JsonReader.h"
#include "sync/SyncTuning.h"

#include <array>
#include <set>

namespace dantoc::sync {

namespace {

constexpr std::array<std::pair<OutcomeKind, std::string_view>, 5> kOutcomeNames{{
    {OutcomeKind::Applied, "applied"},
    {OutcomeKind::Merged, "merged"},
    {OutcomeKind::Conflict, "conflict"},
    {OutcomeKind::Rejected, "rejected"},
    {OutcomeKind::Deferred, "deferred"},
}};

Status checkProtocol(JsonReader& r)
{
    const Json* v = r.member("protocol", true);
    if (!v || !r.ok()) {
        return r.finish();
    }
    if (!v->is_number_integer()) {
        r.fail("protocol", "expected an integer");
        return r.finish();
    }
    if (v->get<std::int64_t>() != tuning::kProtocolVersion) {
        return Status(ErrorCode::FailedPrecondition,
                      "protocol: version " + v->dump() + " is not supported (this side speaks " +
                          std::to_string(tuning::kProtocolVersion) + ")");
    }
    return Status::ok();
}

}  // namespace

Status parseLocalizedText(const Json& json, std::string_view path, LocalizedText& out)
{
    JsonReader r(json, std::string(path));
    out.vi = r.string("vi", tuning::kMaxTextBytes);
    out.en = r.string("en", tuning::kMaxTextBytes);
    return r.finish();
}

std::string_view outcomeKindName(OutcomeKind kind)
{
    for (const auto& [k, name] : kOutcomeNames) {
        if (k == kind) {
            return name;
        }
    }
    return "rejected";
}

OpOutcome OpOutcome::applied(std::string opId, std::uint64_t ver)
{
    OpOutcome o;
    o.opId = std::move(opId);
    o.kind = OutcomeKind::Applied;
    o.ver = ver;
    return o;
}

OpOutcome OpOutcome::merged(std::string opId, std::uint64_t ver, std::vector<std::string> fields)
{
    OpOutcome o = applied(std::move(opId), ver);
    o.kind = OutcomeKind::Merged;
    o.fields = std::move(fields);
    return o;
}

OpOutcome OpOutcome::conflict(std::string opId, std::uint64_t ver, std::string conflictId)
{
    OpOutcome o = applied(std::move(opId), ver);
    o.kind = OutcomeKind::Conflict;
    o.conflictId = std::move(conflictId);
    return o;
}

OpOutcome OpOutcome::rejected(std::string opId, std::string code, LocalizedText message)
{
    OpOutcome o;
    o.opId = std::move(opId);
    o.kind = OutcomeKind::Rejected;
    o.code = std::move(code);
    o.message = std::move(message);
    return o;
}

OpOutcome OpOutcome::deferred(std::string opId, std::string reason)
{
    OpOutcome o;
    o.opId = std::move(opId);
    o.kind = OutcomeKind::Deferred;
    o.reason = std::move(reason);
    return o;
}

Json OpOutcome::toJson() const
{
    Json j{{"op_id", opId}, {"outcome", outcomeKindName(kind)}};
    switch (kind) {
    case OutcomeKind::Applied: j["ver"] = ver; break;
    case OutcomeKind::Merged:
        j["ver"] = ver;
        j["fields"] = fields;
        break;
    case OutcomeKind::Conflict:
        j["ver"] = ver;
        j["conflict_id"] = conflictId;
        break;
    case OutcomeKind::Rejected:
        j["code"] = code;
        j["message"] = message.toJson();
        break;
    case OutcomeKind::Deferred: j["reason"] = reason; break;
    }
    return j;
}

Result<OpOutcome> parseOpOutcome(const Json& json, std::string_view path)
{
    OpOutcome o;
    JsonReader r(json, std::string(path));
    o.opId = r.uuid("op_id");
    const std::string kind = r.string("outcome", 16);
    bool known = false;
    for (const auto& [k, name] : kOutcomeNames) {
        if (name == kind) {
            o.kind = k;
            known = true;
        }
    }
    if (r.ok() && !known) {
        r.fail("outcome", "expected one of applied, merged, conflict, rejected, deferred");
    }
    if (!r.ok()) {
        return r.finish();
    }
    switch (o.kind) {
    case OutcomeKind::Applied: o.ver = r.integer("ver", 1, tuning::kMaxJsonInteger); break;
    case OutcomeKind::Merged:
        o.ver = r.integer("ver", 1, tuning::kMaxJsonInteger);
        if (const Json* fields = r.array("fields", true, tuning::kMaxSetEntriesPerOp)) {
            for (std::size_t i = 0; i < fields->size() && r.ok(); ++i) {
                Status error;
                auto text = readString((*fields)[i], indexPath(r.childPath("fields"), i),
                                       tuning::kMaxFieldPathBytes, error);
                r.absorb(error);
                if (text && !FieldPath::parse(*text)) {
                    r.failAt(indexPath(r.childPath("fields"), i), "not a field path");
                } else if (text) {
                    o.fields.push_back(*text);
                }
            }
        }
        break;
    case OutcomeKind::Conflict:
        o.ver = r.integer("ver", 1, tuning::kMaxJsonInteger);
        o.conflictId = r.uuid("conflict_id");
        break;
    case OutcomeKind::Rejected:
        o.code = r.identifier("code");
        if (const Json* m = r.object("message", true); m && r.ok()) {
            r.absorb(parseLocalizedText(*m, r.childPath("message"), o.message));
        }
        break;
    case OutcomeKind::Deferred: o.reason = r.identifier("reason"); break;
    }
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return o;
}

Json toJson(const PushRequest& request)
{
    Json ops = Json::array();
    for (const Operation& op : request.ops) {
        ops.push_back(toJson(op));
    }
    return Json{{"protocol", request.protocol}, {"device_id", request.deviceId}, {"ops", std::move(ops)}};
}

Result<PushRequest> parsePushRequest(const Json& json)
{
    PushRequest request;
    JsonReader r(json, "");
    Status protocol = checkProtocol(r);
    if (!protocol) {
        return protocol;
    }
    request.deviceId = r.uuid("device_id");
    if (const Json* ops = r.array("ops", true, tuning::kMaxOpsPerPush); ops && r.ok()) {
        std::set<std::string> opIds;
        for (std::size_t i = 0; i < ops->size() && r.ok(); ++i) {
            const std::string where = indexPath("ops", i);
            auto op = parseOperation((*ops)[i], where);
            if (!op) {
                r.absorb(op.status());
                break;
            }
            if (op->deviceId != request.deviceId) {
                r.failAt(joinPath(where, "device_id"), "differs from the request's device_id");
            } else if (!request.ops.empty() && op->devSeq <= request.ops.back().devSeq) {
                r.failAt(joinPath(where, "dev_seq"), "not greater than the previous operation's");
            } else if (!opIds.insert(op->opId).second) {
                r.failAt(joinPath(where, "op_id"), "appears twice in the request");
            } else {
                request.ops.push_back(std::move(*op));
            }
        }
    }
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return request;
}

Json toJson(const PushResponse& response)
{
    Json results = Json::array();
    for (const OpOutcome& o : response.results) {
        results.push_back(o.toJson());
    }
    Json j{{"results", std::move(results)},
           {"next_expected_seq", response.nextExpectedSeq},
           {"server_epoch", response.serverEpoch}};
    if (response.fork) {
        j["device_fork"] = Json{{"dev_seq", response.fork->devSeq}};
    }
    return j;
}

Result<PushResponse> parsePushResponse(const Json& json)
{
    PushResponse response;
    JsonReader r(json, "");
    if (const Json* results = r.array("results", true, tuning::kMaxOpsPerPush); results && r.ok()) {
        for (std::size_t i = 0; i < results->size() && r.ok(); ++i) {
            auto o = parseOpOutcome((*results)[i], indexPath("results", i));
            if (!o) {
                r.absorb(o.status());
            } else {
                response.results.push_back(std::move(*o));
            }
        }
    }
    response.nextExpectedSeq = r.integer("next_expected_seq", 1, tuning::kMaxJsonInteger);
    response.serverEpoch = r.identifier("server_epoch");
    if (const Json* fork = r.object("device_fork", false); fork && r.ok()) {
        JsonReader fr(*fork, "device_fork");
        DeviceFork f;
        f.devSeq = fr.integer("dev_seq", 1, tuning::kMaxJsonInteger);
        r.absorb(fr.finish());
        response.fork = f;
    }
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return response;
}

Json ErrorResponse::toJson() const
{
    return Json{{"error", Json{{"code", code}, {"message", message.toJson()}}}};
}

Result<ErrorResponse> parseErrorResponse(const Json& json)
{
    ErrorResponse e;
    JsonReader r(json, "");
    if (const Json* error = r.object("error", true); error && r.ok()) {
        JsonReader er(*error, "error");
        e.code = er.identifier("code");
        if (const Json* m = er.object("message", true); m && er.ok()) {
            er.absorb(parseLocalizedText(*m, "error.message", e.message));
        }
        r.absorb(er.finish());
    }
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return e;
}

}  // namespace dantoc::sync
