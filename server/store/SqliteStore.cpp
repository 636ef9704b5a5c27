#include "store/SqliteStore.h"

#include "admin/DataDirPermissions.h"
#include "store/SchemaParts.h"

namespace dantoc::server {

namespace {

// Version 5: the family a token's session belongs to ('' for tokens issued before: their own session).
constexpr const char* kTokenFamilySchemaV5 = R"SQL(
ALTER TABLE token ADD COLUMN family_id TEXT NOT NULL DEFAULT '';
CREATE INDEX token_family ON token(family_id);
)SQL";

// Version 1 as it shipped (its record/operation tables were placeholders, replaced in version 2).
constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE unit (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, parent_code TEXT REFERENCES unit(code));
CREATE INDEX unit_parent ON unit(parent_code);
CREATE TABLE account (
    id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,
    unit_code TEXT NOT NULL, password_hash TEXT NOT NULL, must_change_password INTEGER NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE token (
    token_hash TEXT PRIMARY KEY, session_id TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES account(id),
    kind TEXT NOT NULL, issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE INDEX token_session ON token(session_id);
CREATE INDEX token_account ON token(account_id);
CREATE TABLE login_failure (account_id TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX login_failure_account ON login_failure(account_id, at);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
    detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TABLE device (device_id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES account(id),
    last_dev_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE record (
    record_id TEXT PRIMARY KEY, form_id TEXT NOT NULL, unit_code TEXT NOT NULL, period_id TEXT,
    version INTEGER NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL, created_by TEXT NOT NULL REFERENCES account(id),
    updated_at INTEGER NOT NULL, change_seq INTEGER NOT NULL);
CREATE INDEX record_unit ON record(unit_code);
CREATE TABLE record_version (
    record_id TEXT NOT NULL REFERENCES record(record_id), version INTEGER NOT NULL, body TEXT NOT NULL,
    state TEXT NOT NULL, author TEXT NOT NULL, at INTEGER NOT NULL, op_id TEXT, PRIMARY KEY (record_id, version));
CREATE TABLE op (
    op_id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL, dev_seq INTEGER NOT NULL, account_id TEXT NOT NULL,
    received_at INTEGER NOT NULL, outcome TEXT NOT NULL, UNIQUE (device_id, dev_seq));
CREATE INDEX op_account ON op(account_id);
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY, record_id TEXT NOT NULL, unit_code TEXT NOT NULL, version INTEGER NOT NULL,
    at INTEGER NOT NULL);
CREATE INDEX change_log_unit ON change_log(unit_code, seq);
CREATE TABLE conflict (
    id INTEGER PRIMARY KEY, record_id TEXT NOT NULL, op_id TEXT NOT NULL, detail TEXT NOT NULL,
    at INTEGER NOT NULL, resolved INTEGER NOT NULL DEFAULT 0);
CREATE TABLE comment (
    id TEXT PRIMARY KEY, record_id TEXT NOT NULL, field_path TEXT, author TEXT NOT NULL REFERENCES account(id),
    body TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content_type TEXT NOT NULL, path TEXT NOT NULL,
    uploaded_by TEXT NOT NULL, complete INTEGER NOT NULL DEFAULT 0, at INTEGER NOT NULL);
)SQL";

constexpr const char* kDropV1SyncTables = R"SQL(
DROP TABLE IF EXISTS device; DROP TABLE IF EXISTS record_version; DROP TABLE IF EXISTS record;
DROP TABLE IF EXISTS op; DROP TABLE IF EXISTS change_log; DROP TABLE IF EXISTS conflict;
DROP TABLE IF EXISTS comment; DROP TABLE IF EXISTS blob;
)SQL";

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& dataDir,
                                                      const std::filesystem::path& auditKeyFile)
{
    // The directory first, so the database is never created readable by others (SQLite gives the WAL and shm
    // files the database file's mode); again at the end for files created meanwhile under an open umask.
    if (Status s = secureDataDirectory(dataDir); !s) {
        return s;
    }
    std::unique_ptr<SqliteStore> store(new SqliteStore());
    if (Status s = store->m_db.open(dataDir / kFileName, 5000); !s) {
        return s;
    }
    if (Status s = secureDataDirectory(dataDir); !s) {
        return s;
    }
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (Status s = store->m_db.exec(pragma); !s) {
            return s;
        }
    }
    if (Status s = store->loadAuditKey(auditKeyFile.empty() ? dataDir / kAuditKeyFile : auditKeyFile); !s) {
        return s;
    }
    if (Status s = store->migrate(); !s) {
        return s;
    }
    if (Status s = store->ensureUnitHistory(); !s) {
        return s;
    }
    if (Status s = store->write([](Db& db) { return db.exec(kCatalogMetaSchema); }); !s) {
        return s;
    }
    if (Status s = secureDataDirectory(dataDir); !s) {
        return s;
    }
    return store;
}

