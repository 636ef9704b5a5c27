// DeskSession: what dantoc-desk shows over its life: the enrollment wizard for a new store, the unlock screen,
// then the main window with background sync; locking (on request or after inactivity) closes the window and the
// store, which wipes the key, and shows the unlock screen again. Owns the store and the sync controller.
// GUI thread only.
#pragma once

#include "core/Store.h"
#include "core/sync/SyncController.h"
#include "gui/enroll/EnrollWizard.h"
#include "gui/main/MainWindow.h"
#include "gui/unlock/UnlockWidget.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace dantoc::gui {

class InactivityWatcher;

struct DeskOptions
{
    QString storeDirectory;
    QString resourcesDirectory;
    client::StoreOptions storeOptions;  // tests use KdfParams::testing()
    int autoLockMillis = 15 * 60 * 1000;
    bool backgroundSync = true;
};

class DeskSession : public QObject
{
    Q_OBJECT

public:
    explicit DeskSession(DeskOptions options, QObject* parent = nullptr);
    ~DeskSession() override;

    // Shows the first screen: enrollment when no store exists, else unlock.
    void start();
    void lock();

    // For tests and the composition root: what is on screen now (null when not shown).
    EnrollWizard* enrollWizard() const { return m_wizard; }
    UnlockWidget* unlockWidget() const { return m_unlock; }
    MainWindow* mainWindow() const { return m_main; }
    client::Store* store() const { return m_store.get(); }
    client::sync::SyncController* syncController() const { return m_sync.get(); }
    InactivityWatcher* inactivity() const { return m_inactivity; }

signals:
    void mainWindowShown();
    void locked();

private:
    void showEnrollment();
    void showUnlock(const QString& notice);
    void showMain(std::unique_ptr<client::Store> store);
    void closeMain();

    DeskOptions m_options;
    std::unique_ptr<client::Store> m_store;
    std::unique_ptr<client::sync::SyncController> m_sync;
    QPointer<EnrollWizard> m_wizard;
    QPointer<UnlockWidget> m_unlock;
    QPointer<MainWindow> m_main;
    InactivityWatcher* m_inactivity = nullptr;
};

}  // namespace dantoc::gui
