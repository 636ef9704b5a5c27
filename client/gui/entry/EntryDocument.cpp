#include "gui/entry/EntryDocument.h"

#include <QDateTime>

#include <algorithm>

namespace dantoc::gui {

namespace {

validation::ValidationOptions optionsFor(forms::Language language, const forms::ChoiceListResolver& catalogs)
{
    validation::ValidationOptions options;
    options.language = language;
    options.catalogs = &catalogs;
    // As EntryService: today() is the UTC day.
    options.today = expr::Date{static_cast<std::int32_t>(QDateTime::currentMSecsSinceEpoch() / 86'400'000)};
    return options;
}

}  // namespace

EntryDocument::EntryDocument(forms::FormTemplate form, forms::Submission submission, ChoiceLists choices,
                             forms::Language language, QObject* parent)
    : QObject(parent), m_form(std::move(form)), m_choices(std::move(choices)), m_language(language),
      m_base(std::move(submission))
{
    m_notes.insert(m_base.notes.begin(), m_base.notes.end());
    rebuild(m_base.values);
}

EntryDocument::~EntryDocument() = default;

void EntryDocument::rebuild(Json values)
{
    forms::Submission submission = m_base;
    submission.values = values.is_object() ? std::move(values) : Json::object();
    submission.notes.clear();
    submission.notes.insert(m_notes.begin(), m_notes.end());
    m_session = std::make_unique<validation::ValidationSession>(m_form, std::move(submission),
                                                                optionsFor(m_language, m_choices));
}

Json EntryDocument::value(const std::string& field) const
{
    const Json* found = jsonMember(values(), field);
    return found != nullptr ? *found : Json();
}

Json EntryDocument::cell(const std::string& roster, std::size_t row, const std::string& column) const
{
    const Json* rows = jsonMember(values(), roster);
    if (rows == nullptr || !rows->is_array() || row >= rows->size() || !(*rows)[row].is_object()) {
        return nullptr;
    }
    const Json* found = jsonMember((*rows)[row], column);
    return found != nullptr ? *found : Json();
}

std::size_t EntryDocument::rowCount(const std::string& roster) const
{
    const Json* rows = jsonMember(values(), roster);
    return rows != nullptr && rows->is_array() ? rows->size() : 0;
}

std::string EntryDocument::rowId(const std::string& roster, std::size_t row) const
{
    const Json id = cell(roster, row, "_id");
    return id.is_string() ? id.get<std::string>() : std::string();
}

void EntryDocument::changed(bool commit)
{
    emit validated();
    if (commit) {
        emit committed();
    }
}

void EntryDocument::setValue(const std::string& field, const Json& value, bool commit)
{
    if (m_session->setValue(field, value)) {
        changed(commit);
    }
}

void EntryDocument::setCell(const std::string& roster, std::size_t row, const std::string& column,
                            const Json& value, bool commit)
{
    if (m_session->setCell(roster, row, column, value)) {
        changed(commit);
    }
}

bool EntryDocument::canAddRow(const std::string& roster) const
{
    const forms::FieldDef* def = m_form.field(roster);
    return def != nullptr && (!def->maxRows || rowCount(roster) < *def->maxRows);
}

std::size_t EntryDocument::setCells(const std::string& roster, const std::vector<CellEdit>& edits)
{
    std::size_t added = 0;
    for (const CellEdit& edit : edits) {
        while (edit.row >= rowCount(roster) && canAddRow(roster)) {
            if (!m_session->addRow(roster, client::EntryService::newRowId())) {
                break;
            }
            ++added;
        }
        if (edit.row < rowCount(roster)) {
            (void)m_session->setCell(roster, edit.row, edit.column, edit.value);
        }
    }
    changed(true);
    return added;
}

std::size_t EntryDocument::addRow(const std::string& roster)
{
    auto row = m_session->addRow(roster, client::EntryService::newRowId());
    if (!row) {
        return rowCount(roster);
    }
    changed(true);
    return *row;
}

void EntryDocument::removeRows(const std::string& roster, std::size_t first, std::size_t count)
{
    // From the end, so indices stay valid; notes of removed rows are dropped with them.
    for (std::size_t i = first + count; i > first; --i) {
        const std::string id = rowId(roster, i - 1);
        if (!m_session->removeRow(roster, i - 1)) {
            continue;
        }
        const std::string prefix = roster + "[" + id + "].";
        for (auto it = m_notes.lower_bound(prefix); it != m_notes.end() && it->first.starts_with(prefix);) {
            m_session->setNote(it->first, "");
            it = m_notes.erase(it);
        }
    }
    changed(true);
}

void EntryDocument::moveRow(const std::string& roster, std::size_t from, std::size_t to)
{
    const std::size_t rows = rowCount(roster);
    if (from >= rows || to >= rows || from == to) {
        return;
    }
    // ValidationSession has no move: rebuild it from the reordered values (a move is rare; a rebuild is a full
    // validation, a few ms even for hundreds of rows).
    Json values = m_session->submission().values;
    Json& list = values[roster];
    Json moving = list[from];
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(from));
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(to), std::move(moving));
    rebuild(std::move(values));
    changed(true);
}

void EntryDocument::setNote(const std::string& key, const QString& text)
{
    const std::string value = text.normalized(QString::NormalizationForm_C).trimmed().toStdString();
    if (value.empty()) {
        m_notes.erase(key);
    } else {
        m_notes[key] = value;
    }
    m_session->setNote(key, value);
    changed(false);
}

}  // namespace dantoc::gui
