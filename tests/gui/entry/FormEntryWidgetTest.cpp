// The form entry screen on a real commune_survey draft: typing, live errors beside the field and in the issue
// list, jumping to a field from the list, warning notes, skip logic, save and submit.
#include "EntryFixture.h"

#include "core/OutboxRepository.h"
#include "support/DemoValues.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>

using namespace dantoc;
using test::EntryFixture;

namespace {

int issueRowFor(QListWidget* list, const QString& text)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().contains(text)) {
            return i;
        }
    }
    return -1;
}

}  // namespace

TEST_CASE("entry screen: a constraint error shows beside the field and in the list, jumps there, and clears")
{
    EntryFixture f;
    f.open();
    CHECK(f.find<QLabel>("formTitle")->text().startsWith(QStringLiteral("Phiếu thu thập thông tin")));
    CHECK(f.find<QLabel>("recordInfo")->text().contains(QStringLiteral("Xã Bát Xát")));
    CHECK(f.find<QLabel>("recordInfo")->text().contains(QStringLiteral("Nháp")));
    f.find<QScrollArea>("section:general");
    f.find<QScrollArea>("section:confirmation");

    QLineEdit* total = f.line("villages_total");
    QLineEdit* difficult = f.line("villages_extremely_difficult");
    f.focus(total);
    QTest::keyClicks(total, "5");
    test::pressEnter(total);
    CHECK(QApplication::focusWidget() == difficult);  // Enter moves on
    QTest::keyClicks(difficult, "9");
    test::pressEnter(difficult);

    const QString message = QStringLiteral("Số thôn đặc biệt khó khăn không được lớn hơn tổng số thôn");
    auto* beside = f.find<QLabel>("issues:villages_extremely_difficult");
    CHECK(beside->isVisible());
    CHECK(beside->text().contains(message));
    auto* list = f.find<QListWidget>("issueList");
    const int row = issueRowFor(list, message);
    REQUIRE(row >= 0);
    CHECK(list->item(row)->text().startsWith(QStringLiteral("Số thôn đặc biệt khó khăn: ")));

    // From another page, a click on the issue opens the page and puts the cursor in the field.
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(3);
    CHECK(f.find<QStackedWidget>("sectionPages")->currentWidget()->objectName() == "section:infrastructure");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    CHECK(f.find<QStackedWidget>("sectionPages")->currentWidget()->objectName() == "section:general");
    CHECK(QApplication::focusWidget() == difficult);

    difficult->selectAll();
    QTest::keyClicks(difficult, "3");  // live: fixed while typing
    CHECK_FALSE(beside->text().contains(message));
    CHECK(issueRowFor(list, message) < 0);
    test::pressEnter(difficult);
    CHECK(f.storedValues()["villages_extremely_difficult"] == 3);  // autosaved on commit
    CHECK(f.storedValues()["villages_total"] == 5);
}

TEST_CASE("entry screen: numbers accept both decimal separators, partial input is never rejected")
{
    EntryFixture f;
    f.open();
    QLineEdit* area = f.line("natural_area_km2");
    f.focus(area);
    QTest::keyClicks(area, "312,4");
    test::pressEnter(area);
    CHECK(f.storedValues()["natural_area_km2"] == 312.4);
    CHECK(area->text() == "312,4");
    area->selectAll();
    QTest::keyClicks(area, "1.5");
    test::pressEnter(area);
    CHECK(f.storedValues()["natural_area_km2"] == 1.5);
    // Not a number: kept as typed, reported by validation, never silently dropped.
    area->selectAll();
    QTest::keyClicks(area, "12 km");
    CHECK(area->text() == "12 km");
    test::pressEnter(area);
    CHECK(f.find<QLabel>("issues:natural_area_km2")->text().contains(QStringLiteral("Sai kiểu dữ liệu")));
}

