#include "auth/AuthService.h"

#include <nlohmann/json.hpp>

namespace dantoc::server {

namespace {
AuthFailure failure(ErrorCode code, std::string message, std::int64_t retryAfter = 0)
{
    return AuthFailure{Status(code, std::move(message)), retryAfter};
}
const char* kBadCredentials = "Sai tên đăng nhập hoặc mật khẩu / wrong username or password";
}  // namespace

Principal principalOf(const Account& account)
{
    return Principal{account.id, account.username, account.role, account.unitCode, account.mustChangePassword};
}

AuthService::AuthService(Store& store, const Clock& clock, PasswordHasher hasher, AuthPolicy policy)
    : m_store(store), m_clock(clock), m_hasher(hasher), m_policy(policy),
      m_tokens(store, clock, policy.accessTtlMs, policy.refreshTtlMs)
{
}

Result<Principal> AuthService::authenticate(const std::string& bearerToken) const
{
    auto token = m_tokens.check(bearerToken, TokenKind::Access);
    if (!token) {
        return token.status();
    }
    auto account = m_store.accountById(token->accountId);
    if (!account) {
        return account.status();
    }
    if (!account->has_value() || (*account)->closed) {
        return Status(ErrorCode::Unauthenticated, "account closed");
    }
    return principalOf(**account);
}

std::optional<AuthFailure> AuthService::login(const std::string& username, const std::string& password,
                                              const std::string& remoteAddress, LoginResult& out)
{
    const std::int64_t now = m_clock.nowUnixMillis();
    auto found = m_store.accountByUsername(username);
    if (!found) {
        return AuthFailure{found.status()};
    }
    if (!found->has_value()) {
        // Verify against a dummy hash anyway so response time does not reveal which usernames exist.
        (void)m_hasher.verify("$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA", password);
        (void)m_store.appendAudit({now, "anonymous", "auth.login_failed", username,
                                   nlohmann::json{{"reason", "unknown_user"}, {"ip", remoteAddress}}.dump()});
        return failure(ErrorCode::Unauthenticated, kBadCredentials);
    }
    const Account account = **found;
    auto failures = m_store.loginFailuresSince(account.id, now - m_policy.failureWindowMs);
    if (!failures) {
        return AuthFailure{failures.status()};
    }
    if (static_cast<int>(failures->size()) >= m_policy.maxFailures) {
        // Locked until the oldest counted failure leaves the window; checked before the password, so even the
        // right password is refused (SEC-AUTH-4).
        const std::int64_t until = failures->front() + m_policy.failureWindowMs;
        (void)m_store.appendAudit({now, account.id, "auth.login_locked", account.id,
                                   nlohmann::json{{"ip", remoteAddress}}.dump()});
        return failure(ErrorCode::ResourceExhausted,
                       "Tài khoản tạm khóa do đăng nhập sai nhiều lần / too many failed logins; try again later",
                       std::max<std::int64_t>(1, (until - now + 999) / 1000));
    }
    if (account.closed || !m_hasher.verify(account.passwordHash, password)) {
        const nlohmann::json detail = {{"reason", account.closed ? "closed" : "bad_password"},
                                       {"ip", remoteAddress},
                                       {"failures", failures->size() + 1}};
        if (Status s = m_store.recordLoginFailure(account.id, now,
                                                  {now, account.id, "auth.login_failed", account.id, detail.dump()});
            !s) {
            return AuthFailure{s};
        }
        return failure(ErrorCode::Unauthenticated, kBadCredentials);
    }
    (void)m_store.clearLoginFailures(account.id);
    auto tokens = m_tokens.issue(account.id);
    if (!tokens) {
        return AuthFailure{tokens.status()};
    }
    (void)m_store.appendAudit({now, account.id, "auth.login", account.id,
                               nlohmann::json{{"ip", remoteAddress}, {"session", tokens->sessionId}}.dump()});
    out = LoginResult{std::move(tokens.value()), account};
    return std::nullopt;
}

std::optional<AuthFailure> AuthService::refresh(const std::string& refreshToken, LoginResult& out)
{
    auto token = m_tokens.check(refreshToken, TokenKind::Refresh);
    if (!token) {
        return AuthFailure{token.status()};
    }
    auto account = m_store.accountById(token->accountId);
    if (!account) {
        return AuthFailure{account.status()};
    }
    if (!account->has_value() || (*account)->closed) {
        return failure(ErrorCode::Unauthenticated, "account closed");
    }
    // Rotation: the old pair dies with its session.
    if (Status s = m_store.revokeSession(token->sessionId); !s) {
        return AuthFailure{s};
    }
    auto tokens = m_tokens.issue(token->accountId);
    if (!tokens) {
        return AuthFailure{tokens.status()};
    }
    out = LoginResult{std::move(tokens.value()), **account};
    return std::nullopt;
}

std::optional<AuthFailure> AuthService::changePassword(const Principal& who, const std::string& currentPassword,
                                                       const std::string& newPassword, LoginResult& out)
{
    auto found = m_store.accountById(who.accountId);
    if (!found) {
        return AuthFailure{found.status()};
    }
    if (!found->has_value()) {
        return failure(ErrorCode::Unauthenticated, "no such account");
    }
    Account account = **found;
    if (!m_hasher.verify(account.passwordHash, currentPassword)) {
        return failure(ErrorCode::PermissionDenied, "Mật khẩu hiện tại không đúng / the current password is wrong");
    }
    if (std::string problem = PasswordHasher::policyViolation(newPassword); !problem.empty()) {
        return failure(ErrorCode::InvalidArgument, problem);
    }
    if (newPassword == currentPassword) {
        return failure(ErrorCode::InvalidArgument,
                       "Mật khẩu mới phải khác mật khẩu cũ / the new password must differ from the current one");
    }
    auto hashed = m_hasher.hash(newPassword);
    if (!hashed) {
        return AuthFailure{hashed.status()};
    }
    const std::int64_t now = m_clock.nowUnixMillis();
    account.passwordHash = *hashed;
    account.mustChangePassword = false;
    account.updatedAt = now;
    if (Status s = m_store.updateAccount(account, {now, who.accountId, "auth.password_changed", account.id, "{}"}); !s) {
        return AuthFailure{s};
    }
    if (Status s = m_store.revokeAccountTokens(account.id); !s) {
        return AuthFailure{s};
    }
    auto tokens = m_tokens.issue(account.id);
    if (!tokens) {
        return AuthFailure{tokens.status()};
    }
    out = LoginResult{std::move(tokens.value()), account};
    return std::nullopt;
}

Status AuthService::logout(const std::string& accessToken, const Principal& who)
{
    auto token = m_tokens.check(accessToken, TokenKind::Access);
    if (!token) {
        return token.status();
    }
    if (Status s = m_store.revokeSession(token->sessionId); !s) {
        return s;
    }
    return m_store.appendAudit({m_clock.nowUnixMillis(), who.accountId, "auth.logout", who.accountId, "{}"});
}

}  // namespace dantoc::server
