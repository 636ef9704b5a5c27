// SyncStatus: what `dantoc status` and the GUI's sync panel show, read from the store alone (no network): pending
// and deferred ops, rejected and conflicting ones (kept in the journal, records flagged), last sync, epoch and
// cursor, device and enrollment. Stateless reader; thread-safety is the Connection's.
#pragma once

#include "core/Connection.h"

#include "base/Json.h"
#include "base/Result.h"

#include <cstdint>
#include <string>

namespace dantoc::client::sync {

struct SyncStatus
{
    bool enrolled = false;
    std::string server;
    std::string account;
    std::string deviceId;
    bool deviceRegistered = false;
    std::int64_t pendingOps = 0;        // in the outbox, not yet answered finally
    std::int64_t deferredOps = 0;       // of those, answered deferred at least once
    std::int64_t rejectedOps = 0;       // journal outcome rejected
    std::int64_t conflictOps = 0;       // journal outcome conflict
    std::int64_t recordsNeedingAttention = 0;
    std::int64_t lastSyncAt = 0;        // unix ms; 0: never
    std::string lastError;              // "" when the last cycle completed
    std::string epoch;
    std::uint64_t cursorSeq = 0;

    Json toJson() const;
};

Result<SyncStatus> readSyncStatus(Connection& connection);

}  // namespace dantoc::client::sync
