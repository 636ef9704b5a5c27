// POST /api/v1/auth/login, /refresh, /password, /logout and GET /api/v1/me.
#include "api/ApiContext.h"
#include "api/HandlerUtil.h"
#include "http/Router.h"

namespace dantoc::server {

namespace {

constexpr std::size_t kAuthBodyLimit = 4 * 1024;

ApiResponse tokensResponse(const LoginResult& result)
{
    const Json body = {{"access_token", result.tokens.accessToken},
                       {"refresh_token", result.tokens.refreshToken},
                       {"token_type", "Bearer"},
                       {"access_expires_at", result.tokens.accessExpiresAt},
                       {"refresh_expires_at", result.tokens.refreshExpiresAt},
                       {"must_change_password", result.account.mustChangePassword},
                       {"account", accountJson(result.account)}};
    ApiResponse response = ApiResponse::json(200, body.dump());
    return response;
}

ApiResponse failureResponse(const AuthFailure& failure)
{
    if (failure.status.code() == ErrorCode::ResourceExhausted) {
        ApiResponse response = ApiResponse::error(429, "locked_out", failure.status.message());
        response.headers.emplace_back("Retry-After", std::to_string(failure.retryAfterSeconds));
        return response;
    }
    if (failure.status.code() == ErrorCode::PermissionDenied) {
        return ApiResponse::error(403, "wrong_password", failure.status.message());
    }
    if (failure.status.code() == ErrorCode::InvalidArgument) {
        return ApiResponse::error(400, "password_policy", failure.status.message());
    }
    return errorFromStatus(failure.status);
}

}  // namespace

void registerAuthRoutes(Router& router, const ApiContext& ctx)
{
    AuthService* auth = &ctx.auth;
    Store* store = &ctx.store;

    router.add(Route{"POST", "/api/v1/auth/login", kAuthBodyLimit, Auth::None,
                     [auth](const ApiRequest& request, const Principal*) {
                         auto parsed = parseObjectBody(request, {"username", "password"});
                         if (auto* error = std::get_if<ApiResponse>(&parsed)) {
                             return *error;
                         }
                         const Json& body = std::get<Json>(parsed);
                         bool bad = false;
                         auto username = optionalString(body, "username", bad);
                         auto password = optionalString(body, "password", bad);
                         if (bad || !username || !password) {
                             return badRequest("\"username\" and \"password\" (strings) are required");
                         }
                         LoginResult result;
                         if (auto failure = auth->login(*username, *password, request.remoteAddress, result)) {
                             return failureResponse(*failure);
                         }
                         return tokensResponse(result);
                     },
                     "auth.login"});

    router.add(Route{"POST", "/api/v1/auth/refresh", kAuthBodyLimit, Auth::None,
                     [auth](const ApiRequest& request, const Principal*) {
                         auto parsed = parseObjectBody(request, {"refresh_token"});
                         if (auto* error = std::get_if<ApiResponse>(&parsed)) {
                             return *error;
                         }
                         bool bad = false;
                         auto token = optionalString(std::get<Json>(parsed), "refresh_token", bad);
                         if (bad || !token) {
                             return badRequest("\"refresh_token\" (string) is required");
                         }
                         LoginResult result;
                         if (auto failure = auth->refresh(*token, result)) {
                             return failureResponse(*failure);
                         }
                         return tokensResponse(result);
                     },
                     "auth.refresh"});

    router.add(Route{"POST", "/api/v1/auth/password", kAuthBodyLimit, Auth::AllowPasswordChangeOnly,
                     [auth](const ApiRequest& request, const Principal* who) {
                         auto parsed = parseObjectBody(request, {"current_password", "new_password"});
                         if (auto* error = std::get_if<ApiResponse>(&parsed)) {
                             return *error;
                         }
                         const Json& body = std::get<Json>(parsed);
                         bool bad = false;
                         auto current = optionalString(body, "current_password", bad);
                         auto next = optionalString(body, "new_password", bad);
                         if (bad || !current || !next) {
                             return badRequest("\"current_password\" and \"new_password\" (strings) are required");
                         }
                         LoginResult result;
                         if (auto failure = auth->changePassword(*who, *current, *next, result)) {
                             return failureResponse(*failure);
                         }
                         return tokensResponse(result);
                     },
                     "auth.password"});

    router.add(Route{"POST", "/api/v1/auth/logout", 1024, Auth::AllowPasswordChangeOnly,
                     [auth](const ApiRequest& request, const Principal* who) {
                         if (Status s = auth->logout(request.bearerToken, *who); !s) {
                             return errorFromStatus(s);
                         }
                         return ApiResponse::json(200, R"({"logged_out":true})");
                     },
                     "auth.logout"});

    router.add(Route{"GET", "/api/v1/me", 0, Auth::AllowPasswordChangeOnly,
                     [store](const ApiRequest&, const Principal* who) {
                         auto account = store->accountById(who->accountId);
                         if (!account || !account->has_value()) {
                             return errorFromStatus(account ? Status(ErrorCode::NotFound, "no such account")
                                                            : account.status());
                         }
                         Json body = accountJson(**account);
                         if (auto unit = store->unitByCode(who->unitCode); unit && unit->has_value()) {
                             body["unit"] = {{"code", (*unit)->code}, {"name", (*unit)->name}, {"level", (*unit)->level}};
                         }
                         return ApiResponse::json(200, body.dump());
                     },
                     "me"});
}

void registerApiRoutes(Router& router, const ApiContext& context)
{
    registerAuthRoutes(router, context);
    registerAccountRoutes(router, context);
    registerAuditRoutes(router, context);
    registerUnitRoutes(router, context);
    registerSyncRoutes(router, context);
    registerBlobRoutes(router, context);
    registerCatalogRoutes(router, context);
}

}  // namespace dantoc::server
