// UnitTreeModel: the administrative units of the account's scope as a tree (province, districts where they
// exist, communes, villages), names in Vietnamese order, with a proxy that filters on the diacritic-folded name or
// code and keeps the ancestors of a match. Rebuilt from UnitRepository when reference data changes. GUI thread.
#pragma once

#include "core/Connection.h"

#include <QSortFilterProxyModel>
#include <QStandardItemModel>

namespace dantoc::gui {

class UnitTreeModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role { CodeRole = Qt::UserRole + 1, LevelRole, SearchKeyRole };

    explicit UnitTreeModel(client::Connection& connection, QObject* parent = nullptr);
    // Reloads from the store; false when the store could not be read.
    bool reload();
    // The index of the unit with `code`, or an invalid index.
    QModelIndex indexOfCode(const QString& code) const;
    // `code` and the codes of every unit under it.
    QStringList subtreeCodes(const QString& code) const;

private:
    client::Connection& m_connection;
};

class UnitFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit UnitFilterProxy(QObject* parent = nullptr);
    void setQuery(const QString& query);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_query;
};

}  // namespace dantoc::gui
