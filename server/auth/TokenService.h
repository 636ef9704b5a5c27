// Opaque bearer tokens: 256 random bits, base64url; the store keeps only their SHA-256, with expiry and a session
// id shared by an access token and its refresh token, so tokens are revocable, and a family id shared by every
// session rotated from one login. Thread-safe.
#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "store/Store.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dantoc::server {

struct IssuedTokens {
    std::string accessToken;
    std::string refreshToken;
    std::string sessionId;
    std::int64_t accessExpiresAt = 0;
    std::int64_t refreshExpiresAt = 0;
};

class TokenService
{
public:
    TokenService(Store& store, const Clock& clock, std::int64_t accessTtlMs, std::int64_t refreshTtlMs);

    // A new session; `familyId` empty starts a new family (a login), otherwise the session joins it (a rotation).
    Result<IssuedTokens> issue(const std::string& accountId, const std::string& familyId = {});
    // The live (unrevoked, unexpired) token record of the given kind, or Unauthenticated.
    Result<TokenRecord> check(const std::string& token, TokenKind kind) const;
    // The stored record whatever its state (revoked, expired), or nullopt when the token was never issued.
    Result<std::optional<TokenRecord>> find(const std::string& token) const;

    static std::string hashToken(const std::string& token);

private:
    Store& m_store;
    const Clock& m_clock;
    std::int64_t m_accessTtlMs;
    std::int64_t m_refreshTtlMs;
};

}  // namespace dantoc::server
