#include "store/SqliteDb.h"

namespace dantoc::server {

Statement::Statement(sqlite3* db, const char* sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_error = sqlite3_errmsg(db);
        m_stmt = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
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

Db::~Db()
{
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
