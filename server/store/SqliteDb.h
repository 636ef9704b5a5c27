// Small RAII wrappers over the SQLite C API (connection, prepared statement) used by SqliteStore. Errors become
// Status values; nothing throws. A Db is used by one thread at a time (SqliteStore serialises with a mutex).
#pragma once

#include "base/Result.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::server {

class Statement
{
public:
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool prepared() const { return m_stmt != nullptr; }
    const std::string& prepareError() const { return m_error; }

    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, std::int64_t value);
    Statement& bindNull(int index);
    Statement& bindOptional(int index, const std::optional<std::string>& value);

    // SQLITE_ROW: true; SQLITE_DONE: false; errors: the Status.
    Result<bool> step();
    Status run();  // step to completion, expecting no rows

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_error;
};

// Steps `st` to the end, appending from(st) for every row.
template <typename T, typename From>
Status readAll(Statement& st, From from, std::vector<T>& out)
{
    while (true) {
        auto row = st.step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return Status::ok();
        }
        out.push_back(from(st));
    }
}

// The first row of `st` through `from`, or nullopt when there is none.
template <typename T, typename From>
Result<std::optional<T>> readOne(Statement& st, From from)
{
    auto row = st.step();
    if (!row) {
        return row.status();
    }
    return *row ? std::optional<T>{from(st)} : std::optional<T>{};
}

class Db
{
public:
    Db() = default;
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    Status open(const std::filesystem::path& file, int busyTimeoutMs);
    sqlite3* handle() const { return m_db; }
    Status exec(const std::string& sql);
    Result<std::int64_t> userVersion();

private:
    sqlite3* m_db = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Db& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    Db& m_db;
    Status m_begin;
    bool m_done = false;
};

}  // namespace dantoc::server
