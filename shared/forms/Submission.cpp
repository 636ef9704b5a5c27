#include "forms/Submission.h"

#include "base/Uuid.h"
#include "expr/Value.h"

#include <algorithm>

namespace dantoc::forms {

namespace {

Status invalid(const std::string& message) { return Status(ErrorCode::InvalidArgument, "submission: " + message); }

bool isYear(std::string_view s)
{
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           s[0] != '0';
}

}  // namespace

bool isValidPeriod(PeriodType type, std::string_view period)
{
    if (period.size() < 4 || !isYear(period.substr(0, 4))) {
        return false;
    }
    const std::string_view rest = period.substr(4);
    switch (type) {
    case PeriodType::Yearly: return rest.empty();
    case PeriodType::HalfYearly: return rest == "-H1" || rest == "-H2";
    case PeriodType::Quarterly: return rest == "-Q1" || rest == "-Q2" || rest == "-Q3" || rest == "-Q4";
    case PeriodType::Survey: return rest == "-survey";
    case PeriodType::AdHoc: {
        expr::Date date;
        return expr::parseIsoDate(std::string(period), date);
    }
    }
    return false;
}

Result<Submission> Submission::parse(std::string_view jsonText)
{
    auto document = parseJson(jsonText);
    if (!document) {
        return Status(document.status().code(), "submission: " + document.status().message());
    }
    return fromJson(*document);
}

Result<Submission> Submission::fromJson(const Json& document)
{
    if (!document.is_object()) {
        return invalid("expected a JSON object");
    }
    for (const auto& [key, value] : document.items()) {
        if (key != "id" && key != "form" && key != "unit" && key != "period" && key != "values" && key != "notes") {
            return invalid("unknown key \"" + key + "\"");
        }
    }
    Submission s;
    if (const Json* id = jsonMember(document, "id")) {
        if (!id->is_string() || !isUuid(id->get_ref<const std::string&>())) {
            return invalid("\"id\" must be a UUID");
        }
        s.id = id->get<std::string>();
    }
    const Json* form = jsonMember(document, "form");
    if (form == nullptr || !form->is_object()) {
        return invalid("\"form\" must be an object {\"id\", \"version\"}");
    }
    for (const auto& [key, value] : form->items()) {
        if (key != "id" && key != "version") {
            return invalid("unknown key \"form." + key + "\"");
        }
    }
    const std::string* formId = jsonString(*form, "id");
    const Json* version = jsonMember(*form, "version");
    if (formId == nullptr || formId->empty()) {
        return invalid("\"form.id\" must be a non-empty string");
    }
    if (version == nullptr || !version->is_number_integer() || version->get<std::int64_t>() < 1 ||
        version->get<std::int64_t>() > 1000000000) {
        return invalid("\"form.version\" must be a positive integer");
    }
    s.formId = *formId;
    s.formVersion = version->get<int>();
    if (const Json* unit = jsonMember(document, "unit")) {
        if (!unit->is_string()) {
            return invalid("\"unit\" must be a string");
        }
        s.unit = unit->get<std::string>();
    }
    if (const Json* period = jsonMember(document, "period")) {
        if (!period->is_string()) {
            return invalid("\"period\" must be a string");
        }
        s.period = period->get<std::string>();
    }
    const Json* values = jsonMember(document, "values");
    if (values == nullptr || !values->is_object()) {
        return invalid("\"values\" must be an object");
    }
    s.values = *values;
    if (const Json* notes = jsonMember(document, "notes")) {
        if (!notes->is_object()) {
            return invalid("\"notes\" must be an object of strings");
        }
        for (const auto& [key, value] : notes->items()) {
            if (!value.is_string()) {
                return invalid("note \"" + key + "\" must be a string");
            }
            s.notes.emplace(key, value.get<std::string>());
        }
    }
    return s;
}

Json Submission::toJson() const
{
    Json out = Json::object();
    if (!id.empty()) {
        out["id"] = id;
    }
    out["form"] = {{"id", formId}, {"version", formVersion}};
    out["unit"] = unit;
    out["period"] = period;
    out["values"] = values;
    Json n = Json::object();
    for (const auto& [key, text] : notes) {
        n[key] = text;
    }
    out["notes"] = std::move(n);
    return out;
}

void takeBodyNotes(Json& body, Notes& notes)
{
    if (!body.is_object()) {
        return;
    }
    auto it = body.find(kBodyNotesKey);
    if (it == body.end()) {
        return;
    }
    if (it->is_object()) {
        for (const auto& [key, text] : it->items()) {
            if (text.is_string() && !text.get_ref<const std::string&>().empty()) {
                notes[key] = text.get<std::string>();
            }
        }
    }
    body.erase(it);
}

Json bodyWithNotes(Json values, const Notes& notes)
{
    if (!values.is_object()) {
        return values;
    }
    values.erase(kBodyNotesKey);
    Json stored = Json::object();
    for (const auto& [key, text] : notes) {
        if (!text.empty()) {
            stored[key] = text;
        }
    }
    if (!stored.empty()) {
        values[kBodyNotesKey] = std::move(stored);
    }
    return values;
}

}  // namespace dantoc::forms
