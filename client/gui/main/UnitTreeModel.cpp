#include "gui/main/UnitTreeModel.h"

#include "core/UnitRepository.h"
#include "gui/common/VietnameseSort.h"

#include <functional>

namespace dantoc::gui {

namespace {

QString levelName(const std::string& level)
{
    if (level == "province") return QObject::tr("province");
    if (level == "district") return QObject::tr("district");
    if (level == "commune") return QObject::tr("commune");
    if (level == "village") return QObject::tr("village");
    return QString::fromStdString(level);
}

}  // namespace

UnitTreeModel::UnitTreeModel(client::Connection& connection, QObject* parent)
    : QStandardItemModel(parent), m_connection(connection)
{
}

bool UnitTreeModel::reload()
{
    clear();
    setHorizontalHeaderLabels({tr("Administrative units")});
    auto tree = client::UnitRepository(m_connection).tree();
    if (!tree) {
        return false;
    }
    std::function<void(QStandardItem*, const client::UnitNode&)> add = [&](QStandardItem* parentItem,
                                                                           const client::UnitNode& node) {
        const QString name = QString::fromStdString(node.unit.name);
        const QString code = QString::fromStdString(node.unit.code);
        auto* item = new QStandardItem(name);
        item->setEditable(false);
        item->setData(code, CodeRole);
        item->setData(QString::fromStdString(node.unit.level), LevelRole);
        item->setData(searchKey(name) + QLatin1Char(' ') + code, SearchKeyRole);
        item->setToolTip(tr("%1 %2 (code %3)").arg(levelName(node.unit.level), name, code));
        parentItem->appendRow(item);
        for (const client::UnitNode& child : node.children) {
            add(item, child);
        }
    };
    for (const client::UnitNode& root : *tree) {
        add(invisibleRootItem(), root);
    }
    return true;
}

QModelIndex UnitTreeModel::indexOfCode(const QString& code) const
{
    const QModelIndexList found =
        match(index(0, 0), CodeRole, code, 1, Qt::MatchExactly | Qt::MatchRecursive | Qt::MatchWrap);
    return found.isEmpty() ? QModelIndex() : found.first();
}

QStringList UnitTreeModel::subtreeCodes(const QString& code) const
{
    QStringList out;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& at) {
        out << at.data(CodeRole).toString();
        for (int row = 0; row < rowCount(at); ++row) {
            walk(index(row, 0, at));
        }
    };
    const QModelIndex start = indexOfCode(code);
    if (start.isValid()) {
        walk(start);
    }
    return out;
}

UnitFilterProxy::UnitFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void UnitFilterProxy::setQuery(const QString& query)
{
    m_query = query;
    invalidateFilter();
}

bool UnitFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_query.trimmed().isEmpty()) {
        return true;
    }
    const QModelIndex at = sourceModel()->index(sourceRow, 0, sourceParent);
    return matchesSearch(at.data(UnitTreeModel::SearchKeyRole).toString(), m_query);
}

}  // namespace dantoc::gui
