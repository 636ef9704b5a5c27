#include "gui/sync/SyncStatusWidget.h"

#include "core/sync/SyncStatus.h"
#include "gui/common/ErrorText.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace dantoc::gui {

using client::sync::SyncController;

SyncStatusWidget::SyncStatusWidget(client::Connection& connection, SyncController& controller, QWidget* parent)
    : QWidget(parent), m_connection(connection), m_controller(controller)
{
    setObjectName(QStringLiteral("syncStatus"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("syncState"));
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("syncPending"));
    m_last = new QLabel(this);
    m_last->setObjectName(QStringLiteral("syncLast"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_syncNow = new QToolButton(this);
    m_syncNow->setObjectName(QStringLiteral("syncNowButton"));
    m_syncNow->setText(tr("Sync now"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addSpacing(12);
    layout->addWidget(m_pending);
    layout->addSpacing(12);
    layout->addWidget(m_last);
    layout->addWidget(m_progress);
    layout->addWidget(m_syncNow);

    connect(m_syncNow, &QToolButton::clicked, &m_controller, &SyncController::syncNow);
    connect(&m_controller, &SyncController::stateChanged, this, &SyncStatusWidget::showState);
    connect(&m_controller, &SyncController::progress, this, &SyncStatusWidget::showProgress);
    connect(&m_controller, &SyncController::finished, this,
            [this](bool ok, const client::sync::SyncReport&, const QString& error, const QString& code) {
                showFinished(ok, error, code);
            });
    showState(m_controller.state());
    refreshCounts();
}

void SyncStatusWidget::refreshCounts()
{
    auto status = client::sync::readSyncStatus(m_connection);
    if (!status) {
        m_pending->setText(ErrorText::forStatus(status.status()));
        return;
    }
    if (!status->enrolled) {
        m_pending->setText(tr("Not connected to a server: data stays on this computer"));
        m_last->clear();
        return;
    }
    m_pending->setText(status->pendingOps == 0 ? tr("Everything sent")
                                               : tr("%n change(s) waiting to be sent", nullptr,
                                                    static_cast<int>(status->pendingOps)));
    if (status->lastSyncAt == 0) {
        m_last->setText(tr("Never synced"));
    } else {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(status->lastSyncAt);
        m_last->setText(tr("Last sync: %1").arg(at.toString(QStringLiteral("dd/MM/yyyy HH:mm"))));
    }
}

void SyncStatusWidget::showState(SyncController::State state)
{
    switch (state) {
    case SyncController::State::Offline:
        m_state->setText(tr("● Offline"));
        m_state->setStyleSheet(QStringLiteral("color: #9a6700;"));
        break;
    case SyncController::State::Connecting:
        m_state->setText(tr("● Connecting…"));
        m_state->setStyleSheet(QStringLiteral("color: #1a56b0;"));
        break;
    case SyncController::State::Idle:
        m_state->setText(tr("● Online"));
        m_state->setStyleSheet(QStringLiteral("color: #1e7b34;"));
        break;
    case SyncController::State::Busy:
        m_state->setText(tr("● Syncing…"));
        m_state->setStyleSheet(QStringLiteral("color: #1a56b0;"));
        break;
    }
    m_syncNow->setEnabled(state != SyncController::State::Busy);
}

void SyncStatusWidget::showProgress(const client::sync::SyncProgress& progress)
{
    using Phase = client::sync::SyncProgress::Phase;
    m_progress->show();
    const QLocale locale;
    const QString bytes = locale.formattedDataSize(progress.bytesSent + progress.bytesReceived);
    switch (progress.phase) {
    case Phase::Push:
        m_progress->setRange(0, static_cast<int>(std::max<std::size_t>(progress.opsPendingAtStart, 1)));
        m_progress->setValue(static_cast<int>(std::min(progress.opsSent, progress.opsPendingAtStart)));
        m_progress->setFormat(tr("Sending %1/%2 · %3").arg(progress.opsSent).arg(progress.opsPendingAtStart).arg(bytes));
        break;
    case Phase::Upload:
        m_progress->setRange(0, static_cast<int>(std::max<std::size_t>(progress.blobsPending, 1)));
        m_progress->setValue(static_cast<int>(progress.blobsCompleted));
        m_progress->setFormat(tr("Uploading scans %1/%2 · %3").arg(progress.blobsCompleted).arg(progress.blobsPending).arg(bytes));
        break;
    case Phase::Pull:
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("Receiving %1 record(s) · %2").arg(progress.itemsPulled).arg(bytes));
        break;
    case Phase::Done:
        m_progress->hide();
        break;
    }
}

void SyncStatusWidget::showFinished(bool ok, const QString& error, const QString& errorCode)
{
    m_progress->hide();
    refreshCounts();
    if (!ok) {
        const QString text = errorCode == QLatin1String("unavailable") || errorCode.isEmpty()
                                 ? ErrorText::forStatus(Status(ErrorCode::Unavailable, {}))
                                 : ErrorText::forCode(errorCode.toStdString(), error);
        m_last->setText(text);
        m_last->setToolTip(error);
    }
}

}  // namespace dantoc::gui
