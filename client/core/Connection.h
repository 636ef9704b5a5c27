// Connection: RAII owner of one SQLCipher database handle (sqlite3*), keyed with a raw 256-bit key, plus nested
// transactions (BEGIN IMMEDIATE outermost, SAVEPOINTs inside). Not thread-safe: one thread per Connection.
#pragma once

#include "core/Statement.h"

#include "base/Result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace dantoc::client {

class SecretKey;

class Connection
{
public:
    // How long a statement waits for another connection's (or process's) lock before failing with
    // "database is locked" (Unavailable). Write transactions here are short (one save, one pull page, one push
    // reply), so a GUI save waiting behind the sync worker waits well under this; ten seconds still ends a wait for
    // a stuck process, so the caller can report it instead of hanging.
    static constexpr int kBusyTimeoutMillis = 10'000;

    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Opens (creating when `create`) and keys the file, then proves the key by reading sqlite_master.
    // A wrong key gives Unauthenticated and writes nothing to the file.
    static Result<std::unique_ptr<Connection>> open(const std::filesystem::path& path, const SecretKey& key,
                                                    bool create);

    Result<Statement> prepare(std::string_view sql);
    // Runs one or more statements without results (schema scripts, pragmas).
    Status exec(std::string_view sql);
    // Runs a query returning one row with one column; NotFound when there is no row.
    Result<std::string> queryText(std::string_view sql);
    Result<std::int64_t> queryInt64(std::string_view sql);

    // PRAGMA rekey with a new raw key. Switches to a rollback journal around it (SQLCipher re-encrypts every
    // page in one transaction; doing it under WAL is not supported by SQLCipher 3.4).
    Status rekey(const SecretKey& newKey);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    std::string lastErrorMessage() const;
    int lastErrorCode() const;  // extended SQLite result code
    int transactionDepth() const { return m_depth; }
    const std::filesystem::path& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    // Used by Transaction.
    Status begin();
    Status commit();
    Status rollback();

    // Maps an SQLite result code to our error code with context; public for Statement.
    Status error(int rc, std::string_view what) const;

private:
    Connection(sqlite3* db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}
    static Status applyKey(sqlite3* db, const SecretKey& key, bool rekey);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    int m_depth = 0;
};

}  // namespace dantoc::client
