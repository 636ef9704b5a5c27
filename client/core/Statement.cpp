#include "core/Statement.h"

#include "core/Connection.h"

#include <sqlite3.h>

#include <utility>

namespace dantoc::client {

Statement::~Statement()
{
    if (m_stmt != nullptr) {
        sqlite3_finalize(m_stmt);
    }
}

Statement::Statement(Statement&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (m_stmt != nullptr) {
            sqlite3_finalize(m_stmt);
        }
        m_connection = std::exchange(other.m_connection, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Status Statement::check(int rc, const char* what) const
{
    if (rc == SQLITE_OK) {
        return Status::ok();
    }
    return m_connection != nullptr ? m_connection->error(rc, what)
                                   : Status(ErrorCode::Internal, std::string(what) + ": no statement");
}

Status Statement::bindNull(int index) { return check(sqlite3_bind_null(m_stmt, index), "bind"); }

Status Statement::bindInt64(int index, std::int64_t value)
{
    return check(sqlite3_bind_int64(m_stmt, index, value), "bind");
}

Status Statement::bindDouble(int index, double value)
{
    return check(sqlite3_bind_double(m_stmt, index, value), "bind");
}

Status Statement::bindText(int index, std::string_view value)
{
    return check(sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
                 "bind");
}

Status Statement::bindBlob(int index, const void* data, std::size_t size)
{
    static const char empty = 0;
    return check(sqlite3_bind_blob64(m_stmt, index, size == 0 ? &empty : data, size, SQLITE_TRANSIENT), "bind");
}

int Statement::parameterIndex(const char* name) const { return sqlite3_bind_parameter_index(m_stmt, name); }

int Statement::parameterCount() const { return sqlite3_bind_parameter_count(m_stmt); }

std::string Statement::parameterName(int index) const
{
    const char* name = sqlite3_bind_parameter_name(m_stmt, index);
    return name != nullptr ? std::string(name) : std::string();
}

Status Statement::clearBindings() { return check(sqlite3_clear_bindings(m_stmt), "clear bindings"); }

Result<bool> Statement::step()
{
    if (m_stmt == nullptr) {
        return Status(ErrorCode::Internal, "step on an empty statement");
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    Status status = check(rc, "step");
    sqlite3_reset(m_stmt);  // leave the statement reusable
    return status;
}

Status Statement::execute()
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

Status Statement::reset()
{
    // sqlite3_reset repeats the last step's error; that error was already reported by step().
    sqlite3_reset(m_stmt);
    return Status::ok();
}

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

std::string Statement::columnName(int column) const
{
    const char* name = sqlite3_column_name(m_stmt, column);
    return name != nullptr ? std::string(name) : std::string();
}

std::string Statement::columnDeclType(int column) const
{
    const char* type = sqlite3_column_decltype(m_stmt, column);
    return type != nullptr ? std::string(type) : std::string();
}

std::string Statement::columnTable(int column) const
{
#ifdef SQLITE_ENABLE_COLUMN_METADATA
    const char* table = sqlite3_column_table_name(m_stmt, column);
    return table != nullptr ? std::string(table) : std::string();
#else
    (void)column;
    return {};
#endif
}

ColumnType Statement::columnType(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return ColumnType::Integer;
    case SQLITE_FLOAT:
        return ColumnType::Float;
    case SQLITE_TEXT:
        return ColumnType::Text;
    case SQLITE_BLOB:
        return ColumnType::Blob;
    default:
        return ColumnType::Null;
    }
}

std::int64_t Statement::columnInt64(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::columnDouble(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::columnText(int column) const { return std::string(columnTextView(column)); }

std::string_view Statement::columnTextView(int column) const
{
    if (sqlite3_column_type(m_stmt, column) == SQLITE_BLOB) {
        const void* data = sqlite3_column_blob(m_stmt, column);
        const int size = sqlite3_column_bytes(m_stmt, column);
        return data != nullptr ? std::string_view(static_cast<const char*>(data), static_cast<std::size_t>(size))
                               : std::string_view();
    }
    const unsigned char* text = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text != nullptr ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
                           : std::string_view();
}

}  // namespace dantoc::client
