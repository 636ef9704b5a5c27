// Plain rows exchanged with the Store: accounts, units (versions and lineage), tokens, audit entries. Value types.
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

// One version of an administrative unit. Codes are reused across reforms, so a version is keyed by
// (code, validFrom); validTo is the last valid day (inclusive), empty = still valid. Dates are "YYYY-MM-DD".
struct Unit {
    std::string code;
    std::string name;
    std::string level;       // "province", "district", "commune", "village"
    std::string parentCode;  // empty for the province
    // Defaulted so the older four-field aggregate initialisation {code, name, level, parent} stays warning-free.
    std::string unitType = {};   // "tỉnh", "xã", "phường", "thôn", ... (may be empty)
    std::string validFrom = {};  // empty in upsertUnit(s) = kUnitDefaultValidFrom
    std::string validTo = {};
};

// Stored for units written without a date (the older single-snapshot API).
inline constexpr const char* kUnitDefaultValidFrom = "1900-01-01";

// The territory of version (oldCode, oldValidFrom) went wholly or partly into (newCode, newValidFrom).
struct UnitLineage {
    std::string oldCode;
    std::string oldValidFrom;
    std::string newCode;
    std::string newValidFrom;
    std::string effectiveDate;
    std::string kind;  // "merge", "split", "rename", "dissolve", "unchanged", ...
};

enum class TokenKind { Access, Refresh };

struct TokenRecord {
    std::string tokenHash;  // hex SHA-256 of the opaque token; the token itself is never stored
    std::string sessionId;  // an access token and its refresh token share a session id
    std::string familyId;   // every session rotated from one login shares it (refresh-token reuse revokes them all)
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
