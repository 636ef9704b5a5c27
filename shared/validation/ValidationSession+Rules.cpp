// The rules of one field, roster or check, type conversion and what expressions see (values, prev()).
#include "base/Uuid.h"
#include "validation/SessionState.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace dantoc::validation {

using expr::Value;
using forms::FieldDef;
using forms::FieldType;
using forms::Severity;

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

bool isHex64(const std::string& s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

// Converts a submitted JSON value to an expression value of `type`; false if it has the wrong shape.
bool convert(FieldType type, const Json& raw, Value& out)
{
    out = Value();
    if (raw.is_null()) {
        return true;
    }
    switch (type) {
    case FieldType::Integer: {
        if (!raw.is_number()) {
            return false;
        }
        const double d = raw.get<double>();
        if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > kMaxExactInteger) {
            return false;
        }
        out = Value::number(d);
        return true;
    }
    case FieldType::Decimal: {
        if (!raw.is_number() || !std::isfinite(raw.get<double>())) {
            return false;
        }
        out = Value::number(raw.get<double>());
        return true;
    }
    case FieldType::Text:
    case FieldType::Choice:
        if (!raw.is_string()) {
            return false;
        }
        out = Value::text(raw.get<std::string>());
        return true;
    case FieldType::Date: {
        expr::Date date;
        if (!raw.is_string() || !expr::parseIsoDate(raw.get<std::string>(), date)) {
            return false;
        }
        out = Value::date(date);
        return true;
    }
    case FieldType::Choices: {
        if (!raw.is_array()) {
            return false;
        }
        Value::List codes;
        std::set<std::string> seen;
        for (const Json& item : raw) {
            if (!item.is_string() || !seen.insert(item.get<std::string>()).second) {
                return false;
            }
            codes.push_back(Value::text(item.get<std::string>()));
        }
        if (!codes.empty()) {  // nothing selected counts as unanswered
            out = Value::list(std::move(codes));
        }
        return true;
    }
    case FieldType::Boolean:
        if (!raw.is_boolean()) {
            return false;
        }
        out = Value::boolean(raw.get<bool>());
        return true;
    case FieldType::Gps: {
        if (!raw.is_object()) {
            return false;
        }
        for (const auto& [key, v] : raw.items()) {
            if ((key != "lat" && key != "lon" && key != "accuracy") || !v.is_number() ||
                !std::isfinite(v.get<double>())) {
                return false;
            }
        }
        const Json* lat = jsonMember(raw, "lat");
        const Json* lon = jsonMember(raw, "lon");
        const Json* accuracy = jsonMember(raw, "accuracy");
        if (lat == nullptr || lon == nullptr || std::fabs(lat->get<double>()) > 90.0 ||
            std::fabs(lon->get<double>()) > 180.0 || (accuracy != nullptr && accuracy->get<double>() < 0)) {
            return false;
        }
        out = Value::list({Value::number(lat->get<double>()), Value::number(lon->get<double>())});
        return true;
    }
    case FieldType::Attachment: {
        if (!raw.is_object()) {
            return false;
        }
        for (const auto& [key, v] : raw.items()) {
            if (key != "sha256" && key != "name" && key != "size" && key != "mime") {
                return false;
            }
        }
        const std::string* sha = jsonString(raw, "sha256");
        const std::string* name = jsonString(raw, "name");
        const std::string* mime = jsonString(raw, "mime");
        const Json* size = jsonMember(raw, "size");
        if (sha == nullptr || !isHex64(*sha) || name == nullptr || name->empty() || mime == nullptr ||
            mime->empty() || size == nullptr || !size->is_number_integer() ||
            (!size->is_number_unsigned() && size->get<std::int64_t>() < 0)) {
            return false;
        }
        out = Value::text(*sha);
        return true;
    }
    case FieldType::Roster:
    case FieldType::Computed: return false;
    }
    return false;
}

