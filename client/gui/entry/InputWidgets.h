// The line edit every field and roster cell types into, and the validators that guard it. Written for
// Vietnamese input methods (ux-lessons §1): keys are never intercepted or remapped, the text is never rewritten
// while typing, validators answer Intermediate (never Invalid) for anything that is not yet a value — Unikey's
// Backspace and its replacement letter arrive as separate edits, and an Invalid would silently undo one.
// GUI thread only.
#pragma once

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QValidator>

namespace dantoc::gui {

// Numbers in either notation (1.5, 1,5): Acceptable when the text reads as one, else Intermediate.
class NumberValidator final : public QValidator
{
    Q_OBJECT
public:
    NumberValidator(bool integer, QObject* parent) : QValidator(parent), m_integer(integer) {}
    State validate(QString& input, int& pos) const override;

private:
    bool m_integer;
};

// Text with a length limit (in code points): Intermediate when longer, never Invalid, never changes the text.
class TextValidator final : public QValidator
{
    Q_OBJECT
public:
    TextValidator(qsizetype maxLength, QObject* parent) : QValidator(parent), m_maxLength(maxLength) {}
    State validate(QString& input, int& pos) const override;

private:
    qsizetype m_maxLength;
};

// A QLineEdit that reports Enter (after QLineEdit and an open completer have handled it) and focus loss — its
// two commit points — and remembers the input method's preedit so a save can commit it when the platform does
// not (Qt's offscreen and minimal platforms have no input context).
class FieldLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit FieldLineEdit(QWidget* parent = nullptr);
    // Inserts a pending preedit as committed text (what an input method's commit() does); true if it did.
    bool commitPreedit();
    const QString& preedit() const { return m_preedit; }

signals:
    void enterPressed();
    void focusLost();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;

private:
    QString m_preedit;
};

// Long text: Tab leaves the field; focus loss commits.
class FieldTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit FieldTextEdit(QWidget* parent = nullptr);

signals:
    void focusLost();

protected:
    void focusOutEvent(QFocusEvent* event) override;
};

// Commits what input methods still compose inside `root`: QInputMethod::commit(), then any preedit a
// FieldLineEdit still holds. Call before every save, navigation or submit (ux-lessons §1.4).
void commitPendingInput(QWidget* root);

}  // namespace dantoc::gui
