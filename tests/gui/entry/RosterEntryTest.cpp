// Rosters on the entry screen: rows added, an Excel block pasted, rows removed and reordered keeping their _id;
// choice search through the catalog's other names; an attachment imported into the encrypted store.
#include "EntryFixture.h"

#include "gui/entry/ChoiceLists.h"
#include "gui/entry/ChoiceSearchModel.h"
#include "gui/entry/RosterView.h"

#include "core/AttachmentStore.h"
#include "support/Files.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QCompleter>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>

using namespace dantoc;
using test::EntryFixture;

namespace {

gui::RosterView* openEthnicRoster(EntryFixture& f)
{
    f.open();
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(1);
    return f.find<gui::RosterView>("roster:ethnic_groups");
}

}  // namespace

TEST_CASE("roster: add rows, paste a block from Excel, remove and reorder; rows keep their _id")
{
    EntryFixture f;
    gui::RosterView* view = openEthnicRoster(f);
    QTest::mouseClick(f.find<QPushButton>("addRowButton:ethnic_groups"), Qt::LeftButton);
    QTest::mouseClick(f.find<QPushButton>("addRowButton:ethnic_groups"), Qt::LeftButton);
    REQUIRE(view->model()->rowCount() == 2);
    const std::string firstId = f.widget->document()->rowId("ethnic_groups", 0);
    CHECK(firstId.size() == 36);

    // Three rows × three columns, as Excel copies them (CRLF, a trailing line end).
    QGuiApplication::clipboard()->setText(QStringLiteral("Mông\t1150\t5960\r\nTày\t210\t860\r\nKinh\t580\t2340\r\n"));
    view->focusCell(0, 0);
    QTest::keyClick(view, Qt::Key_V, Qt::ControlModifier);
    REQUIRE(view->model()->rowCount() == 3);
    CHECK(view->model()->index(0, 0).data().toString() == QStringLiteral("Mông"));
    CHECK(view->model()->index(2, 0).data().toString() == QStringLiteral("Kinh (Việt)"));
    CHECK(view->model()->index(1, 2).data().toString() == "860");
    nlohmann::json rows = f.storedValues()["ethnic_groups"];  // autosaved
    REQUIRE(rows.size() == 3);
    CHECK(rows[0]["_id"] == firstId);
    CHECK(rows[0]["ethnic_code"] == "08");
    CHECK(rows[1]["ethnic_code"] == "02");
    CHECK(rows[2]["ethnic_code"] == "01");
    CHECK(rows[2]["population"] == 2340);
    const std::string kinhId = rows[2]["_id"];

    // A cell error shows on the cell (tooltip) and beside the roster.
    view->focusCell(1, 2);
    test::typeKeys(view, "100");  // typing over the cell: population 100 < households 210
    test::key(view, Qt::Key_Return);
    CHECK(view->model()->index(1, 2).data().toString() == "100");
    CHECK(view->model()->index(1, 2).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Số nhân khẩu phải ≥ số hộ")));
    const QString beside = f.find<QLabel>("issues:ethnic_groups")->text();
    CHECK((beside.contains(QStringLiteral("Dòng 2")) || beside.contains(QStringLiteral("Row 2"))));
    CHECK(view->currentIndex().row() == 2);  // Enter moved down, like Excel

    // Remove Tày (row 2), then move Kinh up above Mông.
    view->focusCell(1, 0);
    QTest::keyClick(view, Qt::Key_Delete, Qt::ControlModifier);
    REQUIRE(view->model()->rowCount() == 2);
    view->focusCell(1, 1);
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    CHECK(view->currentIndex().row() == 0);
    REQUIRE(f.widget->save());
    rows = f.storedValues()["ethnic_groups"];
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["_id"] == kinhId);
    CHECK(rows[0]["ethnic_code"] == "01");
    CHECK(rows[1]["_id"] == firstId);
    CHECK(rows[1]["households"] == 1150);
}