// A computed result as the declared type; anything else is null.
Value coerce(Value v, FieldType type)
{
    switch (type) {
    case FieldType::Integer:
    case FieldType::Decimal: return v.isNumber() && std::isfinite(v.asNumber()) ? v : Value();
    case FieldType::Text: return v.isText() ? v : Value();
    case FieldType::Date: return v.isDate() ? v : Value();
    case FieldType::Boolean: return v.isBool() ? v : Value();
    default: return Value();
    }
}

bool sameValue(const Value& a, const Value& b)
{
    if (a.isNumber() && b.isNumber()) {
        const double x = a.asNumber();
        const double y = b.asNumber();
        return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
    }
    return a == b;
}

std::size_t codePoints(const std::string& s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

Value ValidationSession::Context::currentRow(std::string_view column) const
{
    if (m_roster < 0 || m_row < 0) {
        return {};
    }
    const int pos = m_session.columnPosition(m_roster, column);
    if (pos < 0) {
        return {};
    }
    return m_session.m_rosters[static_cast<std::size_t>(m_roster)]
        .rows[static_cast<std::size_t>(m_row)]
        .cells[static_cast<std::size_t>(pos)]
        .value;
}

void ValidationSession::setRaw(Slot& target, const FieldDef& def, const Json& raw)
{
    target.raw = raw;
    target.typeError = !convert(def.valueType, raw, target.typed);
}

void ValidationSession::loadPrevious()
{
    const std::size_t n = m_form.fields().size();
    m_prevTop.assign(n, Value());
    m_prevColumn.assign(n, Value());
    m_prevRows.assign(n, {});
    if (m_options.previous == nullptr || !m_options.previous->values.is_object()) {
        return;
    }
    const Json& values = m_options.previous->values;
    for (int f : m_form.topLevelFields()) {
        const FieldDef& def = m_form.fields()[static_cast<std::size_t>(f)];
        const Json* raw = jsonMember(values, def.name);
        if (raw == nullptr) {
            continue;
        }
        if (!def.isRoster()) {
            convert(def.valueType, *raw, m_prevTop[static_cast<std::size_t>(f)]);
            continue;
        }
        if (!raw->is_array()) {
            continue;
        }
        std::vector<Value::List> columns(def.columns.size());
        Value::List ids;
        for (const Json& element : *raw) {
            if (!element.is_object()) {
                continue;
            }
            const std::string* id = jsonString(element, "_id");
            std::vector<Value> cells(def.columns.size());
            for (std::size_t pos = 0; pos < def.columns.size(); ++pos) {
                const FieldDef& column = m_form.fields()[static_cast<std::size_t>(def.columns[pos])];
                if (const Json* cell = jsonMember(element, column.column)) {
                    convert(column.valueType, *cell, cells[pos]);
                }
                columns[pos].push_back(cells[pos]);
            }
            ids.push_back(Value::text(id != nullptr ? *id : std::string()));
            if (id != nullptr) {
                m_prevRows[static_cast<std::size_t>(f)].emplace_back(*id, std::move(cells));
            }
        }
        m_prevTop[static_cast<std::size_t>(f)] = Value::list(std::move(ids));
        for (std::size_t pos = 0; pos < def.columns.size(); ++pos) {
            m_prevColumn[static_cast<std::size_t>(def.columns[pos])] = Value::list(std::move(columns[pos]));
        }
    }
}

Value ValidationSession::lookup(std::string_view path, int /*roster*/, int /*row*/) const
{
    const int index = m_form.fieldIndex(path);
    if (index < 0) {
        return {};
    }
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(index)];
    if (def.roster < 0 && !def.isRoster()) {
        return m_top[static_cast<std::size_t>(index)].value;
    }
    if (def.isRoster()) {
        // the roster itself: one element (its _id) per row, so count(members) works
        if (!m_top[static_cast<std::size_t>(index)].relevant) {
            return {};
        }
        Value::List ids;
        for (const Row& row : m_rosters[static_cast<std::size_t>(index)].rows) {
            ids.push_back(Value::text(row.id));
        }
        return Value::list(std::move(ids));
    }
    auto& cached = m_columnCache[static_cast<std::size_t>(index)];
    if (!cached) {
        Value::List items;
        const int pos = m_columnPos[static_cast<std::size_t>(index)];
        for (const Row& row : m_rosters[static_cast<std::size_t>(def.roster)].rows) {
            items.push_back(row.cells[static_cast<std::size_t>(pos)].value);
        }
        cached = Value::list(std::move(items));
    }
    return *cached;
}

