#include "core/sync/SyncWorker.h"

#include "core/sync/Enrollment.h"

#include "base/Uuid.h"

#include <QCoreApplication>
#include <QEvent>
#include <QThread>

namespace dantoc::client::sync {

SyncWorker::SyncWorker(Result<std::unique_ptr<Connection>> connection, std::filesystem::path attachmentsDir,
                       Callbacks callbacks)
    : m_attachmentsDir(std::move(attachmentsDir)), m_callbacks(std::move(callbacks))
{
    if (connection) {
        m_connection = std::move(*connection);
    } else {
        m_openError = connection.status();
    }
}

SyncWorker::~SyncWorker()
{
    stop();
    if (m_thread) {
        m_thread->wait();
    }
}

void SyncWorker::requestCycle()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stop.load()) {
            return;
        }
        m_requested = true;
    }
    m_wake.notify_one();
    if (!m_thread) {
        m_thread.reset(QThread::create([this] { run(); }));
        m_thread->setObjectName(QStringLiteral("dantoc-sync"));
        m_thread->start();
    }
}

void SyncWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop.store(true);
    }
    m_wake.notify_one();
}

void SyncWorker::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_requested || m_stop.load(); });
            if (m_stop.load()) {
                break;
            }
            m_requested = false;
        }
        Outcome outcome = cycle();
        // Replies the transport released with deleteLater(): this thread runs no event loop of its own between
        // cycles, so they are deleted here rather than piling up until the thread ends.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        if (m_callbacks.finished) {
            m_callbacks.finished(outcome);
        }
    }
    // Everything network-side was created on this thread and is destroyed on it (QObject thread affinity).
    m_client.reset();
    m_transport.reset();
    m_connection.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

SyncWorker::Outcome SyncWorker::cycle()
{
    Outcome outcome;
    if (m_callbacks.started) {
        m_callbacks.started(!m_transport || m_offline);
    }
    if (m_cycleHook) {
        m_cycleHook();
    }
    if (!m_connection) {
        outcome.status = m_openError;
        outcome.errorCode = std::string(errorCodeName(m_openError.code()));
        return outcome;
    }
    if (!m_transport) {
        // Made here, on the worker thread: its QNetworkAccessManager and nested QEventLoop belong to this thread.
        auto transport = Enrollment::transportFor(*m_connection);
        if (!transport) {
            outcome.status = transport.status();
            outcome.errorCode = std::string(errorCodeName(outcome.status.code()));
            return outcome;
        }
        m_transport = std::move(*transport);
        m_transport->setStopFlag(&m_stop);
        m_client = std::make_unique<SyncClient>(*m_connection, m_attachmentsDir, *m_transport,
                                                SystemRandom::instance());
        m_client->setProgressHandler([this](const SyncProgress& progress) {
            if (m_callbacks.progress) {
                m_callbacks.progress(progress);
            }
        });
    }
    auto result = m_client->runCycle();
    if (result) {
        m_offline = false;
        outcome.report = std::move(*result);
        return outcome;
    }
    outcome.status = result.status();
    outcome.report = m_client->lastReport();
    outcome.retryDelayMillis = m_client->retryDelayMillis();
    const std::string& serverCode = m_transport->lastError().code;
    outcome.errorCode = serverCode.empty() ? std::string(errorCodeName(outcome.status.code())) : serverCode;
    m_offline = outcome.status.code() == ErrorCode::Unavailable;
    return outcome;
}

}  // namespace dantoc::client::sync
