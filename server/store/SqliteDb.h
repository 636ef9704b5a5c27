// Small RAII wrappers over the SQLite C API (connection, prepared statement) used by SqliteStore. Errors become
// Status values; nothing throws. A Db keeps the statements of fixed SQL it was asked for prepared (its statement
// cache: preparing again on every call was ~15 % of the server's push CPU); a Statement made from a Db borrows one
// and, when it goes out of scope, resets it and clears its bindings so it holds no lock and no value. Not
// thread-safe: a Db and its cache are used by one thread at a time (SqliteStore serialises with its mutex).
#pragma once

#include "base/Result.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dantoc::server {

class Db;

class Statement
{
public:
    // Prepared for this one use, finalized by the destructor.
    Statement(sqlite3* db, const char* sql);
    // Borrowed from the connection's statement cache (prepared on the first use of this SQL); for SQL whose text is
    // fixed, not built from values (each distinct text is kept while the Db lives, up to a bound).
    Statement(Db& db, const std::string& sql);
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
    Db* m_cache = nullptr;  // set when m_stmt is borrowed from this Db's cache
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

    // Statements in the cache (tests and diagnostics).
    std::size_t cachedStatements() const { return m_statements.size(); }

private:
    friend class Statement;
    // The cached statement for `sql`, marked in use; a fresh uncached one (`cached` false) when it is in use
    // already (a nested use of the same SQL) or the cache is full. Null with `error` set when it does not prepare.
    sqlite3_stmt* borrow(const std::string& sql, bool& cached, std::string& error);
    void giveBack(sqlite3_stmt* stmt);

    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        bool inUse = false;
    };
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, Cached> m_statements;
    std::unordered_map<sqlite3_stmt*, Cached*> m_borrowed;  // statements lent out, to give them back
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
