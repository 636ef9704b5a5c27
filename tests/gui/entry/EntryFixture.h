// EntryFixture: a seeded SQLCipher store (cheap KDF), its EntryService, a draft and the real FormEntryWidget shown
// on it, plus key helpers that type the way Vietnamese input methods do (Unikey: Backspace, then the replacement
// letter as a key event carrying only text). Test-only; GUI thread.
#pragma once

#include "../GuiApp.h"
#include "gui/entry/EntryDocument.h"
#include "gui/entry/FormEntryWidget.h"

#include "core/EntryService.h"
#include "core/StoreFactory.h"
#include "core/SubmissionRepository.h"

#include "support/TempDir.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace dantoc::test {

struct EntryFixture
{
    TempDir dir{"dantoc-gui-entry"};
    std::unique_ptr<client::Store> store;
    std::unique_ptr<client::EntryService> service;
    std::unique_ptr<::dantoc::gui::FormEntryWidget> widget;
    std::string recordId;

    static client::StoreOptions options()
    {
        client::StoreOptions result;
        result.kdf = client::KdfParams::testing();
        return result;
    }

    static constexpr const char* kPassphrase = "mật khẩu kho thử";

    EntryFixture()
    {
        ensureGuiApp();
        auto created = client::StoreFactory::create(dir / "store", kPassphrase, DANTOC_RESOURCES_DIR, options());
        REQUIRE_MESSAGE(created.isOk(), created.status().toString());
        store = std::move(*created);
        service = std::make_unique<client::EntryService>(store->connection());
    }

    ~EntryFixture()
    {
        widget.reset();  // before the store it uses
    }

    client::Connection& db() { return store->connection(); }

    // A draft and the widget open on it, shown and active.
    void open(const std::string& form = "commune_survey", const std::string& unit = "02683",
              const std::string& period = "2025", const std::string& body = "{}")
    {
        auto draft = service->createDraft({"", form, 0, unit, period, "", body});
        REQUIRE_MESSAGE(draft.isOk(), draft.status().toString());
        recordId = draft->id;
        widget = std::make_unique<::dantoc::gui::FormEntryWidget>(db(), *service);
        widget->resize(1280, 860);
        QString error;
        REQUIRE_MESSAGE(widget->openRecord(QString::fromStdString(recordId), &error), error.toStdString());
        widget->show();
        QApplication::setActiveWindow(widget.get());
        REQUIRE(QTest::qWaitForWindowExposed(widget.get()));
    }

    template <typename T = QWidget>
    T* find(const QString& name)
    {
        T* found = widget->findChild<T*>(name);
        REQUIRE_MESSAGE(found != nullptr, name.toStdString());
        return found;
    }
    QLineEdit* line(const std::string& field) { return find<QLineEdit>(QStringLiteral("field:") + QString::fromStdString(field)); }

    // What the store holds for the record now (autosave or save).
    nlohmann::json storedValues()
    {
        auto record = client::SubmissionRepository(db()).get(recordId);
        REQUIRE(record.isOk());
        return nlohmann::json::parse(record->body);
    }
    nlohmann::json liveValue(const std::string& field) { return widget->document()->value(field); }

    // Focuses a field's editor as a click would (on its page).
    void focus(QWidget* target)
    {
        target->setFocus(Qt::MouseFocusReason);
        QApplication::processEvents();
    }
};

// Sends one key the way Unikey's SendInput(KEYEVENTF_UNICODE) arrives in Qt: no key code, just the text.
inline void sendText(QWidget* target, const QString& text)
{
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(target, &press);
        QApplication::sendEvent(target, &release);
    }
}

// Where a key goes now: an open popup (a completer's list), else the focus widget, else `fallback`.
inline QWidget* keyTarget(QWidget* fallback)
{
    if (QWidget* popup = QApplication::activePopupWidget()) {
        return popup;
    }
    return QApplication::focusWidget() != nullptr ? QApplication::focusWidget() : fallback;
}

// Types ASCII keys one by one where the keyboard would deliver them (a cell editor opened by the first key).
inline void typeKeys(QWidget* start, const QString& text)
{
    for (const QChar c : text) {
        QTest::keyClick(keyTarget(start), c.toLatin1());
    }
}

inline void key(QWidget* fallback, Qt::Key code, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* window = fallback->window();
    QTest::keyClick(keyTarget(fallback), code, modifiers);
    QApplication::processEvents();
    // Qt's offscreen platform activates every window it shows, a choice list's popup too, and activates nothing
    // when the popup closes; on a desktop the popup never takes activation. Give it back as a window manager
    // would, or the next key would reach no widget.
    QWidget* active = QApplication::activeWindow();
    const bool leftByPopup = active == nullptr || (active->windowType() == Qt::Popup && !active->isVisible());
    if (leftByPopup && QApplication::activePopupWidget() == nullptr && window->isVisible()) {
        QWidget* focused = QApplication::focusWidget();  // where the key moved the focus: it stays there
        QApplication::setActiveWindow(window);
        if (focused != nullptr && focused->window() == window) {
            focused->setFocus(Qt::OtherFocusReason);
        }
    }
}

// Replays an input-method stream: "\b" is Backspace, anything else is text. Sent to the focus widget (a roster
// cell's editor once typing opened it), or `target` when nothing has focus.
inline void replayIme(QWidget* target, const QStringList& stream)
{
    for (const QString& token : stream) {
        QWidget* to = keyTarget(target);
        if (token == QStringLiteral("\b")) {
            QTest::keyClick(to, Qt::Key_Backspace);
        } else {
            sendText(to, token);
        }
    }
}

// Telex/VNI as Unikey sends them: letters typed, then Backspace(s) and the composed letter.
inline QStringList unikeyHmong() { return {"H", "m", "o", "\b", "ô", "n", "g"}; }
inline QStringList unikeyDakLak()
{
    return {"D", "\b", "Đ", "a", "\b", "ă", "\b", "ắ", "k", " ", "L", "a", "\b", "ă", "\b", "ắ", "k"};
}
inline QStringList unikeyNguyen() { return {"N", "g", "u", "y", "e", "\b", "ê", "n", "\b", "\b", "ễ", "n"}; }

inline void pressEnter(QWidget* target)
{
    QTest::keyClick(target, Qt::Key_Return);
    QApplication::processEvents();  // the commit after Enter is queued (an open completer finishes first)
}

}  // namespace dantoc::test
