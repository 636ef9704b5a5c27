// Helpers shared by the API handlers: strict JSON bodies (shared/base parseJson; unknown fields and wrong types are
// 400), Status → HTTP error mapping, conditional GETs (strong ETags, 304), account JSON. Stateless; thread-safe.
#pragma once

#include "base/Json.h"
#include "http/ApiTypes.h"
#include "store/StoreTypes.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <variant>

namespace dantoc::server {

// The body as a JSON object whose keys are all in `allowed`, or the 400 response to send.
std::variant<Json, ApiResponse> parseObjectBody(const ApiRequest& request,
                                                std::initializer_list<const char*> allowed);

// A string member: nullopt if absent; `bad` set when present but not a string.
std::optional<std::string> optionalString(const Json& object, const char* key, bool& bad);

ApiResponse errorFromStatus(const Status& status);
ApiResponse badRequest(const std::string& message);
ApiResponse forbidden(const std::string& message);

// 304 (ETag header, no body) when the request's If-None-Match is `etag`; otherwise nullopt.
std::optional<ApiResponse> notModified(const ApiRequest& request, const std::string& etag);
// A successful GET answer made conditional: a strong ETag over its body (quoted SHA-256), and 304 instead when the
// client already holds that body. For answers that have no stored ETag of their own; the reference lists (forms,
// catalogs, units, periods) keep theirs, the same SHA-256, in api/AnswerCache.h.
ApiResponse withBodyEtag(const ApiRequest& request, ApiResponse response);

Json accountJson(const Account& account);

}  // namespace dantoc::server
