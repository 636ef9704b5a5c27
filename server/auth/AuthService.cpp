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
      m_tokens(store, clock, policy.accessTtlMs, policy.refreshTtlMs), m_throttle(store, clock, policy.throttle)
{
    // A hash of a random password at the configured cost: verifying it costs what a real account's check does.
    auto dummy = m_hasher.hash(PasswordHasher::generatePassword());
    m_dummyHash = dummy ? *dummy : std::string();
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
    // Throttled before the account is even looked up, by keys built from the name as typed: an unknown user is
    // answered exactly like a known one, and the right password waits too (so backoff slows guessing).
    const std::vector<ThrottleKey> keys = m_throttle.loginKeys(username, remoteAddress);
    auto wait = m_throttle.waitMillis(keys);
    if (!wait) {
        return AuthFailure{wait.status()};
    }
    auto found = m_store.accountByUsername(username);
    if (!found) {
        return AuthFailure{found.status()};
    }
    const std::optional<Account> account = *found;
    const std::string actor = account ? account->id : std::string("anonymous");
    if (*wait > 0) {
        (void)m_store.appendAudit({now, actor, "auth.login_throttled", account ? account->id : username,
                                   nlohmann::json{{"ip", remoteAddress}, {"wait_ms", *wait}}.dump()});
        return failure(ErrorCode::ResourceExhausted,
                       "Đăng nhập sai nhiều lần, vui lòng đợi rồi thử lại / too many failed logins; retry later",
                       std::max<std::int64_t>(1, (*wait + 999) / 1000));
    }
    // The same Argon2id work whether or not the user exists or is closed, so timing tells nothing.
    bool verified = false;
    if (account) {
        verified = m_hasher.verify(account->passwordHash, password);
    } else {
        ++m_dummyVerifications;
        (void)m_hasher.verify(m_dummyHash, password);
    }
    if (!account || account->closed || !verified) {
        const char* reason = !account ? "unknown_user" : account->closed ? "closed" : "bad_password";
        const nlohmann::json detail = {{"reason", reason}, {"ip", remoteAddress}};
        if (Status s = m_throttle.recordFailure(
                keys, {now, actor, "auth.login_failed", account ? account->id : username, detail.dump()});
            !s) {
            return AuthFailure{s};
        }
        return failure(ErrorCode::Unauthenticated, kBadCredentials);
    }
    // Success forgets only this account-and-address pair: the owner logging in must not hand a guesser elsewhere
    // fresh free tries, and one good account must not reset an address that guesses others (those age out).
    (void)m_store.clearLoginFailures(keys.front().key);
    auto tokens = m_tokens.issue(account->id);
    if (!tokens) {
        return AuthFailure{tokens.status()};
    }
    (void)m_store.appendAudit({now, account->id, "auth.login", account->id,
                               nlohmann::json{{"ip", remoteAddress}, {"session", tokens->sessionId}}.dump()});
    out = LoginResult{std::move(tokens.value()), *account};
    return std::nullopt;
}

std::optional<AuthFailure> AuthService::refresh(const std::string& refreshToken, LoginResult& out)
{
    // A refresh token is good once. One that comes back after rotation was copied (or the rotation's answer went
    // to someone else): revoke the whole family, the thief's tokens and the owner's alike (RFC 6819 §5.2.2.3).
    auto stored = m_tokens.find(refreshToken);
    if (!stored) {
        return AuthFailure{stored.status()};
    }
    if (*stored && (*stored)->kind == TokenKind::Refresh && (*stored)->revoked) {
        return reuseDetected(**stored);
    }
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
    // Rotation: the old pair dies with its session, atomically, so two refreshes racing with one token cannot both
    // win; the loser is a reuse.
    auto claimed = m_store.claimRefreshToken(token->tokenHash);
    if (!claimed) {
        return AuthFailure{claimed.status()};
    }
    if (!*claimed) {
        return reuseDetected(*token);
    }
    auto tokens = m_tokens.issue(token->accountId, token->familyId);
    if (!tokens) {
        return AuthFailure{tokens.status()};
    }
    out = LoginResult{std::move(tokens.value()), **account};
    return std::nullopt;
}

AuthFailure AuthService::reuseDetected(const TokenRecord& token)
{
    if (Status s = m_store.revokeFamily(token.familyId); !s) {
        return AuthFailure{s};
    }
    (void)m_store.appendAudit({m_clock.nowUnixMillis(), token.accountId, "auth.refresh_reused", token.accountId,
                               nlohmann::json{{"session", token.sessionId}, {"family", token.familyId}}.dump()});
    return failure(ErrorCode::Unauthenticated, "invalid token");
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
    // A stolen token must not open unlimited guesses at the current password: the same backoff as logins.
    const std::vector<ThrottleKey> keys = m_throttle.passwordKeys(account.id);
    auto wait = m_throttle.waitMillis(keys);
    if (!wait) {
        return AuthFailure{wait.status()};
    }
    if (*wait > 0) {
        return failure(ErrorCode::ResourceExhausted,
                       "Nhập sai mật khẩu hiện tại nhiều lần, vui lòng đợi / too many wrong current passwords; "
                       "retry later",
                       std::max<std::int64_t>(1, (*wait + 999) / 1000));
    }
    if (!m_hasher.verify(account.passwordHash, currentPassword)) {
        if (Status s = m_throttle.recordFailure(keys, {m_clock.nowUnixMillis(), account.id,
                                                       "auth.password_change_failed", account.id,
                                                       R"({"reason":"wrong_current_password"})"});
            !s) {
            return AuthFailure{s};
        }
        return failure(ErrorCode::PermissionDenied, "Mật khẩu hiện tại không đúng / the current password is wrong");
    }
    (void)m_store.clearLoginFailures(keys.front().key);
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
