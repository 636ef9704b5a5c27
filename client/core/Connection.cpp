#include "core/Connection.h"

#include "core/SecretKey.h"

#include <sodium.h>
#include <sqlite3.h>

#include <array>

namespace dantoc::client {

namespace {

// Page size used for every store; must be the same on every open (SQLCipher 3 default is 1024, and 4096
// halves the per-page HMAC/IV overhead for ~3 KB bodies).
constexpr const char* kCipherSettings = "PRAGMA cipher_page_size = 4096;";

}  // namespace

Connection::~Connection()
{
    if (m_db != nullptr) {
        // close_v2: statements still alive (a Qt model not yet destroyed) keep the handle until finalized.
        sqlite3_close_v2(m_db);
    }
}

Status Connection::error(int rc, std::string_view what) const
{
    const char* message = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    std::string text = std::string(what) + ": " + (message != nullptr ? message : "?");
    switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
        if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
            return {ErrorCode::AlreadyExists, text};
        }
        return {ErrorCode::InvalidArgument, text};
    case SQLITE_NOTADB:
        return {ErrorCode::Unauthenticated, "wrong passphrase or not a dantoc store"};
    case SQLITE_CORRUPT:
        return {ErrorCode::Corruption, text};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {ErrorCode::Unavailable, text};
    case SQLITE_FULL:
    case SQLITE_NOMEM:
        return {ErrorCode::ResourceExhausted, text};
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
        return {ErrorCode::IoError, text};
    case SQLITE_ERROR:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
        return {ErrorCode::InvalidArgument, text};
    default:
        return {ErrorCode::Internal, text};
    }
}

Status Connection::applyKey(sqlite3* db, const SecretKey& key, bool rekey)
{
    // Raw-key form x'<64 hex>' (what PRAGMA key = "x'...'" passes to sqlite3_key): SQLCipher then skips its own
    // PBKDF2, since Argon2id already stretched the passphrase. The text is built in locked memory and wiped.
    std::array<char, 3 + 2 * SecretKey::kSize + 1 + 1> text{};
    sodium_mlock(text.data(), text.size());
    text[0] = 'x';
    text[1] = '\'';
    sodium_bin2hex(text.data() + 2, 2 * SecretKey::kSize + 1, key.data(), SecretKey::kSize);
    text[2 + 2 * SecretKey::kSize] = '\'';
    const int length = 3 + 2 * static_cast<int>(SecretKey::kSize);
    const int rc = rekey ? sqlite3_rekey(db, text.data(), length) : sqlite3_key(db, text.data(), length);
    sodium_munlock(text.data(), text.size());  // wipes
    if (rc != SQLITE_OK) {
        return {ErrorCode::Internal, rekey ? "rekey failed" : "keying failed"};
    }
    return Status::ok();
}

Result<std::unique_ptr<Connection>> Connection::open(const std::filesystem::path& path, const SecretKey& key,
                                                     bool create)
{
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.string().c_str(), &db, flags, nullptr);
    std::unique_ptr<Connection> connection(new Connection(db, path));
    if (rc != SQLITE_OK) {
        return connection->error(rc, "open " + path.filename().string());
    }
    sqlite3_extended_result_codes(db, 1);
    // Before anything reads the file: two connections (GUI and sync worker) or two processes take turns.
    sqlite3_busy_timeout(db, kBusyTimeoutMillis);
    if (Status status = applyKey(db, key, false); !status) {
        return status;
    }
    if (Status status = connection->exec(kCipherSettings); !status) {
        return status;
    }
    // The key check: reading the schema decrypts page 1, which fails with SQLITE_NOTADB for a wrong key.
    // Nothing has been written yet, so a wrong passphrase leaves the file byte-for-byte unchanged.
    if (auto count = connection->queryInt64("SELECT count(*) FROM sqlite_master"); !count) {
        if (count.status().code() == ErrorCode::Unauthenticated) {
            return Status(ErrorCode::Unauthenticated, "wrong passphrase");
        }
        return count.status();
    }
    // WAL is encrypted by SQLCipher like the main file; temp tables and sort spills stay in memory so nothing
    // is written in the clear; secure_delete overwrites freed pages (purged households). FULL: an acknowledged
    // save survives power loss, not only a crash of the process.
    if (Status status = connection->exec("PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON;"
                                         "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
        !status) {
        return status;
    }
    if (auto mode = connection->queryText("PRAGMA journal_mode = WAL"); !mode) {
        return mode.status();
    }
    return connection;
}

Result<Statement> Connection::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return error(rc, "prepare");
    }
    if (stmt == nullptr) {
        return Status(ErrorCode::InvalidArgument, "prepare: empty statement");
    }
    return Statement(this, stmt);
}

Status Connection::exec(std::string_view sql)
{
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? Status::ok() : error(sqlite3_extended_errcode(m_db), "exec");
}

Result<std::string> Connection::queryText(std::string_view sql)
{
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.status();
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return Status(ErrorCode::NotFound, "no row");
    }
    return stmt->columnText(0);
}

Result<std::int64_t> Connection::queryInt64(std::string_view sql)
{
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.status();
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return Status(ErrorCode::NotFound, "no row");
    }
    return stmt->columnInt64(0);
}

Status Connection::rekey(const SecretKey& newKey)
{
    if (m_depth != 0) {
        return {ErrorCode::FailedPrecondition, "rekey inside a transaction"};
    }
    if (auto mode = queryText("PRAGMA journal_mode = DELETE"); !mode) {
        return mode.status();
    }
    Status status = applyKey(m_db, newKey, true);
    if (status) {
        // Prove the new key before reporting success.
        if (auto count = queryInt64("SELECT count(*) FROM sqlite_master"); !count) {
            status = count.status();
        }
    }
    if (auto mode = queryText("PRAGMA journal_mode = WAL"); !mode && status) {
        status = mode.status();
    }
    return status;
}

std::int64_t Connection::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

int Connection::changes() const { return sqlite3_changes(m_db); }

std::string Connection::lastErrorMessage() const { return sqlite3_errmsg(m_db); }

int Connection::lastErrorCode() const { return sqlite3_extended_errcode(m_db); }

Status Connection::begin()
{
    Status status = m_depth == 0 ? exec("BEGIN IMMEDIATE") : exec("SAVEPOINT sp" + std::to_string(m_depth));
    if (status) {
        ++m_depth;
    }
    return status;
}

Status Connection::commit()
{
    if (m_depth <= 0) {
        return {ErrorCode::FailedPrecondition, "commit without a transaction"};
    }
    Status status = m_depth == 1 ? exec("COMMIT") : exec("RELEASE sp" + std::to_string(m_depth - 1));
    if (status) {
        --m_depth;
    }
    return status;
}

Status Connection::rollback()
{
    if (m_depth <= 0) {
        return {ErrorCode::FailedPrecondition, "rollback without a transaction"};
    }
    --m_depth;
    if (m_depth == 0) {
        // SQLite may already have rolled back by itself (I/O error, out of memory).
        return sqlite3_get_autocommit(m_db) != 0 ? Status::ok() : exec("ROLLBACK");
    }
    const std::string name = "sp" + std::to_string(m_depth);
    return exec("ROLLBACK TO " + name + "; RELEASE " + name);
}

}  // namespace dantoc::client
