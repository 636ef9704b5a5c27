// Statement: RAII owner of one prepared SQLCipher statement (sqlite3_stmt), with typed binds and column reads.
// Not thread-safe; use it on the thread that owns its Connection, and never after the Connection is gone.
#pragma once

#include "base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3_stmt;

namespace dantoc::client {

class Connection;

enum class ColumnType { Integer, Float, Text, Blob, Null };

class Statement
{
public:
    Statement() = default;
    Statement(Connection* connection, sqlite3_stmt* statement) : m_connection(connection), m_stmt(statement) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    // Binds use 1-based indexes, as SQLite does. Text is UTF-8; text and blobs are copied (SQLITE_TRANSIENT).
    Status bindNull(int index);
    Status bindInt64(int index, std::int64_t value);
    Status bindDouble(int index, double value);
    Status bindText(int index, std::string_view value);
    Status bindBlob(int index, const void* data, std::size_t size);
    // 0 when the statement has no parameter of that name (":name", "@name" or "$name", prefix included).
    int parameterIndex(const char* name) const;
    int parameterCount() const;
    // The parameter's name with its prefix, or "" for an anonymous "?".
    std::string parameterName(int index) const;
    Status clearBindings();

    // One step: true when a row is available, false when done.
    Result<bool> step();
    // Runs to completion, ignoring rows (for INSERT/UPDATE/DELETE).
    Status execute();
    Status reset();

    int columnCount() const;
    std::string columnName(int column) const;
    std::string columnDeclType(int column) const;  // "" for expressions
    std::string columnTable(int column) const;
    ColumnType columnType(int column) const;
    bool isNull(int column) const { return columnType(column) == ColumnType::Null; }
    std::int64_t columnInt64(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;  // also returns blobs as bytes
    std::string_view columnTextView(int column) const;  // valid until the next step/reset

    sqlite3_stmt* handle() const { return m_stmt; }

    // Row mapping: steps to the end and maps every row with `read(const Statement&) -> T`, so repositories do
    // not repeat the step loop.
    template <typename T, typename Read>
    Result<std::vector<T>> readAll(Read&& read)
    {
        std::vector<T> out;
        for (;;) {
            auto row = step();
            if (!row) {
                return row.status();
            }
            if (!*row) {
                return out;
            }
            out.push_back(read(std::as_const(*this)));
        }
    }
    // One row mapped with `read`; NotFound with `notFoundMessage` when there is none.
    template <typename T, typename Read>
    Result<T> readOne(Read&& read, const std::string& notFoundMessage)
    {
        auto row = step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return Status(ErrorCode::NotFound, notFoundMessage);
        }
        return read(std::as_const(*this));
    }

private:
    Status check(int rc, const char* what) const;

    Connection* m_connection = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace dantoc::client