TEST_CASE("choice search folds diacritics and finds other names: meo finds Mông, thuy finds Thủy and Thuỷ")
{
    EntryFixture f;
    gui::RosterView* view = openEthnicRoster(f);
    const forms::FieldDef* column = f.widget->document()->form().field("ethnic_groups.ethnic_code");
    REQUIRE(column != nullptr);
    const gui::ChoiceList* groups = f.widget->document()->choices().forField(*column);
    REQUIRE(groups != nullptr);
    CHECK(groups->size() == 54);  // from the store's catalog
    gui::ChoiceSearchModel model(*groups, nullptr);
    model.setQuery(QStringLiteral("meo"));
    REQUIRE(model.rowCount() >= 1);
    bool mong = false;
    for (int i = 0; i < model.rowCount(); ++i) {
        mong = mong || model.item(i).label == QStringLiteral("Mông");
    }
    CHECK(mong);
    model.setQuery(QStringLiteral("hmong"));
    REQUIRE(model.rowCount() >= 1);
    CHECK(model.item(0).label == QStringLiteral("Mông"));

    const gui::ChoiceList names{{"a", QStringLiteral("Thủy"), {gui::ChoiceLists::fold(QStringLiteral("Thủy"))}},
                                {"b", QStringLiteral("Thuỷ"), {gui::ChoiceLists::fold(QStringLiteral("Thuỷ"))}},
                                {"c", QStringLiteral("Thanh"), {gui::ChoiceLists::fold(QStringLiteral("Thanh"))}}};
    gui::ChoiceSearchModel small(names, nullptr);
    small.setQuery(QStringLiteral("thuy"));
    CHECK(small.rowCount() == 2);

    // In a roster cell: typing "meo" opens the list with Mông; Down then Enter picks it.
    QTest::mouseClick(f.find<QPushButton>("addRowButton:ethnic_groups"), Qt::LeftButton);
    view->focusCell(0, 0);
    test::typeKeys(view, "meo");
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    REQUIRE(editor != nullptr);
    CHECK(editor->text() == "meo");
    QCompleter* completer = editor->findChild<QCompleter*>();
    REQUIRE(completer != nullptr);
    REQUIRE(completer->popup()->isVisible());
    bool listed = false;
    for (int i = 0; i < completer->popup()->model()->rowCount(); ++i) {
        listed = listed || completer->popup()->model()->index(i, 0).data().toString() == QStringLiteral("Mông");
    }
    CHECK(listed);
    // Enter with no row highlighted keeps the typed text: "meo" is exactly one group's other name (Mẹo): Mông.
    test::key(view, Qt::Key_Return);
    CHECK(QApplication::activePopupWidget() == nullptr);  // the list closes with Enter, not with its editor later
    CHECK(f.widget->document()->cell("ethnic_groups", 0, "ethnic_code") == "08");
    CHECK(view->model()->index(0, 0).data().toString() == QStringLiteral("Mông"));
}

TEST_CASE("attachment: a PDF is imported into the encrypted store and the field holds its sha256")
{
    EntryFixture f;
    f.open();
    const auto pdf = std::filesystem::path(DANTOC_RESOURCES_DIR) / "demo" / "phieu-xa-bat-xat-2025.pdf";
    f.widget->setFileChooser([&](QWidget*) { return QString::fromStdString(pdf.string()); });
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(5);
    QTest::mouseClick(f.find<QPushButton>("attachButton:signed_scan"), Qt::LeftButton);
    const std::string bytes = test::readFile(pdf);
    const nlohmann::json value = f.storedValues()["signed_scan"];
    CHECK(value["sha256"] == client::AttachmentStore::sha256Hex(bytes));
    CHECK(value["name"] == "phieu-xa-bat-xat-2025.pdf");
    CHECK(value["size"] == bytes.size());
    CHECK(value["mime"] == "application/pdf");
    CHECK(f.find<QLabel>("field:signed_scan")->text().startsWith(QStringLiteral("phieu-xa-bat-xat-2025.pdf (")));
    client::AttachmentStore attachments(f.db(), f.store->attachmentsPath());
    auto stored = attachments.readAll(value["sha256"]);
    REQUIRE(stored.isOk());
    CHECK(*stored == bytes);
}
