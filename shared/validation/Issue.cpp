#include "validation/Issue.h"

#include <algorithm>

namespace dantoc::validation {

bool hasErrors(const std::vector<Issue>& issues)
{
    return std::any_of(issues.begin(), issues.end(),
                       [](const Issue& i) { return i.severity == forms::Severity::Error; });
}

Json issueToJson(const Issue& issue)
{
    Json out = Json::object();
    out["field"] = issue.field;
    out["row"] = issue.row ? Json(*issue.row) : Json(nullptr);
    if (!issue.rowId.empty()) {
        out["row_id"] = issue.rowId;
    }
    out["code"] = issue.code;
    out["severity"] = std::string(forms::severityName(issue.severity));
    out["message"] = issue.message;
    if (!issue.check.empty()) {
        out["check"] = issue.check;
    }
    return out;
}

Json issuesToJson(const std::vector<Issue>& issues)
{
    Json out = Json::array();
    for (const Issue& issue : issues) {
        out.push_back(issueToJson(issue));
    }
    return out;
}

}  // namespace dantoc::validation
