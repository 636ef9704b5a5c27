// AuthService: login throttled with backoff (auth/LoginThrottle.h), the same work for unknown users (a dummy hash of
// the real cost), token refresh (rotation, reuse revokes the family), throttled password change, logout, and
// bearer authentication for the Router. Time comes from the injected Clock so tests can expire tokens and lockouts.
// Thread-safe (state lives in the Store).
#pragma once

#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/TokenService.h"
#include "http/Router.h"
#include "store/Store.h"
#include "sync/SyncTuning.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace dantoc::server {

// Defaults come from shared/sync/SyncTuning.h so the desktop client and the server agree on token lifetimes.
struct AuthPolicy {
    ThrottlePolicy throttle;  // backoff after failed password checks (SEC-AUTH-4; issue 19, findings 5 and 6)
    std::int64_t accessTtlMs = sync::tuning::kAccessTokenLifetimeMillis;    // SEC-SES-1: short-lived
    std::int64_t refreshTtlMs = sync::tuning::kRefreshTokenLifetimeMillis;  // rotated on every use
};

struct LoginResult {
    IssuedTokens tokens;
    Account account;
};

// A failed auth call: the status code maps to HTTP (Unauthenticated 401, ResourceExhausted 429,
// InvalidArgument 400); retryAfterSeconds is set when throttled.
struct AuthFailure {
    Status status;
    std::int64_t retryAfterSeconds = 0;
};

class AuthService final : public Authenticator
{
public:
    AuthService(Store& store, const Clock& clock, PasswordHasher hasher, AuthPolicy policy = {});

    Result<Principal> authenticate(const std::string& bearerToken) const override;

    std::optional<AuthFailure> login(const std::string& username, const std::string& password,
                                     const std::string& remoteAddress, LoginResult& out);
    // Rotates the pair; the session joins the login's family. A refresh token used again after its rotation
    // revokes every session of the family (401 like any invalid token).
    std::optional<AuthFailure> refresh(const std::string& refreshToken, LoginResult& out);
    // Verifies the current password, applies the policy, revokes every token of the account and issues new ones.
    std::optional<AuthFailure> changePassword(const Principal& who, const std::string& currentPassword,
                                              const std::string& newPassword, LoginResult& out);
    Status logout(const std::string& accessToken, const Principal& who);

    const PasswordHasher& hasher() const { return m_hasher; }
    // Unknown users are verified against this hash, made at start-up with the configured cost, so their failed
    // login costs what a known user's does; the count of such verifications lets tests see the path runs.
    const std::string& dummyHash() const { return m_dummyHash; }
    std::uint64_t dummyVerifications() const { return m_dummyVerifications.load(); }
    const Clock& clock() const { return m_clock; }

private:
    // A revoked refresh token presented again: revokes its family, audits, and answers like any invalid token.
    AuthFailure reuseDetected(const TokenRecord& token);

    Store& m_store;
    const Clock& m_clock;
    PasswordHasher m_hasher;
    AuthPolicy m_policy;
    TokenService m_tokens;
    LoginThrottle m_throttle;
    std::string m_dummyHash;
    std::atomic<std::uint64_t> m_dummyVerifications{0};
};

Principal principalOf(const Account& account);

}  // namespace dantoc::server
