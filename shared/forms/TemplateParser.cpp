#include "forms/TemplateParser.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <queue>

namespace dantoc::forms {

namespace {

// Thrown inside the parser only; run() turns it into a Status.
struct TemplateError {
    Status status;
};

constexpr std::size_t kMaxFields = 20000;
constexpr std::size_t kMaxChoices = 10000;
constexpr std::size_t kMaxRowsLimit = 100000;
constexpr std::size_t kMaxRegexLength = 1000;
constexpr std::size_t kMaxExpressionLength = 8192;
constexpr std::size_t kMaxTextLength = 4096;

[[noreturn]] void fail(const std::string& path, const std::string& message)
{
    throw TemplateError{Status(ErrorCode::InvalidArgument, path + ": " + message)};
}

std::string jsonTypeName(const Json& v)
{
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "an array";
    return "an object";
}

void requireObject(const Json& v, const std::string& path)
{
    if (!v.is_object()) {
        fail(path, "expected an object, found " + jsonTypeName(v));
    }
}

const Json& requireArray(const Json& object, const char* key, const std::string& path)
{
    const Json* v = jsonMember(object, key);
    if (v == nullptr) {
        fail(path, std::string("missing \"") + key + "\"");
    }
    if (!v->is_array()) {
        fail(path + "." + key, "expected an array, found " + jsonTypeName(*v));
    }
    return *v;
}

std::string requireString(const Json& object, const char* key, const std::string& path, bool required = true)
{
    const Json* v = jsonMember(object, key);
    if (v == nullptr) {
        if (required) {
            fail(path, std::string("missing \"") + key + "\"");
        }
        return {};
    }
    if (!v->is_string()) {
        fail(path + "." + key, "expected a string, found " + jsonTypeName(*v));
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > kMaxTextLength) {
        fail(path + "." + key, "text longer than " + std::to_string(kMaxTextLength) + " bytes");
    }
    return s;
}

bool isIdentifier(std::string_view s)
{
    if (s.empty() || s.size() > 64) {
        return false;
    }
    const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (!alpha(s[0])) {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [&](char c) { return alpha(c) || digit(c) || c == '_'; });
}

bool isCode(std::string_view s)
{
    if (s.empty() || s.size() > 64) {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.';
    });
}

std::string requireIdentifier(const Json& object, const char* key, const std::string& path)
{
    std::string s = requireString(object, key, path);
    if (!isIdentifier(s)) {
        fail(path + "." + key, "'" + s + "' is not an identifier (a letter, then letters, digits or _; at most 64)");
    }
    return s;
}

void checkKeys(const Json& object, const std::string& path, std::initializer_list<std::string_view> allowed)
{
    for (const auto& [key, value] : object.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            fail(path.empty() ? key : path + "." + key, "unknown key");
        }
    }
}

std::optional<std::size_t> optionalCount(const Json& object, const char* key, const std::string& path)
{
    const Json* v = jsonMember(object, key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_number_integer() || (v->is_number_integer() && !v->is_number_unsigned() && v->get<std::int64_t>() < 0)) {
        fail(path + "." + key, "expected a non-negative integer, found " + jsonTypeName(*v));
    }
    const auto n = v->get<std::uint64_t>();
    if (n > kMaxRowsLimit) {
        fail(path + "." + key, "at most " + std::to_string(kMaxRowsLimit));
    }
    return static_cast<std::size_t>(n);
}

Severity parseSeverity(const Json& object, const std::string& path)
{
    const std::string s = requireString(object, "severity", path, false);
    if (s.empty() || s == "error") {
        return Severity::Error;
    }
    if (s == "warning") {
        return Severity::Warning;
    }
    fail(path + ".severity", "expected \"error\" or \"warning\", found '" + s + "'");
}

// Keys every field may have, and the extra keys per type.
constexpr std::array<std::string_view, 11> kCommonKeys = {"name",       "label",      "hint",   "type",
                                                           "required",   "relevant",   "constraint",
                                                           "message",    "severity",   "constraints",
                                                           "indicator"};
constexpr std::array<std::string_view, 13> kTypedKeys = {"min",         "max",       "min_length", "max_length",
                                                         "regex",       "choices",   "choices_from", "calculate",
                                                         "result_type", "fields",    "min_rows",   "max_rows",
                                                         "disaggregate_by"};

