// Rejections: the stable rejection codes of a push (sync-protocol.md §4) with their Vietnamese and English
// messages, and the mapping from workflow denials to those codes. Stateless; thread-safe.
#pragma once

#include "sync/PushMessages.h"
#include "workflow/WorkflowTypes.h"

#include <string>

namespace dantoc::server {

// A rejected outcome with the code's standard message; `detail` (optional, e.g. a parser message) is appended
// to both languages.
sync::OpOutcome rejectOp(const std::string& opId, const std::string& code, const std::string& detail = {});
// A rejection for a workflow denial: out_of_scope, state_changed, stale_review, invalid (reason missing, wrong
// state for the action) or permission_denied; the message is the workflow's own explanation.
sync::OpOutcome rejectDenial(const std::string& opId, workflow::Denial denial);

}  // namespace dantoc::server
