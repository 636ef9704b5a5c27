// Loading, editing and the dependency walk; the per-field rules are in ValidationSession+Rules.cpp.
#include "validation/ValidationSession.h"

#include "base/Uuid.h"
#include "validation/SessionState.h"

#include <algorithm>

namespace dantoc::validation {

using forms::FieldDef;
using forms::FieldType;
using forms::Severity;

ValidationSession::ValidationSession(const forms::FormTemplate& form, forms::Submission submission,
                                     ValidationOptions options)
    : m_form(form), m_submission(std::move(submission)), m_options(options)
{
    load();
}

ValidationSession::~ValidationSession() = default;

void ValidationSession::load()
{
    const std::size_t n = m_form.fields().size();
    m_top.assign(n, Slot{});
    m_rosters.assign(n, RosterState{});
    m_columnPos.assign(n, -1);
    m_columnCache.assign(n, std::nullopt);
    m_checkIssues.assign(m_form.checks().size(), {});
    m_dirty.assign(m_form.nodeCount(), Dirty{});
    m_expanded.assign(m_form.nodeCount(), Dirty{});
    for (std::size_t f = 0; f < n; ++f) {
        const auto& columns = m_form.fields()[f].columns;
        for (std::size_t pos = 0; pos < columns.size(); ++pos) {
            m_columnPos[static_cast<std::size_t>(columns[pos])] = static_cast<int>(pos);
        }
    }
    checkSubmission();
    for (int f : m_form.topLevelFields()) {
        const FieldDef& def = m_form.fields()[static_cast<std::size_t>(f)];
        if (def.isRoster()) {
            loadRoster(f);
            continue;
        }
        const Json* raw = jsonMember(m_submission.values, def.name);
        setRaw(m_top[static_cast<std::size_t>(f)], def, raw != nullptr ? *raw : Json());
    }
    loadPrevious();
    revalidateAll();
}

void ValidationSession::loadRoster(int roster)
{
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(roster)];
    RosterState& state = m_rosters[static_cast<std::size_t>(roster)];
    Slot& top = m_top[static_cast<std::size_t>(roster)];
    state.rows.clear();
    const Json* raw = jsonMember(m_submission.values, def.name);
    top.raw = Json();
    top.typeError = false;
    if (raw != nullptr && !raw->is_null() && !raw->is_array()) {
        top.raw = *raw;
        top.typeError = true;
    } else if (raw != nullptr && raw->is_array()) {
        for (const Json& element : *raw) {
            Row row;
            row.cells.assign(def.columns.size(), Slot{});
            if (!element.is_object()) {
                row.notObject = true;
                state.rows.push_back(std::move(row));
                continue;
            }
            if (const std::string* id = jsonString(element, "_id")) {
                row.id = *id;
            }
            for (const auto& [key, value] : element.items()) {
                if (key == "_id") {
                    continue;
                }
                const int column = columnPosition(roster, key);
                if (column < 0) {
                    row.unknownKeys.push_back(key);
                    continue;
                }
                const int field = def.columns[static_cast<std::size_t>(column)];
                setRaw(row.cells[static_cast<std::size_t>(column)], m_form.fields()[static_cast<std::size_t>(field)],
                       value);
            }
            state.rows.push_back(std::move(row));
        }
    }
    checkRows(roster);
}

void ValidationSession::checkSubmission()
{
    m_submissionIssues.clear();
    const auto add = [&](std::string field, std::string code, Severity severity, const MessageParams& params) {
        Issue issue;
        issue.field = std::move(field);
        issue.message = message(code, params);
        issue.code = std::move(code);
        issue.severity = severity;
        m_submissionIssues.push_back(std::move(issue));
    };
    if (m_submission.formId != m_form.id() || m_submission.formVersion != m_form.version()) {
        add("", "form_mismatch", Severity::Error,
            {{"submitted", m_submission.formId + " v" + std::to_string(m_submission.formVersion)},
             {"expected", m_form.id() + " v" + std::to_string(m_form.version())}});
    }
    if (!forms::isValidPeriod(m_form.periodType(), m_submission.period)) {
        static constexpr std::string_view kShapes[] = {"YYYY", "YYYY-H1|H2", "YYYY-Q1..Q4", "YYYY-MM-DD",
                                                       "YYYY-survey"};
        add("", "period", Severity::Error,
            {{"period", m_submission.period},
             {"expected", std::string(kShapes[static_cast<int>(m_form.periodType())])}});
    }
    if (m_submission.unit.empty()) {
        add("", "unit", Severity::Error, {});
    }
    if (m_submission.values.is_object()) {
        for (const auto& [key, value] : m_submission.values.items()) {
            const FieldDef* def = m_form.field(key);
            if (def == nullptr || def->roster >= 0) {
                add(key, "unknown_field", Severity::Error, {{"name", key}});
            }
        }
    }
}

