#include "gui/unlock/UnlockWidget.h"

#include "core/ChangeNotifier.h"
#include "gui/common/AsyncTask.h"
#include "gui/common/ErrorText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFormLayout>
#include <QGuiApplication>
#include <QInputMethod>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dantoc::gui {

UnlockWidget::UnlockWidget(QString storeDirectory, client::StoreOptions options, QWidget* parent)
    : QWidget(parent), m_directory(std::move(storeDirectory)), m_options(options)
{
    setObjectName(QStringLiteral("unlockWidget"));
    auto* title = new QLabel(tr("Open the local store"), this);
    title->setObjectName(QStringLiteral("unlockTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    // A zero-width space after each separator lets a long path wrap inside the box instead of being cut.
    QString shownPath = QDir::toNativeSeparators(m_directory);
    shownPath.replace(QDir::separator(), QString(QDir::separator()) + QChar(0x200B));
    auto* where = new QLabel(tr("Store: %1").arg(shownPath), this);
    where->setObjectName(QStringLiteral("unlockStorePath"));
    where->setWordWrap(true);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("unlockNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Store passphrase"));
    m_unlock = new QPushButton(tr("Unlock"), this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* box = new QWidget(this);
    // A fixed width: centred boxes get their size hint, and word-wrapped labels hint too narrow (clipped lines).
    box->setFixedWidth(480);
    auto* form = new QVBoxLayout(box);
    form->addWidget(title);
    form->addWidget(where);
    form->addSpacing(8);
    form->addWidget(m_notice);
    form->addWidget(new QLabel(tr("Passphrase"), box));
    form->addWidget(m_passphrase);
    form->addWidget(m_error);
    form->addWidget(m_unlock, 0, Qt::AlignRight);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(m_unlock, &QPushButton::clicked, this, &UnlockWidget::tryUnlock);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &UnlockWidget::tryUnlock);
    setFocusProxy(m_passphrase);
}

void UnlockWidget::setNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

std::unique_ptr<client::Store> UnlockWidget::takeStore()
{
    return std::move(m_store);
}

void UnlockWidget::tryUnlock()
{
    if (m_busy) {
        return;
    }
    QGuiApplication::inputMethod()->commit();
    std::string passphrase = m_passphrase->text().toStdString();
    m_passphrase->clear();
    if (passphrase.empty()) {
        m_error->setText(tr("Type the store passphrase."));
        m_error->show();
        return;
    }
    m_busy = true;
    m_unlock->setEnabled(false);
    m_passphrase->setEnabled(false);
    m_error->setText(tr("Unlocking…"));
    m_error->setStyleSheet(QString());
    m_error->show();
    const std::filesystem::path directory = m_directory.toStdString();
    const client::StoreOptions options = m_options;
    runAsync(
        this,
        [directory, options, passphrase = std::move(passphrase)]() mutable {
            auto opened = client::Store::open(directory, passphrase, options);
            std::fill(passphrase.begin(), passphrase.end(), '\0');
            if (opened) {
                // Its notifier was made on this pool thread; the store will live on the GUI thread.
                (*opened)->notifier().moveToThread(QCoreApplication::instance()->thread());
            }
            return opened;
        },
        [this](Result<std::unique_ptr<client::Store>> opened) {
            m_busy = false;
            m_unlock->setEnabled(true);
            m_passphrase->setEnabled(true);
            m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
            if (!opened) {
                m_error->setText(opened.status().code() == ErrorCode::Unauthenticated
                                     ? tr("Wrong passphrase. Try again; the store is unchanged.")
                                     : ErrorText::forStatus(opened.status()));
                m_error->show();
                m_passphrase->setFocus();
                return;
            }
            m_error->hide();
            m_store = std::move(*opened);
            emit unlocked();
        });
}

}  // namespace dantoc::gui
