#include "forms/FormModel.h"

#include <array>
#include <utility>

namespace dantoc::forms {

std::optional<Language> languageFromCode(std::string_view code)
{
    if (code == "vi") {
        return Language::Vi;
    }
    if (code == "en") {
        return Language::En;
    }
    return std::nullopt;
}

std::string_view languageCode(Language language) { return language == Language::En ? "en" : "vi"; }

const std::string& LocalizedText::in(Language language) const
{
    const std::string& wanted = language == Language::En ? en : vi;
    const std::string& other = language == Language::En ? vi : en;
    return wanted.empty() ? other : wanted;
}

namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 11> kFieldTypes = {{
    {FieldType::Integer, "integer"},
    {FieldType::Decimal, "decimal"},
    {FieldType::Text, "text"},
    {FieldType::Date, "date"},
    {FieldType::Choice, "choice"},
    {FieldType::Choices, "choices"},
    {FieldType::Boolean, "boolean"},
    {FieldType::Gps, "gps"},
    {FieldType::Attachment, "attachment"},
    {FieldType::Roster, "roster"},
    {FieldType::Computed, "computed"},
}};

}  // namespace

std::string_view fieldTypeName(FieldType type)
{
    for (const auto& [t, name] : kFieldTypes) {
        if (t == type) {
            return name;
        }
    }
    return "unknown";
}

std::optional<FieldType> fieldTypeFromName(std::string_view name)
{
    for (const auto& [t, n] : kFieldTypes) {
        if (n == name) {
            return t;
        }
    }
    return std::nullopt;
}

std::string_view severityName(Severity severity) { return severity == Severity::Warning ? "warning" : "error"; }

std::string_view periodTypeName(PeriodType type)
{
    switch (type) {
    case PeriodType::Yearly: return "yearly";
    case PeriodType::HalfYearly: return "half_yearly";
    case PeriodType::Quarterly: return "quarterly";
    case PeriodType::AdHoc: return "ad_hoc";
    case PeriodType::Survey: return "survey";
    }
    return "yearly";
}

const Choice* FieldDef::findChoice(std::string_view code) const
{
    for (const Choice& choice : choices) {
        if (choice.code == code) {
            return &choice;
        }
    }
    return nullptr;
}

}  // namespace dantoc::forms