void ValidationSession::checkRows(int roster)
{
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(roster)];
    auto& rows = m_rosters[static_cast<std::size_t>(roster)].rows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Row& row = rows[i];
        row.issues.clear();
        const auto add = [&](const std::string& field, std::string code, const MessageParams& params) {
            Issue issue;
            issue.field = field;
            issue.row = i;
            issue.rowId = row.id;
            issue.message = message(code, params);
            issue.code = std::move(code);
            issue.severity = Severity::Error;
            row.issues.push_back(std::move(issue));
        };
        if (row.notObject) {
            const forms::LocalizedText expected{"một dòng dạng đối tượng {...}", "a row object {...}"};
            add(def.name, "type", {{"expected", expected.in(m_options.language)}});
            continue;
        }
        if (!isUuid(row.id)) {
            add(def.name, "row_id", {});
        } else {
            for (std::size_t j = 0; j < i; ++j) {
                if (rows[j].id == row.id) {
                    add(def.name, "duplicate_row_id", {});
                    break;
                }
            }
        }
        for (const std::string& key : row.unknownKeys) {
            add(def.name + "." + key, "unknown_field", {{"name", def.name + "." + key}});
        }
    }
}

ValidationSession::Slot& ValidationSession::slot(int field, int row)
{
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(field)];
    if (def.roster < 0) {
        return m_top[static_cast<std::size_t>(field)];
    }
    return m_rosters[static_cast<std::size_t>(def.roster)]
        .rows[static_cast<std::size_t>(row)]
        .cells[static_cast<std::size_t>(m_columnPos[static_cast<std::size_t>(field)])];
}

const ValidationSession::Slot& ValidationSession::slot(int field, int row) const
{
    return const_cast<ValidationSession*>(this)->slot(field, row);  // NOLINT: same lookup, const view
}

int ValidationSession::columnPosition(int roster, std::string_view column) const
{
    const auto& columns = m_form.fields()[static_cast<std::size_t>(roster)].columns;
    for (std::size_t pos = 0; pos < columns.size(); ++pos) {
        if (m_form.fields()[static_cast<std::size_t>(columns[pos])].column == column) {
            return static_cast<int>(pos);
        }
    }
    return -1;
}

void ValidationSession::mark(int node, int row, bool expand)
{
    Dirty& dirty = m_dirty[static_cast<std::size_t>(node)];
    if (!dirty.whole && dirty.rows.empty()) {
        m_touched.push_back(node);
    }
    if (row < 0) {
        dirty.whole = true;
    } else if (!dirty.whole && std::find(dirty.rows.begin(), dirty.rows.end(), row) == dirty.rows.end()) {
        dirty.rows.push_back(row);
    }
    if (!expand) {
        return;
    }
    Dirty& expanded = m_expanded[static_cast<std::size_t>(node)];
    if (expanded.whole || (row >= 0 && std::find(expanded.rows.begin(), expanded.rows.end(), row) != expanded.rows.end())) {
        return;
    }
    if (row < 0) {
        expanded.whole = true;
    } else {
        expanded.rows.push_back(row);
    }
    m_queue.emplace_back(node, row);
}

