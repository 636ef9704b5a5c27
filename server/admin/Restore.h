// Restoring a data directory's store from a backup file (made by `dantoc-server backup`): refused while a server
// holds the data directory's lock; the backup is verified (integrity, schema not newer, audit chain) on a staging
// copy, the current database is kept aside with a timestamp, the copy moves in by an atomic rename, the sync epoch
// is regenerated so clients notice, and the restore is audited. One command per process; not thread-safe.
#pragma once

#include "base/Result.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace dantoc::server {

struct RestoreOutcome {
    std::filesystem::path keptAside;  // the previous database, renamed; empty when there was none
    std::size_t auditEntries = 0;     // in the restored chain, before the restore's own entry
    bool epochRegenerated = false;    // false while RecordStore has no regenerateEpoch() (see the report)
    std::size_t attachmentsRestored = 0;  // files copied from <backup>.blobs/ that <data>/blobs lacked
};

Result<RestoreOutcome> restoreStore(const std::filesystem::path& dataDir, const std::filesystem::path& backupFile,
                                    std::int64_t nowMillis);

}  // namespace dantoc::server
