// ux-lessons §6.5, the last part: "Thủy" and "Thuỷ" typed in two rows of a roster are flagged beside the roster as
// likely the same name (old and new tone placement), identical texts are not, and the hint goes once they agree.
#include "EntryFixture.h"

#include "gui/entry/RosterView.h"

#include <QLabel>
#include <QPushButton>

using namespace dantoc;
using test::EntryFixture;

TEST_CASE("roster: Thủy and Thuỷ in two rows are flagged as likely duplicates, identical texts are not")
{
    EntryFixture f;
    f.open("village_survey", "02683-01", "2026-H2");
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(4);
    auto* view = f.find<gui::RosterView>("roster:households");
    for (int i = 0; i < 3; ++i) {
        QTest::mouseClick(f.find<QPushButton>("addRowButton:households"), Qt::LeftButton);
    }
    REQUIRE(view->model()->rowCount() == 3);
    auto typeCell = [&](int row, int column, const QStringList& stream) {
        view->focusCell(row, column);
        test::replayIme(view, stream);
        test::key(view, Qt::Key_Return);
    };
    const int head = 1;  // head_name
    const int relation = 2;
    typeCell(0, head, {"T", "h", "u", "y", "\b", "ỷ"});             // Thuỷ (new placement)
    typeCell(1, relation, {"c", "o", "n"});
    typeCell(2, relation, {"c", "o", "n"});                          // the same text twice: no hint
    auto* beside = f.find<QLabel>("issues:households");
    CHECK_FALSE(beside->text().contains(QStringLiteral("có thể là một")));
    typeCell(1, head, {"T", "h", "u", "\b", "ủ", "y"});             // Thủy (old placement)
    REQUIRE(view->model()->index(0, head).data().toString() == QStringLiteral("Thuỷ"));
    REQUIRE(view->model()->index(1, head).data().toString() == QStringLiteral("Thủy"));
    CHECK(beside->isVisible());
    CHECK(beside->text().contains(QStringLiteral("có thể là một")));
    CHECK(beside->text().contains(QStringLiteral("«Thuỷ» (dòng 1)")));
    CHECK(beside->text().contains(QStringLiteral("«Thủy» (dòng 2)")));
    CHECK_FALSE(beside->text().contains(QStringLiteral("«con»")));

    // Made one: the hint goes.
    view->focusCell(1, head);
    test::replayIme(view, {"T", "h", "u", "y", "\b", "ỷ"});
    test::key(view, Qt::Key_Return);
    CHECK_FALSE(beside->text().contains(QStringLiteral("có thể là một")));
}