Value ValidationSession::previousValue(std::string_view path, int roster, int row) const
{
    if (!path.empty() && path.front() == '.') {
        if (roster < 0 || row < 0) {
            return {};
        }
        const int pos = columnPosition(roster, path.substr(1));
        const std::string& id = m_rosters[static_cast<std::size_t>(roster)].rows[static_cast<std::size_t>(row)].id;
        if (pos < 0 || id.empty()) {
            return {};
        }
        for (const auto& [prevId, cells] : m_prevRows[static_cast<std::size_t>(roster)]) {
            if (prevId == id) {
                return cells[static_cast<std::size_t>(pos)];
            }
        }
        return {};
    }
    const int index = m_form.fieldIndex(path);
    if (index < 0) {
        return {};
    }
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(index)];
    return def.roster >= 0 ? m_prevColumn[static_cast<std::size_t>(index)] : m_prevTop[static_cast<std::size_t>(index)];
}

void ValidationSession::evaluateValue(int field, int row)
{
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(field)];
    Slot& s = slot(field, row);
    const Context context(*this, def.roster, row);
    bool relevant = def.roster < 0 || m_top[static_cast<std::size_t>(def.roster)].relevant;
    if (relevant && def.relevant) {
        relevant = def.relevant->evaluateCondition(context) == 1;
    }
    s.relevant = relevant;
    Value v;
    if (relevant && def.isComputed()) {
        v = coerce(def.calculate->evaluate(context), def.valueType);
    } else if (relevant && !def.isRoster()) {
        v = s.typed;
    }
    if (def.roster >= 0 && !(v == s.value)) {
        m_columnCache[static_cast<std::size_t>(field)].reset();
    }
    s.value = std::move(v);
}

std::string ValidationSession::message(std::string_view code, const MessageParams& params) const
{
    return formatMessage(defaultMessage(code).in(m_options.language), params);
}

std::string ValidationSession::noteKey(int field, int row) const
{
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(field)];
    if (def.roster < 0) {
        return def.name;
    }
    const FieldDef& roster = m_form.fields()[static_cast<std::size_t>(def.roster)];
    return roster.name + "[" + m_rosters[static_cast<std::size_t>(def.roster)].rows[static_cast<std::size_t>(row)].id +
           "]." + def.column;
}

void ValidationSession::addIssue(std::vector<Issue>& out, int field, int row, std::string code, Severity severity,
                                 std::string text, const std::string& noteKeyForWarning) const
{
    Issue issue;
    if (field >= 0) {
        const FieldDef& def = m_form.fields()[static_cast<std::size_t>(field)];
        issue.field = def.name;
        if (def.roster >= 0 && row >= 0) {
            issue.row = static_cast<std::size_t>(row);
            issue.rowId = m_rosters[static_cast<std::size_t>(def.roster)].rows[static_cast<std::size_t>(row)].id;
        }
    }
    issue.code = std::move(code);
    issue.severity = severity;
    issue.message = std::move(text);
    const bool needsNote = severity == Severity::Warning && !noteKeyForWarning.empty();
    if (needsNote) {
        const auto note = m_submission.notes.find(noteKeyForWarning);
        const bool explained = note != m_submission.notes.end() &&
                               note->second.find_first_not_of(" \t\r\n") != std::string::npos;
        out.push_back(issue);
        if (!explained) {
            Issue unexplained = issue;
            unexplained.code = "warning_unexplained";
            unexplained.severity = Severity::Error;
            unexplained.message = message("warning_unexplained", {{"warning", issue.message}});
            out.push_back(std::move(unexplained));
        }
        return;
    }
    out.push_back(std::move(issue));
}

