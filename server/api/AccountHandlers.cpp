// Provincial admins manage accounts within their scope: list, create, edit, close, reset password. Accounts are
// never deleted (seed 004 art. 6.7); every change is audited in the same transaction.
#include "api/ApiContext.h"
#include "api/HandlerUtil.h"
#include "auth/LoginThrottle.h"
#include "base/Uuid.h"
#include "http/Router.h"

#include <algorithm>

namespace dantoc::server {

namespace {

constexpr std::size_t kAccountBodyLimit = 8 * 1024;

bool validUsername(const std::string& name)
{
    return name.size() >= 3 && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
           });
}

std::optional<ApiResponse> requireAdmin(const Principal* who)
{
    if (who->role != Role::ProvincialAdmin) {
        return forbidden("Chỉ quản trị cấp tỉnh / provincial administrators only");
    }
    return std::nullopt;
}

// The account named by {id}, if it exists and lies in the caller's scope; otherwise the error response.
std::variant<Account, ApiResponse> scopedAccount(const ApiContext& ctx, const ApiRequest& request,
                                                 const Principal* who)
{
    auto found = ctx.store.accountById(request.pathParams.at("id"));
    if (!found) {
        return errorFromStatus(found.status());
    }
    if (!found->has_value()) {
        return ApiResponse::error(404, "not_found", "no such account");
    }
    if (!ctx.scope.inScope(who->unitCode, (*found)->unitCode)) {
        return forbidden("the account is outside your scope");
    }
    return **found;
}

std::variant<Json, ApiResponse> generatedPasswordHash(const ApiContext& ctx, std::string& password)
{
    password = PasswordHasher::generatePassword();
    auto hashed = ctx.auth.hasher().hash(password);
    if (!hashed) {
        return errorFromStatus(hashed.status());
    }
    return Json(*hashed);
}

ApiResponse listAccounts(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    auto accounts = ctx.store.listAccounts();
    if (!accounts) {
        return errorFromStatus(accounts.status());
    }
    const bool includeClosed = request.query.count("include_closed") && request.query.at("include_closed") == "true";
    Json items = Json::array();
    for (const Account& a : *accounts) {
        if ((includeClosed || !a.closed) && ctx.scope.inScope(who->unitCode, a.unitCode)) {
            items.push_back(accountJson(a));
        }
    }
    return ApiResponse::json(200, Json{{"accounts", items}}.dump());
}

ApiResponse createAccount(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    auto parsed = parseObjectBody(request, {"username", "display_name", "role", "unit_code"});
    if (auto* error = std::get_if<ApiResponse>(&parsed)) {
        return *error;
    }
    const Json& body = std::get<Json>(parsed);
    bool bad = false;
    auto username = optionalString(body, "username", bad);
    auto displayName = optionalString(body, "display_name", bad);
    auto role = optionalString(body, "role", bad);
    auto unit = optionalString(body, "unit_code", bad);
    if (bad || !username || !role || !unit) {
        return badRequest("\"username\", \"role\" and \"unit_code\" (strings) are required");
    }
    if (!validUsername(*username)) {
        return badRequest("username: 3-64 characters from a-z 0-9 . _ -");
    }
    auto parsedRole = roleFromName(*role);
    if (!parsedRole) {
        return badRequest("unknown role \"" + *role + "\"");
    }
    auto unitRow = ctx.store.unitByCode(*unit);
    if (!unitRow) {
        return errorFromStatus(unitRow.status());
    }
    if (!unitRow->has_value()) {
        return badRequest("unknown unit \"" + *unit + "\"");
    }
    if (!ctx.scope.inScope(who->unitCode, *unit)) {
        return forbidden("the unit is outside your scope");
    }
    std::string password;
    auto hashed = generatedPasswordHash(ctx, password);
    if (auto* error = std::get_if<ApiResponse>(&hashed)) {
        return *error;
    }
    const std::int64_t now = ctx.clock.nowUnixMillis();
    Account account;
    account.id = newUuid();
    account.username = *username;
    account.displayName = displayName.value_or(*username);
    account.role = *parsedRole;
    account.unitCode = *unit;
    account.passwordHash = std::get<Json>(hashed).get<std::string>();
    account.mustChangePassword = true;
    account.createdAt = now;
    account.updatedAt = now;
    const Json detail = {{"username", account.username}, {"role", *role}, {"unit_code", *unit}};
    if (Status s = ctx.store.insertAccount(account, {now, who->accountId, "account.create", account.id, detail.dump()});
        !s) {
        return errorFromStatus(s);
    }
    // The initial password is shown once, to the admin who hands it over; it must be changed at first login.
    return ApiResponse::json(201, Json{{"account", accountJson(account)}, {"initial_password", password}}.dump());
}

