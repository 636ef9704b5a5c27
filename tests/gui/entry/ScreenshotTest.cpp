// Renders the entry screen on the demo commune sample (one answer missing, one out of range) and, when
// DANTOC_SCREENSHOT_DIR is set, saves a picture of each page there for a person to look at. Always checks that
// the pages render with their Vietnamese labels and that nothing is left empty.
#include "EntryFixture.h"

#include "support/DemoValues.h"

#include <QDir>
#include <QLabel>
#include <QPixmap>

using namespace dantoc;
using test::EntryFixture;

TEST_CASE("entry screen renders every page of the commune form (screenshots on request)")
{
    EntryFixture f;
    nlohmann::json values = test::sampleCommuneValues();
    values.erase("respondent_name");
    values["villages_extremely_difficult"] = 30;
    f.open("commune_survey", "02683", "2025", values.dump());
    const QString dir = qEnvironmentVariable("DANTOC_SCREENSHOT_DIR");
    auto* sections = f.find<QListWidget>("sectionList");
    REQUIRE(sections->count() == 6);
    for (int page = 0; page < sections->count(); ++page) {
        sections->setCurrentRow(page);
        QApplication::processEvents();
        const QPixmap shot = f.widget->grab();
        CHECK_FALSE(shot.isNull());
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            CHECK(shot.save(QDir(dir).filePath(QStringLiteral("entry-%1.png").arg(page + 1))));
        }
    }
    CHECK(f.find<QLabel>("label:commune_name")->text() == QStringLiteral("Tên xã/phường/đặc khu *"));
    CHECK(f.find<QListWidget>("issueList")->count() >= 2);
}
