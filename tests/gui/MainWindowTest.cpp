// The main window on an enrolled store against the real demo server: the unit tree and its folded search, a new
// record listed with its state and counts, sync in the background through the SyncController (status bar, second
// store sees the record), and a record the server refuses listed with its Vietnamese reason.
#include "DeskWorld.h"

#include "core/EntryService.h"
#include "core/sync/SyncController.h"
#include "gui/main/MainWindow.h"
#include "support/DemoValues.h"

#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QTreeView>

using namespace dantoc;
using namespace dantoc::test::gui;
using client::sync::SyncController;

namespace {

int visibleRows(QAbstractItemModel* model, const QModelIndex& parent = {})
{
    int count = 0;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        ++count;
        count += visibleRows(model, model->index(row, 0, parent));
    }
    return count;
}

bool syncOnce(SyncController& controller)
{
    QSignalSpy finished(&controller, &SyncController::finished);
    controller.syncNow();
    if (!waitUntil([&]() { return !finished.isEmpty(); }, std::chrono::seconds(90))) {
        return false;
    }
    INFO("sync error: " << finished.first().at(2).toString().toStdString());
    return finished.first().at(0).toBool();
}

}  // namespace

TEST_CASE("main window: units, a new record with its state, background sync to a second store, refusals listed")
{
    DeskWorld world("dantoc-gui-main");
    auto store = world.enrolledStore("desk");
    SyncController controller(*store);
    gui::MainWindow window(*store, &controller);
    window.show();

    auto* tree = child<QTreeView>(&window, "unitTree");
    const int allUnits = visibleRows(tree->model());
    REQUIRE(allUnits >= 3);  // the officer's commune and its villages, as the server scopes them
    typeInto(child<QLineEdit>(&window, "unitSearch"), QStringLiteral("bat xat"));  // no diacritics typed
    const int found = visibleRows(tree->model());
    CHECK(found >= 1);  // Xã Bát Xát, without its villages
    CHECK(found < allUnits);
    typeInto(child<QLineEdit>(&window, "unitSearch"), QStringLiteral("sa pa"));
    CHECK(visibleRows(tree->model()) == 0);
    typeInto(child<QLineEdit>(&window, "unitSearch"), QString());

    window.selectUnit(QString::fromLatin1(kCommune));
    CHECK(window.selectedUnit() == QString::fromLatin1(kCommune));
    const QString id = window.createRecord(QStringLiteral("commune_survey"), QStringLiteral("2025"));
    REQUIRE_FALSE(id.isEmpty());
    auto* table = child<QTableView>(&window, "recordTable");
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, 3).data().toString() == QStringLiteral("Nháp"));
    CHECK(child<QLabel>(&window, "recordCounts")->text().contains(QStringLiteral("Nháp: 1")));

    // The officer's values are saved (the entry screen has its own tests), then sync runs off the GUI thread.
    client::EntryOptions options;
    options.notifier = &store->notifier();
    client::EntryService entries(store->connection(), options);
    // Without the sample's signed scan: its file is not in this store, so the server would park the record for it.
    auto communeValues = test::sampleCommuneValues();
    communeValues.erase("signed_scan");
    auto saved = entries.save(id.toStdString(), communeValues);
    REQUIRE_MESSAGE(saved.isOk(), saved.status().toString());
    CHECK(child<QLabel>(&window, "syncPending")->text().contains(QStringLiteral("1")));
    REQUIRE(syncOnce(controller));
    CHECK(child<QLabel>(&window, "syncPending")->text() == QStringLiteral("Đã gửi hết"));
    CHECK(child<QLabel>(&window, "syncState")->text().contains(QStringLiteral("Trực tuyến")));

    // A second office of the same commune receives it.
    auto second = world.enrolledStore("desk2");
    {
        SyncController other(*second);
        QSignalSpy changed(&other, &SyncController::recordsChanged);
        REQUIRE(syncOnce(other));
        bool seen = false;
        for (const auto& args : changed) {
            seen = seen || args.first().toStringList().contains(id);
        }
        CHECK(seen);
    }
    CHECK(client::SubmissionRepository(second->connection()).get(id.toStdString()).isOk());

    // A record filed under a commune outside the account's area (as an import might) comes back refused, with the
    // reason shown.
    auto draft = entries.createDraft({"", "commune_survey", 0, "02686", "2025", "", "{}"});
    REQUIRE_MESSAGE(draft.isOk(), draft.status().toString());
    const QString foreign = QString::fromStdString(draft->id);
    auto values = communeValues;
    values["commune_name"] = "Xã A Mú Sung";
    REQUIRE(entries.save(foreign.toStdString(), values).isOk());
    REQUIRE(syncOnce(controller));
    auto* problems = child<QListWidget>(&window, "problemsList");
    bool listed = false;
    for (int row = 0; row < problems->count(); ++row) {
        const auto* item = problems->item(row);
        if (item->data(Qt::UserRole).toString() == foreign) {
            listed = true;
            CHECK(item->text().contains(QStringLiteral("ngoài")));
        }
    }
    CHECK(listed);
    window.selectUnit(QStringLiteral("02686"));
    if (window.selectedUnit() == QStringLiteral("02686")) {  // still in the tree when the store keeps every unit
        CHECK(table->model()->index(0, 4).data().toString().contains(QStringLiteral("Máy chủ từ chối")));
    }
}
