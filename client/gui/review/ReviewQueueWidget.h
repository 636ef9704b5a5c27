// ReviewQueueWidget: the reviewer's queue (issue 15): the records awaiting this account's action from
// ReviewQueue::awaiting — unit, period, form, state, deadline (overdue in red) and the allowed actions — with
// filters by unit, period and form, sorted in Vietnamese order, and the counts. Reloads on the store's
// ChangeNotifier::recordsChanged / referenceDataChanged; never polls. GUI thread.
#pragma once

#include "core/Connection.h"
#include "core/review/ReviewQueue.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace dantoc::client {
class ChangeNotifier;
}

namespace dantoc::gui {

class ReviewQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { UnitColumn, PeriodColumn, FormColumn, StateColumn, DeadlineColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, OverdueRole };

    explicit ReviewQueueModel(client::Connection& connection, QObject* parent = nullptr);

    void setFilter(const client::review::ReviewFilter& filter);
    // Re-reads the queue; false (and errorText()) when the core refused.
    bool reload();
    const std::vector<client::review::ReviewItem>& items() const { return m_items; }
    QString errorText() const { return m_error; }
    // "4 chờ duyệt · 1 quá hạn"
    QString countsText() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    client::Connection& m_connection;
    client::review::ReviewFilter m_filter;
    std::vector<client::review::ReviewItem> m_items;
    QString m_error;
    QHash<QString, QString> m_formTitles; // form id -> title in the UI language
};

class ReviewQueueWidget : public QWidget
{
    Q_OBJECT

public:
    ReviewQueueWidget(client::Connection& connection, client::ChangeNotifier& notifier, QWidget* parent = nullptr);

    ReviewQueueModel& model() { return *m_model; }
    // Re-reads the queue and the filter choices.
    void reload();

signals:
    // The reviewer opened a record (double click or Enter).
    void recordOpened(const QString& recordId);

private:
    void applyFilter();
    void fillChoices();

    client::Connection& m_connection;
    ReviewQueueModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_unit = nullptr;
    QComboBox* m_period = nullptr;
    QComboBox* m_form = nullptr;
    QLabel* m_counts = nullptr;
};

}  // namespace dantoc::gui
