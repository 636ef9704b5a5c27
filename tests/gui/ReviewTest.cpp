// ReviewTest: the reviewer's queue of dantoc-desk (issue 15) against a real server over TLS: a commune officer's
// store submits a village report and syncs; the provincial reviewer's store (demo account duyet15) syncs and the
// ReviewQueueWidget lists it, with its unit, state and counts; the officer's own queue is refused in words.
#include "DeskWorld.h"
#include "Screenshots.h"
#include "core/EntryService.h"
#include "core/SubmissionRepository.h"
#include "core/sync/SyncController.h"
#include "gui/main/MainWindow.h"
#include "gui/review/ReviewQueueWidget.h"
#include "support/DemoValues.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace dantoc;
using namespace dantoc::test::gui;


TEST_CASE("review queue: a submitted village report reaches the provincial reviewer's queue after sync")
{
    DeskWorld world("dantoc-gui-review");
    auto officer = world.enrolledStore("officer");
    auto reviewer = world.enrolledStore("reviewer", "duyet15");

    gui::ReviewQueueWidget queue(reviewer->connection(), reviewer->notifier());
    queue.resize(1000, 500);
    queue.show();
    auto* counts = child<QLabel>(&queue, "reviewCounts");
    auto* table = child<QTableView>(&queue, "reviewTable");
    CHECK(table->model()->rowCount() == 0);
    CHECK(queue.model().errorText().isEmpty());

    client::EntryOptions options;
    options.notifier = &officer->notifier();
    client::EntryService entries(officer->connection(), options);
    // A village report (the village form has no scan to attach), as the integration round trip submits it.
    auto draft = entries.createDraft({"", "village_survey", 0, "02683-01", "2026-H2", "", "{}"});
    REQUIRE_MESSAGE(draft.isOk(), draft.status().toString());
    REQUIRE(entries.save(draft->id, test::sampleVillageValues()).isOk());
    auto submitted = entries.submit(draft->id);
    REQUIRE_MESSAGE(submitted.isOk(), submitted.status().toString());
    REQUIRE_FALSE(submitted->refused);
    syncOnce(*officer);

    syncOnce(*reviewer);  // the controller emits recordsChanged on the reviewer's notifier: no reload() here
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, 0).data(gui::ReviewQueueModel::IdRole).toString() ==
          QString::fromStdString(draft->id));
    const QString unitName = table->model()->index(0, gui::ReviewQueueModel::UnitColumn).data().toString();
    INFO("unit shown: " << unitName.toStdString());
    CHECK_FALSE(unitName.isEmpty());
    CHECK(unitName != QStringLiteral("02683-01"));  // its name, not its code
    const QString form = table->model()->index(0, gui::ReviewQueueModel::FormColumn).data().toString();
    CHECK_FALSE(form.isEmpty());
    CHECK(form != QStringLiteral("village_survey"));  // its title, not its id
    CHECK_FALSE(counts->text().isEmpty());

    // The commune officer has nothing to review: its queue is empty, not an error.
    gui::ReviewQueueModel own(officer->connection());
    own.reload();
    CHECK(own.rowCount() == 0);

    // In the main window the reviewer has the queue as a tab beside the records, with the record listed; the
    // commune officer has no such tab.
    gui::MainWindow reviewerWindow(*reviewer, nullptr);
    auto* tabs = child<QTabWidget>(&reviewerWindow, "tabs");
    auto* tabQueue = child<gui::ReviewQueueWidget>(&reviewerWindow, "reviewQueue");
    CHECK(tabs->indexOf(tabQueue) == 1);
    CHECK(tabQueue->model().rowCount() == 1);
    reviewerWindow.show();
    tabs->setCurrentIndex(1);
    CHECK_FALSE(saveScreenshot(&reviewerWindow, QStringLiteral("review-queue")).isEmpty());
    gui::MainWindow officerWindow(*officer, nullptr);
    CHECK(officerWindow.findChild<gui::ReviewQueueWidget*>() == nullptr);
}
