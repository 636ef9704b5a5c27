#include "auth/TokenService.h"

#include "audit/AuditChain.h"
#include "base/Uuid.h"

#include <sodium.h>

namespace dantoc::server {

namespace {
std::string randomToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}
}  // namespace

TokenService::TokenService(Store& store, const Clock& clock, std::int64_t accessTtlMs, std::int64_t refreshTtlMs)
    : m_store(store), m_clock(clock), m_accessTtlMs(accessTtlMs), m_refreshTtlMs(refreshTtlMs)
{
    if (sodium_init() < 0) {
        m_accessTtlMs = 0;  // cannot happen on Linux; no usable tokens rather than weak ones
    }
}

std::string TokenService::hashToken(const std::string& token)
{
    return sha256Hex(token);
}

Result<IssuedTokens> TokenService::issue(const std::string& accountId, const std::string& familyId)
{
    const std::int64_t now = m_clock.nowUnixMillis();
    IssuedTokens out;
    out.accessToken = randomToken();
    out.refreshToken = randomToken();
    out.sessionId = newUuid();
    out.accessExpiresAt = now + m_accessTtlMs;
    out.refreshExpiresAt = now + m_refreshTtlMs;
    const std::string family = familyId.empty() ? out.sessionId : familyId;
    std::vector<TokenRecord> rows = {{hashToken(out.accessToken), out.sessionId, family, accountId, TokenKind::Access,
                                      now, out.accessExpiresAt, false},
                                     {hashToken(out.refreshToken), out.sessionId, family, accountId,
                                      TokenKind::Refresh, now, out.refreshExpiresAt, false}};
    if (Status s = m_store.insertTokens(rows); !s) {
        return s;
    }
    return out;
}

Result<std::optional<TokenRecord>> TokenService::find(const std::string& token) const
{
    if (token.empty() || token.size() > 256) {
        return std::optional<TokenRecord>();
    }
    return m_store.tokenByHash(hashToken(token));
}

Result<TokenRecord> TokenService::check(const std::string& token, TokenKind kind) const
{
    if (token.empty() || token.size() > 256) {
        return Status(ErrorCode::Unauthenticated, "invalid token");
    }
    auto found = m_store.tokenByHash(hashToken(token));
    if (!found) {
        return found.status();
    }
    if (!found->has_value()) {
        return Status(ErrorCode::Unauthenticated, "invalid token");
    }
    const TokenRecord& record = **found;
    if (record.kind != kind || record.revoked) {
        return Status(ErrorCode::Unauthenticated, "invalid token");
    }
    if (m_clock.nowUnixMillis() >= record.expiresAt) {
        return Status(ErrorCode::Unauthenticated, "token expired");
    }
    return record;
}

}  // namespace dantoc::server
