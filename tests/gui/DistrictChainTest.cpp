// DistrictChainTest: the three-level chain in dantoc-desk (issue 15), on the demo server of the province as it was
// before the 1 July 2025 reform (`init --demo --as-of 2025-06-30`): old Lào Cai with Huyện Bát Xát. The officer of
// Thị trấn Bát Xát submits the 2024 commune survey (through the core); the district reviewer (huyen082) opens it
// from the queue in the main window — approve and forward, no accept —, approves, takes the approval back, approves
// again and forwards; the province's reviewer (duyet10) accepts it; the server's aggregates count it.
#include "DeskWorld.h"
#include "Screenshots.h"
#include "core/AttachmentStore.h"
#include "core/EntryService.h"
#include "gui/main/MainWindow.h"
#include "gui/review/ReviewQueueWidget.h"
#include "gui/review/ReviewRecordWidget.h"
#include "support/DemoValues.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>

using namespace dantoc;
using namespace dantoc::test::gui;

namespace {

constexpr const char* kPeriod = "2024";

test::TestServer::Options beforeTheReform()
{
    test::TestServer::Options options;
    options.initArgs = {"--demo", "--as-of", "2025-06-30"};
    return options;
}

// The reviewer's main window with the record opened from its queue; null when the queue does not hold it.
gui::ReviewRecordWidget* openFromQueue(gui::MainWindow& window, const std::string& id)
{
    auto* queue = child<gui::ReviewQueueWidget>(&window, "reviewQueue");
    if (queue->model().rowCount() != 1) {
        return nullptr;
    }
    emit queue->recordOpened(QString::fromStdString(id));
    return qobject_cast<gui::ReviewRecordWidget*>(child<QTabWidget>(&window, "tabs")->currentWidget());
}

}  // namespace

TEST_CASE("district chain: the district approves, takes it back, approves and forwards; the province accepts")
{
    DeskWorld world("dantoc-gui-district-chain", beforeTheReform());
    auto officer = world.enrolledStore("officer", "xa02683");
    auto district = world.enrolledStore("district", "huyen082");
    auto province = world.enrolledStore("province", "duyet10");

    client::EntryOptions officerOptions;
    officerOptions.notifier = &officer->notifier();
    client::EntryService entries(officer->connection(), officerOptions);
    auto draft = entries.createDraft({"", "commune_survey", 0, kCommune, kPeriod, "", "{}"});
    REQUIRE_MESSAGE(draft.isOk(), draft.status().toString());
    const std::string id = draft->id;
    const client::EntryNotes notes = test::demoSampleNotes("commune_survey");
    Json values = test::sampleCommuneValues();
    values["survey_date"] = "2025-01-15";  // not after the server's date
    client::AttachmentStore files(officer->connection(), officer->attachmentsPath());
    auto scan = files.importFile(test::resourcesDir() / "demo" / "phieu-xa-bat-xat-2025.pdf");
    REQUIRE_MESSAGE(scan.isOk(), scan.status().toString());
    values["signed_scan"] = Json{{"sha256", scan->sha256}, {"name", "phieu-xa-bat-xat-2025.pdf"},
                                 {"size", scan->size}, {"mime", "application/pdf"}};
    REQUIRE(entries.save(id, values, notes).isOk());
    auto submitted = entries.submit(id, notes);
    REQUIRE_MESSAGE(submitted.isOk(), submitted.status().toString());
    REQUIRE(!submitted->refused);
    const auto sent = syncOnce(*officer);
    INFO("sent " << sent.push.opsSent << " rejected " << sent.push.rejected << " deferred " << sent.push.deferred);
    CHECK(sent.push.applied == 2);

    // The district: approve and forward (and take back), no accept — it is not the last level.
    syncOnce(*district);
    {
        gui::MainWindow window(*district, nullptr);
        window.resize(1500, 900);
        window.show();
        gui::ReviewRecordWidget* view = openFromQueue(window, id);
        REQUIRE(view != nullptr);
        CHECK(view->record().level == "district");
        auto* approve = child<QPushButton>(view, "approveButton");
        auto* reopen = child<QPushButton>(view, "reopenButton");
        auto* forward = child<QPushButton>(view, "forwardButton");
        CHECK(approve->isVisible());
        CHECK(approve->isEnabled());
        CHECK(forward->isVisible());
        CHECK_FALSE(forward->isEnabled());
        CHECK_FALSE(reopen->isEnabled());
        CHECK_FALSE(child<QPushButton>(view, "acceptButton")->isVisible());
        CHECK(child<QPushButton>(view, "returnButton")->isEnabled());
        // The commune's explanation of its warning travelled with the record and is shown with the warning.
        auto* warnings = child<QLabel>(view, "reviewWarnings");
        CHECK(warnings->isVisible());
        CHECK(warnings->text().contains(QStringLiteral("Tổng số hộ theo dân tộc khác tổng số hộ")));
        CHECK(warnings->text().contains(QString::fromStdString(notes.begin()->second)));
        CHECK_FALSE(saveScreenshot(&window, QStringLiteral("review-district")).isEmpty());

        QTest::mouseClick(approve, Qt::LeftButton);
        CHECK(view->record().state == "approved");
        CHECK_FALSE(approve->isEnabled());
        CHECK(forward->isEnabled());
        CHECK(reopen->isEnabled());
        QTest::mouseClick(reopen, Qt::LeftButton);  // taken back: submitted at the district again
        CHECK(view->record().state == "submitted");
        CHECK(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        REQUIRE(view->record().state == "approved");
        QTest::mouseClick(forward, Qt::LeftButton);
        CHECK(view->record().state == "forwarded");
        CHECK(view->record().level != "district");  // the level above (the store holds no unit above its own)
        CHECK_FALSE(forward->isEnabled());
        CHECK_FALSE(approve->isEnabled());
        CHECK(syncOnce(*district).push.applied == 4);
        CHECK(view->record().level == "province");  // as the server placed it, and the view followed
    }

    // The province accepts what the district forwarded.
    syncOnce(*province);
    {
        gui::MainWindow window(*province, nullptr);
        window.resize(1500, 900);
        window.show();
        gui::ReviewRecordWidget* view = openFromQueue(window, id);
        REQUIRE(view != nullptr);
        CHECK(view->record().state == "forwarded");
        auto* accept = child<QPushButton>(view, "acceptButton");
        CHECK(accept->isVisible());
        CHECK_FALSE(child<QPushButton>(view, "approveButton")->isVisible());
        CHECK_FALSE(child<QPushButton>(view, "reopenButton")->isVisible());
        QTest::mouseClick(accept, Qt::LeftButton);
        CHECK(view->record().state == "accepted");
    }
    CHECK(syncOnce(*province).push.applied == 1);

    auto http = world.server.client();
    auto admin = world.accounts.ready(http, "admin");
    REQUIRE(admin.ok());
    auto answer = http.get(std::string("/api/v1/aggregates?period=") + kPeriod + "&unit=" + kCommune,
                           admin.accessToken);
    REQUIRE_MESSAGE(answer.status == 200, answer.body);
    const auto doc = nlohmann::json::parse(answer.body);
    INFO(answer.body);
    const int poor = test::sampleCommuneValues()["households_poor"];
    bool counted = false;
    for (const auto& row : doc["rows"]) {
        if (row["unit"] == kCommune && row["indicator"] == "households_poor" && row["ethnic_group"] == "") {
            counted = row["value"] == poor;
        }
    }
    CHECK(counted);
}
