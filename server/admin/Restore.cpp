#include "admin/Restore.h"

#include "AdminCommands.h"
#include "admin/DataDirLock.h"
#include "admin/BlobBackup.h"
#include "store/SqliteRecordStore.h"
#include "store/SqliteStore.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <type_traits>

namespace dantoc::server {

namespace {

namespace fs = std::filesystem;

constexpr const char* kStagingDir = "restore-staging";

// RecordStore::regenerateEpoch() comes with the sync engine; used as soon as it exists (Status or Result<T>).
template <typename Records>
Result<bool> regenerateEpochIfAvailable(Records& records)
{
    if constexpr (requires { records.regenerateEpoch(); }) {
        if constexpr (std::is_void_v<decltype(records.regenerateEpoch())>) {
            records.regenerateEpoch();
            return true;
        } else {
            auto result = records.regenerateEpoch();
            if constexpr (std::is_same_v<decltype(result), Status>) {
                if (!result) {
                    return result;
                }
            } else {
                if (!result) {
                    return result.status();
                }
            }
            return true;
        }
    } else {
        // TODO(server-sync): RecordStore::regenerateEpoch() is not there yet; clients cannot detect this restore.
        return false;
    }
}

std::string timestampOf(std::int64_t millis)
{
    const std::chrono::sys_time<std::chrono::milliseconds> at{std::chrono::milliseconds(millis)};
    const auto days = std::chrono::floor<std::chrono::days>(at);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(at - days)};
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return text;
}

// PRAGMA integrity_check and the schema version, on a raw connection (before SqliteStore migrates anything).
Status checkDatabase(const fs::path& file)
{
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    struct Closer {
        sqlite3* db;
        ~Closer() { sqlite3_close(db); }
    } closer{db};
    if (rc != SQLITE_OK) {
        return Status(ErrorCode::Corruption, "the backup cannot be opened: " + std::string(sqlite3_errstr(rc)));
    }
    auto single = [&](const char* sql, std::string& out) -> Status {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            return Status(ErrorCode::Corruption, "the backup is not a readable database: " +
                                                     std::string(sqlite3_errmsg(db)));
        }
        const int step = sqlite3_step(st);
        out = step == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr
                  ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0))
                  : "";
        sqlite3_finalize(st);
        if (step != SQLITE_ROW && step != SQLITE_DONE) {
            return Status(ErrorCode::Corruption, "the backup is not a readable database: " +
                                                     std::string(sqlite3_errstr(step)));
        }
        return Status::ok();
    };
    std::string result;
    if (Status s = single("PRAGMA integrity_check", result); !s) {
        return s;
    }
    if (result != "ok") {
        return Status(ErrorCode::Corruption, "the backup fails PRAGMA integrity_check: " + result);
    }
    if (Status s = single("PRAGMA user_version", result); !s) {
        return s;
    }
    if (std::stoll(result.empty() ? "0" : result) > SqliteStore::kSchemaVersion) {
        return Status(ErrorCode::FailedPrecondition, "the backup has schema version " + result +
                                                         ", newer than this server (" +
                                                         std::to_string(SqliteStore::kSchemaVersion) + ")");
    }
    if (Status s = single("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('audit', 'account')",
                          result);
        !s) {
        return s;
    }
    if (result != "2") {
        return Status(ErrorCode::InvalidArgument, "the backup is not a dantoc server store");
    }
    return Status::ok();
}

// Folds the WAL into the main file so the database is one file that can be renamed.
Status checkpoint(const fs::path& file)
{
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(db);
        return Status(ErrorCode::IoError, "cannot open " + file.string() + ": " + sqlite3_errstr(rc));
    }
    const int check = sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return check == SQLITE_OK ? Status::ok()
                              : Status(ErrorCode::IoError, "cannot checkpoint " + file.string() + ": " +
                                                               sqlite3_errstr(check));
}