ApiResponse editAccount(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    auto target = scopedAccount(ctx, request, who);
    if (auto* error = std::get_if<ApiResponse>(&target)) {
        return *error;
    }
    Account account = std::get<Account>(target);
    auto parsed = parseObjectBody(request, {"display_name", "role", "unit_code"});
    if (auto* error = std::get_if<ApiResponse>(&parsed)) {
        return *error;
    }
    const Json& body = std::get<Json>(parsed);
    bool bad = false;
    auto displayName = optionalString(body, "display_name", bad);
    auto role = optionalString(body, "role", bad);
    auto unit = optionalString(body, "unit_code", bad);
    if (bad) {
        return badRequest("\"display_name\", \"role\" and \"unit_code\" must be strings");
    }
    if (account.closed) {
        return ApiResponse::error(409, "account_closed", "a closed account cannot be edited");
    }
    Json changes = Json::object();
    if (displayName) {
        changes["display_name"] = {account.displayName, *displayName};
        account.displayName = *displayName;
    }
    if (role) {
        auto parsedRole = roleFromName(*role);
        if (!parsedRole) {
            return badRequest("unknown role \"" + *role + "\"");
        }
        changes["role"] = {roleName(account.role), *role};
        account.role = *parsedRole;
    }
    if (unit) {
        auto unitRow = ctx.store.unitByCode(*unit);
        if (!unitRow || !unitRow->has_value()) {
            return badRequest("unknown unit \"" + *unit + "\"");
        }
        if (!ctx.scope.inScope(who->unitCode, *unit)) {
            return forbidden("the unit is outside your scope");
        }
        changes["unit_code"] = {account.unitCode, *unit};
        account.unitCode = *unit;
    }
    const std::int64_t now = ctx.clock.nowUnixMillis();
    account.updatedAt = now;
    if (Status s = ctx.store.updateAccount(account, {now, who->accountId, "account.update", account.id, changes.dump()});
        !s) {
        return errorFromStatus(s);
    }
    if (role || unit) {
        (void)ctx.store.revokeAccountTokens(account.id);  // new rights take effect at the next login
    }
    return ApiResponse::json(200, Json{{"account", accountJson(account)}}.dump());
}

ApiResponse closeAccount(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    auto target = scopedAccount(ctx, request, who);
    if (auto* error = std::get_if<ApiResponse>(&target)) {
        return *error;
    }
    Account account = std::get<Account>(target);
    if (account.id == who->accountId) {
        return ApiResponse::error(409, "cannot_close_self", "an administrator cannot close their own account");
    }
    if (account.closed) {
        return ApiResponse::json(200, Json{{"account", accountJson(account)}}.dump());
    }
    auto hasData = ctx.store.accountHasData(account.id);
    const std::int64_t now = ctx.clock.nowUnixMillis();
    account.closed = true;
    account.updatedAt = now;
    const Json detail = {{"has_data", hasData && *hasData}};
    if (Status s = ctx.store.updateAccount(account, {now, who->accountId, "account.close", account.id, detail.dump()});
        !s) {
        return errorFromStatus(s);
    }
    (void)ctx.store.revokeAccountTokens(account.id);
    return ApiResponse::json(200, Json{{"account", accountJson(account)}}.dump());
}

ApiResponse resetPassword(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    auto target = scopedAccount(ctx, request, who);
    if (auto* error = std::get_if<ApiResponse>(&target)) {
        return *error;
    }
    Account account = std::get<Account>(target);
    if (account.closed) {
        return ApiResponse::error(409, "account_closed", "a closed account cannot be reset");
    }
    std::string password;
    auto hashed = generatedPasswordHash(ctx, password);
    if (auto* error = std::get_if<ApiResponse>(&hashed)) {
        return *error;
    }
    const std::int64_t now = ctx.clock.nowUnixMillis();
    account.passwordHash = std::get<Json>(hashed).get<std::string>();
    account.mustChangePassword = true;
    account.updatedAt = now;
    // Also the logged admin unlock of a locked-out account (SEC-AUTH-4).
    if (Status s = ctx.store.updateAccount(account, {now, who->accountId, "account.reset_password", account.id, "{}"});
        !s) {
        return errorFromStatus(s);
    }
    (void)ctx.store.revokeAccountTokens(account.id);
    (void)ctx.store.clearLoginFailures(LoginThrottle::accountKey(account.username));
    return ApiResponse::json(200, Json{{"account", accountJson(account)}, {"initial_password", password}}.dump());
}

template <typename F>
Handler adminOnly(const ApiContext& ctx, F f)
{
    return [ctx, f](const ApiRequest& request, const Principal* who) {
        if (auto denied = requireAdmin(who)) {
            return *denied;
        }
        return f(ctx, request, who);
    };
}

}  // namespace

void registerAccountRoutes(Router& router, const ApiContext& ctx)
{
    const std::string base = "/api/v1/admin/accounts";
    router.add(Route{"GET", base, 0, Auth::Authenticated, adminOnly(ctx, listAccounts), "admin.accounts.list"});
    router.add(Route{"POST", base, kAccountBodyLimit, Auth::Authenticated, adminOnly(ctx, createAccount),
                     "admin.accounts.create"});
    router.add(Route{"PATCH", base + "/{id}", kAccountBodyLimit, Auth::Authenticated, adminOnly(ctx, editAccount),
                     "admin.accounts.edit"});
    router.add(Route{"DELETE", base + "/{id}", 0, Auth::Authenticated,
                     adminOnly(ctx,
                               [](const ApiContext&, const ApiRequest&, const Principal*) {
                                   return ApiResponse::error(
                                       409, "account_not_deletable",
                                       "Tài khoản không thể xóa, chỉ có thể khóa / accounts are never deleted; "
                                       "close it instead (POST .../close)");
                               }),
                     "admin.accounts.delete"});
    router.add(Route{"POST", base + "/{id}/close", 1024, Auth::Authenticated, adminOnly(ctx, closeAccount),
                     "admin.accounts.close"});
    router.add(Route{"POST", base + "/{id}/reset-password", 1024, Auth::Authenticated, adminOnly(ctx, resetPassword),
                     "admin.accounts.reset_password"});
}

}  // namespace dantoc::server