bool keyAppliesTo(std::string_view key, FieldType type, FieldType valueType)
{
    const auto numericOrDate = [](FieldType t) {
        return t == FieldType::Integer || t == FieldType::Decimal || t == FieldType::Date;
    };
    if (key == "min" || key == "max") {
        return numericOrDate(valueType);
    }
    if (key == "min_length" || key == "max_length" || key == "regex") {
        return type == FieldType::Text;
    }
    if (key == "choices" || key == "choices_from") {
        return type == FieldType::Choice || type == FieldType::Choices;
    }
    if (key == "calculate" || key == "result_type") {
        return type == FieldType::Computed;
    }
    if (key == "fields" || key == "min_rows" || key == "max_rows" || key == "disaggregate_by") {
        return type == FieldType::Roster;
    }
    if (key == "constraint" || key == "constraints" || key == "message" || key == "severity") {
        return type != FieldType::Roster;
    }
    if (key == "required") {
        return type != FieldType::Computed;
    }
    return true;
}

}  // namespace

bool isKnownChoiceList(std::string_view listId)
{
    return listId == "ethnic_groups" || listId == "religions" || listId == "admin_units:province" ||
           listId == "admin_units:district" || listId == "admin_units:commune" || listId == "admin_units:village";
}

LocalizedText TemplateParser::parseText(const Json& value, const std::string& path, bool required)
{
    requireObject(value, path);
    checkKeys(value, path, {"vi", "en"});
    LocalizedText text;
    text.vi = requireString(value, "vi", path, required);
    text.en = requireString(value, "en", path, false);
    if (required && text.vi.empty()) {
        fail(path + ".vi", "must not be empty");
    }
    return text;
}

expr::Expression TemplateParser::parseExpression(const Json& value, const std::string& path)
{
    if (!value.is_string()) {
        fail(path, "expected an expression string, found " + jsonTypeName(value));
    }
    const auto& source = value.get_ref<const std::string&>();
    if (source.size() > kMaxExpressionLength) {
        fail(path, "expression longer than " + std::to_string(kMaxExpressionLength) + " bytes");
    }
    auto parsed = expr::Expression::parse(source);
    if (!parsed) {
        fail(path, parsed.status().message());
    }
    return std::move(parsed).value();
}

Result<FormTemplate> TemplateParser::run(const Json& document)
{
    try {
        parseHeader(document);
        const Json& sections = requireArray(document, "sections", "template");
        if (sections.empty()) {
            fail("sections", "a form needs at least one section");
        }
        for (std::size_t i = 0; i < sections.size(); ++i) {
            parseSection(sections[i], "sections[" + std::to_string(i) + "]");
        }
        if (const Json* checks = jsonMember(document, "checks")) {
            if (!checks->is_array()) {
                fail("checks", "expected an array, found " + jsonTypeName(*checks));
            }
            for (std::size_t i = 0; i < checks->size(); ++i) {
                parseCheck((*checks)[i], "checks[" + std::to_string(i) + "]");
            }
        }
        checkReferences();
        buildGraph();
    } catch (const TemplateError& e) {
        return e.status;
    } catch (const Json::exception& e) {  // defensive: a typed accessor on an unexpected value
        return Status(ErrorCode::InvalidArgument, std::string("template: ") + e.what());
    }
    return std::move(m_template);
}

