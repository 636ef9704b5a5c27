// RecordListModel: the records of the selected units and period as the main window lists them (form, unit,
// period, state in colour, flags, last change), with counts per state; reloaded when the store's ChangeNotifier
// or the sync controller reports a change of one of them. RecordFilterProxy sorts in Vietnamese order and
// filters on the diacritic-folded text of a row. GUI thread.
#pragma once

#include "core/Connection.h"
#include "core/SubmissionRepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

#include <vector>

namespace dantoc::gui {

class RecordListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FormColumn, UnitColumn, PeriodColumn, StateColumn, FlagsColumn, UpdatedColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StateRole, SearchKeyRole, UpdatedRole };

    explicit RecordListModel(client::Connection& connection, QObject* parent = nullptr);

    // Lists the records of `units` (codes) in `period` ("" = every period).
    void setFilter(const QStringList& units, const QString& period);
    // Reloads from the store (after a change it was told about).
    void reload();
    // Reloads when one of `ids` is listed or may now belong to the list.
    void recordsChanged(const QStringList& ids);
    // "3 drafts · 1 returned …" for what is listed.
    QString countsText() const;
    QString recordIdAt(int row) const;
    int rowOfRecord(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void loadNames();

    client::Connection& m_connection;
    QStringList m_units;
    QString m_period;
    std::vector<client::SubmissionSummary> m_rows;
    QHash<QString, QString> m_unitNames;
    QHash<QString, QString> m_formTitles;
    QHash<QString, QString> m_periodLabels;
};

class RecordFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RecordFilterProxy(QObject* parent = nullptr);
    void setQuery(const QString& query);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_query;
};

}  // namespace dantoc::gui