Status SqliteStore::migrate()
{
    auto version = m_db.userVersion();
    if (!version) {
        return version.status();
    }
    if (*version > kSchemaVersion) {
        return Status(ErrorCode::FailedPrecondition,
                      "the store has schema version " + std::to_string(*version) + ", newer than this server (" +
                          std::to_string(kSchemaVersion) + ")");
    }
    if (*version == kSchemaVersion) {
        return Status::ok();
    }
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    if (*version < 1) {
        if (Status s = m_db.exec(kSchemaV1); !s) {
            return s;
        }
    }
    if (*version < 2) {
        // Version 2: the sync tables of version 1 were placeholders (never written); each component store defines
        // its own tables (store/SchemaParts.h).
        if (Status s = m_db.exec(kDropV1SyncTables); !s) {
            return s;
        }
        for (const char* part : {kRecordSchemaV2, kBlobSchemaV2, kCatalogSchemaV2}) {
            if (Status s = m_db.exec(part); !s) {
                return s;
            }
        }
    }
    if (*version < 3) {
        if (Status s = m_db.exec(kRecordSchemaV3); !s) {
            return s;
        }
    }
    if (*version < 4) {
        if (Status s = m_db.exec(kBlobSchemaV4); !s) {
            return s;
        }
    }
    if (*version < 5) {
        // Version 5: token families (the sessions rotated from one login), so a reused refresh token revokes all.
        if (Status s = m_db.exec(kTokenFamilySchemaV5); !s) {
            return s;
        }
    }
    if (*version < 6) {
        // Version 6: the audit chain keyed with HMAC-SHA256 (issue 19, finding 4); a non-empty chain is verified
        // as the plain SHA-256 chain it was, then re-keyed whole, so every later check uses the key.
        if (Status s = rekeyAuditLocked(); !s) {
            return s;
        }
    }
    if (Status s = m_db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion)); !s) {
        return s;
    }
    return tx.commit();
}

Status SqliteStore::loadAuditKey(const std::filesystem::path& keyFile)
{
    auto key = AuditKey::load(keyFile);
    if (key) {
        m_auditKey = *key;
        return Status::ok();
    }
    if (key.status().code() != ErrorCode::NotFound) {
        return key.status();
    }
    auto version = m_db.userVersion();
    if (!version) {
        return version.status();
    }
    if (*version >= 6) {
        return Status(ErrorCode::FailedPrecondition,
                      "the audit key file " + keyFile.string() +
                          " is missing; this store's audit chain is keyed with it: restore the key from its own"
                          " backup (database backups do not hold it)");
    }
    auto created = AuditKey::create(keyFile);
    if (!created) {
        return created.status();
    }
    m_auditKey = *created;
    return Status::ok();
}

Status SqliteStore::backupTo(const std::filesystem::path& file)
{
    if (std::filesystem::exists(file)) {
        return Status(ErrorCode::AlreadyExists, file.string() + " already exists");
    }
    Db target;
    if (Status s = target.open(file, 5000); !s) {
        return s;
    }
    std::lock_guard lock(m_mutex);
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", m_db.handle(), "main");
    if (!backup) {
        return Status(ErrorCode::IoError, std::string("backup: ") + sqlite3_errmsg(target.handle()));
    }
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        return Status(ErrorCode::IoError, std::string("backup: ") + sqlite3_errstr(rc));
    }
    return Status::ok();
}

Status SqliteStore::write(const std::function<Status(Db&)>& body)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    if (Status s = body(m_db); !s) {
        return s;  // the Transaction rolls back
    }
    return tx.commit();
}

Status SqliteStore::read(const std::function<Status(Db&)>& body)
{
    std::lock_guard lock(m_mutex);
    if (Status s = m_db.exec("BEGIN DEFERRED"); !s) {
        return s;
    }
    Status result = body(m_db);
    (void)m_db.exec(result ? "COMMIT" : "ROLLBACK");
    return result;
}

Status SqliteStore::exec(const char* sql, const std::vector<std::string>& params)
{
    Statement st(m_db.handle(), sql);
    for (std::size_t i = 0; i < params.size(); ++i) {
        st.bind(static_cast<int>(i + 1), params[i]);
    }
    return st.run();
}

}  // namespace dantoc::server