void ValidationSession::evaluateIssues(int field, int row)
{
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(field)];
    if (def.isRoster()) {
        evaluateRosterIssues(field);
        return;
    }
    Slot& s = slot(field, row);
    auto& out = s.issues;
    out.clear();
    const forms::Language lang = m_options.language;
    const std::string none;
    if (!s.relevant) {
        // inside a roster that does not apply, the roster's own warning covers its cells
        const bool rosterApplies = def.roster < 0 || m_top[static_cast<std::size_t>(def.roster)].relevant;
        if (!s.raw.is_null() && rosterApplies) {
            addIssue(out, field, row, "not_relevant_value", Severity::Warning, message("not_relevant_value", {}), none);
        }
        return;
    }
    if (def.isComputed()) {
        if (!s.raw.is_null() && (s.typeError || !sameValue(s.typed, s.value))) {
            addIssue(out, field, row, "computed_mismatch", Severity::Error,
                     message("computed_mismatch", {{"expected", s.value.toString()}}), none);
        }
    } else if (s.typeError) {
        addIssue(out, field, row, "type", Severity::Error,
                 message("type", {{"expected", typeDescription(def.type).in(lang)}}), none);
        return;
    }
    const Value& v = s.value;
    if (v.isNull()) {
        bool required = def.required;
        if (!required && def.requiredIf) {
            required = def.requiredIf->evaluateCondition(Context(*this, def.roster, row)) == 1;
        }
        if (required && !def.isComputed()) {
            addIssue(out, field, row, "required", Severity::Error, message("required", {}), none);
        }
        return;
    }
    // Built-in rules.
    const auto bound = [&](double b) {
        return def.valueType == FieldType::Date ? expr::formatIsoDate(expr::Date{static_cast<std::int32_t>(b)})
                                                : formatNumber(b);
    };
    const double magnitude = v.isNumber() ? v.asNumber() : v.isDate() ? static_cast<double>(v.asDate().days) : 0.0;
    if (v.isNumber() || v.isDate()) {
        if (def.min && magnitude < *def.min) {
            addIssue(out, field, row, "min", Severity::Error, message("min", {{"min", bound(*def.min)}}), none);
        }
        if (def.max && magnitude > *def.max) {
            addIssue(out, field, row, "max", Severity::Error, message("max", {{"max", bound(*def.max)}}), none);
        }
    }
    if (def.type == FieldType::Text && v.isText()) {
        const std::size_t length = codePoints(v.asText());
        if (def.minLength && length < *def.minLength) {
            addIssue(out, field, row, "min_length", Severity::Error,
                     message("min_length", {{"min_length", std::to_string(*def.minLength)}}), none);
        }
        if (def.maxLength && length > *def.maxLength) {
            addIssue(out, field, row, "max_length", Severity::Error,
                     message("max_length", {{"max_length", std::to_string(*def.maxLength)}}), none);
        }
        if (def.regex && !RE2::FullMatch(v.asText(), *def.regex)) {
            addIssue(out, field, row, "regex", Severity::Error, message("regex", {}), none);
        }
    }
    if (def.hasChoices()) {
        const auto known = [&](const std::string& code) {
            if (!def.choicesFrom.empty()) {
                const auto* catalogs = m_options.catalogs;
                return catalogs == nullptr || !catalogs->hasList(def.choicesFrom) ||
                       catalogs->contains(def.choicesFrom, code);
            }
            return def.findChoice(code) != nullptr;
        };
        const auto checkCode = [&](const Value& code) {
            if (code.isText() && !known(code.asText())) {
                addIssue(out, field, row, "not_in_choices", Severity::Error,
                         message("not_in_choices", {{"value", code.asText()}}), none);
            }
        };
        if (v.isList()) {
            for (const Value& code : v.asList()) {
                checkCode(code);
            }
        } else {
            checkCode(v);
        }
    }
    if (!def.constraints.empty()) {
        const Context context(*this, def.roster, row);
        for (const forms::Constraint& c : def.constraints) {
            if (c.expression.evaluateCondition(context) != 0) {
                continue;  // true, or not computable yet (null): nothing to report
            }
            std::string text = c.message.empty() ? message("constraint", {{"expression", c.expression.source()}})
                                                 : c.message.in(lang);
            addIssue(out, field, row, "constraint", c.severity, std::move(text), noteKey(field, row));
        }
    }
}

