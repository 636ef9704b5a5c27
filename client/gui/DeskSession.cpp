#include "gui/DeskSession.h"

#include "core/sync/SyncStatus.h"
#include "gui/common/DeskSettings.h"
#include "gui/common/InactivityWatcher.h"
#include "gui/common/Translations.h"
#include "gui/enroll/EnrollWizard.h"
#include "gui/main/MainWindow.h"
#include "gui/unlock/UnlockWidget.h"

#include <QApplication>
#include <QScreen>

namespace dantoc::gui {

DeskSession::DeskSession(DeskOptions options, QObject* parent) : QObject(parent), m_options(std::move(options))
{
    m_inactivity = new InactivityWatcher(this);
    connect(m_inactivity, &InactivityWatcher::idle, this, [this]() {
        if (m_main) {
            lock();
        }
    });
}

DeskSession::~DeskSession()
{
    closeMain();
    delete m_wizard;
    delete m_unlock;
}

void DeskSession::start()
{
    if (client::Store::exists(m_options.storeDirectory.toStdString())) {
        showUnlock(QString());
    } else {
        showEnrollment();
    }
}

void DeskSession::showEnrollment()
{
    m_wizard = new EnrollWizard(m_options.storeDirectory, m_options.resourcesDirectory, m_options.storeOptions);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QWizard::accepted, this, [this]() {
        if (auto store = m_wizard->takeStore()) {
            m_wizard->close();
            showMain(std::move(store));
        }
    });
    m_wizard->show();
}

void DeskSession::showUnlock(const QString& notice)
{
    m_unlock = new UnlockWidget(m_options.storeDirectory, m_options.storeOptions);
    m_unlock->setAttribute(Qt::WA_DeleteOnClose);
    m_unlock->setWindowTitle(tr("dantoc — unlock"));
    m_unlock->resize(640, 420);
    m_unlock->setNotice(notice);
    connect(m_unlock, &UnlockWidget::unlocked, this, [this]() {
        auto store = m_unlock->takeStore();
        m_unlock->close();
        showMain(std::move(store));
    });
    m_unlock->show();
    m_unlock->setFocus();
}

void DeskSession::showMain(std::unique_ptr<client::Store> store)
{
    m_store = std::move(store);
    auto status = client::sync::readSyncStatus(m_store->connection());
    if (status && status->enrolled) {
        m_sync = std::make_unique<client::sync::SyncController>(*m_store);
        if (m_options.backgroundSync) {
            m_sync->start();
        }
    }
    m_main = new MainWindow(*m_store, m_sync.get());
    m_main->setAttribute(Qt::WA_DeleteOnClose, false);
    connect(m_main, &MainWindow::lockRequested, this, &DeskSession::lock);
    connect(m_main, &MainWindow::languageChangeRequested, this, [this](const QString& language) {
        DeskSettings::setLanguage(language);
        Translations::install(language);
        // Every text of the window is rebuilt in the new language; the store and sync stay as they are.
        const QString unit = m_main->selectedUnit();
        m_main->saveAll();
        m_main->deleteLater();
        m_main = new MainWindow(*m_store, m_sync.get());
        connect(m_main, &MainWindow::lockRequested, this, &DeskSession::lock);
        m_main->selectUnit(unit);
        m_main->show();
    });
    m_main->show();
    m_inactivity->setTimeoutMillis(m_options.autoLockMillis);
    emit mainWindowShown();
}

void DeskSession::closeMain()
{
    if (m_main) {
        m_main->saveAll();
        delete m_main;
    }
    m_sync.reset();   // joins the worker before the store (and its key) go
    m_store.reset();  // the connection closes; SecretKey wipes the key
}

void DeskSession::lock()
{
    if (!m_main) {
        return;
    }
    m_inactivity->setTimeoutMillis(0);
    closeMain();
    const int minutes = m_options.autoLockMillis / 60000;
    showUnlock(minutes > 0 ? tr("The store was locked. It locks by itself after %n minute(s) without activity.",
                                nullptr, minutes)
                           : tr("The store was locked."));
    emit locked();
}

}  // namespace dantoc::gui