void TemplateParser::parseHeader(const Json& document)
{
    if (!document.is_object()) {
        fail("template", "expected an object, found " + jsonTypeName(document));
    }
    checkKeys(document, "",
              {"format_version", "id", "version", "title", "description", "unit_level", "period_type", "sections",
               "checks"});
    if (const Json* format = jsonMember(document, "format_version")) {
        if (!format->is_number_integer() || format->get<std::int64_t>() != 1) {
            fail("format_version", "only format_version 1 is supported");
        }
    }
    m_template.m_id = requireString(document, "id", "template");
    if (!isCode(m_template.m_id)) {
        fail("id", "'" + m_template.m_id + "' is not a valid form id (letters, digits, _ - .; at most 64)");
    }
    const Json* version = jsonMember(document, "version");
    if (version == nullptr) {
        fail("template", "missing \"version\"");
    }
    if (!version->is_number_integer() || version->get<std::int64_t>() < 1 ||
        version->get<std::int64_t>() > 1000000000) {
        fail("version", "expected a positive integer, found " + version->dump());
    }
    m_template.m_version = version->get<int>();
    const Json* title = jsonMember(document, "title");
    if (title == nullptr) {
        fail("template", "missing \"title\"");
    }
    m_template.m_title = parseText(*title, "title", true);
    if (const Json* description = jsonMember(document, "description")) {
        m_template.m_description = parseText(*description, "description", false);
    }
    m_template.m_unitLevel = requireString(document, "unit_level", "template");
    static constexpr std::array<std::string_view, 6> kLevels = {"province", "district", "commune",
                                                                "village",  "household", "person"};
    if (std::find(kLevels.begin(), kLevels.end(), m_template.m_unitLevel) == kLevels.end()) {
        fail("unit_level", "unknown unit level '" + m_template.m_unitLevel +
                               "' (province, district, commune, village, household, person)");
    }
    const std::string period = requireString(document, "period_type", "template");
    static constexpr std::array<PeriodType, 5> kPeriods = {PeriodType::Yearly, PeriodType::HalfYearly,
                                                           PeriodType::Quarterly, PeriodType::AdHoc,
                                                           PeriodType::Survey};
    const auto found = std::find_if(kPeriods.begin(), kPeriods.end(),
                                    [&](PeriodType p) { return periodTypeName(p) == period; });
    if (found == kPeriods.end()) {
        fail("period_type", "unknown period type '" + period + "' (yearly, half_yearly, quarterly, ad_hoc, survey)");
    }
    m_template.m_periodType = *found;
}

void TemplateParser::parseSection(const Json& section, const std::string& path)
{
    requireObject(section, path);
    checkKeys(section, path, {"id", "title", "fields"});
    Section s;
    s.id = requireIdentifier(section, "id", path);
    for (const Section& other : m_template.m_sections) {
        if (other.id == s.id) {
            fail(path + ".id", "duplicate section id '" + s.id + "'");
        }
    }
    const Json* title = jsonMember(section, "title");
    if (title == nullptr) {
        fail(path, "missing \"title\"");
    }
    s.title = parseText(*title, path + ".title", true);
    const Json& fields = requireArray(section, "fields", path);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const int index = parseField(fields[i], path + ".fields[" + std::to_string(i) + "]", s.id, -1);
        s.fields.push_back(index);
        m_template.m_topLevel.push_back(index);
    }
    m_template.m_sections.push_back(std::move(s));
}

int TemplateParser::parseField(const Json& field, const std::string& path, const std::string& section, int roster)
{
    requireObject(field, path);
    if (m_template.m_fields.size() >= kMaxFields) {
        fail(path, "more than " + std::to_string(kMaxFields) + " fields");
    }
    for (const auto& [key, value] : field.items()) {
        if (std::find(kCommonKeys.begin(), kCommonKeys.end(), key) == kCommonKeys.end() &&
            std::find(kTypedKeys.begin(), kTypedKeys.end(), key) == kTypedKeys.end()) {
            fail(path + "." + key, "unknown key");
        }
    }
    FieldDef def;
    def.column = requireIdentifier(field, "name", path);
    static constexpr std::array<std::string_view, 8> kReserved = {"and",  "or",    "not",  "in",
                                                                  "true", "false", "null", "current"};
    if (std::find(kReserved.begin(), kReserved.end(), def.column) != kReserved.end()) {
        fail(path + ".name", "'" + def.column + "' is a reserved word of the expression language");
    }
    def.roster = roster;
    def.section = section;
    def.name = roster >= 0 ? m_template.m_fields[static_cast<std::size_t>(roster)].name + "." + def.column : def.column;
    if (m_template.m_index.count(def.name) != 0) {
        fail(path + ".name", "duplicate field name '" + def.name + "'");
    }
    const std::string typeName = requireString(field, "type", path);
    const auto type = fieldTypeFromName(typeName);
    if (!type) {
        fail(path + ".type", "unknown field type '" + typeName +
                                 "' (integer, decimal, text, date, choice, choices, boolean, gps, attachment, "
                                 "roster, computed)");
    }
    def.type = *type;
    def.valueType = *type;
    if (def.type == FieldType::Roster && roster >= 0) {
        fail(path + ".type", "rosters cannot be nested");
    }
    if (def.type == FieldType::Computed) {
        const std::string result = requireString(field, "result_type", path);
        const auto resultType = fieldTypeFromName(result);
        if (!resultType || (*resultType != FieldType::Integer && *resultType != FieldType::Decimal &&
                            *resultType != FieldType::Text && *resultType != FieldType::Date &&
                            *resultType != FieldType::Boolean)) {
            fail(path + ".result_type", "expected integer, decimal, text, date or boolean, found '" + result + "'");
        }
        def.valueType = *resultType;
    }
    for (const auto& [key, value] : field.items()) {
        if (!keyAppliesTo(key, def.type, def.valueType)) {
            fail(path + "." + key, "\"" + key + "\" does not apply to a " + std::string(fieldTypeName(def.type)) +
                                       " field");
        }
    }
    const Json* label = jsonMember(field, "label");
    if (label == nullptr) {
        fail(path, "missing \"label\"");
    }
    def.label = parseText(*label, path + ".label", true);
    if (const Json* hint = jsonMember(field, "hint")) {
        def.hint = parseText(*hint, path + ".hint", false);
    }
    if (const Json* indicator = jsonMember(field, "indicator")) {
        if (!indicator->is_string() || !isCode(indicator->get_ref<const std::string&>())) {
            fail(path + ".indicator", "expected an indicator code (letters, digits, _ - .)");
        }
        def.indicator = indicator->get<std::string>();
    }

    const int index = static_cast<int>(m_template.m_fields.size());
    // Rules first (they only read `field`), then register the field, then its roster columns.
    const std::size_t pendingBefore = m_pending.size();
    parseFieldRules(field, path, def);
    for (std::size_t i = pendingBefore; i < m_pending.size(); ++i) {
        m_pending[i].node = index;
        m_pending[i].roster = roster;
    }
    m_template.m_index.emplace(def.name, index);
    m_template.m_fields.push_back(std::move(def));
    m_fieldPaths.push_back(path);
    if (m_template.m_fields[static_cast<std::size_t>(index)].isRoster()) {
        parseRoster(field, path, index);
        // A roster's own relevant is evaluated outside any row.
        for (std::size_t i = pendingBefore; i < m_pending.size(); ++i) {
            if (m_pending[i].node == index) {
                m_pending[i].roster = -1;
            }
        }
    }
    return index;
}

