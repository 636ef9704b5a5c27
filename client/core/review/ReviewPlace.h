// ReviewPlace: who this store's account is in the review workflow (role, unit, level, from the login answer
// kept in sync_meta) and where a record stands for it: the record's owner, its review chain and the account
// as a workflow::Actor, derived from the units in the store the way the server derives them
// (server/sync/RecordWorkflow), so the queue and the buttons work offline. The server decides again on push.
// Stateless functions; thread-safety is the Connection's.
#pragma once

#include "base/Result.h"
#include "core/Connection.h"
#include "core/SubmissionRepository.h"
#include "workflow/WorkflowRules.h"

#include <string>

namespace dantoc::client::review {

struct ReviewIdentity
{
    std::string account; // user name
    workflow::Role role = workflow::Role::ProvincialViewer;
    std::string unitCode; // the root of the account's scope
    std::string level;    // that unit's level ("province", "district", "commune")
};

// FailedPrecondition when the store is not enrolled or predates the role being kept (log in again with a
// password).
Result<ReviewIdentity> loadIdentity(Connection& connection);

struct RecordPlace
{
    std::string ownerCode; // the commune (chain level 0) that owns the record
    workflow::Chain chain; // owner level first, final level last
    workflow::Actor actor; // this account, placed against that chain
};

// NotFound when the record's unit is not in the store. A chain whose top lies above the units this store
// holds (a district reviewer's store has no province) ends with a level named "^<parent code>", so the
// district is never taken for the final level.
Result<RecordPlace> placeRecord(Connection& connection, const std::string& recordUnit,
                                const ReviewIdentity& who);

// The record's workflow state for decide()/preview(). The client keeps no revision or submit count; both
// sides of every compare use the same stand-in, so only state, level and content version matter (as on the
// server, which holds the real ones).
workflow::WorkflowState workflowStateOf(const SubmissionSummary& record, const workflow::Chain& chain);

// The Denial as a Status the CLI and GUI show: FailedPrecondition "<denial name>: <vi> / <en>".
Status denialStatus(workflow::Denial denial);

} // namespace dantoc::client::review
