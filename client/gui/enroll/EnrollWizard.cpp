#include "gui/enroll/EnrollWizard.h"

#include "core/ChangeNotifier.h"
#include "core/PassphrasePolicy.h"
#include "core/StoreFactory.h"
#include "core/sync/Enrollment.h"
#include "core/sync/HttpTransport.h"
#include "gui/common/AsyncTask.h"
#include "gui/common/ErrorText.h"
#include "gui/common/PassphraseText.h"
#include "gui/enroll/EnrollPages.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QInputMethod>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QUrl>
#include <QVBoxLayout>

#include <filesystem>

namespace dantoc::gui {

namespace {

constexpr int kMinAccountPasswordLength = 8;

QLabel* problemLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    return label;
}

QLineEdit* passwordEdit(QWidget* parent, const char* name)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

std::string utf8(const QString& text)
{
    return text.toStdString();
}

}  // namespace

EnrollWizard::EnrollWizard(QString storeDirectory, QString resourcesDirectory, client::StoreOptions options,
                           QWidget* parent)
    : QWizard(parent), m_directory(std::move(storeDirectory)), m_resources(std::move(resourcesDirectory)),
      m_options(options)
{
    setObjectName(QStringLiteral("enrollWizard"));
    setWindowTitle(tr("Connect this computer to the provincial server"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setOption(QWizard::NoCancelButton, false);
    setMinimumSize(640, 460);
    // Qt ships no Vietnamese for its own buttons: say them ourselves.
    setButtonText(QWizard::BackButton, tr("< Back"));
    setButtonText(QWizard::NextButton, tr("Next >"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    setButtonText(QWizard::FinishButton, tr("Open dantoc"));

    // 1. Server and its certificate.
    auto* serverPage = new EnrollPage(
        [this]() { return !m_fingerprint.isEmpty() && m_confirm->isChecked(); }, {}, this);
    serverPage->setObjectName(QStringLiteral("enrollServerPage"));
    serverPage->setTitle(tr("Provincial server"));
    serverPage->setSubTitle(tr("Type the address the provincial ethnic-affairs board gave you."));
    m_server = new QLineEdit(QStringLiteral("https://"), serverPage);
    m_server->setObjectName(QStringLiteral("serverUrlEdit"));
    m_fetch = new QPushButton(tr("Check the server"), serverPage);
    m_fetch->setObjectName(QStringLiteral("fetchFingerprintButton"));
    m_fingerprintLabel = new QLabel(serverPage);
    m_fingerprintLabel->setObjectName(QStringLiteral("fingerprintLabel"));
    m_fingerprintLabel->setWordWrap(true);
    m_fingerprintLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_confirm = new QCheckBox(tr("The fingerprint above is the same as the one on the board's letter"), serverPage);
    m_confirm->setObjectName(QStringLiteral("fingerprintConfirmed"));
    m_confirm->setEnabled(false);
    {
        auto* layout = new QVBoxLayout(serverPage);
        auto* row = new QFormLayout;
        row->addRow(tr("Server address"), m_server);
        layout->addLayout(row);
        layout->addWidget(m_fetch, 0, Qt::AlignRight);
        auto* explain = new QLabel(tr("Compare every group of the certificate fingerprint with the one the board "
                                      "sent you. If they differ, stop: someone may be impersonating the server."),
                                   serverPage);
        explain->setWordWrap(true);
        layout->addWidget(explain);
        layout->addWidget(m_fingerprintLabel);
        layout->addWidget(m_confirm);
        layout->addStretch(1);
    }
    connect(m_fetch, &QPushButton::clicked, this, &EnrollWizard::fetchFingerprint);
    connect(m_server, &QLineEdit::returnPressed, this, &EnrollWizard::fetchFingerprint);
    connect(m_server, &QLineEdit::textEdited, this, [this, serverPage]() {
        m_fingerprint.clear();
        m_fingerprintLabel->clear();
        m_confirm->setChecked(false);
        m_confirm->setEnabled(false);
        serverPage->recheck();
    });
    connect(m_confirm, &QCheckBox::toggled, serverPage, &EnrollPage::recheck);
    setPage(ServerPageId, serverPage);

    // 2. Account, with the forced change of the default password.
    auto* accountPage = new EnrollPage(
        [this]() {
            QString problem;
            if (m_account->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
                problem = QString();
            } else if (!m_alreadyChanged->isChecked()) {
                if (m_newPassword->text().size() < kMinAccountPasswordLength) {
                    problem = tr("The new password needs at least %1 characters.").arg(kMinAccountPasswordLength);
                } else if (m_newPassword->text() == m_password->text()) {
                    problem = tr("The new password must differ from the default one.");
                } else if (m_newPassword->text() != m_newPasswordRepeat->text()) {
                    problem = tr("The two new passwords differ.");
                }
            }
            m_accountProblem->setText(problem);
            const bool filled = !m_account->text().trimmed().isEmpty() && !m_password->text().isEmpty();
            return filled && problem.isEmpty();
        },
        {}, this);
    accountPage->setObjectName(QStringLiteral("enrollAccountPage"));
    accountPage->setTitle(tr("Your account"));
    accountPage->setSubTitle(tr("The default password from the board must be changed at the first login."));
    m_account = new QLineEdit(accountPage);
    m_account->setObjectName(QStringLiteral("accountEdit"));
    m_password = passwordEdit(accountPage, "passwordEdit");
    m_alreadyChanged =
        new QCheckBox(tr("I changed the default password already (this computer replaces another)"), accountPage);
    m_alreadyChanged->setObjectName(QStringLiteral("passwordAlreadyChanged"));
    m_newPassword = passwordEdit(accountPage, "newPasswordEdit");
    m_newPasswordRepeat = passwordEdit(accountPage, "newPasswordRepeatEdit");
    m_accountProblem = problemLabel(accountPage, "accountProblem");
    {
        auto* form = new QFormLayout(accountPage);
        form->addRow(tr("Account"), m_account);
        form->addRow(tr("Password"), m_password);
        form->addRow(QString(), m_alreadyChanged);
        form->addRow(tr("New password"), m_newPassword);
        form->addRow(tr("New password again"), m_newPasswordRepeat);
        form->addRow(QString(), m_accountProblem);
    }
    for (QLineEdit* edit : {m_account, m_password, m_newPassword, m_newPasswordRepeat}) {
        connect(edit, &QLineEdit::textChanged, accountPage, &EnrollPage::recheck);
    }
    connect(m_alreadyChanged, &QCheckBox::toggled, this, [this, accountPage](bool changed) {
        m_newPassword->setEnabled(!changed);
        m_newPasswordRepeat->setEnabled(!changed);
        accountPage->recheck();
    });
    setPage(AccountPageId, accountPage);

    // 3. The local store's passphrase.
    auto* storePage = new EnrollPage(
        [this]() {
            const QString passphrase = m_passphrase->text();
            QString problem;
            if (!passphrase.isEmpty()) {
                problem = PassphraseText::forProblem(client::checkPassphrase(utf8(passphrase)));
                if (problem.isEmpty() && passphrase != m_passphraseRepeat->text()) {
                    problem = tr("The two passphrases differ.");
                }
            }
            m_passphraseProblem->setText(problem);
            return !passphrase.isEmpty() && problem.isEmpty();
        },
        {}, this);
    storePage->setObjectName(QStringLiteral("enrollStorePage"));
    storePage->setTitle(tr("Passphrase of the local store"));
    storePage->setSubTitle(tr("Everything on this computer is encrypted with it. Nobody can recover it: "
                              "write it down and keep it locked away."));
    m_passphrase = passwordEdit(storePage, "storePassphraseEdit");
    m_passphraseRepeat = passwordEdit(storePage, "storePassphraseRepeatEdit");
    m_passphraseProblem = problemLabel(storePage, "passphraseProblem");
    {
        auto* form = new QFormLayout(storePage);
        form->addRow(tr("Passphrase"), m_passphrase);
        form->addRow(tr("Passphrase again"), m_passphraseRepeat);
        form->addRow(QString(), m_passphraseProblem);
    }
    for (QLineEdit* edit : {m_passphrase, m_passphraseRepeat}) {
        connect(edit, &QLineEdit::textChanged, storePage, &EnrollPage::recheck);
    }
    setPage(StorePageId, storePage);

    // 4. Enrollment, run as the page opens.
    auto* finishPage = new EnrollPage([this]() { return m_enrolled; }, [this]() { startEnrollment(); }, this);
    finishPage->setObjectName(QStringLiteral("enrollFinishPage"));
    finishPage->setTitle(tr("Connecting"));
    finishPage->setFinalPage(true);
    m_status = new QLabel(finishPage);
    m_status->setObjectName(QStringLiteral("enrollStatus"));
    m_status->setWordWrap(true);
    (new QVBoxLayout(finishPage))->addWidget(m_status, 1, Qt::AlignTop);
    setPage(FinishPageId, finishPage);
    connect(this, &QWizard::currentIdChanged, this, [this](int) { QGuiApplication::inputMethod()->commit(); });
}

std::unique_ptr<client::Store> EnrollWizard::takeStore()
{
    return std::move(m_store);
}

void EnrollWizard::fetchFingerprint()
{
    QGuiApplication::inputMethod()->commit();
    const QUrl url(m_server->text().trimmed());
    if (url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        m_fingerprintLabel->setText(tr("The address must look like https://server:8443"));
        return;
    }
    m_fetch->setEnabled(false);
    m_fingerprintLabel->setText(tr("Contacting %1…").arg(url.toString()));
    runAsync(
        this, [url]() { return client::sync::HttpTransport::fetchFingerprint(url); },
        [this](Result<std::string> fingerprint) {
            m_fetch->setEnabled(true);
            if (!fingerprint) {
                m_fingerprintLabel->setText(ErrorText::forStatus(fingerprint.status()));
                return;
            }
            m_fingerprint = QString::fromStdString(*fingerprint);
            // Groups of four bytes on two lines, easier to compare aloud over the phone.
            QString shown = m_fingerprint;
            shown.insert(shown.size() / 2 + 1, QLatin1Char('\n'));
            m_fingerprintLabel->setText(tr("Certificate fingerprint (SHA-256):") + QLatin1Char('\n') + shown);
            m_fingerprintLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            m_confirm->setEnabled(true);
            if (auto* page = qobject_cast<EnrollPage*>(this->page(ServerPageId))) {
                page->recheck();
            }
        });
}

void EnrollWizard::startEnrollment()
{
    if (m_running || m_enrolled) {
        return;
    }
    m_running = true;
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Creating the encrypted store and connecting to the server…"));
    button(QWizard::BackButton)->setEnabled(false);

    client::sync::EnrollRequest request;
    request.server = QUrl(m_server->text().trimmed());
    request.fingerprint = utf8(m_fingerprint);
    request.account = utf8(m_account->text().trimmed());
    request.password = utf8(m_password->text());
    if (!m_alreadyChanged->isChecked()) {
        request.newPassword = utf8(m_newPassword->text());
    }
    request.deviceName = utf8(QSysInfo::machineHostName().left(100));
    if (request.deviceName.empty()) {
        request.deviceName = "dantoc-desk";
    }
    std::string passphrase = utf8(m_passphrase->text());
    const std::filesystem::path directory = m_directory.toStdString();
    const std::filesystem::path resources = m_resources.toStdString();
    const client::StoreOptions options = m_options;

    struct Outcome {
        std::unique_ptr<client::Store> store;
        Status status;
        std::string serverCode;
    };
    runAsync(
        this,
        [=, passphrase = std::move(passphrase)]() mutable {
            Outcome outcome;
            const bool existed = client::Store::exists(directory);
            auto created = client::StoreFactory::create(directory, passphrase, resources, options);
            std::fill(passphrase.begin(), passphrase.end(), '\0');
            if (!created) {
                outcome.status = created.status();
                return outcome;
            }
            auto enrolled = client::sync::Enrollment::enroll((*created)->connection(), request);
            if (!enrolled) {
                outcome.status = enrolled.status();
                created->reset();
                if (!existed) {
                    // Nothing but the seed is in it: a retry starts from a clean directory.
                    std::error_code ec;
                    std::filesystem::remove_all(directory, ec);
                }
                return outcome;
            }
            // Its notifier was made on this pool thread; the store will live on the GUI thread.
            (*created)->notifier().moveToThread(QCoreApplication::instance()->thread());
            outcome.store = std::move(*created);
            return outcome;
        },
        [this](Outcome outcome) {
            m_running = false;
            button(QWizard::BackButton)->setEnabled(true);
            if (!outcome.store) {
                QString text = ErrorText::forStatus(outcome.status);
                if (outcome.status.code() == ErrorCode::FailedPrecondition) {
                    text = tr("The server asks for a new password: go back and fill in the new password.");
                } else if (outcome.status.code() == ErrorCode::Unauthenticated) {
                    text = tr("Wrong account or password: go back and check them.");
                } else if (outcome.status.code() == ErrorCode::AlreadyExists) {
                    text = ErrorText::forCode("device_taken");
                } else if (outcome.status.code() == ErrorCode::PermissionDenied) {
                    text = ErrorText::forCode("pin_mismatch");
                }
                m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
                m_status->setText(text);
                return;
            }
            m_store = std::move(outcome.store);
            m_enrolled = true;
            m_status->setText(tr("This computer is connected. The store is encrypted with your passphrase; "
                                 "data is sent whenever the server can be reached."));
            button(QWizard::BackButton)->setEnabled(false);
            button(QWizard::CancelButton)->setEnabled(false);
            if (auto* page = qobject_cast<EnrollPage*>(this->page(FinishPageId))) {
                page->recheck();
            }
            emit enrolled();
        });
}

}  // namespace dantoc::gui
