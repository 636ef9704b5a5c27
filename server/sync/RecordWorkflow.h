// RecordWorkflow: places a record and a caller in the review workflow (shared/workflow) from the units valid today:
// the record's owner (its commune: the lowest unit at the first level of the chain), the review chain (the owner's
// level and its ancestors' levels, e.g. commune → province since the July 2025 reform) and the caller as a
// workflow::Actor (role, level, owner/ancestor/unrelated). Stateless functions; thread-safe.
#pragma once

#include "http/ApiTypes.h"
#include "store/RecordStore.h"
#include "sync/UnitIndex.h"
#include "workflow/WorkflowRules.h"

#include <optional>
#include <string>

namespace dantoc::server {

struct WorkflowPlace {
    std::string ownerCode;  // the unit at chain level 0 that owns the record
    workflow::Chain chain;  // owner level first, final level last
    workflow::Actor actor;
};

// nullopt when the record's unit (or the caller's) is not a unit today, or the chain would have fewer than two
// levels: the caller then gets out_of_scope / permission_denied.
std::optional<WorkflowPlace> placeInWorkflow(const UnitIndex& units, const std::string& recordUnit,
                                             const Principal& caller);

workflow::WorkflowState workflowStateOf(const StoredRecord& record);
// Writes state, level, revision, acceptedRevision, submitCount of `state` into `record`.
void applyWorkflowState(const workflow::WorkflowState& state, StoredRecord& record);

}  // namespace dantoc::server
