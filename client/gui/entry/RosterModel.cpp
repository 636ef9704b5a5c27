#include "gui/entry/RosterModel.h"

#include "gui/entry/ValueText.h"

#include <QColor>

namespace dantoc::gui {

RosterModel::RosterModel(EntryDocument& document, const forms::FieldDef& roster, QObject* parent)
    : QAbstractTableModel(parent), m_document(document), m_roster(roster)
{
    for (int index : roster.columns) {
        m_columns.push_back(&document.form().fields()[static_cast<std::size_t>(index)]);
    }
    m_booleans.push_back({"true", ValueText::yes(), {ChoiceLists::fold(ValueText::yes())}});
    m_booleans.push_back({"false", ValueText::no(), {ChoiceLists::fold(ValueText::no())}});
    collectIssues();
}

int RosterModel::columnOf(const std::string& path) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i]->name == path) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const ChoiceList* RosterModel::choicesOf(int col) const
{
    const forms::FieldDef& def = column(col);
    if (def.type == forms::FieldType::Boolean) {
        return &m_booleans;
    }
    return m_document.choices().forField(def);
}

bool RosterModel::isEditable(int col) const { return !m_readOnly && !column(col).isComputed(); }

int RosterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_document.rowCount(m_roster.name));
}

int RosterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant RosterModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const forms::FieldDef& def = column(index.column());
    const auto row = static_cast<std::size_t>(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (def.isComputed()) {
            return ValueText::displayValue(m_document.session().cellValue(m_roster.name, row, def.column),
                                           def.valueType, m_document.language());
        }
        return ValueText::display(def, m_document.cell(m_roster.name, row, def.column), choicesOf(index.column()),
                                  m_document.language());
    case Qt::ToolTipRole:
    case kSeverityRole:
    case Qt::BackgroundRole: {
        auto it = m_issues.find({index.row(), index.column()});
        if (it == m_issues.end()) {
            return role == Qt::BackgroundRole && def.isComputed() ? QVariant(QColor(240, 240, 240)) : QVariant();
        }
        bool error = false;
        QStringList lines;
        for (const CellIssue& issue : it->second) {
            error = error || issue.error;
            lines << issue.message;
        }
        if (role == Qt::ToolTipRole) {
            return lines.join(u'\n');
        }
        if (role == kSeverityRole) {
            return error ? QStringLiteral("error") : QStringLiteral("warning");
        }
        return error ? QColor(253, 226, 225) : QColor(253, 235, 208);
    }
    case Qt::TextAlignmentRole:
        return def.valueType == forms::FieldType::Integer || def.valueType == forms::FieldType::Decimal
                   ? QVariant((Qt::AlignRight | Qt::AlignVCenter).toInt())
                   : QVariant();
    default: return {};
    }
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    if (orientation == Qt::Vertical) {
        return QString::number(section + 1);
    }
    if (section < 0 || section >= columnCount()) {
        return {};
    }
    const forms::FieldDef& def = column(section);
    QString label = QString::fromStdString(def.label.in(m_document.language()));
    if (role == Qt::ToolTipRole) {
        return QString::fromStdString(def.hint.in(m_document.language()));
    }
    return def.required ? label + QStringLiteral(" *") : label;
}

Qt::ItemFlags RosterModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (isEditable(index.column())) {
        result |= Qt::ItemIsEditable;
    }
    return result;
}

bool RosterModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !isEditable(index.column())) {
        return false;
    }
    const forms::FieldDef& def = column(index.column());
    const Json parsed = ValueText::parse(def, value.toString(), choicesOf(index.column()));
    m_document.setCell(m_roster.name, static_cast<std::size_t>(index.row()), def.column, parsed, true);
    return true;
}

void RosterModel::setCellTextLive(const QModelIndex& index, const QString& text)
{
    if (!index.isValid() || !isEditable(index.column())) {
        return;
    }
    const forms::FieldDef& def = column(index.column());
    if (def.hasChoices() || def.type == forms::FieldType::Boolean) {
        return;  // a half-typed name is a search, not an answer: validated when picked or committed
    }
    m_document.setCell(m_roster.name, static_cast<std::size_t>(index.row()), def.column,
                       ValueText::parse(def, text, nullptr), false);
}

