#include "sync/RecordWorkflow.h"

namespace dantoc::server {

namespace {

constexpr const char* kOwnerLevel = "commune";

workflow::Role workflowRole(Role role)
{
    switch (role) {
    case Role::CommuneOfficer: return workflow::Role::CommuneOfficer;
    case Role::DistrictReviewer: return workflow::Role::DistrictReviewer;
    case Role::ProvincialAdmin: return workflow::Role::ProvincialAdmin;
    case Role::ProvincialViewer: return workflow::Role::ProvincialViewer;
    case Role::ProvincialReviewer: return workflow::Role::ProvincialReviewer;
    }
    return workflow::Role::ProvincialViewer;
}

}  // namespace

std::optional<WorkflowPlace> placeInWorkflow(const UnitIndex& units, const std::string& recordUnit,
                                             const Principal& caller)
{
    const auto path = units.pathToRoot(recordUnit);
    if (path.empty()) {
        return std::nullopt;
    }
    // The owner: the lowest commune on the way up (a village's records belong to its commune); a record filed on
    // a unit above the communes is owned by that unit.
    std::size_t ownerIndex = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i]->level == kOwnerLevel) {
            ownerIndex = i;
            break;
        }
    }
    WorkflowPlace place;
    place.ownerCode = path[ownerIndex]->code;
    for (std::size_t i = ownerIndex; i < path.size(); ++i) {
        place.chain.push_back(path[i]->level);
    }
    if (!workflow::isValidChain(place.chain)) {
        return std::nullopt;
    }
    const Unit* callerUnit = units.find(caller.unitCode);
    if (callerUnit == nullptr) {
        return std::nullopt;
    }
    place.actor.role = workflowRole(caller.role);
    place.actor.level = callerUnit->level;
    place.actor.scope = workflow::Scope::Unrelated;
    if (caller.unitCode == place.ownerCode) {
        place.actor.scope = workflow::Scope::Owner;
    } else {
        for (std::size_t i = ownerIndex + 1; i < path.size(); ++i) {
            if (path[i]->code == caller.unitCode) {
                place.actor.scope = workflow::Scope::Ancestor;
                break;
            }
        }
    }
    return place;
}

workflow::WorkflowState workflowStateOf(const StoredRecord& record)
{
    workflow::WorkflowState state;
    if (auto parsed = workflow::parseState(record.state)) {
        state.state = *parsed;
    }
    state.level = record.level;
    state.revision = record.revision;
    state.acceptedRevision = record.acceptedRevision;
    state.submitCount = record.submitCount;
    state.contentVer = record.contentVersion;
    return state;
}

void applyWorkflowState(const workflow::WorkflowState& state, StoredRecord& record)
{
    record.state = std::string(workflow::toName(state.state));
    record.level = state.level;
    record.revision = state.revision;
    record.acceptedRevision = state.acceptedRevision;
    record.submitCount = state.submitCount;
}

}  // namespace dantoc::server
