#include "gui/entry/RosterView.h"

#include "gui/entry/ChoiceSearchModel.h"
#include "gui/entry/InputWidgets.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <set>

namespace dantoc::gui {

RosterDelegate::RosterDelegate(RosterModel& model, RosterView& view)
    : QStyledItemDelegate(&view), m_model(model), m_view(view)
{
    connect(this, &QAbstractItemDelegate::closeEditor, this, [this](QWidget* editor) {
        if (m_open == editor) {
            m_open.clear();
        }
    });
}

QWidget* RosterDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex& index) const
{
    auto* editor = new FieldLineEdit(parent);
    editor->setFrame(false);
    const forms::FieldDef& def = m_model.column(index.column());
    editor->setObjectName(QStringLiteral("cellEditor:%1").arg(QString::fromStdString(def.name)));
    if (def.valueType == forms::FieldType::Integer || def.valueType == forms::FieldType::Decimal) {
        editor->setValidator(new NumberValidator(def.valueType == forms::FieldType::Integer, editor));
    }
    auto* self = const_cast<RosterDelegate*>(this);
    if (const ChoiceList* choices = m_model.choicesOf(index.column())) {
        ChoiceSearchModel::attach(editor, *choices, {});
    }
    const QPersistentModelIndex cell(index);
    connect(editor, &QLineEdit::textEdited, &m_model,
            [this, cell](const QString& text) { m_model.setCellTextLive(cell, text); });
    connect(editor, &FieldLineEdit::enterPressed, self, [self, editor] {
        // After an open completer has put its pick in the field (it may do so after passing Enter on).
        QPointer<FieldLineEdit> guard(editor);
        QTimer::singleShot(0, self, [self, guard] {
            if (guard) {
                self->finishByEnter(guard);
            }
        });
    });
    m_open = editor;
    return editor;
}

void RosterDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    // Only once: a refresh while typing must never rewrite the text under the cursor.
    if (editor->property("dantocLoaded").toBool()) {
        return;
    }
    editor->setProperty("dantocLoaded", true);
    auto* edit = static_cast<FieldLineEdit*>(editor);
    edit->setText(m_view.lastTrigger() == QAbstractItemView::AnyKeyPressed ? QString()
                                                                           : index.data(Qt::EditRole).toString());
}

void RosterDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    model->setData(index, static_cast<FieldLineEdit*>(editor)->text(), Qt::EditRole);
}

bool RosterDelegate::eventFilter(QObject* object, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            return false;  // the editor's own Enter (FieldLineEdit::enterPressed) commits: once, even if invalid
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

void RosterDelegate::finishByEnter(FieldLineEdit* editor)
{
    emit commitData(editor);
    emit closeEditor(editor, NoHint);
    emit enterCommitted();
}

void RosterDelegate::commitOpenEditor()
{
    if (m_open) {
        FieldLineEdit* editor = m_open;
        m_open.clear();
        emit commitData(editor);
        emit closeEditor(editor, NoHint);
    }
}

RosterView::RosterView(RosterModel& model, QWidget* parent) : QTableView(parent), m_model(model)
{
    setModel(&model);
    m_delegate = new RosterDelegate(model, *this);
    setItemDelegate(m_delegate);
    setEditTriggers(AnyKeyPressed | EditKeyPressed | DoubleClicked);
    setSelectionMode(ContiguousSelection);
    setSelectionBehavior(SelectItems);
    setTabKeyNavigation(true);
    setAlternatingRowColors(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultSectionSize(150);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    connect(m_delegate, &RosterDelegate::enterCommitted, this, &RosterView::moveDown);

    // Columns as wide as their headers (within reason; the full label is the header's tooltip), and a table
    // as tall as its rows (5 to 15 visible), so the page scrolls, not a small box inside it.
    const QFontMetrics metrics(horizontalHeader()->font());
    for (int column = 0; column < model.columnCount(); ++column) {
        const int wanted = metrics.horizontalAdvance(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        setColumnWidth(column, std::clamp(wanted + 28, 110, 280));
    }
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(&model, signal, this, &RosterView::fitHeight);
    }
    connect(&model, &QAbstractItemModel::modelReset, this, &RosterView::fitHeight);
    fitHeight();
}

void RosterView::fitHeight()
{
    const int rows = std::clamp(m_model.rowCount(), 5, 15);
    const int height = horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize() +
                       2 * frameWidth() + horizontalScrollBar()->sizeHint().height();
    setFixedHeight(height);
}

bool RosterView::edit(const QModelIndex& index, EditTrigger trigger, QEvent* event)
{
    if (state() != EditingState) {
        m_lastTrigger = trigger;
    }
    return QTableView::edit(index, trigger, event);
}

void RosterView::focusCell(int row, int column)
{
    setFocus(Qt::OtherFocusReason);
    const QModelIndex target = model()->index(std::max(0, row), std::max(0, column));
    if (target.isValid()) {
        setCurrentIndex(target);
        scrollTo(target);
    }
}

void RosterView::moveDown()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid()) {
        return;
    }
    setFocus(Qt::OtherFocusReason);
    if (current.row() + 1 < model()->rowCount()) {
        setCurrentIndex(model()->index(current.row() + 1, current.column()));
    } else {
        emit leaveForward();
    }
}