void TemplateParser::parseFieldRules(const Json& field, const std::string& path, FieldDef& def)
{
    if (const Json* required = jsonMember(field, "required")) {
        if (required->is_boolean()) {
            def.required = required->get<bool>();
        } else if (required->is_string()) {
            def.requiredIf = parseExpression(*required, path + ".required");
            m_pending.push_back({path + ".required", def.requiredIf->references(), -1, 0, false});
        } else {
            fail(path + ".required", "expected a boolean or an expression, found " + jsonTypeName(*required));
        }
    }
    if (const Json* relevant = jsonMember(field, "relevant")) {
        def.relevant = parseExpression(*relevant, path + ".relevant");
        m_pending.push_back({path + ".relevant", def.relevant->references(), -1, 0, true});
    }
    if (const Json* calculate = jsonMember(field, "calculate")) {
        def.calculate = parseExpression(*calculate, path + ".calculate");
        m_pending.push_back({path + ".calculate", def.calculate->references(), -1, 0, true});
    } else if (def.isComputed()) {
        fail(path, "missing \"calculate\"");
    }

    // Bounds: numbers, or ISO dates for date values.
    const auto bound = [&](const char* key) -> std::optional<double> {
        const Json* v = jsonMember(field, key);
        if (v == nullptr) {
            return std::nullopt;
        }
        if (def.valueType == FieldType::Date) {
            expr::Date date;
            if (!v->is_string() || !expr::parseIsoDate(v->get<std::string>(), date)) {
                fail(path + "." + key, "expected a date \"YYYY-MM-DD\", found " + v->dump());
            }
            return static_cast<double>(date.days);
        }
        if (!v->is_number() || !std::isfinite(v->get<double>())) {
            fail(path + "." + key, "expected a finite number, found " + jsonTypeName(*v));
        }
        return v->get<double>();
    };
    def.min = bound("min");
    def.max = bound("max");
    if (def.min && def.max && *def.min > *def.max) {
        fail(path + ".min", "min is greater than max");
    }
    def.minLength = optionalCount(field, "min_length", path);
    def.maxLength = optionalCount(field, "max_length", path);
    if (def.minLength && def.maxLength && *def.minLength > *def.maxLength) {
        fail(path + ".min_length", "min_length is greater than max_length");
    }
    if (jsonMember(field, "regex") != nullptr) {
        def.regexSource = requireString(field, "regex", path);
        if (def.regexSource.size() > kMaxRegexLength) {
            fail(path + ".regex", "pattern longer than " + std::to_string(kMaxRegexLength) + " bytes");
        }
        RE2::Options options;
        options.set_log_errors(false);
        options.set_max_mem(1 << 20);
        auto regex = std::make_shared<re2::RE2>(def.regexSource, options);
        if (!regex->ok()) {
            fail(path + ".regex", "invalid regular expression: " + regex->error());
        }
        def.regex = std::move(regex);
    }

    // Constraints: one inline (constraint/message/severity) and/or a list.
    const auto addConstraint = [&](const Json& holder, const Json& expression, const std::string& at) {
        Constraint c;
        c.expression = parseExpression(expression, at);
        if (const Json* message = jsonMember(holder, "message")) {
            c.message = parseText(*message, at.substr(0, at.rfind('.')) + ".message", false);
        }
        c.severity = parseSeverity(holder, at.substr(0, at.rfind('.')));
        m_pending.push_back({at, c.expression.references(), -1, 0, false});
        def.constraints.push_back(std::move(c));
    };
    if (const Json* constraint = jsonMember(field, "constraint")) {
        addConstraint(field, *constraint, path + ".constraint");
    } else if (jsonMember(field, "message") != nullptr || jsonMember(field, "severity") != nullptr) {
        fail(path, "\"message\" and \"severity\" need a \"constraint\"");
    }
    if (const Json* list = jsonMember(field, "constraints")) {
        if (!list->is_array()) {
            fail(path + ".constraints", "expected an array, found " + jsonTypeName(*list));
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = path + ".constraints[" + std::to_string(i) + "]";
            const Json& item = (*list)[i];
            requireObject(item, at);
            checkKeys(item, at, {"expression", "message", "severity"});
            const Json* expression = jsonMember(item, "expression");
            if (expression == nullptr) {
                fail(at, "missing \"expression\"");
            }
            addConstraint(item, *expression, at + ".expression");
        }
    }
    parseChoices(field, path, def);
}

