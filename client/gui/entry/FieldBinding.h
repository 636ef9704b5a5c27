// FieldBinding: one top-level field on its section page — label, hint, editor (FieldEditorFactory), its issues in
// red/orange under it, and an in-place note editor for each warning it raises (`note:<key>`). Live: typing
// revalidates; Enter, focus loss, a pick or a checkbox commits (normalised: NFC, trimmed) and autosaves.
// GUI thread only.
#pragma once

#include "gui/entry/EntryDocument.h"
#include "gui/entry/FieldEditorFactory.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <map>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace dantoc::gui {

class FieldBinding : public QObject
{
    Q_OBJECT
public:
    FieldBinding(EntryDocument& document, const forms::FieldDef& field, QWidget* parent);

    const forms::FieldDef& field() const { return m_field; }
    QWidget* container() const { return m_container; }
    const FieldEditors& editors() const { return m_editors; }
    // The widget Enter and the issue list move focus to; nullptr when the field takes no input.
    QWidget* focusTarget() const;
    bool isShown() const;

    // Editors from the document's values (opening a record).
    void load();
    // The document revalidated: relevance, computed value, roster cells.
    void refresh();
    // The issues attached to this field (its own, its roster's cells, checks naming it first).
    void showIssues(const std::vector<validation::Issue>& issues);
    // Commits what is typed but not yet committed (a save, a page change).
    void flush();
    bool hasUncommittedInput() const;
    void setReadOnly(bool readOnly);
    // Puts the cursor where an issue is: the editor, the roster cell, or the note a warning asks for.
    void focusIssue(const validation::Issue& issue);
    // Stores an attachment value {sha256, name, size, mime}.
    void setAttachment(const Json& value);

    // The note key of a warning (form-format.md §4): field, roster[row id].column or check:<id>.
    static std::string noteKey(const validation::Issue& issue);
    static bool needsNote(const validation::Issue& issue);

signals:
    void advance(FieldBinding* from);  // Enter: on to the next field
    void attachRequested(FieldBinding* binding);

protected:
    bool eventFilter(QObject* object, QEvent* event) override;

private:
    Json editorValue() const;
    void commit();
    void live();
    void setEditorsFrom(const Json& value);
    void wireLine(FieldLineEdit* edit, bool liveValidation);
    void requestAdvance();
    void rebuildNotes(const std::vector<const validation::Issue*>& warnings);

    EntryDocument& m_document;
    const forms::FieldDef& m_field;
    const ChoiceList* m_choices;
    QWidget* m_container;
    FieldEditors m_editors;
    QLabel* m_issues;
    std::vector<validation::Issue> m_shownIssues;  // what showIssues was last given
    QStringList m_duplicates;                       // roster: LikelyDuplicates lines shown with them
    QWidget* m_notesBox;
    QVBoxLayout* m_notesLayout;
    struct Note
    {
        QPointer<QWidget> row;
        QPointer<QLineEdit> edit;
    };
    std::map<std::string, Note> m_notes;  // by note key
    Json m_committed;
    bool m_loading = false;
    bool m_readOnly = false;
};

}  // namespace dantoc::gui
