// validate(): one-shot validation of a submission against a form template (a ValidationSession without
// edits). Stateless; safe from any thread given thread-safe options.
#pragma once

#include "validation/ValidationSession.h"

namespace dantoc::validation {

std::vector<Issue> validate(const forms::FormTemplate& form, const forms::Submission& submission,
                            const ValidationOptions& options);

// {"valid": bool (no errors), "issues": [...]}: the report `dantoc validate` prints.
Json validationReport(const std::vector<Issue>& issues);

}  // namespace dantoc::validation
