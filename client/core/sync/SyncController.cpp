#include "core/sync/SyncController.h"

#include "core/sync/SyncWorker.h"

#include <algorithm>
#include <limits>

namespace dantoc::client::sync {

namespace {

void registerMetaTypes()
{
    // For queued connections of the GUI's own (a receiver on another thread) and for QSignalSpy.
    static const bool registered = [] {
        qRegisterMetaType<SyncProgress>("dantoc::client::sync::SyncProgress");
        qRegisterMetaType<SyncReport>("dantoc::client::sync::SyncReport");
        qRegisterMetaType<SyncController::State>("dantoc::client::sync::SyncController::State");
        return true;
    }();
    (void)registered;
}

int timerMillis(std::int64_t millis)
{
    return static_cast<int>(std::clamp<std::int64_t>(millis, 0, std::numeric_limits<int>::max()));
}

}  // namespace

SyncController::SyncController(Store& store, QObject* parent) : QObject(parent), m_store(store)
{
    registerMetaTypes();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);
}

SyncController::~SyncController()
{
    m_timer.stop();
    // Joins the worker. What it posts to us meanwhile is discarded with this object's pending events.
    m_worker.reset();
}

void SyncController::setCycleHook(std::function<void()> hook)
{
    m_cycleHook = std::move(hook);
    if (m_worker) {
        m_worker->setCycleHook(m_cycleHook);
    }
}

SyncWorker& SyncController::worker()
{
    if (m_worker) {
        return *m_worker;
    }
    // The callbacks run on the worker thread; each hands its data to this thread. `this` as the context object:
    // a call still queued when the controller dies is dropped.
    SyncWorker::Callbacks callbacks;
    callbacks.started = [this](bool connecting) {
        QMetaObject::invokeMethod(this, [this, connecting] { onStarted(connecting); }, Qt::QueuedConnection);
    };
    callbacks.progress = [this](const SyncProgress& progress) {
        QMetaObject::invokeMethod(this, [this, progress] { onProgress(progress); }, Qt::QueuedConnection);
    };
    callbacks.finished = [this](const SyncWorker::Outcome& outcome) {
        const bool ok = outcome.status.isOk();
        // Unavailable is the network's (or a busy server's); a stop we asked for is not being offline.
        const bool offline = outcome.status.code() == ErrorCode::Unavailable && outcome.errorCode != "cancelled";
        const QString error = ok ? QString() : QString::fromStdString(outcome.status.message());
        const QString code = ok ? QString() : QString::fromStdString(outcome.errorCode);
        QMetaObject::invokeMethod(
            this,
            [this, ok, offline, report = outcome.report, error, code, delay = outcome.retryDelayMillis] {
                onFinished(ok, offline, report, error, code, delay);
            },
            Qt::QueuedConnection);
    };
    // Opened here, on the controller's thread: the store's key is read only where the store lives.
    m_worker = std::make_unique<SyncWorker>(m_store.openConnection(), m_store.attachmentsPath(), std::move(callbacks));
    m_worker->setCycleHook(m_cycleHook);
    return *m_worker;
}

void SyncController::start()
{
    m_running = true;
    syncNow();
}

void SyncController::stop()
{
    m_running = false;
    m_timer.stop();
}

void SyncController::syncNow()
{
    m_timer.stop();  // rescheduled when this cycle finishes
    worker().requestCycle();
}

void SyncController::setState(State state)
{
    if (state != m_state) {
        m_state = state;
        emit stateChanged(state);
    }
}

void SyncController::onStarted(bool connecting)
{
    setState(connecting ? State::Connecting : State::Busy);
}

void SyncController::onProgress(const SyncProgress& current)
{
    if (m_state == State::Connecting) {
        setState(State::Busy);  // the server answered
    }
    emit progress(current);
}

void SyncController::onFinished(bool ok, bool offline, const SyncReport& report, const QString& error,
                                const QString& errorCode, std::int64_t retryDelayMillis)
{
    setState(offline ? State::Offline : State::Idle);
    if (!report.changedIds.empty()) {
        // The store's notifier too, so item models need only one source; both are emitted on this thread.
        m_store.notifier().notifyRecords(report.changedIds);
        QStringList ids;
        ids.reserve(static_cast<qsizetype>(report.changedIds.size()));
        for (const std::string& id : report.changedIds) {
            ids.append(QString::fromStdString(id));
        }
        emit recordsChanged(ids);
    }
    if (report.reference.total() > 0) {
        // New forms, catalogs, units or periods from the server: trees and choice lists rebuild.
        emit m_store.notifier().referenceDataChanged();
    }
    if (m_running) {
        m_timer.start(timerMillis(ok || retryDelayMillis <= 0 ? m_intervalMillis : retryDelayMillis));
    }
    emit finished(ok, report, error, errorCode);
}

}  // namespace dantoc::client::sync
