// EnrollWizard: first run of dantoc-desk (issue 14 §2): the provincial server's address and its certificate
// fingerprint shown for the officer to compare (pinned on confirm), the account with the forced change of the
// default password, a strong local store passphrase; then the store is created, seeded and enrolled off the GUI
// thread. A failed enrollment removes the store it created. GUI thread only.
#pragma once

#include "core/Store.h"

#include <QWizard>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dantoc::gui {

class EnrollWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { ServerPageId, AccountPageId, StorePageId, FinishPageId };

    EnrollWizard(QString storeDirectory, QString resourcesDirectory, client::StoreOptions options,
                 QWidget* parent = nullptr);

    // The enrolled store once enrolled() was emitted (null before, and after the first call).
    std::unique_ptr<client::Store> takeStore();
    bool isEnrolled() const { return m_enrolled; }

signals:
    void enrolled();

private:
    void fetchFingerprint();
    void startEnrollment();

    QString m_directory;
    QString m_resources;
    client::StoreOptions m_options;
    std::unique_ptr<client::Store> m_store;
    bool m_enrolled = false;
    bool m_running = false;
    QString m_fingerprint;

    QLineEdit* m_server = nullptr;
    QPushButton* m_fetch = nullptr;
    QLabel* m_fingerprintLabel = nullptr;
    QCheckBox* m_confirm = nullptr;
    QLineEdit* m_account = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_alreadyChanged = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QLineEdit* m_newPasswordRepeat = nullptr;
    QLabel* m_accountProblem = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_passphraseRepeat = nullptr;
    QLabel* m_passphraseProblem = nullptr;
    QLabel* m_status = nullptr;
};

}  // namespace dantoc::gui
