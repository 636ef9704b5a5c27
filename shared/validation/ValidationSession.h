// ValidationSession: holds one submission being edited and its validation state. After a change it
// re-evaluates only the fields and checks the template's dependency graph says are affected (what the desktop
// app calls on every keystroke); the result is always the same as validating from scratch. Not thread-safe:
// one session per editor. The FormTemplate, previous submission and catalogs must outlive the session.
#pragma once

#include "base/Result.h"
#include "expr/Expression.h"
#include "forms/ChoiceListResolver.h"
#include "forms/FormTemplate.h"
#include "forms/Submission.h"
#include "validation/Issue.h"
#include "validation/Messages.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::validation {

struct ValidationOptions {
    forms::Language language = forms::Language::Vi;
    expr::Date today{};                               // what today() returns (injected: reproducible)
    const forms::Submission* previous = nullptr;      // same unit, previous period: what prev() reads
    const forms::ChoiceListResolver* catalogs = nullptr;  // choice lists for `choices_from`
};

class ValidationSession
{
public:
    ValidationSession(const forms::FormTemplate& form, forms::Submission submission, ValidationOptions options);
    ~ValidationSession();
    ValidationSession(const ValidationSession&) = delete;
    ValidationSession& operator=(const ValidationSession&) = delete;

    // Every current issue, in form order (submission, then fields in template order with roster rows, then
    // checks).
    const std::vector<Issue>& issues() const;
    bool hasErrors() const;
    // The submission with every edit applied.
    const forms::Submission& submission() const { return m_submission; }

    // Sets a top-level field (JSON null clears it). NotFound for unknown fields, InvalidArgument for roster
    // fields (use the row functions).
    Status setValue(std::string_view field, const Json& value);
    // Sets one cell of a roster row.
    Status setCell(std::string_view roster, std::size_t row, std::string_view column, const Json& value);
    // Appends an empty row with this _id (must be a UUID not used in the roster); returns its index.
    Result<std::size_t> addRow(std::string_view roster, const std::string& rowId);
    Status removeRow(std::string_view roster, std::size_t row);
    // Sets or (with empty text) removes the explanation note for a warning.
    void setNote(const std::string& key, const std::string& text);
    void revalidateAll();

    // The value expressions see: null when unanswered, wrongly typed or not relevant; computed fields computed.
    expr::Value value(std::string_view field) const;
    expr::Value cellValue(std::string_view roster, std::size_t row, std::string_view column) const;
    bool isRelevant(std::string_view field) const;
    // How many field cells and checks the last change re-evaluated (for tests and the benchmark).
    std::size_t lastEvaluationCount() const { return m_lastEvaluated; }

private:
    class Context;
    struct Slot;
    struct Row;
    struct RosterState;

    void load();
    void loadPrevious();
    void loadRoster(int roster);
    void checkRows(int roster);
    void checkSubmission();
    Slot& slot(int field, int row);
    const Slot& slot(int field, int row) const;
    void setRaw(Slot& target, const forms::FieldDef& def, const Json& raw);
    void propagate(int field, int row);
    void mark(int node, int row, bool expand);
    void evaluateDirty();
    void evaluateValue(int field, int row);
    void evaluateIssues(int field, int row);
    void evaluateRosterIssues(int roster);
    void evaluateCheck(int check);
    void addIssue(std::vector<Issue>& out, int field, int row, std::string code, forms::Severity severity,
                  std::string message, const std::string& noteKey) const;
    std::string noteKey(int field, int row) const;
    std::string message(std::string_view code, const MessageParams& params) const;
    expr::Value lookup(std::string_view path, int roster, int row) const;
    expr::Value previousValue(std::string_view path, int roster, int row) const;
    int columnPosition(int roster, std::string_view column) const;

    const forms::FormTemplate& m_form;
    forms::Submission m_submission;
    ValidationOptions m_options;
    std::vector<Slot> m_top;             // by field index; only top-level entries are used
    std::vector<RosterState> m_rosters;  // by field index; only roster entries are used
    std::vector<int> m_columnPos;        // by field index: position among its roster's columns
    std::vector<std::vector<Issue>> m_checkIssues;
    std::vector<Issue> m_submissionIssues;
    mutable std::vector<std::optional<expr::Value>> m_columnCache;  // roster columns as lists
    // previous period, converted once
    std::vector<expr::Value> m_prevTop;
    std::vector<expr::Value> m_prevColumn;
    std::vector<std::vector<std::pair<std::string, std::vector<expr::Value>>>> m_prevRows;

    struct Dirty {
        bool whole = false;
        std::vector<int> rows;
    };
    std::vector<Dirty> m_dirty;     // by node (fields, then checks)
    std::vector<Dirty> m_expanded;  // nodes whose readers were already marked
    std::vector<int> m_touched;
    std::vector<std::pair<int, int>> m_queue;
    std::size_t m_lastEvaluated = 0;
    mutable std::vector<Issue> m_issues;
    mutable bool m_issuesStale = true;
};

}  // namespace dantoc::validation
