// UnlockWidget: the screen that opens the encrypted store with its passphrase (KeePassXC DatabaseOpenWidget).
// Argon2id and the key check run off the GUI thread; the passphrase is cleared from the field at once and never
// kept. GUI thread only.
#pragma once

#include "core/Store.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace dantoc::gui {

class UnlockWidget : public QWidget
{
    Q_OBJECT

public:
    UnlockWidget(QString storeDirectory, client::StoreOptions options, QWidget* parent = nullptr);

    // The opened store, once unlocked() was emitted (null before, and after the first call).
    std::unique_ptr<client::Store> takeStore();
    // Shown above the passphrase field (e.g. "Locked after 15 minutes without activity").
    void setNotice(const QString& text);

signals:
    void unlocked();

private:
    void tryUnlock();

    QString m_directory;
    client::StoreOptions m_options;
    std::unique_ptr<client::Store> m_store;
    QLabel* m_notice = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QPushButton* m_unlock = nullptr;
    QLabel* m_error = nullptr;
    bool m_busy = false;
};

}  // namespace dantoc::gui
