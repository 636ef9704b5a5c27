// EntryDocument: the record being edited — its form, a ValidationSession over its values (incremental
// revalidation on every keystroke), the choice lists and the warning notes. Every change revalidates and emits
// validated(); a field commit (Enter, focus loss, a pick, a paste) also emits committed(), which autosaves.
// Not thread-safe: the GUI thread.
#pragma once

#include "gui/entry/ChoiceLists.h"

#include "core/EntryService.h"

#include "base/Json.h"
#include "forms/FormTemplate.h"
#include "forms/Submission.h"
#include "validation/Issue.h"
#include "validation/ValidationSession.h"

#include <QObject>
#include <QString>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace dantoc::gui {

class EntryDocument : public QObject
{
    Q_OBJECT
public:
    struct CellEdit
    {
        std::size_t row = 0;
        std::string column;  // own column name ("households")
        Json value;
    };

    EntryDocument(forms::FormTemplate form, forms::Submission submission, ChoiceLists choices,
                  forms::Language language, QObject* parent = nullptr);
    ~EntryDocument() override;

    const forms::FormTemplate& form() const { return m_form; }
    const ChoiceLists& choices() const { return m_choices; }
    forms::Language language() const { return m_language; }
    const validation::ValidationSession& session() const { return *m_session; }
    const Json& values() const { return m_session->submission().values; }
    // The stored value of a top-level field, or null.
    Json value(const std::string& field) const;
    Json cell(const std::string& roster, std::size_t row, const std::string& column) const;
    std::size_t rowCount(const std::string& roster) const;
    std::string rowId(const std::string& roster, std::size_t row) const;
    const std::vector<validation::Issue>& issues() const { return m_session->issues(); }
    const client::EntryNotes& notes() const { return m_notes; }

    // `commit`: the person finished this field (autosave follows); false while typing.
    void setValue(const std::string& field, const Json& value, bool commit);
    void setCell(const std::string& roster, std::size_t row, const std::string& column, const Json& value,
                 bool commit);
    // Many cells at once (a paste): rows past the end are added first (up to max_rows); one revalidation
    // signal and one commit. Returns how many rows were added.
    std::size_t setCells(const std::string& roster, const std::vector<CellEdit>& edits);
    // Appends a row with a new _id; returns its index.
    std::size_t addRow(const std::string& roster);
    void removeRows(const std::string& roster, std::size_t first, std::size_t count);
    // Moves one row (its _id and cells) to position `to`.
    void moveRow(const std::string& roster, std::size_t from, std::size_t to);
    void setNote(const std::string& key, const QString& text);
    // Whether a roster may take another row.
    bool canAddRow(const std::string& roster) const;

signals:
    void validated();
    void committed();

private:
    void changed(bool commit);
    void rebuild(Json values);

    forms::FormTemplate m_form;
    ChoiceLists m_choices;
    forms::Language m_language;
    forms::Submission m_base;  // identity of the record (form, unit, period)
    client::EntryNotes m_notes;
    std::unique_ptr<validation::ValidationSession> m_session;
};

}  // namespace dantoc::gui
