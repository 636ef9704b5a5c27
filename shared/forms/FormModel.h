// The parts of a parsed form template: localized text, field definitions, sections, form-level checks.
// Plain immutable data once built by FormTemplate::parse; safe to read from any thread.
#pragma once

#include "expr/Expression.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace dantoc::forms {

enum class Language { Vi, En };
// "vi" / "en"; nullopt for anything else.
std::optional<Language> languageFromCode(std::string_view code);
std::string_view languageCode(Language language);

// Text in Vietnamese (required in templates) and English (optional).
struct LocalizedText {
    std::string vi;
    std::string en;
    // The requested language, falling back to the other one when empty.
    const std::string& in(Language language) const;
    bool empty() const { return vi.empty() && en.empty(); }
};

enum class FieldType { Integer, Decimal, Text, Date, Choice, Choices, Boolean, Gps, Attachment, Roster, Computed };
// "integer", "decimal", ... as written in templates.
std::string_view fieldTypeName(FieldType type);
std::optional<FieldType> fieldTypeFromName(std::string_view name);

enum class Severity { Error, Warning };
std::string_view severityName(Severity severity);  // "error" / "warning"

enum class PeriodType { Yearly, HalfYearly, Quarterly, AdHoc, Survey };
std::string_view periodTypeName(PeriodType type);  // "yearly", "half_yearly", ...

struct Choice {
    std::string code;
    LocalizedText label;
};

// A constraint on one field: must evaluate to true once the field is answered.
struct Constraint {
    expr::Expression expression;
    LocalizedText message;
    Severity severity = Severity::Error;
};

struct FieldDef {
    std::string name;    // full path: "households_poor", roster columns "members.age"
    std::string column;  // own name: "age" (== name at top level)
    int roster = -1;     // index (in FormTemplate::fields()) of the roster this column belongs to; -1 at top level
    std::string section; // id of the section holding the field (or its roster)
    FieldType type = FieldType::Text;
    FieldType valueType = FieldType::Text;  // type of the value; for computed fields the declared result type
    LocalizedText label;
    LocalizedText hint;

    bool required = false;
    std::optional<expr::Expression> requiredIf;  // "required": "<expression>"
    std::optional<double> min;                   // numbers; date bounds as days since 1970-01-01
    std::optional<double> max;
    std::optional<std::size_t> minLength;  // text, in code points
    std::optional<std::size_t> maxLength;
    std::string regexSource;
    std::shared_ptr<const re2::RE2> regex;  // whole-value match
    std::optional<expr::Expression> relevant;
    std::vector<Constraint> constraints;

    std::vector<Choice> choices;  // inline choice list
    std::string choicesFrom;      // or a catalog list: "ethnic_groups", "religions", "admin_units:village"

    std::optional<expr::Expression> calculate;  // computed fields
    std::string indicator;                      // indicator code this field feeds (aggregation)

    // Rosters only.
    std::vector<int> columns;  // field indices of the row's sub-fields, in order
    std::size_t minRows = 0;
    std::optional<std::size_t> maxRows;
    std::string disaggregateBy;  // a column name (e.g. the ethnic-group column)

    bool isRoster() const { return type == FieldType::Roster; }
    bool isComputed() const { return type == FieldType::Computed; }
    bool hasChoices() const { return !choices.empty() || !choicesFrom.empty(); }
    // The inline choice with this code, or nullptr.
    const Choice* findChoice(std::string_view code) const;
};

struct Section {
    std::string id;
    LocalizedText title;
    std::vector<int> fields;  // top-level field indices, in order
};

// A form-level rule across fields and rosters ("population_male + population_female = population_total").
struct FormCheck {
    std::string id;
    expr::Expression expression;
    LocalizedText message;
    Severity severity = Severity::Error;
    std::vector<std::string> fields;  // names the issue is attached to (first one is the primary field)
};

}  // namespace dantoc::forms
