// MainWindow: the open store (KeePassXC DatabaseWidget): the unit tree of the account's scope with search, the
// reporting periods with their deadlines, the records of the selected units with states, counts and search, each
// record opened in its own tab for entry, the records the server refused or parked with their reasons, and sync
// in the status bar. Observes the store's ChangeNotifier and the SyncController; never polls. GUI thread.
#pragma once

#include "core/EntryService.h"
#include "core/Store.h"
#include "core/sync/SyncController.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTabWidget;
class QTableView;
class QTreeView;

namespace dantoc::gui {

class RecordFilterProxy;
class RecordListModel;
class SyncStatusWidget;
class UnitFilterProxy;
class UnitTreeModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `controller` may be null (a store not enrolled: no sync). Both must outlive the window.
    MainWindow(client::Store& store, client::sync::SyncController* controller, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (or focuses) the entry tab of a record; false with the reason shown when it cannot be opened.
    // A reviewer's account (district, province) opens it in the review view instead.
    bool openRecord(const QString& recordId);
    // Creates a draft of `formId` for the selected unit in `period` and opens it; "" on failure (shown).
    QString createRecord(const QString& formId, const QString& period);
    QString selectedUnit() const;
    void selectUnit(const QString& code);
    // Commits every open entry tab (autosave), for lock and quit.
    void saveAll();

signals:
    void lockRequested();
    void languageChangeRequested(const QString& language);

private:
    void buildActions();
    void addReviewQueueIfReviewer();
    bool openReview(const QString& recordId);
    void unitSelected();
    void reloadPeriods();
    void reloadProblems();
    void newRecord();
    void recordsChanged(const QStringList& ids);
    void closeTab(int index);

    client::Store& m_store;
    client::sync::SyncController* m_controller;
    std::unique_ptr<client::EntryService> m_entries;
    UnitTreeModel* m_units = nullptr;
    UnitFilterProxy* m_unitFilter = nullptr;
    RecordListModel* m_records = nullptr;
    RecordFilterProxy* m_recordFilter = nullptr;
    QTreeView* m_unitTree = nullptr;
    QLineEdit* m_unitSearch = nullptr;
    QComboBox* m_period = nullptr;
    QLabel* m_deadline = nullptr;
    QLineEdit* m_recordSearch = nullptr;
    QTableView* m_recordTable = nullptr;
    QLabel* m_counts = nullptr;
    QTabWidget* m_tabs = nullptr;
    QListWidget* m_problems = nullptr;
    SyncStatusWidget* m_syncStatus = nullptr;
    bool m_reviewer = false;  // the account reviews: records open in the review view
};

}  // namespace dantoc::gui