void TemplateParser::parseChoices(const Json& field, const std::string& path, FieldDef& def)
{
    if (def.type != FieldType::Choice && def.type != FieldType::Choices) {
        return;
    }
    const Json* inlineChoices = jsonMember(field, "choices");
    const Json* from = jsonMember(field, "choices_from");
    if ((inlineChoices == nullptr) == (from == nullptr)) {
        fail(path, "a choice field needs exactly one of \"choices\" or \"choices_from\"");
    }
    if (from != nullptr) {
        def.choicesFrom = requireString(field, "choices_from", path);
        if (!isKnownChoiceList(def.choicesFrom)) {
            fail(path + ".choices_from", "unknown choice list '" + def.choicesFrom +
                                             "' (ethnic_groups, religions, admin_units:<province|district|"
                                             "commune|village>)");
        }
        return;
    }
    if (!inlineChoices->is_array() || inlineChoices->empty()) {
        fail(path + ".choices", "expected a non-empty array of {code, label}");
    }
    if (inlineChoices->size() > kMaxChoices) {
        fail(path + ".choices", "more than " + std::to_string(kMaxChoices) + " choices");
    }
    for (std::size_t i = 0; i < inlineChoices->size(); ++i) {
        const std::string at = path + ".choices[" + std::to_string(i) + "]";
        const Json& item = (*inlineChoices)[i];
        requireObject(item, at);
        checkKeys(item, at, {"code", "label"});
        Choice choice;
        choice.code = requireString(item, "code", at);
        if (!isCode(choice.code)) {
            fail(at + ".code", "'" + choice.code + "' is not a valid code (letters, digits, _ - .; at most 64)");
        }
        if (def.findChoice(choice.code) != nullptr) {
            fail(at + ".code", "duplicate choice code '" + choice.code + "'");
        }
        const Json* label = jsonMember(item, "label");
        if (label == nullptr) {
            fail(at, "missing \"label\"");
        }
        choice.label = parseText(*label, at + ".label", true);
        def.choices.push_back(std::move(choice));
    }
}