void ValidationSession::evaluateRosterIssues(int roster)
{
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(roster)];
    Slot& s = m_top[static_cast<std::size_t>(roster)];
    auto& out = s.issues;
    out.clear();
    const std::string none;
    const std::size_t rows = m_rosters[static_cast<std::size_t>(roster)].rows.size();
    if (s.typeError) {
        addIssue(out, roster, -1, "type", Severity::Error,
                 message("type", {{"expected", typeDescription(FieldType::Roster).in(m_options.language)}}), none);
        return;
    }
    if (!s.relevant) {
        if (rows > 0) {
            addIssue(out, roster, -1, "not_relevant_value", Severity::Warning, message("not_relevant_value", {}), none);
        }
        return;
    }
    bool required = def.required;
    if (!required && def.requiredIf) {
        required = def.requiredIf->evaluateCondition(Context(*this, -1, -1)) == 1;
    }
    if (rows == 0 && required) {
        addIssue(out, roster, -1, "required", Severity::Error, message("required", {}), none);
    } else if (rows < def.minRows) {
        addIssue(out, roster, -1, "roster_min_rows", Severity::Error,
                 message("roster_min_rows", {{"min_rows", std::to_string(def.minRows)}}), none);
    }
    if (def.maxRows && rows > *def.maxRows) {
        addIssue(out, roster, -1, "roster_max_rows", Severity::Error,
                 message("roster_max_rows", {{"max_rows", std::to_string(*def.maxRows)}}), none);
    }
}

void ValidationSession::evaluateCheck(int check)
{
    const forms::FormCheck& c = m_form.checks()[static_cast<std::size_t>(check)];
    auto& out = m_checkIssues[static_cast<std::size_t>(check)];
    out.clear();
    if (c.expression.evaluateCondition(Context(*this, -1, -1)) != 0) {
        return;
    }
    const int field = c.fields.empty() ? -1 : m_form.fieldIndex(c.fields.front());
    std::string text = c.message.in(m_options.language);
    if (text.empty()) {
        text = message("check", {{"check", c.id}});
    }
    const std::size_t before = out.size();
    // a check is about the form, not one roster row: attach it to the field without a row
    addIssue(out, -1, -1, "check", c.severity, std::move(text), "check:" + c.id);
    for (std::size_t i = before; i < out.size(); ++i) {
        out[i].field = field >= 0 ? m_form.fields()[static_cast<std::size_t>(field)].name : std::string();
        out[i].check = c.id;
    }
}

Value ValidationSession::value(std::string_view field) const { return lookup(field, -1, -1); }

Value ValidationSession::cellValue(std::string_view roster, std::size_t row, std::string_view column) const
{
    const int r = m_form.fieldIndex(roster);
    if (r < 0 || !m_form.fields()[static_cast<std::size_t>(r)].isRoster()) {
        return {};
    }
    const auto& rows = m_rosters[static_cast<std::size_t>(r)].rows;
    const int pos = columnPosition(r, column);
    if (row >= rows.size() || pos < 0) {
        return {};
    }
    return rows[row].cells[static_cast<std::size_t>(pos)].value;
}

bool ValidationSession::isRelevant(std::string_view field) const
{
    const int index = m_form.fieldIndex(field);
    if (index < 0) {
        return false;
    }
    const FieldDef& def = m_form.fields()[static_cast<std::size_t>(index)];
    return def.roster < 0 ? m_top[static_cast<std::size_t>(index)].relevant
                          : m_top[static_cast<std::size_t>(def.roster)].relevant;
}

}  // namespace dantoc::validation
