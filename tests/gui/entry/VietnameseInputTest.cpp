// ux-lessons §6 acceptance checks on the entry screen: Unikey-style Backspace + replacement streams, preedit
// committed by Save, validators that never reject partial Vietnamese, completer Enter, NFC on paste, autosave
// surviving a second opening of the store.
#include "EntryFixture.h"

#include "gui/entry/RosterView.h"

#include "core/FormTemplateRepository.h"

#include <QAction>
#include <QClipboard>
#include <QCompleter>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QSignalSpy>

using namespace dantoc;
using test::EntryFixture;

TEST_CASE("ux §6.1: Unikey streams give exactly Hmông, Đắk Lắk, Nguyễn, also in the first cell of a roster")
{
    EntryFixture f;
    f.open();
    QLineEdit* name = f.line("commune_name");
    f.focus(name);
    test::replayIme(name, test::unikeyHmong());
    CHECK(name->text() == QStringLiteral("Hmông"));
    name->clear();
    test::replayIme(name, test::unikeyDakLak());
    CHECK(name->text() == QStringLiteral("Đắk Lắk"));
    QLineEdit* respondent = f.line("respondent_name");
    f.focus(respondent);
    test::replayIme(respondent, test::unikeyNguyen());
    CHECK(respondent->text() == QStringLiteral("Nguyễn"));
    test::pressEnter(respondent);
    CHECK(f.storedValues()["respondent_name"] == "Nguyễn");

    // The first key typed over an empty cell opens the editor and is kept.
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(1);
    auto* roster = f.find<gui::RosterView>("roster:ethnic_groups");
    roster->addRow();
    roster->focusCell(0, 0);
    test::replayIme(roster, test::unikeyHmong());
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    REQUIRE(editor != nullptr);
    CHECK(editor->text() == QStringLiteral("Hmông"));
    test::key(roster, Qt::Key_Return);
    CHECK(f.widget->document()->cell("ethnic_groups", 0, "ethnic_code") == "08");  // an alias of Mông
}

TEST_CASE("ux §6.2: a preedit still composing is stored by Save")
{
    EntryFixture f;
    f.open();
    QLineEdit* respondent = f.line("respondent_name");
    f.focus(respondent);
    QInputMethodEvent preedit(QStringLiteral("Nguyễn"), {});
    QApplication::sendEvent(respondent, &preedit);
    CHECK(respondent->text().isEmpty());  // not committed yet
    f.widget->findChild<QAction*>("saveAction")->trigger();
    CHECK(respondent->text() == QStringLiteral("Nguyễn"));
    CHECK(f.storedValues()["respondent_name"] == "Nguyễn");
    CHECK(f.widget->record().state == "draft");
}

TEST_CASE("ux §6.3: typing Thuỷ, Ưng, Đoàn into a validated field is never rejected and keeps undo")
{
    EntryFixture f;
    f.open();
    QLineEdit* name = f.line("commune_name");
    REQUIRE(name->validator() != nullptr);
    QSignalSpy rejected(name, &QLineEdit::inputRejected);
    f.focus(name);
    test::replayIme(name, {"T", "h", "u", "y", "\b", "ỷ", " ", "U", "\b", "Ư", "n", "g", " ", "D", "\b", "Đ", "o", "a",
                           "\b", "à", "n"});
    CHECK(name->text() == QStringLiteral("Thuỷ Ưng Đoàn"));
    CHECK(rejected.count() == 0);
    CHECK(name->isUndoAvailable());
    // A length limit only warns: 101 letters stay as typed (max_length 100), reported, not cut.
    name->clear();
    test::sendText(name, QString(101, QChar(u'ư')));
    CHECK(name->text().size() == 101);
    CHECK(rejected.count() == 0);
}

namespace {

constexpr const char* kChoiceForm = R"json({
  "format_version": 1, "id": "choice_test", "version": 1,
  "title": {"vi": "Phiếu thử chọn dân tộc", "en": "Choice test"},
  "unit_level": "commune", "period_type": "yearly",
  "sections": [{"id": "main", "title": {"vi": "Chung", "en": "General"}, "fields": [
    {"name": "group", "label": {"vi": "Dân tộc", "en": "Ethnic group"}, "type": "choice",
     "choices_from": "ethnic_groups"},
    {"name": "note", "label": {"vi": "Ghi chú", "en": "Note"}, "type": "text"}
  ]}]
})json";

}  // namespace

TEST_CASE("ux §6.4: with the completer open on Hà, Enter stores exactly the text shown and moves on")
{
    EntryFixture f;
    REQUIRE(client::FormTemplateRepository(f.db()).put({"choice_test", 1, kChoiceForm, ""}).isOk());
    f.open("choice_test");
    QLineEdit* group = f.line("group");
    f.focus(group);
    test::sendText(group, QStringLiteral("Hà"));
    QCompleter* completer = group->findChild<QCompleter*>();
    REQUIRE(completer != nullptr);
    REQUIRE(completer->popup()->isVisible());
    CHECK(completer->popup()->model()->index(0, 0).data().toString() == QStringLiteral("Hà Nhì"));
    test::key(group, Qt::Key_Return);
    CHECK(group->text() == QStringLiteral("Hà"));
    CHECK(f.storedValues()["group"] == "Hà");  // kept as typed (and reported: not a code of the list)
    CHECK(QApplication::focusWidget() == f.line("note"));

    // Down highlights the first match, which the field then shows; Enter stores that one.
    f.focus(group);
    group->clear();
    test::sendText(group, QStringLiteral("Hà"));
    REQUIRE(completer->popup()->isVisible());
    test::key(group, Qt::Key_Down);
    CHECK(group->text() == QStringLiteral("Hà Nhì"));
    test::key(group, Qt::Key_Return);
    CHECK(group->text() == QStringLiteral("Hà Nhì"));
    CHECK(f.storedValues()["group"] == "33");
    CHECK(QApplication::focusWidget() == f.line("note"));
}

TEST_CASE("ux §6.5: a pasted NFD name is stored as NFC")
{
    EntryFixture f;
    f.open();
    const QString nfd = QStringLiteral("Nguyễn").normalized(QString::NormalizationForm_D);
    REQUIRE(nfd.size() > 6);
    QGuiApplication::clipboard()->setText(nfd);
    QLineEdit* respondent = f.line("respondent_name");
    f.focus(respondent);
    QTest::keyClick(respondent, Qt::Key_V, Qt::ControlModifier);
    CHECK(respondent->text() == nfd);  // shown as pasted while the field is being edited
    test::pressEnter(respondent);
    const std::string stored = f.storedValues()["respondent_name"];
    CHECK(QString::fromStdString(stored).size() == 6);
    CHECK(stored == "Nguyễn");
    CHECK(respondent->text().size() == 6);
}

TEST_CASE("ux §6.8: a field commit is on disk at once: a second opening of the store sees it")
{
    EntryFixture f;
    f.open();
    QLineEdit* name = f.line("commune_name");
    f.focus(name);
    test::replayIme(name, test::unikeyDakLak());
    test::pressEnter(name);
    // As after a crash: nothing saved explicitly, read by another connection to the same files.
    auto second = client::Store::open(f.dir / "store", EntryFixture::kPassphrase, EntryFixture::options());
    REQUIRE_MESSAGE(second.isOk(), second.status().toString());
    auto record = client::SubmissionRepository((*second)->connection()).get(f.recordId);
    REQUIRE(record.isOk());
    CHECK(nlohmann::json::parse(record->body)["commune_name"] == "Đắk Lắk");
    CHECK(f.widget->hasUncommittedChanges());  // autosaved, but not yet saved (no operation enqueued)
}
