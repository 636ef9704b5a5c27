#include "sync/RecordValidation.h"

#include "validation/Validate.h"

namespace dantoc::server {

std::vector<validation::Issue> hardErrors(const forms::FormTemplate& form, const StoredRecord& record,
                                          const Json& body, const forms::ChoiceListResolver* choices,
                                          std::int64_t nowMillis)
{
    forms::Submission submission;
    submission.id = record.recordId;
    submission.formId = record.formId;
    submission.formVersion = record.formVersion;
    submission.unit = record.unitCode;
    submission.period = record.period;
    submission.values = body;
    forms::takeBodyNotes(submission.values, submission.notes);  // the warnings' explanations travel in the body
    validation::ValidationOptions options;
    options.language = forms::Language::Vi;
    options.catalogs = choices;
    options.today = expr::Date{static_cast<std::int32_t>(nowMillis / 86'400'000)};
    std::vector<validation::Issue> errors;
    for (auto& issue : validation::validate(form, submission, options)) {
        if (issue.severity == forms::Severity::Error && issue.code != "warning_unexplained") {
            errors.push_back(std::move(issue));
        }
    }
    return errors;
}

std::set<std::string> errorKeys(const std::vector<validation::Issue>& issues)
{
    std::set<std::string> keys;
    for (const auto& issue : issues) {
        keys.insert(issue.field + '\x1f' + issue.rowId + '\x1f' + issue.code + '\x1f' + issue.check);
    }
    return keys;
}

std::string summarizeErrors(const std::vector<validation::Issue>& issues)
{
    std::string out;
    for (std::size_t i = 0; i < issues.size() && i < 3; ++i) {
        out += (i ? "; " : "") + (issues[i].field.empty() ? std::string() : issues[i].field + ": ") +
               issues[i].message;
    }
    if (issues.size() > 3) {
        out += "; … (" + std::to_string(issues.size()) + ")";
    }
    return out;
}

}  // namespace dantoc::server
