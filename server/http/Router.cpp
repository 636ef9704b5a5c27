#include "http/Router.h"

#include "Log.h"
#include "http/Utf8Check.h"

#include <chrono>
#include <exception>
#include <string_view>

namespace dantoc::server {

namespace {


std::string hexByte(unsigned char byte)
{
    constexpr const char* kDigits = "0123456789abcdef";
    return {kDigits[byte >> 4], kDigits[byte & 0xf]};
}

std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) {
            parts.push_back(path.substr(start, end - start));
        }
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    return parts;
}

// Matches `path` against `pattern`; fills captures when given.
bool matchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>* captures)
{
    const auto want = splitPath(pattern);
    const auto have = splitPath(path);
    if (want.size() != have.size()) {
        return false;
    }
    for (std::size_t i = 0; i < want.size(); ++i) {
        const auto w = want[i];
        if (w.size() >= 2 && w.front() == '{' && w.back() == '}') {
            if (captures) {
                (*captures)[std::string(w.substr(1, w.size() - 2))] = std::string(have[i]);
            }
        } else if (w != have[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

Router::Router(std::shared_ptr<const Authenticator> authenticator) : m_authenticator(std::move(authenticator)) {}

void Router::add(Route route)
{
    m_routes.push_back(std::move(route));
}

const Route* Router::match(const std::string& method, const std::string& path) const
{
    for (const Route& route : m_routes) {
        if (route.method == method && matchPattern(route.pattern, path, nullptr)) {
            return &route;
        }
    }
    return nullptr;
}

std::size_t Router::bodyLimitFor(const std::string& method, const std::string& path) const
{
    if (const Route* route = match(method, path)) {
        return route->bodyLimit;
    }
    return 0;
}

ApiResponse Router::dispatch(ApiRequest request) const
{
    const auto start = std::chrono::steady_clock::now();
    const std::string method = request.method;
    const std::string path = request.path;
    const std::string remote = request.remoteAddress;
    const std::size_t inBytes = request.body.size();
    AccessRecord record;
    ApiResponse response = dispatchRoute(std::move(request), record);
    if (method == "HEAD") {
        response.body.clear();  // a HEAD answer has headers only (RFC 9110 §9.3.2), errors included
    }
    const double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    // One id per request, in the answer (X-Request-Id) and the log line, so a user's report finds the line. Made
    // here, never taken from the client (it would be an injection into the log).
    const std::string requestId = log::newRequestId();
    response.headers.emplace_back("X-Request-Id", requestId);
    // The access log: never tokens, bodies or query strings (they may carry names); the account by id only.
    log::forStatus(response.status, "request", {{"request_id", requestId},
                          {"method", method},
                          {"path", path},
                          {"route", record.routeName.empty() ? "unmatched" : record.routeName},
                          {"status", response.status},
                          {"in_bytes", inBytes},
                          {"out_bytes", response.body.size()},
                          {"ms", static_cast<double>(static_cast<long long>(millis * 10)) / 10},
                          {"account", record.accountId},
                          {"remote", remote}});
    return response;
}

ApiResponse Router::dispatchRoute(ApiRequest request, AccessRecord& record) const
{
    const Route* route = nullptr;
    bool pathKnown = false;
    for (const Route& candidate : m_routes) {
        std::map<std::string, std::string> captures;
        if (matchPattern(candidate.pattern, request.path, &captures)) {
            pathKnown = true;
            if (candidate.method == request.method) {
                route = &candidate;
                request.pathParams = std::move(captures);
                break;
            }
        }
    }
    if (route) {
        record.routeName = route->name;
    }
    if (!route) {
        return pathKnown ? ApiResponse::error(405, "method_not_allowed", "method not allowed on this path")
                         : ApiResponse::error(404, "not_found", "no such endpoint");
    }
    if (request.body.size() > route->bodyLimit) {
        return ApiResponse::error(413, "body_too_large", "request body exceeds the limit of this endpoint");
    }
    // Every body but a blob chunk's bytes is JSON text, which must be UTF-8 (RFC 8259 §8.1). Checked here once, so
    // no handler meets a byte its JSON library cannot echo (that was a 500). A compressed body is checked by the
    // JSON parser after decoding; its error message is then made printable by ApiResponse::error.
    const std::string* encoding = request.header("content-encoding");
    if (!route->acceptsPartialBody && (!encoding || encoding->empty() || *encoding == "identity")) {
        if (const auto bad = firstInvalidUtf8(request.body)) {
            return ApiResponse::error(400, "invalid_utf8",
                                      "the body is not valid UTF-8: byte " + std::to_string(*bad) + " (0x" +
                                          hexByte(static_cast<unsigned char>(request.body[*bad])) +
                                          ") does not start a well-formed sequence");
        }
    }

    Principal principal;
    const Principal* caller = nullptr;
    if (route->auth != Auth::None) {
        if (!m_authenticator || request.bearerToken.empty()) {
            return ApiResponse::error(401, "unauthenticated", "missing bearer token");
        }
        auto authenticated = m_authenticator->authenticate(request.bearerToken);
        if (!authenticated) {
            return ApiResponse::error(401, "unauthenticated", "invalid or expired token");
        }
        principal = std::move(authenticated.value());
        if (route->auth == Auth::Authenticated && principal.mustChangePassword) {
            return ApiResponse::error(403, "password_change_required",
                                      "the default password must be changed before anything else");
        }
        caller = &principal;
        record.accountId = principal.accountId;
    }
    try {
        return route->handler(request, caller);
    } catch (const std::exception&) {
        return ApiResponse::error(500, "internal", "internal error");
    } catch (...) {
        return ApiResponse::error(500, "internal", "internal error");
    }
}

}  // namespace dantoc::server
