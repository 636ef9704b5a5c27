#include "gui/main/RecordListModel.h"

#include "core/PeriodRepository.h"
#include "core/UnitRepository.h"
#include "gui/common/FormTitles.h"
#include "gui/common/StateText.h"
#include "gui/common/VietnameseSort.h"

#include <QDateTime>
#include <QMap>

namespace dantoc::gui {

RecordListModel::RecordListModel(client::Connection& connection, QObject* parent)
    : QAbstractTableModel(parent), m_connection(connection)
{
}

void RecordListModel::loadNames()
{
    m_unitNames.clear();
    m_formTitles.clear();
    m_periodLabels.clear();
    if (auto units = client::UnitRepository(m_connection).tree()) {
        std::vector<const client::UnitNode*> stack;
        for (const auto& root : *units) stack.push_back(&root);
        while (!stack.empty()) {
            const client::UnitNode* node = stack.back();
            stack.pop_back();
            m_unitNames.insert(QString::fromStdString(node->unit.code), QString::fromStdString(node->unit.name));
            for (const auto& child : node->children) stack.push_back(&child);
        }
    }
    m_formTitles = formTitles(m_connection);
    if (auto periods = client::PeriodRepository(m_connection).list()) {
        for (const auto& period : *periods) {
            m_periodLabels.insert(QString::fromStdString(period.id), QString::fromStdString(period.label));
        }
    }
}

void RecordListModel::setFilter(const QStringList& units, const QString& period)
{
    m_units = units;
    m_period = period;
    loadNames();
    reload();
}

void RecordListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    client::SubmissionRepository records(m_connection);
    for (const QString& unit : m_units) {
        client::SubmissionQuery query;
        query.unit = unit.toStdString();
        if (!m_period.isEmpty()) {
            query.period = m_period.toStdString();
        }
        query.limit = client::SubmissionRepository::kMaxPage;
        if (auto page = records.list(query)) {
            m_rows.insert(m_rows.end(), page->begin(), page->end());
        }
    }
    endResetModel();
}

void RecordListModel::recordsChanged(const QStringList& ids)
{
    // A new record of a listed unit is not in m_rows yet: reload unless none of the ids can concern this list.
    if (!ids.isEmpty() && !m_units.isEmpty()) {
        reload();
    }
}

QString RecordListModel::countsText() const
{
    QMap<QString, int> counts;
    for (const auto& row : m_rows) {
        ++counts[QString::fromStdString(row.state)];
    }
    QStringList parts;
    for (const char* state : {"draft", "returned", "submitted", "approved", "forwarded", "accepted"}) {
        if (const int n = counts.value(QLatin1String(state)); n > 0) {
            parts << QStringLiteral("%1: %2").arg(StateText::name(state)).arg(n);
        }
    }
    if (parts.isEmpty()) {
        return tr("No records yet");
    }
    return tr("%n record(s)", nullptr, static_cast<int>(m_rows.size())) + QStringLiteral(" — ") +
           parts.join(QStringLiteral(" · "));
}

QString RecordListModel::recordIdAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? QString::fromStdString(m_rows[static_cast<std::size_t>(row)].id)
                                                             : QString();
}

int RecordListModel::rowOfRecord(const QString& id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (QString::fromStdString(m_rows[i].id) == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int RecordListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size())) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    const QString form = QString::fromStdString(row.formId);
    const QString unit = QString::fromStdString(row.unit);
    const QString period = QString::fromStdString(row.period);
    switch (role) {
    case IdRole: return QString::fromStdString(row.id);
    case StateRole: return QString::fromStdString(row.state);
    case UpdatedRole: return QVariant::fromValue<qint64>(row.updatedAt);
    case SearchKeyRole: {
        QStringList parts;
        for (int column = 0; column < ColumnCount; ++column) {
            parts << data(this->index(index.row(), column), Qt::DisplayRole).toString();
        }
        parts << unit << period;
        return searchKey(parts.join(QLatin1Char(' ')));
    }
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) return StateText::colour(row.state);
        if (index.column() == FlagsColumn) return QColor(0xb0, 0x00, 0x20);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == UnitColumn) return tr("Unit code %1").arg(unit);
        if (index.column() == FormColumn) return tr("Form %1, version %2").arg(form).arg(row.formVersion);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case FormColumn: return m_formTitles.value(form, form);
        case UnitColumn: return m_unitNames.value(unit, unit);
        case PeriodColumn: return m_periodLabels.value(period, period);
        case StateColumn: return StateText::name(row.state);
        case FlagsColumn: return StateText::flags(row.flags);
        case UpdatedColumn:
            return QDateTime::fromMSecsSinceEpoch(row.updatedAt).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
        default: return {};
        }
    default: return {};
    }
}

QVariant RecordListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case FormColumn: return tr("Form");
    case UnitColumn: return tr("Unit");
    case PeriodColumn: return tr("Period");
    case StateColumn: return tr("State");
    case FlagsColumn: return tr("Needs attention");
    case UpdatedColumn: return tr("Last change");
    default: return {};
    }
}

RecordFilterProxy::RecordFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void RecordFilterProxy::setQuery(const QString& query)
{
    m_query = query;
    invalidateFilter();
}

bool RecordFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_query.trimmed().isEmpty()) {
        return true;
    }
    const QModelIndex at = sourceModel()->index(sourceRow, 0, sourceParent);
    return matchesSearch(at.data(RecordListModel::SearchKeyRole).toString(), m_query);
}

bool RecordFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (left.column() == RecordListModel::UpdatedColumn) {
        return left.data(RecordListModel::UpdatedRole).toLongLong() < right.data(RecordListModel::UpdatedRole).toLongLong();
    }
    return vietnameseLess(left.data().toString(), right.data().toString());
}

}  // namespace dantoc::gui
