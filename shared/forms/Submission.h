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

using Notes = std::map<std::string, std::string, std::less<>>;

// Warning explanations travel with the record's content: a stored record body (client store, sync ops, server
// store) holds them under this reserved key beside the values — no field name can start with '_' — so they are
// saved, synced, merged and shown to reviewers like the values, and never lost between a return and a resubmit.
inline constexpr const char* kBodyNotesKey = "_notes";
// Moves the explanations out of a stored body into `notes` (text only; anything else under the key is dropped),
// leaving the values.
void takeBodyNotes(Json& body, Notes& notes);
// The body to store: the values, plus the non-empty explanations under kBodyNotesKey.
Json bodyWithNotes(Json values, const Notes& notes);

struct Submission {
    std::string id;  // optional submission UUID
    std::string formId;
    int formVersion = 0;
    std::string unit;    // unit code
    std::string period;  // "2025", "2025-H2", "2025-Q3", "2024-survey", ad hoc "2025-03-15"
    Json values = Json::object();
    // Explanations for warnings: key is a field name, "<roster>[<row _id>].<column>" or "check:<id>".
    Notes notes;

    // Fails (ParseError / InvalidArgument / ResourceExhausted) when the document is not a submission at all;
    // problems with the answers themselves are validation issues, not parse errors.
    static Result<Submission> parse(std::string_view jsonText);
    static Result<Submission> fromJson(const Json& document);
    Json toJson() const;
};

// Whether `period` is written the way the period type requires ("2025-H2" for half_yearly, ...).
bool isValidPeriod(PeriodType type, std::string_view period);

}  // namespace dantoc::forms
