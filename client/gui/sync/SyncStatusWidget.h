// SyncStatusWidget: the status-bar part of sync (issue 14 §2 "Sync"): online/offline, pending changes, last sync,
// and a progress bar with records and bytes while a cycle runs. Observes the SyncController's signals and reads
// the store's counts (SyncStatus) after each cycle; never polls. GUI thread.
#pragma once

#include "core/Connection.h"
#include "core/sync/SyncController.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace dantoc::gui {

class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    SyncStatusWidget(client::Connection& connection, client::sync::SyncController& controller,
                     QWidget* parent = nullptr);
    // Re-reads pending counts and last sync from the store (after a local save, too).
    void refreshCounts();

private:
    void showState(client::sync::SyncController::State state);
    void showProgress(const client::sync::SyncProgress& progress);
    void showFinished(bool ok, const QString& error, const QString& errorCode);

    client::Connection& m_connection;
    client::sync::SyncController& m_controller;
    QLabel* m_state = nullptr;
    QLabel* m_pending = nullptr;
    QLabel* m_last = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_syncNow = nullptr;
};

}  // namespace dantoc::gui
