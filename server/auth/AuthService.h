// AuthService: login with per-account lockout, token refresh (rotation), password change, logout, and bearer
// authentication for the Router. Time comes from the injected Clock so tests can expire tokens and lockouts.
// Thread-safe (state lives in the Store).
#pragma once

#include "auth/PasswordHasher.h"
#include "auth/TokenService.h"
#include "http/Router.h"
#include "store/Store.h"
#include "sync/SyncTuning.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dantoc::server {

// Defaults come from shared/sync/SyncTuning.h so the desktop client and the server agree on token lifetimes.
struct AuthPolicy {
    int maxFailures = sync::tuning::kLockoutMaxFailures;                // failed logins in the window → lockout
    std::int64_t failureWindowMs = sync::tuning::kLockoutWindowMillis;  // SEC-AUTH-4 / 742 PL 1.3đ
    std::int64_t accessTtlMs = sync::tuning::kAccessTokenLifetimeMillis;    // SEC-SES-1: short-lived
    std::int64_t refreshTtlMs = sync::tuning::kRefreshTokenLifetimeMillis;  // rotated on every use
};

struct LoginResult {
    IssuedTokens tokens;
    Account account;
};

// A failed auth call: the status code maps to HTTP (Unauthenticated 401, ResourceExhausted 429,
// InvalidArgument 400); retryAfterSeconds is set for lockouts.
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
    std::optional<AuthFailure> refresh(const std::string& refreshToken, LoginResult& out);
    // Verifies the current password, applies the policy, revokes every token of the account and issues new ones.
    std::optional<AuthFailure> changePassword(const Principal& who, const std::string& currentPassword,
                                              const std::string& newPassword, LoginResult& out);
    Status logout(const std::string& accessToken, const Principal& who);

    const PasswordHasher& hasher() const { return m_hasher; }
    const Clock& clock() const { return m_clock; }

private:
    Store& m_store;
    const Clock& m_clock;
    PasswordHasher m_hasher;
    AuthPolicy m_policy;
    TokenService m_tokens;
};

Principal principalOf(const Account& account);

}  // namespace dantoc::server