void TemplateParser::parseRoster(const Json& field, const std::string& path, int index)
{
    const auto at = [&]() -> FieldDef& { return m_template.m_fields[static_cast<std::size_t>(index)]; };
    const auto minRows = optionalCount(field, "min_rows", path);
    const auto maxRows = optionalCount(field, "max_rows", path);
    if (minRows && maxRows && *minRows > *maxRows) {
        fail(path + ".min_rows", "min_rows is greater than max_rows");
    }
    at().minRows = minRows.value_or(0);
    at().maxRows = maxRows;
    const Json& columns = requireArray(field, "fields", path);
    if (columns.empty()) {
        fail(path + ".fields", "a roster needs at least one column");
    }
    const std::string section = at().section;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int column = parseField(columns[i], path + ".fields[" + std::to_string(i) + "]", section, index);
        at().columns.push_back(column);
    }
    if (jsonMember(field, "disaggregate_by") != nullptr) {
        const std::string by = requireString(field, "disaggregate_by", path);
        const int column = m_template.fieldIndex(at().name + "." + by);
        if (column < 0) {
            fail(path + ".disaggregate_by", "roster '" + at().name + "' has no column '" + by + "'");
        }
        const FieldType t = m_template.m_fields[static_cast<std::size_t>(column)].type;
        if (t != FieldType::Choice && t != FieldType::Text && t != FieldType::Integer && t != FieldType::Boolean) {
            fail(path + ".disaggregate_by", "column '" + by + "' must be a choice, text, integer or boolean");
        }
        at().disaggregateBy = by;
    }
}

void TemplateParser::parseCheck(const Json& check, const std::string& path)
{
    requireObject(check, path);
    checkKeys(check, path, {"id", "expression", "message", "severity", "fields"});
    FormCheck c;
    c.id = requireIdentifier(check, "id", path);
    for (const FormCheck& other : m_template.m_checks) {
        if (other.id == c.id) {
            fail(path + ".id", "duplicate check id '" + c.id + "'");
        }
    }
    const Json* expression = jsonMember(check, "expression");
    if (expression == nullptr) {
        fail(path, "missing \"expression\"");
    }
    c.expression = parseExpression(*expression, path + ".expression");
    const Json* message = jsonMember(check, "message");
    if (message == nullptr) {
        fail(path, "missing \"message\"");
    }
    c.message = parseText(*message, path + ".message", true);
    c.severity = parseSeverity(check, path);
    if (const Json* fields = jsonMember(check, "fields")) {
        if (!fields->is_array()) {
            fail(path + ".fields", "expected an array of field names, found " + jsonTypeName(*fields));
        }
        for (std::size_t i = 0; i < fields->size(); ++i) {
            const std::string at = path + ".fields[" + std::to_string(i) + "]";
            if (!(*fields)[i].is_string()) {
                fail(at, "expected a field name");
            }
            const auto& name = (*fields)[i].get_ref<const std::string&>();
            if (m_template.fieldIndex(name) < 0) {
                fail(at, "unknown field '" + name + "'");
            }
            c.fields.push_back(name);
        }
    }
    const int node = static_cast<int>(m_template.m_checks.size());  // offset by fields().size() later
    m_pending.push_back({path + ".expression", c.expression.references(), -1, -1 - node, false});
    m_template.m_checks.push_back(std::move(c));
    m_checkPaths.push_back(path);
}

void TemplateParser::checkReferences()
{
    const auto& fields = m_template.m_fields;
    m_template.m_dependents.assign(fields.size(), {});
    const int fieldCount = static_cast<int>(fields.size());
    for (const PendingExpression& pending : m_pending) {
        // checks were recorded as -1 - checkIndex before the number of fields was known
        const int node = pending.node < 0 ? fieldCount + (-1 - pending.node) : pending.node;
        for (const std::string& reference : pending.references) {
            std::string_view ref = reference;
            bool previous = false;
            if (ref.substr(0, 5) == "prev:") {
                ref.remove_prefix(5);
                previous = true;
            }
            int target = -1;
            bool sameRow = false;
            if (!ref.empty() && ref.front() == '.') {
                if (pending.roster < 0) {
                    fail(pending.path, "'" + std::string(ref) + "' refers to a roster row, but this expression is not "
                                                              "inside a roster");
                }
                const FieldDef& roster = fields[static_cast<std::size_t>(pending.roster)];
                target = m_template.fieldIndex(roster.name + std::string(ref));
                if (target < 0) {
                    fail(pending.path, "roster '" + roster.name + "' has no column '" + std::string(ref.substr(1)) + "'");
                }
                sameRow = true;
            } else {
                target = m_template.fieldIndex(ref);
                if (target < 0) {
                    fail(pending.path, "unknown field '" + std::string(ref) + "'");
                }
            }
            if (previous) {
                continue;  // the previous period is fixed during validation: no dependency
            }
            auto& list = m_template.m_dependents[static_cast<std::size_t>(target)];
            auto existing = std::find_if(list.begin(), list.end(), [&](const Dependent& d) {
                return d.node == node && d.sameRow == sameRow;
            });
            if (existing != list.end()) {
                existing->affectsValue = existing->affectsValue || pending.affectsValue;
            } else {
                list.push_back({node, sameRow, pending.affectsValue});
            }
        }
    }
    // A roster's relevance decides whether its columns count as answered.
    for (int r = 0; r < fieldCount; ++r) {
        for (int column : fields[static_cast<std::size_t>(r)].columns) {
            m_template.m_dependents[static_cast<std::size_t>(r)].push_back({column, false, true});
        }
    }
}

