// PushCycle: the push half of one sync cycle (sync-protocol §4): the outbox head in dev_seq order, batched to
// BatchSizer's compressed target, each reply checked with interpretPushResponse and made durable (SyncJournal) before
// the next request; device_fork renumbers and re-registers; ops the server lost (restore, next_expected_seq going
// back) are re-pushed from the journal; a server epoch change restarts the pull cursor. Not thread-safe.
#pragma once

#include "core/Connection.h"
#include "core/sync/HttpTransport.h"

#include "base/Clock.h"
#include "base/Result.h"
#include "sync/BatchSizer.h"
#include "sync/PushMessages.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dantoc::client::sync {

struct PushStats
{
    std::size_t requests = 0;
    std::size_t opsSent = 0;      // each op of the outbox once (a re-send after a lost answer included)
    std::size_t resent = 0;       // ops sent a second time in the same cycle, once their attachment was uploaded
    std::size_t applied = 0;
    std::size_t merged = 0;
    std::size_t conflicts = 0;
    std::size_t rejected = 0;
    std::size_t deferred = 0;
    std::size_t repushed = 0;     // journal ops sent again after a server restore
    std::size_t forks = 0;        // device_fork answers handled
    std::size_t pendingAtStart = 0;
    std::uint64_t nextExpectedSeq = 1;
    std::string serverEpoch;
    bool epochChanged = false;    // the pull cursor was restarted at {epoch, 0}
    std::vector<std::string> changedIds;  // records whose ops were answered (FinalizeCounts::recordIds), may repeat
};

class PushCycle
{
public:
    using Progress = std::function<void(const PushStats&)>;
    // Registers the store's (new) device id with the server; called after a fork or a 403 device_not_bound.
    using RegisterDevice = std::function<Status()>;

    PushCycle(Connection& connection, HttpTransport& transport, dantoc::sync::BatchSizer& sizer,
              RegisterDevice registerDevice, const Clock& clock = SystemClock::instance());

    // Pushes until the outbox holds nothing unsent in this cycle (deferred ops are sent once per cycle). Always
    // sends at least one request (an empty one learns next_expected_seq and the epoch). A transport failure or a
    // reply that does not match the request returns an error; everything acknowledged before stays durable.
    Result<PushStats> run(const Progress& progress = {});

private:
    // Sends one request; 413 shrinks (BatchSizer) and retries while more than one op is in it. Returns the
    // number of ops actually sent in `sentOps` (a prefix of `ops`).
    Result<dantoc::sync::PushResponse> send(dantoc::sync::PushRequest& request);
    Result<std::string> encodeWithin(dantoc::sync::PushRequest& request);

    Connection& m_connection;
    HttpTransport& m_transport;
    dantoc::sync::BatchSizer& m_sizer;
    RegisterDevice m_registerDevice;
    const Clock& m_clock;
};

}  // namespace dantoc::client::sync
