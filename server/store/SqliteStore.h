// SqliteStore: the embedded Store (SQLite 3.40, WAL, busy_timeout) in <data>/dantoc-server.db. One connection
// serialised by a mutex: simple and correct; every write is one BEGIN IMMEDIATE transaction. Thread-safe.
// Split by concern: SqliteStore.cpp (open, schema), +Accounts.cpp (accounts, tokens), +Units.cpp, +Audit.cpp. The
// component stores (SqliteRecordStore, SqliteBlobStore, SqliteCatalogStore) share this connection via write()/read().
#pragma once

#include "audit/AuditKey.h"
#include "store/SqliteDb.h"
#include "store/Store.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace dantoc::server {

class SqliteStore final : public Store
{
public:
    static constexpr std::int64_t kSchemaVersion = 6;
    static constexpr const char* kFileName = "dantoc-server.db";

    // Opens (creating if needed) and migrates to kSchemaVersion. The audit key is read from `auditKeyFile`
    // (default <dataDir>/keys/audit.key, audit/AuditKey.h); it is created when missing only for a store whose
    // chain is not keyed yet (new, or schema < 6, whose plain chain is verified and re-keyed by the migration). A
    // keyed store without its key file is refused (FailedPrecondition): the key must be restored from its backup.
    static Result<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& dataDir,
                                                     const std::filesystem::path& auditKeyFile = {});

    Result<std::optional<Account>> accountById(const std::string& id) override;
    Result<std::optional<Account>> accountByUsername(const std::string& username) override;
    Result<std::vector<Account>> listAccounts() override;
    Status insertAccount(const Account& account, const AuditEvent& audit) override;
    Status updateAccount(const Account& account, const AuditEvent& audit) override;
    Result<bool> accountHasData(const std::string& accountId) override;

    Status upsertUnit(const Unit& unit) override;
    Status upsertUnits(const std::vector<Unit>& units) override;
    Result<std::optional<Unit>> unitByCode(const std::string& code) override;
    Result<std::vector<Unit>> listUnits() override;
    Result<bool> isInSubtree(const std::string& ancestorCode, const std::string& unitCode) override;
    Result<std::vector<Unit>> listUnitVersions() override;
    Result<std::vector<UnitLineage>> listUnitLineage() override;
    Status applyUnitImport(const std::vector<Unit>& versions, const std::vector<UnitLineage>& lineage,
                           const AuditEvent& audit) override;
    Result<std::int64_t> unitGeneration() override;
    std::uint64_t unitWritesSeen() const override { return m_unitWrites.load(); }

    Status insertTokens(const std::vector<TokenRecord>& tokens) override;
    Result<std::optional<TokenRecord>> tokenByHash(const std::string& tokenHash) override;
    Status revokeSession(const std::string& sessionId) override;
    Result<bool> claimRefreshToken(const std::string& tokenHash) override;
    Status revokeFamily(const std::string& familyId) override;
    Status revokeAccountTokens(const std::string& accountId) override;

    Status recordLoginFailure(const std::vector<std::string>& keys, std::int64_t at, const AuditEvent& audit) override;
    Result<std::vector<std::int64_t>> loginFailuresSince(const std::string& key, std::int64_t since) override;
    Status clearLoginFailures(const std::string& key) override;

    Status appendAudit(const AuditEvent& audit) override;
    Result<std::vector<AuditEntry>> listAudit(const AuditFilter& filter) override;
    Result<std::vector<AuditEntry>> allAudit() override;
    const AuditKey& auditKey() const override { return *m_auditKey; }

    // A consistent copy of the live database into `file` (SQLite online backup API; writers wait only briefly
    // between steps). Fails if `file` exists.
    Status backupTo(const std::filesystem::path& file);

    // For the component stores sharing this connection. `body` runs under the store's mutex inside one
    // BEGIN IMMEDIATE transaction: committed when it returns ok, rolled back otherwise (or if it throws).
    // appendAuditInWrite() inside `body` audits in that same transaction. Not re-entrant.
    Status write(const std::function<Status(Db&)>& body);
    // `body` runs under the store's mutex inside one deferred (read) transaction, so several reads agree.
    Status read(const std::function<Status(Db&)>& body);
    // Only inside write(): appends to the hash-chained audit log in the caller's transaction.
    Status appendAuditInWrite(const AuditEvent& audit) { return appendAuditLocked(audit); }

    // Test hook: the raw connection (tamper tests); callers must not hold it across other calls.
    sqlite3* rawHandle() { return m_db.handle(); }

private:
    SqliteStore() = default;
    Status migrate();
    Status loadAuditKey(const std::filesystem::path& keyFile);
    // Schema 6: verifies the plain SHA-256 chain, rewrites every hash keyed, audits the re-keying. In migrate()'s
    // transaction. SqliteStore+Audit.cpp.
    Status rekeyAuditLocked();
    Status appendAuditLocked(const AuditEvent& audit);
    Status upsertUnitLocked(const Unit& unit);  // inside an open transaction
    // Unit history tables (unit_version, unit_lineage, unit_meta) and the unit table's date columns, created if
    // missing at every open (independent of the schema version other components bump). SqliteStore+Units.cpp.
    Status ensureUnitHistory();
    Status refreshCurrentUnitLocked(const std::string& code);
    Status bumpUnitGenerationLocked();
    Status exec(const char* sql, const std::vector<std::string>& params);

    std::mutex m_mutex;
    Db m_db;
    std::optional<AuditKey> m_auditKey;  // set by open() before anything else runs
    std::atomic<std::uint64_t> m_unitWrites{0};
};

}  // namespace dantoc::server
