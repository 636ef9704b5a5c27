// SyncWorker: the sync thread behind SyncController. One QThread that owns its own Connection (opened with the
// store's key), its own HttpTransport and SyncClient, creates and destroys them on that thread, and runs one cycle
// per request. It waits on a condition variable, not on a Qt event loop, so nothing posted to the thread can start a
// second cycle inside the transport's nested QEventLoop. Call requestCycle(), stop() and the destructor from the
// owner's thread (the GUI's); the callbacks run on the worker thread.
#pragma once

#include "core/Connection.h"
#include "core/sync/SyncClient.h"

#include "base/Result.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

class QThread;

namespace dantoc::client::sync {

class SyncWorker
{
public:
    struct Outcome
    {
        Status status;       // ok: the cycle completed
        SyncReport report;   // as far as the cycle got (changedIds also after a failure)
        std::string errorCode;  // failure: the server's or transport's code ("network", "busy" ...), else the ErrorCode name
        std::int64_t retryDelayMillis = 0;  // failure: SyncClient::retryDelayMillis() (0: no client yet)
    };
    struct Callbacks
    {
        // A cycle begins; `connecting`: the link is not established yet (no transport, or the last cycle was offline).
        std::function<void(bool connecting)> started;
        std::function<void(const SyncProgress&)> progress;
        std::function<void(const Outcome&)> finished;
    };

    // `connection`: the worker's own (Store::openConnection()); an error there is every cycle's outcome.
    SyncWorker(Result<std::unique_ptr<Connection>> connection, std::filesystem::path attachmentsDir,
               Callbacks callbacks);
    // stop(), then joins the thread: at most the request in flight is waited for.
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    // One cycle as soon as the worker is free; requests made while one is waiting are one request. Starts the
    // thread on first use.
    void requestCycle();
    // No further request goes out (the transport's stop flag) and no further cycle starts.
    void stop();
    // Tests: called on the worker thread at the start of each cycle, after `started`. Set before the first request.
    void setCycleHook(std::function<void()> hook) { m_cycleHook = std::move(hook); }

private:
    void run();
    Outcome cycle();

    std::unique_ptr<Connection> m_connection;
    Status m_openError;
    std::filesystem::path m_attachmentsDir;
    Callbacks m_callbacks;
    std::function<void()> m_cycleHook;

    // Owned by the worker thread between start and join.
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<SyncClient> m_client;
    bool m_offline = false;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;  // guarded by m_mutex
    std::atomic<bool> m_stop{false};
    std::unique_ptr<QThread> m_thread;
};

}  // namespace dantoc::client::sync
