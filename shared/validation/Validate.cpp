#include "validation/Validate.h"

namespace dantoc::validation {

std::vector<Issue> validate(const forms::FormTemplate& form, const forms::Submission& submission,
                            const ValidationOptions& options)
{
    const ValidationSession session(form, submission, options);
    return session.issues();
}

Json validationReport(const std::vector<Issue>& issues)
{
    Json report = Json::object();
    report["valid"] = !hasErrors(issues);
    report["issues"] = issuesToJson(issues);
    return report;
}

}  // namespace dantoc::validation