TEST_CASE("entry screen: a warning asks for its note in place, and the note reaches save")
{
    EntryFixture f;
    f.open();
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(1);
    for (const auto& [field, text] : {std::pair{"households_total", "100"}, std::pair{"population_total", "1200"}}) {
        QLineEdit* edit = f.line(field);
        f.focus(edit);
        QTest::keyClicks(edit, text);
        test::pressEnter(edit);
    }
    // 12 people per household: the computed field shows it live, and its warning wants an explanation.
    CHECK(f.line("household_size")->text() == "12");
    CHECK(f.line("household_size")->isReadOnly());
    auto* note = f.find<QLineEdit>("note:household_size");
    CHECK(note->isVisible());
    auto* list = f.find<QListWidget>("issueList");
    const int unexplained = issueRowFor(list, QStringLiteral("Cảnh báo cần được giải trình"));
    REQUIRE(unexplained >= 0);
    // The issue list takes the cursor to the note.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(unexplained)).center());
    CHECK(QApplication::focusWidget() == note);
    auto unexplainedSize = [&f] {
        for (const validation::Issue& issue : f.widget->document()->issues()) {
            if (issue.field == "household_size" && issue.code == "warning_unexplained") {
                return true;
            }
        }
        return false;
    };
    CHECK(unexplainedSize());
    test::sendText(note, QStringLiteral("Nhiều hộ ghép, đã xác minh"));
    CHECK_FALSE(unexplainedSize());
    CHECK(issueRowFor(list, QStringLiteral("Quy mô hộ bình quân bất thường")) >= 0);  // the warning stays

    REQUIRE(f.widget->save());
    CHECK(f.widget->document()->notes().at("household_size") == "Nhiều hộ ghép, đã xác minh");
    bool warned = false;
    for (const validation::Issue& issue : f.widget->lastSavedIssues()) {
        CHECK_FALSE((issue.field == "household_size" && issue.code == "warning_unexplained"));
        warned = warned || (issue.field == "household_size" && issue.severity == forms::Severity::Warning);
    }
    CHECK(warned);
}

TEST_CASE("entry screen: skip logic shows and hides a field live")
{
    EntryFixture f;
    f.open();
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(3);
    QWidget* row = f.find("fieldRow:villages_with_grid_electricity");
    CHECK_FALSE(row->isVisible());
    auto* grid = f.find<QComboBox>("field:has_grid_electricity");
    f.focus(grid);
    grid->setCurrentIndex(1);  // Có
    CHECK(row->isVisible());
    CHECK(f.storedValues()["has_grid_electricity"] == true);
    test::pressEnter(grid);
    CHECK(QApplication::focusWidget() == f.line("villages_with_grid_electricity"));  // Enter: the field it opened
    grid->setCurrentIndex(2);  // Không
    CHECK_FALSE(row->isVisible());
}

TEST_CASE("entry screen: submit is refused while errors remain, accepted once they are fixed")
{
    EntryFixture f;
    nlohmann::json values = test::sampleCommuneValues();
    values.erase("respondent_name");
    f.open("commune_survey", "02683", "2025", values.dump());

    CHECK_FALSE(f.widget->submit());
    INFO(f.widget->message().toStdString());
    CHECK(f.widget->message().startsWith(QStringLiteral("Chưa gửi: còn ")));
    auto record = client::SubmissionRepository(f.db()).get(f.recordId);
    REQUIRE(record.isOk());
    CHECK(record->state == "draft");
    auto ops = client::OutboxRepository(f.db()).pending(100);
    REQUIRE(ops.isOk());
    REQUIRE(ops->size() == 1);  // the save's create; no transition
    CHECK(ops->front().kind == "create");

    QLineEdit* name = f.line("respondent_name");
    f.focus(name);
    test::replayIme(name, test::unikeyNguyen());
    test::sendText(name, QStringLiteral(" Văn Sơn"));
    test::pressEnter(name);
    CHECK_FALSE(f.widget->submit());  // the households-by-ethnic-group warning still needs its explanation
    // The sample's warning (households by ethnic group differ from the total) is explained in place.
    auto* note = f.find<QLineEdit>("note:check:households_by_ethnic_group");
    f.focus(note);
    test::sendText(note, QStringLiteral("Có hộ không xác định được dân tộc chủ hộ"));
    REQUIRE(f.widget->submit());
    record = client::SubmissionRepository(f.db()).get(f.recordId);
    CHECK(record->state == "submitted");
    CHECK(nlohmann::json::parse(record->body)["respondent_name"] == "Nguyễn Văn Sơn");
    ops = client::OutboxRepository(f.db()).pending(100);
    // create, edit (the name), edit (the explanation, stored with the values), submit; the refusals enqueued nothing
    REQUIRE(ops->size() == 4);
    CHECK(nlohmann::json::parse(record->body)["_notes"]["check:households_by_ethnic_group"] ==
          "Có hộ không xác định được dân tộc chủ hộ");
    CHECK(ops->back().kind == "transition");
    // Submitted: read-only from now on.
    CHECK(name->isReadOnly());
    CHECK_FALSE(f.find<QPushButton>("submitButton")->isEnabled());
}
