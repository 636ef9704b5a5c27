#include "gui/entry/InputWidgets.h"

#include "gui/entry/ValueText.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QInputMethod>
#include <QKeyEvent>

#include <cmath>

namespace dantoc::gui {

QValidator::State NumberValidator::validate(QString& input, int&) const
{
    if (input.trimmed().isEmpty()) {
        return Acceptable;
    }
    const auto number = ValueText::parseNumber(input);
    if (number && (!m_integer || std::floor(*number) == *number)) {
        return Acceptable;
    }
    return Intermediate;
}

QValidator::State TextValidator::validate(QString& input, int&) const
{
    if (m_maxLength > 0 && input.toUcs4().size() > m_maxLength) {
        return Intermediate;
    }
    return Acceptable;
}

FieldLineEdit::FieldLineEdit(QWidget* parent) : QLineEdit(parent) {}

bool FieldLineEdit::commitPreedit()
{
    if (m_preedit.isEmpty()) {
        return false;
    }
    QInputMethodEvent commit;
    commit.setCommitString(m_preedit);
    QCoreApplication::sendEvent(this, &commit);
    return true;
}

void FieldLineEdit::keyPressEvent(QKeyEvent* event)
{
    // An open choice list (a QCompleter set on this edit with setWidget, so one of its children) passes each
    // key to the edit first and acts on it only if the edit leaves it unaccepted: on Enter it then closes
    // itself and completes the highlighted row. Accepting Enter while it is open would leave it open after the
    // field is done (a cell editor's list then outlives its editor until the next event-loop turn).
    const auto* completer = findChild<QCompleter*>(QString(), Qt::FindDirectChildrenOnly);
    const bool listOpen = completer != nullptr && completer->popup() != nullptr && completer->popup()->isVisible();
    QLineEdit::keyPressEvent(event);
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (!listOpen) {
            event->accept();  // no list: Enter ends the field here and goes no further (no default button)
        }
        emit enterPressed();
    }
}

void FieldLineEdit::focusOutEvent(QFocusEvent* event)
{
    QLineEdit::focusOutEvent(event);
    if (event->reason() != Qt::PopupFocusReason) {
        emit focusLost();
    }
}

void FieldLineEdit::inputMethodEvent(QInputMethodEvent* event)
{
    m_preedit = event->preeditString();
    QLineEdit::inputMethodEvent(event);
}

FieldTextEdit::FieldTextEdit(QWidget* parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
}

void FieldTextEdit::focusOutEvent(QFocusEvent* event)
{
    QPlainTextEdit::focusOutEvent(event);
    if (event->reason() != Qt::PopupFocusReason) {
        emit focusLost();
    }
}

void commitPendingInput(QWidget* root)
{
    QGuiApplication::inputMethod()->commit();
    if (root == nullptr) {
        return;
    }
    for (FieldLineEdit* edit : root->findChildren<FieldLineEdit*>()) {
        edit->commitPreedit();
    }
}

}  // namespace dantoc::gui
