// Submission: one filled form (see shared/docs/form-format.md, "Submission format"): which form and version,
// the unit and period it describes, the answers and the explanation notes for warnings. Value type.
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "forms/FormModel.h"

#include <map>
#include <string>
#include <string_view>

namespace dantoc::forms {

struct Submission {
    std::string id;  // optional submission UUID
    std::string formId;
    int formVersion = 0;
    std::string unit;    // unit code
    std::string period;  // "2025", "2025-H2", "2025-Q3", "2024-survey", ad hoc "2025-03-15"
    Json values = Json::object();
    // Explanations for warnings: key is a field name, "<roster>[<row _id>].<column>" or "check:<id>".
    std::map<std::string, std::string, std::less<>> notes;

    // Fails (ParseError / InvalidArgument / ResourceExhausted) when the document is not a submission at all;
    // problems with the answers themselves are validation issues, not parse errors.
    static Result<Submission> parse(std::string_view jsonText);
    static Result<Submission> fromJson(const Json& document);
    Json toJson() const;
};

// Whether `period` is written the way the period type requires ("2025-H2" for half_yearly, ...).
bool isValidPeriod(PeriodType type, std::string_view period);

}  // namespace dantoc::forms
