// Fuzz target: arbitrary bytes as a form template; when one parses, a submission filled from its fields (plus
// hostile values) is validated, edited through a ValidationSession, and the incremental result must equal a
// full validation.
#include "forms/FormTemplate.h"
#include "validation/Validate.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using dantoc::Json;
using dantoc::forms::FieldDef;
using dantoc::forms::FieldType;

namespace {

Json sampleValue(const FieldDef& field, std::size_t salt)
{
    switch (salt % 7 == 6 ? FieldType::Roster : field.valueType) {  // now and then a value of the wrong shape
    case FieldType::Integer: return static_cast<int>(salt % 50) - 5;
    case FieldType::Decimal: return static_cast<double>(salt % 100) / 3.0;
    case FieldType::Text: return salt % 2 == 0 ? "Bản Mường" : "";
    case FieldType::Date: return salt % 2 == 0 ? "2025-07-01" : "2025-02-30";
    case FieldType::Choice:
        return field.choices.empty() ? Json("01") : Json(field.choices[salt % field.choices.size()].code);
    case FieldType::Choices:
        return field.choices.empty() ? Json::array({"01"}) : Json::array({field.choices.front().code});
    case FieldType::Boolean: return salt % 2 == 0;
    case FieldType::Gps: return Json{{"lat", 22.3}, {"lon", 103.8}};
    case FieldType::Attachment:
        return Json{{"sha256", std::string(64, 'a')}, {"name", "a.pdf"}, {"size", 1}, {"mime", "application/pdf"}};
    default: return Json::array({nullptr, 1});
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto form = dantoc::forms::FormTemplate::parse(text);
    if (!form) {
        return 0;
    }
    dantoc::forms::Submission submission;
    submission.formId = form->id();
    submission.formVersion = form->version();
    submission.unit = "02683";
    submission.period = "2025";
    std::size_t salt = size;
    for (int index : form->topLevelFields()) {
        const FieldDef& field = form->fields()[static_cast<std::size_t>(index)];
        if (!field.isRoster()) {
            submission.values[field.name] = sampleValue(field, ++salt);
            continue;
        }
        Json rows = Json::array();
        for (int r = 0; r < 3; ++r) {
            Json row = {{"_id", "00000000-0000-4000-8000-00000000000" + std::to_string(r)}};
            for (int column : field.columns) {
                const FieldDef& def = form->fields()[static_cast<std::size_t>(column)];
                row[def.column] = sampleValue(def, ++salt);
            }
            rows.push_back(std::move(row));
        }
        submission.values[field.name] = std::move(rows);
    }
    submission.values["not_a_field"] = 1;

    dantoc::validation::ValidationOptions options;
    options.today = dantoc::expr::dateFromCivil(2025, 11, 23);
    options.previous = &submission;
    dantoc::validation::ValidationSession session(*form, submission, options);
    for (int index : form->topLevelFields()) {
        const FieldDef& field = form->fields()[static_cast<std::size_t>(index)];
        if (field.isRoster()) {
            if (!field.columns.empty()) {
                const FieldDef& column = form->fields()[static_cast<std::size_t>(field.columns.front())];
                (void)session.setCell(field.name, 1, column.column, sampleValue(column, ++salt));
            }
            (void)session.removeRow(field.name, 0);
        } else {
            (void)session.setValue(field.name, sampleValue(field, ++salt));
        }
    }
    const auto full = dantoc::validation::validate(*form, session.submission(), options);
    if (full != session.issues()) {
        std::abort();  // incremental revalidation disagrees with a full validation
    }
    return 0;
}
