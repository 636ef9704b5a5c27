// PullApplier: applies one checked pull page to the local store in ONE transaction together with its cursor
// (sync-protocol §5): server versions become record_base, records with pending ops show the server body with the
// pending sets applied, returned records become editable with the reviewer's comments, revoke purges unless ops
// are pending, lost push answers are confirmed from op_ids_applied. Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Clock.h"
#include "base/Result.h"
#include "sync/PullMessages.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::client::sync {

struct PullPageStats
{
    std::size_t records = 0;   // record versions stored
    std::size_t comments = 0;  // new comments stored
    std::size_t purged = 0;    // records removed (revoke or deleted)
    std::size_t keptRevoked = 0;  // revoked but kept for their pending ops (flagged)
    std::size_t confirmed = 0;    // own pending ops confirmed through op_ids_applied
    bool epochReset = false;
    // Records this page stored, flagged, purged or commented on, in page order (may repeat), for change
    // notifications once the page committed.
    std::vector<std::string> changedIds;
};

class PullApplier
{
public:
    static constexpr const char* kStream = "records";

    explicit PullApplier(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    // The stored pull cursor ({"", 0} before the first pull).
    static Result<dantoc::sync::Cursor> cursor(Connection& connection);
    // Stores the cursor (and the epoch it names); inside the caller's transaction when there is one.
    static Status setCursor(Connection& connection, const dantoc::sync::Cursor& cursor);

    // `sent`: the stored cursor the request carried. checkPullPage(sent, page) first (InvalidArgument: nothing
    // applied); then every item and page.next in one transaction. Any failure rolls the whole page back, the cursor
    // included. A page with no items whose `next` is `sent` writes nothing.
    Result<PullPageStats> apply(const dantoc::sync::Cursor& sent, const dantoc::sync::PullResponse& page);

private:
    Status applyRecord(const dantoc::sync::PullItem& item, PullPageStats& stats);
    Status applyRevoke(const std::string& recordId, bool deleted, PullPageStats& stats);
    Status applyComment(const dantoc::sync::PullItem& item, PullPageStats& stats);

    Connection& m_connection;
    const Clock& m_clock;
};

}  // namespace dantoc::client::sync
