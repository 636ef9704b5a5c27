// RosterModel: one roster of the record as a table (rows × columns) over the EntryDocument: cell text as the
// person sees it, issues per cell (tooltip and colour), row add/remove/move keeping each row's `_id`, and paste
// of a tab-separated block (Excel) into many cells at once. GUI thread only.
#pragma once

#include "gui/entry/EntryDocument.h"

#include <QAbstractTableModel>

#include <map>
#include <utility>
#include <vector>

namespace dantoc::gui {

class RosterModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kSeverityRole = Qt::UserRole + 1;  // "error" / "warning" / "" for the worst issue

    RosterModel(EntryDocument& document, const forms::FieldDef& roster, QObject* parent);

    const forms::FieldDef& roster() const { return m_roster; }
    const forms::FieldDef& column(int column) const { return *m_columns[static_cast<std::size_t>(column)]; }
    // Column position of a column path ("ethnic_groups.population"), or -1.
    int columnOf(const std::string& path) const;
    const ChoiceList* choicesOf(int column) const;
    bool isEditable(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // EditRole with the typed text: a cell commit (autosaves).
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

    // While typing in a cell: revalidates, no autosave.
    void setCellTextLive(const QModelIndex& index, const QString& text);
    void clearCells(const QModelIndexList& indexes);
    // Appends an empty row; returns its index (-1 at max_rows).
    int appendRow();
    void removeRowRange(int first, int count);
    void moveRowTo(int from, int to);
    // Tab-separated rows from `top`,`left` (Excel's clipboard text; quoted cells understood); rows are added as
    // needed up to max_rows, read-only columns keep their value. Returns the cells written.
    int pasteText(int top, int left, const QString& text);

    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    // The document revalidated: refresh every cell and the issues shown.
    void refresh();

private:
    std::string columnName(int column) const { return this->column(column).column; }
    void collectIssues();

    EntryDocument& m_document;
    const forms::FieldDef& m_roster;
    std::vector<const forms::FieldDef*> m_columns;
    ChoiceList m_booleans;
    struct CellIssue
    {
        bool error = false;
        QString message;
    };
    std::map<std::pair<int, int>, std::vector<CellIssue>> m_issues;  // by (row, column)
    bool m_busy = false;  // inside a structural change: refresh() waits for its end
    bool m_readOnly = false;
};

// Splits Excel's clipboard text into rows of cells.
std::vector<QStringList> splitTabSeparated(const QString& text);

}  // namespace dantoc::gui
