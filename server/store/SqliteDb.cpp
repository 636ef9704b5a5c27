#include "store/SqliteDb.h"

namespace dantoc::server {

Statement::Statement(sqlite3* db, const char* sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_error = sqlite3_errmsg(db);
        m_stmt = nullptr;
    }
}

Statement::Statement(Db& db, const std::string& sql) : m_db(db.handle())
{
    bool cached = false;
    m_stmt = db.borrow(sql, cached, m_error);
    if (cached) {
        m_cache = &db;
    }
}

Statement::~Statement()
{
    if (m_cache) {
        m_cache->giveBack(m_stmt);
    } else {
        sqlite3_finalize(m_stmt);
    }
}

Statement& Statement::bind(int index, const std::string& value)
{
    sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement& Statement::bindOptional(int index, const std::optional<std::string>& value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Result<bool> Statement::step()
{
    if (!m_stmt) {
        return Status(ErrorCode::Internal, "sqlite prepare: " + m_error);
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    // Only uniqueness is the caller's conflict; other constraint failures (triggers, foreign keys, checks) are
    // internal errors of ours.
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Status(ErrorCode::AlreadyExists, std::string("constraint: ") + sqlite3_errmsg(m_db));
    }
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {
        return Status(ErrorCode::Internal, std::string("constraint: ") + sqlite3_errmsg(m_db));
    }
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
        return Status(ErrorCode::Unavailable, std::string("database busy: ") + sqlite3_errmsg(m_db));
    }
    return Status(ErrorCode::IoError, std::string("sqlite: ") + sqlite3_errmsg(m_db));
}

Status Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return Status::ok();
        }
    }
}

std::string Statement::text(int column) const
{
    const auto* data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)) : std::string();
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

namespace {

// Distinct SQL texts a connection keeps prepared; past this (SQL built from values would be the only way there)
// statements are prepared for their one use.
constexpr std::size_t kMaxCachedStatements = 256;

}  // namespace

sqlite3_stmt* Db::borrow(const std::string& sql, bool& cached, std::string& error)
{
    cached = false;
    auto it = m_statements.find(sql);
    if (it != m_statements.end() && !it->second.inUse) {
        it->second.inUse = true;
        m_borrowed[it->second.stmt] = &it->second;
        cached = true;
        return it->second.stmt;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
        error = sqlite3_errmsg(m_db);
        sqlite3_finalize(stmt);
        return nullptr;
    }
    if (it == m_statements.end() && m_statements.size() < kMaxCachedStatements) {
        // References into an unordered_map stay valid across rehashing, so m_borrowed may point at the entry.
        Cached& entry = m_statements[sql];
        entry.stmt = stmt;
        entry.inUse = true;
        m_borrowed[stmt] = &entry;
        cached = true;
    }
    return stmt;
}

void Db::giveBack(sqlite3_stmt* stmt)
{
    auto it = m_borrowed.find(stmt);
    if (it == m_borrowed.end()) {
        sqlite3_finalize(stmt);
        return;
    }
    // Reset ends the statement's read of the database (no lock or snapshot is held between uses); the bindings
    // are cleared so no value of one call is seen by the next.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    it->second->inUse = false;
    m_borrowed.erase(it);
}

Db::~Db()
{
    for (auto& [sql, entry] : m_statements) {
        sqlite3_finalize(entry.stmt);
    }
    sqlite3_close_v2(m_db);
}

Status Db::open(const std::filesystem::path& file, int busyTimeoutMs)
{
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(file.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        return Status(ErrorCode::IoError, "cannot open " + file.string() + ": " + message);
    }
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    sqlite3_extended_result_codes(m_db, 1);
    return Status::ok();
}

Status Db::exec(const std::string& sql)
{
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        return Status(ErrorCode::IoError, "sqlite: " + message);
    }
    return Status::ok();
}

Result<std::int64_t> Db::userVersion()
{
    Statement st(m_db, "PRAGMA user_version");
    auto row = st.step();
    if (!row) {
        return row.status();
    }
    return *row ? st.integer(0) : 0;
}

Transaction::Transaction(Db& db) : m_db(db), m_begin(db.exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction()
{
    if (!m_done && m_begin) {
        (void)m_db.exec("ROLLBACK");
    }
}

Status Transaction::commit()
{
    if (!m_begin) {
        return m_begin;
    }
    Status s = m_db.exec("COMMIT");
    if (s) {
        m_done = true;
    }
    return s;
}

}  // namespace dantoc::server
