// SyncController: background sync for the GUI. A QObject on the GUI thread that runs SyncClient cycles on a worker
// thread (SyncWorker: its own Connection from Store::openConnection(), its own HttpTransport made on that thread),
// so the GUI never waits for the network and no transaction spans threads. All members and signals are for the
// controller's (GUI) thread; signals are emitted there.
#pragma once

#include "core/Store.h"
#include "core/sync/SyncClient.h"

#include "sync/SyncTuning.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>

namespace dantoc::client::sync {

class SyncWorker;

class SyncController : public QObject
{
    Q_OBJECT

public:
    enum class State { Offline, Connecting, Idle, Busy };
    Q_ENUM(State)

    // `store` must outlive the controller; the worker opens its own connection with the store's key.
    explicit SyncController(Store& store, QObject* parent = nullptr);
    ~SyncController() override;  // asks the worker to stop after the current request, joins it

    State state() const { return m_state; }

    // Background syncing: a cycle now, then every intervalMillis() after a success, and after a failure when
    // SyncClient::retryDelayMillis() says (the backoff, at least the server's Retry-After).
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Default dantoc::sync::tuning::kBackgroundSyncIntervalMillis; takes effect from the next schedule.
    void setIntervalMillis(std::int64_t millis) { m_intervalMillis = millis; }
    std::int64_t intervalMillis() const { return m_intervalMillis; }
    // Tests: called on the worker thread at the start of each cycle. Set before the first start()/syncNow().
    void setCycleHook(std::function<void()> hook);

public slots:
    void syncNow();  // one cycle as soon as the worker is free (coalesced when one is queued)

signals:
    void stateChanged(dantoc::client::sync::SyncController::State state);
    void progress(const dantoc::client::sync::SyncProgress& progress);
    // ok=false: `error` is a short human-readable text (English from Status; the GUI maps codes itself), `errorCode`
    // the ErrorCode name or ServerError code.
    void finished(bool ok, const dantoc::client::sync::SyncReport& report, const QString& error,
                  const QString& errorCode);
    void recordsChanged(const QStringList& ids);  // records the cycle changed (pulled, acked, rejected, flagged)

private:
    SyncWorker& worker();
    void setState(State state);
    void onStarted(bool connecting);
    void onProgress(const SyncProgress& progress);
    void onFinished(bool ok, bool offline, const SyncReport& report, const QString& error, const QString& errorCode,
                    std::int64_t retryDelayMillis);

    Store& m_store;
    std::unique_ptr<SyncWorker> m_worker;
    std::function<void()> m_cycleHook;
    QTimer m_timer;  // the next background cycle
    State m_state = State::Idle;
    bool m_running = false;
    std::int64_t m_intervalMillis = dantoc::sync::tuning::kBackgroundSyncIntervalMillis;
};

}  // namespace dantoc::client::sync

Q_DECLARE_METATYPE(dantoc::client::sync::SyncProgress)
Q_DECLARE_METATYPE(dantoc::client::sync::SyncReport)
