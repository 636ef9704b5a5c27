// Plain rows exchanged with the Store: accounts, units, tokens, audit entries. Value types.
#pragma once

#include "http/ApiTypes.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dantoc::server {

struct Account {
    std::string id;  // uuid
    std::string username;
    std::string displayName;
    Role role = Role::CommuneOfficer;
    std::string unitCode;
    std::string passwordHash;  // Argon2id string (libsodium crypto_pwhash_str)
    bool mustChangePassword = true;
    bool closed = false;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
};

struct Unit {
    std::string code;
    std::string name;
    std::string level;       // "province", "district", "commune", "village"
    std::string parentCode;  // empty for the province
};

enum class TokenKind { Access, Refresh };

struct TokenRecord {
    std::string tokenHash;  // hex SHA-256 of the opaque token; the token itself is never stored
    std::string sessionId;  // an access token and its refresh token share a session id
    std::string accountId;
    TokenKind kind = TokenKind::Access;
    std::int64_t issuedAt = 0;
    std::int64_t expiresAt = 0;
    bool revoked = false;
};

// What a caller wants appended to the audit log; seq, hashes are assigned by the store inside the transaction.
struct AuditEvent {
    std::int64_t at = 0;
    std::string actor;   // account id, or "system" / "cli"
    std::string action;  // "account.create", "auth.login_failed", ...
    std::string target;  // account id, unit code, ...
    std::string detailJson = "{}";
};

struct AuditEntry {
    std::int64_t seq = 0;
    AuditEvent event;
    std::string prevHash;
    std::string hash;
};

struct AuditFilter {
    std::optional<std::string> actor;
    std::optional<std::string> action;
    std::optional<std::string> target;
    std::optional<std::int64_t> since;  // at >= since
    std::optional<std::int64_t> until;  // at < until
    std::int64_t afterSeq = 0;
    std::int64_t limit = 100;
};

}  // namespace dantoc::server
