// A gps field from a real Qt Positioning source: the NMEA plugin replaying a recorded log (a receiver at the
// commune office of Bát Xát); the coordinates are filled and autosaved, and stay editable. Without a source the
// field is typed (the other entry tests) and no button is shown.
#include "EntryFixture.h"

#include "gui/entry/PositionButton.h"

#include <QGeoPositionInfoSource>
#include <QLabel>
#include <QPushButton>

using namespace dantoc;
using test::EntryFixture;

namespace {

struct SourceGuard
{
    explicit SourceGuard(gui::PositionButton::SourceFactory factory)
    {
        gui::PositionButton::setSourceFactory(std::move(factory));
    }
    ~SourceGuard() { gui::PositionButton::setSourceFactory({}); }
};

}  // namespace

TEST_CASE("gps: the position from a location source fills the field and is autosaved")
{
    const QString log = QString::fromStdString(std::string(DANTOC_TEST_DATA_DIR) + "/gui/bat-xat.nmea");
    SourceGuard guard([&](QObject* parent) {
        return QGeoPositionInfoSource::createSource(QStringLiteral("nmea"), {{QStringLiteral("nmea.source"), log}},
                                                    parent);
    });
    EntryFixture f;
    f.open();
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(5);
    auto* locate = f.find<QPushButton>("locateButton:office_location");
    CHECK(locate->isVisible());
    QTest::mouseClick(locate, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&]() { return f.storedValues().contains("office_location"); }, 20'000));
    const auto point = f.storedValues()["office_location"];
    CHECK(point["lat"].get<double>() == doctest::Approx(22.54).epsilon(1e-6));
    CHECK(point["lon"].get<double>() == doctest::Approx(103.89).epsilon(1e-6));
    CHECK(f.line("office_location.lat")->text() == QStringLiteral("22,54"));  // Vietnamese decimal comma
    CHECK_FALSE(f.line("office_location.lat")->isReadOnly());
}

TEST_CASE("gps: a source that cannot give a position says so and leaves the typed coordinates")
{
    // A receiver without a fix: every sentence says "no position" (status V).
    const QString noFix = QString::fromStdString(std::string(DANTOC_TEST_DATA_DIR) + "/gui/no-fix.nmea");
    SourceGuard guard([&](QObject* parent) {
        return QGeoPositionInfoSource::createSource(
            QStringLiteral("nmea"), {{QStringLiteral("nmea.source"), noFix}},
            parent);
    });
    EntryFixture f;
    f.open();
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(5);
    QLineEdit* lat = f.line("office_location.lat");
    f.focus(lat);
    QTest::keyClicks(lat, "22,5");
    test::pressEnter(lat);
    // The source exists, so the button is there; asked, it finds no position and says so.
    auto* locate = f.find<QPushButton>("locateButton:office_location");
    QTest::mouseClick(locate, Qt::LeftButton);
    auto* message = f.find<QLabel>("locateMessage:office_location");
    REQUIRE(QTest::qWaitFor([&]() { return message->isVisible(); }, 40'000));
    CHECK(message->text().contains(QStringLiteral("nhập tọa độ")));
    CHECK(locate->isEnabled());  // ready for another try
    CHECK(lat->text() == QStringLiteral("22,5"));
    CHECK(f.storedValues()["office_location"]["lat"].get<double>() == doctest::Approx(22.5));
}

TEST_CASE("gps: without any location source the coordinates are typed and no button is shown")
{
    SourceGuard guard([](QObject*) { return nullptr; });
    EntryFixture f;
    f.open();
    CHECK(f.widget->findChild<QPushButton*>("locateButton:office_location") == nullptr);
    f.widget->findChild<QListWidget*>("sectionList")->setCurrentRow(5);
    QLineEdit* lat = f.line("office_location.lat");
    QLineEdit* lon = f.line("office_location.lon");
    f.focus(lat);
    QTest::keyClicks(lat, "22,54");
    test::pressEnter(lat);
    QTest::keyClicks(lon, "103,89");
    test::pressEnter(lon);
    CHECK(f.storedValues()["office_location"]["lon"].get<double>() == doctest::Approx(103.89));
}