void ValidationSession::propagate(int field, int row)
{
    const int fieldCount = static_cast<int>(m_form.fields().size());
    mark(field, row, true);
    while (!m_queue.empty()) {
        const auto [node, nodeRow] = m_queue.back();
        m_queue.pop_back();
        if (node >= fieldCount) {
            continue;
        }
        for (const forms::Dependent& d : m_form.dependents(node)) {
            int target = -1;
            if (d.sameRow && nodeRow >= 0 && d.node < fieldCount &&
                m_form.fields()[static_cast<std::size_t>(d.node)].roster >= 0) {
                target = nodeRow;
            }
            mark(d.node, target, d.affectsValue);
        }
    }
}

void ValidationSession::revalidateAll()
{
    std::fill(m_columnCache.begin(), m_columnCache.end(), std::nullopt);
    for (std::size_t node = 0; node < m_form.nodeCount(); ++node) {
        mark(static_cast<int>(node), -1, false);
    }
    evaluateDirty();
}

void ValidationSession::evaluateDirty()
{
    const int fieldCount = static_cast<int>(m_form.fields().size());
    std::vector<int> fields;
    std::vector<int> checks;
    for (int node : m_touched) {
        (node < fieldCount ? fields : checks).push_back(node);
    }
    std::sort(fields.begin(), fields.end(),
              [&](int a, int b) { return m_form.evaluationRank(a) < m_form.evaluationRank(b); });
    std::sort(checks.begin(), checks.end());
    std::size_t evaluated = 0;
    // Values first, in dependency order; then the rules, which may read any value.
    for (const bool rules : {false, true}) {
        for (int f : fields) {
            const FieldDef& def = m_form.fields()[static_cast<std::size_t>(f)];
            const Dirty& dirty = m_dirty[static_cast<std::size_t>(f)];
            const auto run = [&](int row) {
                if (rules) {
                    evaluateIssues(f, row);
                    ++evaluated;
                } else {
                    evaluateValue(f, row);
                }
            };
            if (def.roster < 0) {
                run(-1);
                continue;
            }
            const int rowCount = static_cast<int>(m_rosters[static_cast<std::size_t>(def.roster)].rows.size());
            if (dirty.whole) {
                for (int row = 0; row < rowCount; ++row) {
                    run(row);
                }
            } else {
                for (int row : dirty.rows) {
                    if (row < rowCount) {
                        run(row);
                    }
                }
            }
        }
    }
    for (int node : checks) {
        evaluateCheck(node - fieldCount);
        ++evaluated;
    }
    for (int node : m_touched) {
        m_dirty[static_cast<std::size_t>(node)] = Dirty{};
        m_expanded[static_cast<std::size_t>(node)] = Dirty{};
    }
    m_touched.clear();
    m_lastEvaluated = evaluated;
    m_issuesStale = true;
}

Status ValidationSession::setValue(std::string_view field, const Json& value)
{
    const int index = m_form.fieldIndex(field);
    if (index < 0) {
        return Status(ErrorCode::NotFound, "no field '" + std::string(field) + "' in form " + m_form.id());
    }
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(index)];
    if (def.roster >= 0 || def.isRoster()) {
        return Status(ErrorCode::InvalidArgument, "'" + def.name + "' is part of a roster: use setCell/addRow");
    }
    if (value.is_null()) {
        m_submission.values.erase(def.name);
    } else {
        m_submission.values[def.name] = value;
    }
    setRaw(m_top[static_cast<std::size_t>(index)], def, value);
    propagate(index, -1);
    evaluateDirty();
    return Status::ok();
}

Status ValidationSession::setCell(std::string_view roster, std::size_t row, std::string_view column, const Json& value)
{
    const int r = m_form.fieldIndex(roster);
    if (r < 0 || !m_form.fields()[static_cast<std::size_t>(r)].isRoster()) {
        return Status(ErrorCode::NotFound, "no roster '" + std::string(roster) + "' in form " + m_form.id());
    }
    auto& rows = m_rosters[static_cast<std::size_t>(r)].rows;
    if (row >= rows.size()) {
        return Status(ErrorCode::NotFound, "roster '" + std::string(roster) + "' has no row " + std::to_string(row));
    }
    const int pos = columnPosition(r, column);
    if (pos < 0) {
        return Status(ErrorCode::NotFound, "roster '" + std::string(roster) + "' has no column '" + std::string(column) + "'");
    }
    if (rows[row].notObject) {
        return Status(ErrorCode::FailedPrecondition, "row " + std::to_string(row) + " is not an object");
    }
    const FieldDef& rosterDef = m_form.fields()[static_cast<std::size_t>(r)];
    const int field = rosterDef.columns[static_cast<std::size_t>(pos)];
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(field)];
    Json& stored = m_submission.values[rosterDef.name][row];
    if (value.is_null()) {
        stored.erase(def.column);
    } else {
        stored[def.column] = value;
    }
    setRaw(rows[row].cells[static_cast<std::size_t>(pos)], def, value);
    propagate(field, static_cast<int>(row));
    evaluateDirty();
    return Status::ok();
}

