// Screenshots of the main screens as a user sees them (run under Xvfb by the gui_screenshots test, offscreen
// otherwise): the enrollment wizard with the server's fingerprint, the unlock screen, the main window with records
// and the sync status, a form with errors. Each is checked not blank; people look at them before a screen is called done.
#include "DeskWorld.h"
#include "Screenshots.h"

#include "core/EntryService.h"
#include "core/sync/SyncController.h"
#include "gui/enroll/EnrollWizard.h"
#include "gui/entry/FormEntryWidget.h"
#include "gui/main/MainWindow.h"
#include "gui/unlock/UnlockWidget.h"
#include "support/DemoValues.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>

using namespace dantoc;
using namespace dantoc::test::gui;

TEST_CASE("screenshots: enrollment wizard, unlock, main window with records and sync status, a form with errors")
{
    DeskWorld world("dantoc-gui-shots");
    {
        gui::EnrollWizard wizard(QString::fromStdString((world.dir / "new").string()), DANTOC_RESOURCES_DIR,
                                 fastStore());
        wizard.resize(720, 520);
        wizard.show();
        typeInto(child<QLineEdit>(&wizard, "serverUrlEdit"), world.url().toString());
        QTest::mouseClick(child<QAbstractButton>(&wizard, "fetchFingerprintButton"), Qt::LeftButton);
        auto* label = child<QLabel>(&wizard, "fingerprintLabel");
        REQUIRE(waitUntil([&]() { return label->text().contains(QStringLiteral("SHA-256")); }));
        child<QCheckBox>(&wizard, "fingerprintConfirmed")->setChecked(true);
        saveScreenshot(&wizard, QStringLiteral("enroll-server"));
        wizard.next();
        typeInto(child<QLineEdit>(&wizard, "accountEdit"), QString::fromLatin1(kOfficer));
        typeInto(child<QLineEdit>(&wizard, "passwordEdit"), QStringLiteral("mật khẩu mặc định"));
        typeInto(child<QLineEdit>(&wizard, "newPasswordEdit"), QStringLiteral("ngắn"));
        saveScreenshot(&wizard, QStringLiteral("enroll-account"));
        wizard.next();
        wizard.next();
        typeInto(child<QLineEdit>(&wizard, "storePassphraseEdit"), QStringLiteral("123456"));
        saveScreenshot(&wizard, QStringLiteral("enroll-passphrase"));
    }
    auto store = world.enrolledStore("desk");
    {
        gui::UnlockWidget unlock(QString::fromStdString((world.dir / "desk").string()), fastStore());
        unlock.resize(720, 420);
        unlock.setNotice(QStringLiteral("Kho đã được khóa sau 15 phút không sử dụng."));
        unlock.show();
        saveScreenshot(&unlock, QStringLiteral("unlock"));
    }
    client::sync::SyncController controller(*store);
    gui::MainWindow window(*store, &controller);
    window.resize(1366, 768);
    window.show();
    client::EntryOptions options;
    options.notifier = &store->notifier();
    client::EntryService entries(store->connection(), options);
    window.selectUnit(QString::fromLatin1(kCommune));
    const QString commune = window.createRecord(QStringLiteral("commune_survey"), QStringLiteral("2025"));
    REQUIRE_FALSE(commune.isEmpty());
    // Its tab closed before the values are saved underneath (an open tab keeps what it loaded).
    if (auto* opened = qobject_cast<gui::FormEntryWidget*>(child<QTabWidget>(&window, "tabs")->currentWidget())) {
        emit opened->closeRequested();
        QApplication::processEvents();
    }
    auto values = test::sampleCommuneValues();
    values.erase("signed_scan");  // its file is not in this store
    REQUIRE(entries.save(commune.toStdString(), values).isOk());
    child<QTabWidget>(&window, "tabs")->setCurrentIndex(0);
    QSignalSpy finished(&controller, &client::sync::SyncController::finished);
    controller.syncNow();
    REQUIRE(waitUntil([&]() { return !finished.isEmpty(); }, std::chrono::seconds(90)));
    for (const char* village : {"02683-01", "02683-02"}) {
        auto draft = entries.createDraft({"", "village_survey", 0, village, "2026-H2", "", "{}"});
        REQUIRE(draft.isOk());
    }
    window.selectUnit(QString::fromLatin1(kCommune));
    saveScreenshot(&window, QStringLiteral("main-window"));

    // A form with errors: the record opened in its tab, a figure over its bound, a required name emptied.
    REQUIRE(window.openRecord(commune));
    auto* entry = qobject_cast<gui::FormEntryWidget*>(child<QTabWidget>(&window, "tabs")->currentWidget());
    REQUIRE(entry != nullptr);
    for (const auto& [name, text] : {std::pair{"villages_extremely_difficult", "40"}, std::pair{"respondent_name", ""}}) {
        auto* edit = child<QLineEdit>(entry, (std::string("field:") + name).c_str());
        typeInto(edit, QString::fromUtf8(text));
        QTest::keyClick(edit, Qt::Key_Return);
        QApplication::processEvents();
    }
    entry->findChild<QListWidget*>(QStringLiteral("sectionList"))->setCurrentRow(0);
    REQUIRE(child<QListWidget>(entry, "issueList")->count() >= 2);
    saveScreenshot(&window, QStringLiteral("entry-errors"));
}
