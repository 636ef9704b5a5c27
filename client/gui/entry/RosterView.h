// RosterView: the roster table, keyboard-first like Excel: typing over a cell replaces it (the first key is kept),
// F2 edits, arrows move, Enter commits and moves down, Tab moves right, Ctrl+V pastes a tab-separated block, Delete
// clears cells, Insert adds a row, Ctrl+Delete removes rows, Alt+Up/Down moves a row. RosterDelegate gives every
// cell a FieldLineEdit (number validator or choice completer by column). GUI thread only.
#pragma once

#include "gui/entry/RosterModel.h"

#include <QPointer>
#include <QStyledItemDelegate>
#include <QTableView>

namespace dantoc::gui {

class FieldLineEdit;
class RosterView;

class RosterDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    RosterDelegate(RosterModel& model, RosterView& view);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
    // Commits and closes the open editor, if any (before a save reads the values).
    void commitOpenEditor();

signals:
    void enterCommitted();

protected:
    bool eventFilter(QObject* object, QEvent* event) override;

private:
    void finishByEnter(FieldLineEdit* editor);

    RosterModel& m_model;
    RosterView& m_view;
    mutable QPointer<FieldLineEdit> m_open;
};

class RosterView final : public QTableView
{
    Q_OBJECT
public:
    RosterView(RosterModel& model, QWidget* parent);

    RosterModel& rosterModel() { return m_model; }
    RosterDelegate& delegate() { return *m_delegate; }
    // How the open editor was opened (typing over a cell starts it empty).
    EditTrigger lastTrigger() const { return m_lastTrigger; }

    void addRow();
    void removeSelectedRows();
    void moveCurrentRow(int delta);
    void pasteClipboard();
    void focusCell(int row, int column);

signals:
    // Enter or Tab past the last cell: the person is done with the table.
    void leaveForward();

protected:
    bool edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void moveDown();
    void fitHeight();

    RosterModel& m_model;
    RosterDelegate* m_delegate;
    EditTrigger m_lastTrigger = NoEditTriggers;
};

}  // namespace dantoc::gui
