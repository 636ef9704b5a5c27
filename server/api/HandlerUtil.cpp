#include "api/HandlerUtil.h"

#include "audit/AuditChain.h"

#include <algorithm>
#include <cstring>

namespace dantoc::server {

namespace {
constexpr JsonLimits kBodyLimits{1 << 20, 16};
}

std::variant<Json, ApiResponse> parseObjectBody(const ApiRequest& request, std::initializer_list<const char*> allowed)
{
    auto doc = parseJson(request.body, kBodyLimits);
    if (!doc) {
        return ApiResponse::error(400, "malformed_json", doc.status().message());
    }
    if (!doc->is_object()) {
        return badRequest("the body must be a JSON object");
    }
    for (const auto& item : doc->items()) {
        const bool known = std::any_of(allowed.begin(), allowed.end(),
                                       [&](const char* name) { return item.key() == name; });
        if (!known) {
            return badRequest("unknown field \"" + item.key() + "\"");
        }
    }
    return std::move(doc.value());
}

std::optional<std::string> optionalString(const Json& object, const char* key, bool& bad)
{
    const Json* value = jsonMember(object, key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        bad = true;
        return std::nullopt;
    }
    return value->get<std::string>();
}

ApiResponse badRequest(const std::string& message)
{
    return ApiResponse::error(400, "invalid_argument", message);
}

ApiResponse forbidden(const std::string& message)
{
    return ApiResponse::error(403, "forbidden", message);
}

ApiResponse errorFromStatus(const Status& status)
{
    switch (status.code()) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::ParseError:
        return ApiResponse::error(400, "invalid_argument", status.message());
    case ErrorCode::Unauthenticated:
        return ApiResponse::error(401, "unauthenticated", status.message());
    case ErrorCode::PermissionDenied:
        return ApiResponse::error(403, "forbidden", status.message());
    case ErrorCode::NotFound:
        return ApiResponse::error(404, "not_found", status.message());
    case ErrorCode::AlreadyExists:
    case ErrorCode::Conflict:
    case ErrorCode::FailedPrecondition:
        return ApiResponse::error(409, "conflict", status.message());
    case ErrorCode::ResourceExhausted:
        return ApiResponse::error(429, "too_many_requests", status.message());
    case ErrorCode::Unavailable:
        return ApiResponse::error(503, "unavailable", "temporarily unavailable; retry shortly");
    default:
        // Internals (SQLite messages, paths) are not sent to clients (SEC-APP-3).
        return ApiResponse::error(500, "internal", "internal error");
    }
}

std::optional<ApiResponse> notModified(const ApiRequest& request, const std::string& etag)
{
    const std::string* held = request.header("if-none-match");
    if (held && *held == etag) {
        ApiResponse response;
        response.status = 304;
        response.headers.emplace_back("ETag", etag);
        return response;
    }
    return std::nullopt;
}

ApiResponse withBodyEtag(const ApiRequest& request, ApiResponse response)
{
    const std::string etag = "\"" + sha256Hex(response.body) + "\"";
    if (auto unchanged = notModified(request, etag)) {
        return *unchanged;
    }
    response.headers.emplace_back("ETag", etag);
    return response;
}

Json accountJson(const Account& a)
{
    return Json{{"id", a.id},
                {"username", a.username},
                {"display_name", a.displayName},
                {"role", roleName(a.role)},
                {"unit_code", a.unitCode},
                {"must_change_password", a.mustChangePassword},
                {"closed", a.closed},
                {"created_at", a.createdAt},
                {"updated_at", a.updatedAt}};
}

}  // namespace dantoc::server
