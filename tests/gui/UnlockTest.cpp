// Unlock and auto-lock: a wrong passphrase says so and changes nothing; the right one opens the main window; no
// activity for the configured time locks the store again (its key gone) and shows the unlock screen.
#include "GuiApp.h"

#include "core/StoreFactory.h"
#include "gui/DeskSession.h"
#include "gui/main/MainWindow.h"
#include "gui/unlock/UnlockWidget.h"
#include "support/Files.h"
#include "support/TempDir.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <doctest/doctest.h>

using namespace dantoc;

namespace {

constexpr const char* kPassphrase = "Sa Pa mùa đông 2025";

client::StoreOptions fast()
{
    client::StoreOptions options;
    options.kdf = client::KdfParams::testing();
    return options;
}

std::filesystem::path makeStore(const test::TempDir& dir)
{
    const auto path = dir / "store";
    auto created = client::StoreFactory::create(path, kPassphrase, DANTOC_RESOURCES_DIR, fast());
    REQUIRE_MESSAGE(created.isOk(), created.status().toString());
    return path;
}

void type(QWidget* root, const char* name, const QString& text)
{
    auto* edit = root->findChild<QLineEdit*>(QLatin1String(name));
    REQUIRE(edit != nullptr);
    edit->setFocus();
    edit->clear();
    for (const QChar c : text) {  // QTest::keyClicks asserts on non-ASCII characters
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(edit, &press);
    }
}

}  // namespace

TEST_CASE("unlock: a wrong passphrase is refused with a clear message and the store files stay as they were")
{
    test::ensureGuiApp();
    test::TempDir dir("dantoc-gui-unlock");
    const auto path = makeStore(dir);
    const std::string before = test::readFile(path / client::Store::kDatabaseFile);

    gui::UnlockWidget unlock(QString::fromStdString(path.string()), fast());
    unlock.show();
    QSignalSpy unlocked(&unlock, &gui::UnlockWidget::unlocked);
    type(&unlock, "passphraseEdit", QStringLiteral("không phải mật khẩu"));
    QTest::keyClick(unlock.findChild<QLineEdit*>(QStringLiteral("passphraseEdit")), Qt::Key_Return);
    auto* error = unlock.findChild<QLabel*>(QStringLiteral("unlockError"));
    REQUIRE(error != nullptr);
    REQUIRE(QTest::qWaitFor([&]() { return error->text().contains(QStringLiteral("Sai mật khẩu")); }, 30000));
    CHECK(unlocked.isEmpty());
    CHECK(unlock.findChild<QLineEdit*>(QStringLiteral("passphraseEdit"))->text().isEmpty());  // never kept
    CHECK(test::readFile(path / client::Store::kDatabaseFile) == before);

    type(&unlock, "passphraseEdit", QString::fromUtf8(kPassphrase));
    QTest::mouseClick(unlock.findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&]() { return !unlocked.isEmpty(); }, 30000));
    auto store = unlock.takeStore();
    REQUIRE(store != nullptr);
    CHECK(unlock.takeStore() == nullptr);
}

TEST_CASE("auto-lock: after the idle time the main window closes, the store is closed and unlock is shown")
{
    test::ensureGuiApp();
    test::TempDir dir("dantoc-gui-autolock");
    gui::DeskOptions options;
    options.storeDirectory = QString::fromStdString(makeStore(dir).string());
    options.resourcesDirectory = DANTOC_RESOURCES_DIR;
    options.storeOptions = fast();
    options.autoLockMillis = 400;
    gui::DeskSession session(options);
    session.start();
    REQUIRE(session.unlockWidget() != nullptr);
    REQUIRE(session.enrollWizard() == nullptr);
    QSignalSpy shown(&session, &gui::DeskSession::mainWindowShown);
    QSignalSpy locked(&session, &gui::DeskSession::locked);
    type(session.unlockWidget(), "passphraseEdit", QString::fromUtf8(kPassphrase));
    QTest::keyClick(session.unlockWidget()->findChild<QLineEdit*>(QStringLiteral("passphraseEdit")), Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&]() { return !shown.isEmpty(); }, 30000));
    REQUIRE(session.mainWindow() != nullptr);
    CHECK(session.store() != nullptr);
    CHECK(session.syncController() == nullptr);  // not enrolled: nothing to sync with

    REQUIRE(QTest::qWaitFor([&]() { return !locked.isEmpty(); }, 10000));
    CHECK(session.mainWindow() == nullptr);
    CHECK(session.store() == nullptr);
    REQUIRE(session.unlockWidget() != nullptr);
    CHECK(session.unlockWidget()->findChild<QLabel*>(QStringLiteral("unlockNotice"))->isVisibleTo(session.unlockWidget()));
}