Result<std::size_t> ValidationSession::addRow(std::string_view roster, const std::string& rowId)
{
    const int r = m_form.fieldIndex(roster);
    if (r < 0 || !m_form.fields()[static_cast<std::size_t>(r)].isRoster()) {
        return Status(ErrorCode::NotFound, "no roster '" + std::string(roster) + "' in form " + m_form.id());
    }
    if (!isUuid(rowId)) {
        return Status(ErrorCode::InvalidArgument, "a row _id must be a UUID");
    }
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(r)];
    auto& rows = m_rosters[static_cast<std::size_t>(r)].rows;
    if (m_top[static_cast<std::size_t>(r)].typeError) {
        return Status(ErrorCode::FailedPrecondition, "roster '" + def.name + "' holds a value that is not a list");
    }
    if (std::any_of(rows.begin(), rows.end(), [&](const Row& row) { return row.id == rowId; })) {
        return Status(ErrorCode::AlreadyExists, "roster '" + def.name + "' already has a row " + rowId);
    }
    Json& stored = m_submission.values[def.name];
    if (!stored.is_array()) {
        stored = Json::array();
    }
    stored.push_back(Json{{"_id", rowId}});
    Row row;
    row.id = rowId;
    row.cells.assign(def.columns.size(), Slot{});
    rows.push_back(std::move(row));
    checkRows(r);
    revalidateAll();
    return rows.size() - 1;
}

Status ValidationSession::removeRow(std::string_view roster, std::size_t row)
{
    const int r = m_form.fieldIndex(roster);
    if (r < 0 || !m_form.fields()[static_cast<std::size_t>(r)].isRoster()) {
        return Status(ErrorCode::NotFound, "no roster '" + std::string(roster) + "' in form " + m_form.id());
    }
    auto& rows = m_rosters[static_cast<std::size_t>(r)].rows;
    if (row >= rows.size()) {
        return Status(ErrorCode::NotFound, "roster '" + std::string(roster) + "' has no row " + std::to_string(row));
    }
    Json& stored = m_submission.values[m_form.fields()[static_cast<std::size_t>(r)].name];
    stored.erase(row);
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(row));
    checkRows(r);
    revalidateAll();
    return Status::ok();
}

void ValidationSession::setNote(const std::string& key, const std::string& text)
{
    if (text.empty()) {
        m_submission.notes.erase(key);
    } else {
        m_submission.notes[key] = text;
    }
    revalidateAll();
}

const std::vector<Issue>& ValidationSession::issues() const
{
    if (!m_issuesStale) {
        return m_issues;
    }
    m_issues = m_submissionIssues;
    for (int f : m_form.topLevelFields()) {
        const auto& top = m_top[static_cast<std::size_t>(f)];
        m_issues.insert(m_issues.end(), top.issues.begin(), top.issues.end());
        for (const Row& row : m_rosters[static_cast<std::size_t>(f)].rows) {
            m_issues.insert(m_issues.end(), row.issues.begin(), row.issues.end());
            for (const Slot& cell : row.cells) {
                m_issues.insert(m_issues.end(), cell.issues.begin(), cell.issues.end());
            }
        }
    }
    for (const auto& list : m_checkIssues) {
        m_issues.insert(m_issues.end(), list.begin(), list.end());
    }
    m_issuesStale = false;
    return m_issues;
}

bool ValidationSession::hasErrors() const { return validation::hasErrors(issues()); }

}  // namespace dantoc::validation
