#include "sync/OpApplier.h"

#include "base/Uuid.h"
#include "forms/Submission.h"
#include "store/SyncRows.h"
#include "sync/AttachmentRefs.h"
#include "sync/BodyMerge.h"
#include "sync/RecordValidation.h"
#include "sync/Rejections.h"
#include "workflow/WorkflowRules.h"

namespace dantoc::server {

namespace {

Result<Json> parseBody(const StoredRecord& record)
{
    Json body = Json::parse(record.bodyJson, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return Status(ErrorCode::Corruption, "record " + record.recordId + ": stored body is not a JSON object");
    }
    return body;
}

bool sameForm(const sync::Operation& op, const StoredRecord& record)
{
    return op.form.id == record.formId && op.form.version == static_cast<std::uint64_t>(record.formVersion);
}

}  // namespace

Result<sync::OpOutcome> OpApplier::apply(const sync::Operation& op)
{
    // Checked here too so ops parked before the check existed cannot grant a record someone else's file.
    if (m_in.form) {
        if (Status refs = checkBlobReferences(*m_in.form, op); !refs) {
            return rejectOp(op.opId, "invalid", refs.message());
        }
    } else if (!op.blobs.empty()) {
        return rejectOp(op.opId, "form_version_unknown");  // without the form nothing proves the references
    }
    if (op.kind == sync::OpKind::Create) {
        return create(op);
    }
    auto stored = m_txn.record(op.recordId);
    if (!stored) {
        return stored.status();
    }
    if (!*stored || (*stored)->deleted) {
        return rejectOp(op.opId, "record_not_found");
    }
    // The stored record's unit decides scope, whatever unit the op names.
    auto place = placeInWorkflow(m_env.units, (*stored)->unitCode, m_env.caller);
    if (!place || place->actor.scope == workflow::Scope::Unrelated) {
        return rejectOp(op.opId, "out_of_scope");
    }
    if (!sameForm(op, **stored)) {
        return rejectOp(op.opId, "invalid", "form " + op.form.id + " v" + std::to_string(op.form.version) +
                                                " differs from the record's");
    }
    switch (op.kind) {
    case sync::OpKind::Edit: return edit(op, *place, **stored);
    case sync::OpKind::Transition: return transition(op, *place, **stored);
    case sync::OpKind::Comment: return comment(op, *place, **stored);
    case sync::OpKind::Amend: return amend(op, *place, **stored);
    case sync::OpKind::Create: break;
    }
    return rejectOp(op.opId, "invalid");
}

Result<sync::OpOutcome> OpApplier::create(const sync::Operation& op)
{
    auto place = placeInWorkflow(m_env.units, op.unit, m_env.caller);
    if (!place || place->actor.scope == workflow::Scope::Unrelated) {
        return rejectOp(op.opId, "out_of_scope");
    }
    auto existing = m_txn.record(op.recordId);
    if (!existing) {
        return existing.status();
    }
    if (*existing) {
        // Someone else's record id is not disclosed.
        auto owner = placeInWorkflow(m_env.units, (*existing)->unitCode, m_env.caller);
        const bool visible = owner && owner->actor.scope != workflow::Scope::Unrelated;
        return rejectOp(op.opId, visible ? "record_exists" : "out_of_scope");
    }
    if (!m_in.form) {
        return rejectOp(op.opId, "form_version_unknown");
    }
    if (!m_in.period) {
        return rejectOp(op.opId, "period_unknown", op.period);
    }
    if (!m_in.period->open) {
        return rejectOp(op.opId, "period_closed", op.period);
    }
    if (!forms::isValidPeriod(m_in.form->periodType(), op.period)) {
        return rejectOp(op.opId, "period_mismatch", op.period);
    }
    const workflow::WorkflowState initial = workflow::initialState(place->chain);
    if (auto who = workflow::classifyEdit(place->actor, initial, place->chain);
        who.disposition != workflow::EditDisposition::Apply) {
        return rejectDenial(op.opId, who.denial);
    }
    auto body = sync::applySet(Json::object(), op.set);
    if (!body) {
        return rejectOp(op.opId, "invalid", body.status().message());
    }
    StoredRecord record;
    record.recordId = op.recordId;
    record.formId = op.form.id;
    record.formVersion = static_cast<int>(op.form.version);
    record.unitCode = op.unit;
    record.period = op.period;
    applyWorkflowState(initial, record);
    record.version = 1;
    record.contentVersion = 1;
    record.bodyJson = body->dump();
    record.createdBy = m_env.caller.accountId;
    record.createdAt = m_env.now;
    record.updatedAt = m_env.now;
    if (Status s = m_txn.writeVersion(record, op.opId, m_env.caller.accountId, op.blobs); !s) {
        return s;
    }
    return sync::OpOutcome::applied(op.opId, 1);
}

Result<sync::OpOutcome> OpApplier::edit(const sync::Operation& op, const WorkflowPlace& place, StoredRecord record)
{
    const auto who = workflow::classifyEdit(place.actor, workflowStateOf(record), place.chain);
    if (who.disposition == workflow::EditDisposition::AmendProposal) {
        return rejectOp(op.opId, "frozen");
    }
    if (who.disposition == workflow::EditDisposition::Reject) {
        return rejectDenial(op.opId, who.denial);
    }
    auto serverBody = parseBody(record);
    if (!serverBody) {
        return serverBody.status();
    }
    auto merge = sync::mergeEdit(*serverBody, op.set);
    if (!merge) {
        return rejectOp(op.opId, "invalid", merge.status().message());
    }
    const bool baseIsCurrent = op.baseVer == static_cast<std::uint64_t>(record.version);
    std::string conflictId;
    Json conflictFields = Json::array();
    for (const auto& field : merge->conflicts) {
        conflictFields.push_back(field.toJson());
    }
    // A merge around another writer's changes must not make the record invalid where neither side was.
    if (!baseIsCurrent && !merge->applied.empty() && m_in.form) {
        const auto mergedErrors = errorKeys(hardErrors(*m_in.form, record, merge->body, m_env.choices, m_env.now));
        const auto serverErrors = errorKeys(hardErrors(*m_in.form, record, *serverBody, m_env.choices, m_env.now));
        std::set<std::string> clientErrors;
        if (auto intended = sync::applySet(*serverBody, op.set)) {
            clientErrors = errorKeys(hardErrors(*m_in.form, record, *intended, m_env.choices, m_env.now));
        }
        bool introduced = false;
        for (const auto& key : mergedErrors) {
            introduced = introduced || (!serverErrors.contains(key) && !clientErrors.contains(key));
        }
        if (introduced) {
            conflictId = newUuid();
            ConflictRow row{conflictId, record.recordId, op.opId, record.version,
                            Json{{"reason", "validation_failed"}, {"fields", conflictFields}}.dump(),
                            m_env.caller.accountId, m_env.now, "", 0};
            if (Status s = m_txn.insertConflict(row); !s) {
                return s;
            }
            if (Status s = m_txn.logRecordChange(record, m_env.now); !s) {
                return s;
            }
            return sync::OpOutcome::conflict(op.opId, static_cast<std::uint64_t>(record.version), conflictId);
        }
    }
    if (!merge->applied.empty()) {
        record.bodyJson = merge->body.dump();
        record.version += 1;
        record.contentVersion = record.version;  // the version of the last content change (§7)
        record.updatedAt = m_env.now;
        if (Status s = m_txn.writeVersion(record, op.opId, m_env.caller.accountId, op.blobs); !s) {
            return s;
        }
    }
    const auto ver = static_cast<std::uint64_t>(record.version);
    if (!merge->clean()) {
        conflictId = newUuid();
        ConflictRow row{conflictId, record.recordId, op.opId, record.version,
                        Json{{"reason", "fields"}, {"fields", conflictFields}}.dump(), m_env.caller.accountId,
                        m_env.now, "", 0};
        if (Status s = m_txn.insertConflict(row); !s) {
            return s;
        }
        if (merge->applied.empty()) {
            if (Status s = m_txn.logRecordChange(record, m_env.now); !s) {
                return s;
            }
        }
        return sync::OpOutcome::conflict(op.opId, ver, conflictId);
    }
    if (baseIsCurrent) {
        return sync::OpOutcome::applied(op.opId, ver);
    }
    return sync::OpOutcome::merged(op.opId, ver, merge->serverChanged);
}

Result<sync::OpOutcome> OpApplier::transition(const sync::Operation& op, const WorkflowPlace& place,
                                              StoredRecord record)
{
    const sync::TransitionIntent& intent = *op.transition;
    auto action = workflow::parseAction(intent.action);
    auto from = workflow::parseState(intent.from);
    if (!action || !from || *action == workflow::Action::Save || *action == workflow::Action::Comment) {
        return rejectOp(op.opId, "invalid", "transition " + intent.action + " from " + intent.from);
    }
    const workflow::WorkflowState current = workflowStateOf(record);
    workflow::Request request;
    request.action = *action;
    request.seen = current;
    request.seen.state = *from;
    // content_ver is the record version the actor saw: stale only when the content changed after it.
    const auto seenVer = static_cast<std::int64_t>(intent.contentVer);
    request.seen.contentVer = seenVer >= record.contentVersion ? record.contentVersion : seenVer;
    request.reason = intent.reason.value_or("");
    const workflow::Decision decision = workflow::decide(place.actor, current, request, place.chain);
    if (!decision.allowed()) {
        return rejectDenial(op.opId, decision.denial);
    }
    if (intent.to != workflow::toName(decision.next.state)) {
        return rejectOp(op.opId, "invalid", "transition " + intent.action + " leads to " +
                                                std::string(workflow::toName(decision.next.state)) + ", not " +
                                                intent.to);
    }
    // A record with hard errors is never submitted (it stays a draft on the server).
    if (*action == workflow::Action::Submit || *action == workflow::Action::Resubmit) {
        if (!m_in.form) {
            return rejectOp(op.opId, "form_version_unknown");
        }
        auto body = parseBody(record);
        if (!body) {
            return body.status();
        }
        const auto errors = hardErrors(*m_in.form, record, *body, m_env.choices, m_env.now);
        if (!errors.empty()) {
            return rejectOp(op.opId, "invalid", summarizeErrors(errors));
        }
    }
    applyWorkflowState(decision.next, record);
    record.version += 1;
    record.updatedAt = m_env.now;
    if (Status s = m_txn.writeVersion(record, op.opId, m_env.caller.accountId, {}); !s) {
        return s;
    }
    if (intent.reason && !intent.reason->empty()) {
        CommentRow reason{newUuid(), record.recordId, std::nullopt, m_env.caller.accountId, *intent.reason,
                          m_env.now, "reason:" + intent.action, op.opId};
        if (Status s = m_txn.insertComment(reason, record.unitCode); !s) {
            return s;
        }
    }
    for (const auto& [field, text] : intent.fieldComments) {
        CommentRow note{newUuid(), record.recordId, field, m_env.caller.accountId, text, m_env.now,
                        "field_comment", op.opId};
        if (Status s = m_txn.insertComment(note, record.unitCode); !s) {
            return s;
        }
    }
    return sync::OpOutcome::applied(op.opId, static_cast<std::uint64_t>(record.version));
}

Result<sync::OpOutcome> OpApplier::comment(const sync::Operation& op, const WorkflowPlace& place,
                                           const StoredRecord& record)
{
    workflow::Request request;
    request.action = workflow::Action::Comment;
    request.seen = workflowStateOf(record);
    request.reason = op.comment->text;
    const auto decision = workflow::decide(place.actor, request.seen, request, place.chain);
    if (!decision.allowed()) {
        return rejectDenial(op.opId, decision.denial);
    }
    CommentRow row{newUuid(), record.recordId, op.comment->field, m_env.caller.accountId, op.comment->text,
                   m_env.now, "comment", op.opId};
    if (Status s = m_txn.insertComment(row, record.unitCode); !s) {
        return s;
    }
    return sync::OpOutcome::applied(op.opId, static_cast<std::uint64_t>(record.version));
}

Result<sync::OpOutcome> OpApplier::amend(const sync::Operation& op, const WorkflowPlace& place,
                                         const StoredRecord& record)
{
    if (place.actor.role == workflow::Role::ProvincialViewer) {
        return rejectDenial(op.opId, workflow::Denial::ReadOnlyRole);
    }
    // A proposal for the reviewer: the changes as text next to the author's justification; the record is not
    // touched (sync-protocol.md §3).
    const std::string justification = op.comment ? op.comment->text : std::string();
    const std::string text = (justification.empty() ? std::string() : justification + "\n") +
                             sync::toJson(op)["set"].dump();
    CommentRow row{newUuid(), record.recordId, std::nullopt, m_env.caller.accountId, text, m_env.now,
                   "amend_proposal", op.opId};
    if (Status s = m_txn.insertComment(row, record.unitCode); !s) {
        return s;
    }
    return sync::OpOutcome::applied(op.opId, static_cast<std::uint64_t>(record.version));
}

}  // namespace dantoc::server
