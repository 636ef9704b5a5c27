// JSON (de)serialisation of workflow values with stable snake_case names, for sync messages, the server's audit
// and the harness. Readers treat their input as hostile: wrong types, unknown names or missing keys give a
// Status, never an exception. Stateless functions; safe from any thread.
#pragma once

#include "base/Json.h"
#include "workflow/WorkflowHistory.h"

#include <string_view>
#include <vector>

namespace dantoc::workflow {

Json toJson(const WorkflowState& state);
Result<WorkflowState> workflowStateFromJson(const Json& json);

Json toJson(const FieldComment& comment);
Json toJson(const CommentReply& reply);

// {"action":"return","actor":"...","role":"district_reviewer","level":"district","at":1700000000000,
//  "reason":"...","field_comments":[{"id":..,"field":..,"row_id":..,"text":..}],"replies":[{"comment_id":..,
//  "text":..}],"from_state":"submitted","from_level":"district","to_state":"returned","to_level":"commune",
//  "revision":1,"content_ver":7}
Json toJson(const WorkflowEvent& event);
Result<WorkflowEvent> workflowEventFromJson(const Json& json);

// {"chain":["commune","province"],"events":[...]}
Json historyToJson(const Chain& chain, const std::vector<WorkflowEvent>& events);
// Parses and replays: a history that breaks the rules is rejected like a malformed one.
Result<WorkflowHistory> historyFromJson(const Json& json);
Result<WorkflowHistory> parseHistory(std::string_view text);

}  // namespace dantoc::workflow
