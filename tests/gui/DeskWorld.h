// DeskWorld: what a GUI test starts from: the QApplication, the real demo server (dantoc-server over TLS on an
// ephemeral loopback port), its accounts and a temporary directory, plus helpers that drive widgets by objectName
// and enroll a store through the core when a test is not about the wizard. Test-only; GUI thread.
#pragma once

#include "GuiApp.h"

#include "core/StoreFactory.h"
#include "core/sync/Enrollment.h"
#include "core/sync/SyncController.h"
#include "support/FlowAccounts.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <QWidget>

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace dantoc::test::gui {

inline constexpr const char* kOfficer = "xa02683";  // commune Bát Xát's officer in the demo province
inline constexpr const char* kCommune = "02683";
inline constexpr const char* kStorePassphrase = "Sa Pa mùa đông 2025";

inline TestServer::Options demoServer()
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    return options;
}

inline client::StoreOptions fastStore()
{
    client::StoreOptions options;
    options.kdf = client::KdfParams::testing();
    return options;
}

// The widget named `name` under `root` (REQUIREd to exist).
template <typename T>
T* child(QObject* root, const char* name)
{
    T* found = root->findChild<T*>(QLatin1String(name));
    REQUIRE_MESSAGE(found != nullptr, "no widget named " << name);
    return found;
}

// Types `text` into `target` key by key: ASCII through QTest, other characters as text-only key events, the way an
// input method (Unikey's SendInput) delivers them (QTest::keyClicks asserts on non-ASCII characters).
inline void typeText(QWidget* target, const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80 && c.isPrint()) {
            QTest::keyClick(target, c.toLatin1());
        } else {
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
            QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
            QApplication::sendEvent(target, &press);
            QApplication::sendEvent(target, &release);
        }
    }
}

// Replaces the text of a line edit as a user typing it would (focus, select all, keys).
inline void typeInto(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    typeText(edit, text);
}

// Processes events until `done()` or the time runs out (a bound, not a measured assertion).
template <typename Done>
bool waitUntil(Done done, std::chrono::milliseconds limit = std::chrono::seconds(60))
{
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) {
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

// One sync cycle of `store` through a SyncController of its own (the GUI's path: the store's notifier hears what
// changed), REQUIREd to succeed within a bound; its report.
inline client::sync::SyncReport syncOnce(client::Store& store)
{
    client::sync::SyncController controller(store);
    bool done = false;
    bool ok = false;
    QString error;
    client::sync::SyncReport report;
    QObject::connect(&controller, &client::sync::SyncController::finished, &controller,
                     [&](bool success, const client::sync::SyncReport& got, const QString& text) {
                         done = true;
                         ok = success;
                         report = got;
                         error = text;
                     });
    controller.syncNow();
    REQUIRE(waitUntil([&]() { return done; }, std::chrono::seconds(120)));
    REQUIRE_MESSAGE(ok, error.toStdString());
    return report;
}

struct DeskWorld
{
    explicit DeskWorld(const std::string& prefix, TestServer::Options options = demoServer())
        : server(std::move(options)), dir(prefix)
    {
        REQUIRE(server.started());
    }

    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port())); }

    // A new seeded store in dir/subdir enrolled as `account` through the core (the wizard has its own test).
    std::unique_ptr<client::Store> enrolledStore(const char* subdir, const std::string& account = kOfficer)
    {
        auto created = client::StoreFactory::create(dir / subdir, kStorePassphrase, DANTOC_RESOURCES_DIR, fastStore());
        REQUIRE_MESSAGE(created.isOk(), created.status().toString());
        const std::string fresh = FlowAccounts::newPasswordFor(account);
        client::sync::EnrollRequest request{url(), server.fingerprint(), account, accounts.password(account), fresh,
                                            subdir};
        auto enrolled = client::sync::Enrollment::enroll((*created)->connection(), request);
        if (!enrolled && accounts.password(account) != fresh) {
            request.password = fresh;
            enrolled = client::sync::Enrollment::enroll((*created)->connection(), request);
        }
        REQUIRE_MESSAGE(enrolled.isOk(), enrolled.status().toString());
        accounts.setPassword(account, fresh);
        return std::move(*created);
    }

    bool app = (ensureGuiApp(), true);
    TestServer server;
    FlowAccounts accounts{server};
    TempDir dir;
};

}  // namespace dantoc::test::gui