void RosterView::addRow()
{
    const int row = m_model.appendRow();
    if (row >= 0) {
        focusCell(row, 0);
    }
}

void RosterView::removeSelectedRows()
{
    std::set<int> rows;
    for (const QModelIndex& index : selectionModel()->selectedIndexes()) {
        rows.insert(index.row());
    }
    if (rows.empty() && currentIndex().isValid()) {
        rows.insert(currentIndex().row());
    }
    const int column = std::max(0, currentIndex().column());
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        m_model.removeRowRange(*it, 1);
    }
    if (!rows.empty() && m_model.rowCount() > 0) {
        focusCell(std::min(*rows.begin(), m_model.rowCount() - 1), column);
    }
}

void RosterView::moveCurrentRow(int delta)
{
    const QModelIndex current = currentIndex();
    if (!current.isValid()) {
        return;
    }
    const int to = current.row() + delta;
    if (to < 0 || to >= m_model.rowCount()) {
        return;
    }
    m_model.moveRowTo(current.row(), to);
    focusCell(to, current.column());
}

void RosterView::pasteClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty()) {
        return;
    }
    const QModelIndex start = currentIndex();
    const int top = start.isValid() ? start.row() : 0;
    const int left = start.isValid() ? start.column() : 0;
    if (m_model.pasteText(top, left, text) > 0) {
        focusCell(top, left);
    }
}

void RosterView::keyPressEvent(QKeyEvent* event)
{
    if (state() != EditingState) {
        const bool alt = event->modifiers() == Qt::AltModifier;
        if (event->matches(QKeySequence::Paste)) {
            pasteClipboard();
            return;
        }
        if (event->key() == Qt::Key_Delete && event->modifiers() == Qt::ControlModifier) {
            removeSelectedRows();
            return;
        }
        if (event->key() == Qt::Key_Delete && event->modifiers() == Qt::NoModifier) {
            m_model.clearCells(selectionModel()->selectedIndexes());
            return;
        }
        if (event->key() == Qt::Key_Insert && event->modifiers() == Qt::NoModifier) {
            addRow();
            return;
        }
        if (alt && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
            moveCurrentRow(event->key() == Qt::Key_Up ? -1 : 1);
            return;
        }
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
            event->modifiers() == Qt::NoModifier) {
            moveDown();
            return;
        }
        if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
            const QModelIndex current = currentIndex();
            const bool last = m_model.rowCount() == 0 ||
                              (current.row() == m_model.rowCount() - 1 && current.column() == m_model.columnCount() - 1);
            if (last) {
                emit leaveForward();
                return;
            }
        }
    }
    QTableView::keyPressEvent(event);
}

}  // namespace dantoc::gui
