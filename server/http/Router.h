// Router: maps method + path pattern ("/api/v1/admin/accounts/{id}") to a handler, a body limit and an auth
// requirement; authenticates through an injected Authenticator and dispatches. Routes are registered at start-up
// (single thread); dispatch() is const and thread-safe afterwards.
#pragma once

#include "base/Result.h"
#include "http/ApiTypes.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dantoc::server {

// Turns a bearer token into a Principal (implemented by the auth service over the store).
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    // Unauthenticated for a missing, forged, revoked or expired token.
    virtual Result<Principal> authenticate(const std::string& bearerToken) const = 0;
};

enum class Auth {
    None,                    // public (health, login, refresh)
    Authenticated,           // any valid token whose account has changed its default password
    AllowPasswordChangeOnly  // valid token, even while must_change_password (change password, me, logout)
};

using Handler = std::function<ApiResponse(const ApiRequest&, const Principal*)>;

struct Route {
    std::string method;
    std::string pattern;  // literal segments and {name} captures
    std::size_t bodyLimit = 64 * 1024;
    Auth auth = Auth::Authenticated;
    Handler handler;
    std::string name;  // for metrics and logs ("admin.accounts.list")
    // The transport also dispatches the received part of a body whose connection broke (ApiRequest::bodyTruncated),
    // so a resumable upload keeps what arrived before a cut (PATCH /api/v1/sync/blobs/{sha256}).
    bool acceptsPartialBody = false;
};

class Router
{
public:
    explicit Router(std::shared_ptr<const Authenticator> authenticator);

    void add(Route route);
    const std::vector<Route>& routes() const { return m_routes; }

    // The route for method+path, or nullptr (404 / 405 are produced by dispatch). The transport uses this
    // after reading the header to set the body limit before reading the body.
    const Route* match(const std::string& method, const std::string& path) const;
    // Largest body any route accepts for this path (for the parser before the method is known), or 0.
    std::size_t bodyLimitFor(const std::string& method, const std::string& path) const;

    // Authenticates per the route's requirement, fills pathParams, calls the handler, and writes one access-log
    // line (server/Log.h). Never throws: a handler exception becomes a 500 with a generic message.
    ApiResponse dispatch(ApiRequest request) const;

private:
    struct AccessRecord {
        std::string routeName;  // empty when no route matched
        std::string accountId;  // empty when not authenticated
    };
    ApiResponse dispatchRoute(ApiRequest request, AccessRecord& record) const;

    std::shared_ptr<const Authenticator> m_authenticator;
    std::vector<Route> m_routes;
};

}  // namespace dantoc::server