void RosterModel::clearCells(const QModelIndexList& indexes)
{
    std::vector<EntryDocument::CellEdit> edits;
    for (const QModelIndex& index : indexes) {
        if (index.isValid() && isEditable(index.column())) {
            edits.push_back({static_cast<std::size_t>(index.row()), columnName(index.column()), nullptr});
        }
    }
    if (!edits.empty()) {
        m_document.setCells(m_roster.name, edits);
    }
}

int RosterModel::appendRow()
{
    if (m_readOnly || !m_document.canAddRow(m_roster.name)) {
        return -1;
    }
    const int row = rowCount();
    m_busy = true;
    beginInsertRows({}, row, row);
    m_document.addRow(m_roster.name);
    endInsertRows();
    m_busy = false;
    refresh();
    return row;
}

void RosterModel::removeRowRange(int first, int count)
{
    if (m_readOnly || first < 0 || count <= 0 || first + count > rowCount()) {
        return;
    }
    m_busy = true;
    beginRemoveRows({}, first, first + count - 1);
    m_document.removeRows(m_roster.name, static_cast<std::size_t>(first), static_cast<std::size_t>(count));
    endRemoveRows();
    m_busy = false;
    refresh();
}

void RosterModel::moveRowTo(int from, int to)
{
    const int rows = rowCount();
    if (m_readOnly || from < 0 || to < 0 || from >= rows || to >= rows || from == to) {
        return;
    }
    m_busy = true;
    // beginMoveRows wants the destination as the row it goes before, in the old numbering.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_document.moveRow(m_roster.name, static_cast<std::size_t>(from), static_cast<std::size_t>(to));
    endMoveRows();
    m_busy = false;
    refresh();
}

std::vector<QStringList> splitTabSeparated(const QString& text)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"' && cell.isEmpty()) {
            quoted = true;
        } else if (c == u'\t') {
            row << cell;
            cell.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
                ++i;
            }
            row << cell;
            cell.clear();
            rows.push_back(row);
            row.clear();
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows.push_back(row);
    }
    return rows;
}

int RosterModel::pasteText(int top, int left, const QString& text)
{
    if (m_readOnly) {
        return 0;
    }
    const std::vector<QStringList> block = splitTabSeparated(text);
    std::vector<EntryDocument::CellEdit> edits;
    for (std::size_t r = 0; r < block.size(); ++r) {
        for (qsizetype c = 0; c < block[r].size(); ++c) {
            const int col = left + static_cast<int>(c);
            if (col >= columnCount()) {
                break;
            }
            if (!isEditable(col)) {
                continue;
            }
            const forms::FieldDef& def = column(col);
            edits.push_back({static_cast<std::size_t>(top) + r, def.column,
                             ValueText::parse(def, block[r][c], choicesOf(col))});
        }
    }
    if (edits.empty()) {
        return 0;
    }
    m_busy = true;
    beginResetModel();
    m_document.setCells(m_roster.name, edits);
    endResetModel();
    m_busy = false;
    refresh();
    int written = 0;
    for (const auto& edit : edits) {
        written += edit.row < static_cast<std::size_t>(rowCount()) ? 1 : 0;
    }
    return written;
}

void RosterModel::collectIssues()
{
    m_issues.clear();
    const std::string prefix = m_roster.name + ".";
    for (const validation::Issue& issue : m_document.issues()) {
        if (!issue.row || !issue.field.starts_with(prefix)) {
            continue;
        }
        const int col = columnOf(issue.field);
        if (col >= 0) {
            m_issues[{static_cast<int>(*issue.row), col}].push_back(
                {issue.severity == forms::Severity::Error, QString::fromStdString(issue.message)});
        }
    }
}

void RosterModel::refresh()
{
    if (m_busy) {
        return;
    }
    collectIssues();
    if (rowCount() > 0 && columnCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
}

}  // namespace dantoc::gui
