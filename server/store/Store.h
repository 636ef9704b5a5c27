// Store: the server's persistent state behind a narrow interface, so a PostgreSQL store can replace the embedded
// SQLite one at national scale. Every mutating call is one transaction and appends its audit event in that same
// transaction. Implementations are thread-safe.
#pragma once

#include "audit/AuditKey.h"
#include "base/Result.h"
#include "store/StoreTypes.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace dantoc::server {

class Store
{
public:
    virtual ~Store() = default;

    // Accounts. Accounts are never deleted (seed 004 art. 6.7): only closed.
    virtual Result<std::optional<Account>> accountById(const std::string& id) = 0;
    virtual Result<std::optional<Account>> accountByUsername(const std::string& username) = 0;
    virtual Result<std::vector<Account>> listAccounts() = 0;
    virtual Status insertAccount(const Account& account, const AuditEvent& audit) = 0;  // AlreadyExists on name
    virtual Status updateAccount(const Account& account, const AuditEvent& audit) = 0;
    // Whether the account has produced data (operations, records, comments): such accounts are never deleted.
    virtual Result<bool> accountHasData(const std::string& accountId) = 0;

    // Units. Every version of every unit is kept with its validity, plus lineage (merges, splits); the "current"
    // table holds, per code, its latest version (what unitByCode/listUnits/isInSubtree see). Date-aware questions
    // go to the admin tree built from listUnitVersions()/listUnitLineage() (scope/AdminScopePolicy.h).
    virtual Status upsertUnit(const Unit& unit) = 0;
    virtual Status upsertUnits(const std::vector<Unit>& units) = 0;  // one transaction; parents before children
    virtual Result<std::optional<Unit>> unitByCode(const std::string& code) = 0;  // the latest version
    virtual Result<std::vector<Unit>> listUnits() = 0;                             // latest version per code
    // True when `unitCode` is `ancestorCode` or below it (latest versions).
    virtual Result<bool> isInSubtree(const std::string& ancestorCode, const std::string& unitCode) = 0;
    virtual Result<std::vector<Unit>> listUnitVersions() = 0;        // ordered by code, valid_from
    virtual Result<std::vector<UnitLineage>> listUnitLineage() = 0;  // ordered by old, new
    // Inserts or replaces these versions (key code + valid_from) and lineage rows (key old + new version), refreshes
    // the current table and appends `audit`, in one transaction. The caller has validated the merged tree.
    virtual Status applyUnitImport(const std::vector<Unit>& versions, const std::vector<UnitLineage>& lineage,
                                   const AuditEvent& audit) = 0;
    // A counter stored with the units, bumped by every unit write (from any process): caches compare it.
    virtual Result<std::int64_t> unitGeneration() = 0;
    // Unit writes made through this object (no I/O): a cheap in-process change signal for caches.
    virtual std::uint64_t unitWritesSeen() const = 0;

    // Tokens (stored hashed).
    virtual Status insertTokens(const std::vector<TokenRecord>& tokens) = 0;
    virtual Result<std::optional<TokenRecord>> tokenByHash(const std::string& tokenHash) = 0;
    virtual Status revokeSession(const std::string& sessionId) = 0;
    // Rotation, atomically: when the refresh token with this hash is live (not revoked), revokes its session and
    // returns true; false when it was already revoked (a reuse, or a concurrent refresh that won).
    virtual Result<bool> claimRefreshToken(const std::string& tokenHash) = 0;
    // Revokes every token of every session in the family (RFC 6819 §5.2.2.3: a rotated refresh token came back).
    virtual Status revokeFamily(const std::string& familyId) = 0;
    virtual Status revokeAccountTokens(const std::string& accountId) = 0;

    // Failed password checks, by throttle key (auth/LoginThrottle.h): one row per key and failure, with the audit
    // event, in one transaction.
    virtual Status recordLoginFailure(const std::vector<std::string>& keys, std::int64_t at,
                                      const AuditEvent& audit) = 0;
    // The times of the key's failures at or after `since`, oldest first.
    virtual Result<std::vector<std::int64_t>> loginFailuresSince(const std::string& key, std::int64_t since) = 0;
    // Forgets the key's failures and those of every compound key "<key>|…" (an account's pairs with addresses).
    virtual Status clearLoginFailures(const std::string& key) = 0;

    // Audit log (append-only, hash-chained).
    virtual Status appendAudit(const AuditEvent& audit) = 0;
    virtual Result<std::vector<AuditEntry>> listAudit(const AuditFilter& filter) = 0;
    virtual Result<std::vector<AuditEntry>> allAudit() = 0;  // in seq order, for verification
    virtual const AuditKey& auditKey() const = 0;            // the chain's HMAC key (audit/AuditKey.h)
};

}  // namespace dantoc::server