void TemplateParser::buildGraph()
{
    const auto& fields = m_template.m_fields;
    const std::size_t n = fields.size();
    std::vector<int> indegree(n, 0);
    for (std::size_t f = 0; f < n; ++f) {
        for (const Dependent& d : m_template.m_dependents[f]) {
            if (d.affectsValue && static_cast<std::size_t>(d.node) < n) {
                ++indegree[static_cast<std::size_t>(d.node)];
            }
        }
    }
    // Kahn's algorithm, smallest index first so the order is stable.
    std::priority_queue<int, std::vector<int>, std::greater<>> ready;
    for (std::size_t f = 0; f < n; ++f) {
        if (indegree[f] == 0) {
            ready.push(static_cast<int>(f));
        }
    }
    m_template.m_order.clear();
    while (!ready.empty()) {
        const int f = ready.top();
        ready.pop();
        m_template.m_order.push_back(f);
        for (const Dependent& d : m_template.m_dependents[static_cast<std::size_t>(f)]) {
            if (d.affectsValue && static_cast<std::size_t>(d.node) < n &&
                --indegree[static_cast<std::size_t>(d.node)] == 0) {
                ready.push(d.node);
            }
        }
    }
    if (m_template.m_order.size() == n) {
        m_template.m_rank.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            m_template.m_rank[static_cast<std::size_t>(m_template.m_order[i])] = static_cast<int>(i);
        }
        return;
    }
    // Fields left over sit on or behind a cycle. Every one of them reads (through relevant/calculate) another
    // left-over field, so walking to such a predecessor must revisit a field: that loop is the cycle.
    std::vector<bool> done(n, false);
    for (int f : m_template.m_order) {
        done[static_cast<std::size_t>(f)] = true;
    }
    std::vector<std::vector<int>> predecessors(n);
    for (std::size_t f = 0; f < n; ++f) {
        for (const Dependent& d : m_template.m_dependents[f]) {
            if (d.affectsValue && static_cast<std::size_t>(d.node) < n) {
                predecessors[static_cast<std::size_t>(d.node)].push_back(static_cast<int>(f));
            }
        }
    }
    int current = -1;
    for (std::size_t f = 0; f < n && current < 0; ++f) {
        if (!done[f]) {
            current = static_cast<int>(f);
        }
    }
    std::vector<int> walk;
    std::vector<int> seenAt(n, -1);
    while (current >= 0 && seenAt[static_cast<std::size_t>(current)] < 0) {
        seenAt[static_cast<std::size_t>(current)] = static_cast<int>(walk.size());
        walk.push_back(current);
        int next = -1;
        for (int p : predecessors[static_cast<std::size_t>(current)]) {
            if (!done[static_cast<std::size_t>(p)]) {
                next = p;
                break;
            }
        }
        current = next;
    }
    if (current < 0 || walk.empty()) {
        fail("template", "cycle among computed/relevant fields");
    }
    // walk goes from readers to what they read; print in reading order: a -> b means a is read by b
    std::vector<int> loop(walk.begin() + seenAt[static_cast<std::size_t>(current)], walk.end());
    std::reverse(loop.begin(), loop.end());
    std::string cycle;
    for (int f : loop) {
        cycle += fields[static_cast<std::size_t>(f)].name + " -> ";
    }
    cycle += fields[static_cast<std::size_t>(loop.front())].name;
    fail(m_fieldPaths[static_cast<std::size_t>(loop.front())], "cycle among computed/relevant fields: " + cycle);
}

}  // namespace dantoc::forms