Status renameFile(const fs::path& from, const fs::path& to)
{
    std::error_code ec;
    fs::rename(from, to, ec);
    return ec ? Status(ErrorCode::IoError, "cannot rename " + from.string() + " to " + to.string() + ": " +
                                               ec.message())
              : Status::ok();
}

}  // namespace

Result<RestoreOutcome> restoreStore(const fs::path& dataDir, const fs::path& backupFile, std::int64_t nowMillis)
{
    auto lock = DataDirLock::acquire(dataDir);
    if (!lock) {
        return lock.status();
    }
    std::error_code ec;
    if (!fs::is_regular_file(backupFile, ec)) {
        return Status(ErrorCode::NotFound, "no backup file " + backupFile.string());
    }
    // Verify and prepare a copy on the data directory's file system (so the final rename is atomic).
    const fs::path staging = dataDir / kStagingDir;
    fs::remove_all(staging, ec);
    if (!fs::create_directory(staging, ec)) {
        return Status(ErrorCode::IoError, "cannot create " + staging.string());
    }
    struct Cleanup {
        fs::path dir;
        ~Cleanup()
        {
            std::error_code ignored;
            fs::remove_all(dir, ignored);
        }
    } cleanup{staging};
    const fs::path copy = staging / SqliteStore::kFileName;
    if (!fs::copy_file(backupFile, copy, ec)) {
        return Status(ErrorCode::IoError, "cannot copy " + backupFile.string() + ": " + ec.message());
    }
    if (Status s = checkDatabase(copy); !s) {
        return s;
    }
    RestoreOutcome outcome;
    {
        // With the live data directory's audit key: the backup's chain must verify under it (an older, unkeyed
        // backup is verified plain and re-keyed by the migration).
        auto store = SqliteStore::open(staging, dataDir / kAuditKeyFile);  // migrates an older schema forward
        if (!store) {
            return store.status();
        }
        auto audited = verifyAudit(**store);
        if (!audited) {
            return Status(ErrorCode::Corruption, "the backup's audit chain does not verify: " +
                                                     audited.status().message());
        }
        outcome.auditEntries = *audited;
        SqliteRecordStore records(**store);
        auto epoch = regenerateEpochIfAvailable(records);
        if (!epoch) {
            return epoch.status();
        }
        outcome.epochRegenerated = *epoch;
        const std::string aside = std::string(SqliteStore::kFileName) + ".before-restore-" + timestampOf(nowMillis);
        outcome.keptAside = fs::exists(dataDir / SqliteStore::kFileName) ? dataDir / aside : fs::path();
        const nlohmann::json detail = {{"backup", backupFile.string()},
                                       {"kept_aside", outcome.keptAside.string()},
                                       {"epoch_regenerated", outcome.epochRegenerated}};
        if (Status s = (*store)->appendAudit({nowMillis, "cli", "store.restore", backupFile.string(), detail.dump()});
            !s) {
            return s;
        }
    }  // closing the last connection folds the copy's WAL into it
    if (Status s = checkpoint(copy); !s) {
        return s;
    }
    // The backup's attachments first: adding content-addressed files is harmless if the swap below fails.
    auto attachments = copyCompleteBlobs(blobBackupDir(backupFile), dataDir / "blobs");
    if (!attachments) {
        return attachments.status();
    }
    outcome.attachmentsRestored = *attachments;
    const fs::path live = dataDir / SqliteStore::kFileName;
    if (!outcome.keptAside.empty()) {
        if (Status s = checkpoint(live); !s) {
            return s;
        }
        if (Status s = renameFile(live, outcome.keptAside); !s) {
            return s;
        }
        for (const char* suffix : {"-wal", "-shm"}) {
            const fs::path side = live.string() + suffix;
            if (fs::exists(side, ec)) {
                (void)renameFile(side, outcome.keptAside.string() + suffix);
            }
        }
    }
    if (Status s = renameFile(copy, live); !s) {
        // Put the previous database back so the directory is never left without one.
        if (!outcome.keptAside.empty()) {
            (void)renameFile(outcome.keptAside, live);
        }
        return s;
    }
    return outcome;
}

}  // namespace dantoc::server
