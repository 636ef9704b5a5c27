// EntryService's review side: a reviewer's transition as a compare-and-set on the content version seen, and
// the reply rule that guards a resubmit.
#include "core/AuditRepository.h"
#include "core/EntryService.h"
#include "core/ReviewCommentRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"
#include "text/VietnameseText.h"
#include "workflow/WorkflowTypes.h"

#include <algorithm>

namespace dantoc::client {

namespace {

Status denied(workflow::Denial denial, const std::string& detail = {})
{
    const workflow::Label label = workflow::label(denial);
    return Status(ErrorCode::FailedPrecondition, std::string(workflow::toName(denial)) + ": " +
                                                     std::string(label.vi) + " / " + std::string(label.en) +
                                                     detail);
}

} // namespace

Status EntryService::checkAnswered(const std::string& recordId)
{
    auto self = SyncMetaRepository(m_connection).selfAuthorNames();
    if (!self) {
        return self.status();
    }
    auto open =
        ReviewCommentRepository(m_connection, m_clock).needingReply(recordId, *self);
    if (!open) {
        return open.status();
    }
    if (open->empty()) {
        return Status::ok();
    }
    std::string fields;
    for (const ReviewComment& comment : *open) {
        fields += (fields.empty() ? " (" : ", ") + comment.field;
    }
    return denied(workflow::Denial::UnansweredComments, fields + ")");
}

Result<EntryResult> EntryService::review(const ReviewTransition& transition)
{
    auto action = workflow::parseAction(transition.action);
    if (!action || (*action != workflow::Action::Return && *action != workflow::Action::Approve &&
                    *action != workflow::Action::Forward && *action != workflow::Action::Accept &&
                    *action != workflow::Action::Reopen)) {
        return Status(ErrorCode::InvalidArgument, "not a reviewer's action: " + transition.action);
    }
    if (!workflow::parseState(transition.toState)) {
        return Status(ErrorCode::InvalidArgument, "unknown target state " + transition.toState);
    }
    if (*action != workflow::Action::Return && !transition.fieldComments.empty()) {
        return Status(ErrorCode::InvalidArgument, "field comments go with a return only");
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto loaded = load(transition.recordId);
    if (!loaded) {
        return loaded.status();
    }
    if (loaded->record.contentVersion != transition.seenContentVersion) {
        return denied(workflow::Denial::StaleReview, " (v" + std::to_string(transition.seenContentVersion) +
                                                         " → v" +
                                                         std::to_string(loaded->record.contentVersion) + ")");
    }
    dantoc::sync::Operation op;
    op.kind = dantoc::sync::OpKind::Transition;
    op.baseVer = static_cast<std::uint64_t>(std::max<std::int64_t>(loaded->record.serverVersion, 1));
    dantoc::sync::TransitionIntent intent;
    intent.action = transition.action;
    intent.from = loaded->record.state;
    intent.to = transition.toState;
    // The server compares this with the content version it holds: an approval covers exactly what was shown.
    intent.contentVer = static_cast<std::uint64_t>(transition.seenContentVersion);
    if (!transition.reason.empty()) {
        intent.reason = text::composeNfc(transition.reason);
    }
    for (const auto& [field, note] : transition.fieldComments) {
        intent.fieldComments[field] = text::composeNfc(note);
    }
    op.transition = intent;
    EntryResult result;
    auto devSeq = enqueue(*loaded, std::move(op));
    if (!devSeq) {
        return devSeq.status();
    }
    result.devSeqs.push_back(*devSeq);
    Status status = SubmissionRepository(m_connection, m_clock)
                        .setWorkflowPosition(transition.recordId, transition.toState, transition.toLevel);
    if (status)
        status = fault("op_enqueued");
    if (status) {
        status = AuditRepository(m_connection, m_clock)
                     .append(m_options.actor, transition.action, transition.recordId,
                             "dev_seq " + std::to_string(*devSeq) + ", content_ver " +
                                 std::to_string(transition.seenContentVersion) + ", " +
                                 std::to_string(transition.fieldComments.size()) + " field comment(s)")
                     .status();
    }
    if (status)
        status = transaction.commit();
    if (!status) {
        return status;
    }
    announce(transition.recordId);
    auto record = SubmissionRepository(m_connection, m_clock).get(transition.recordId);
    if (!record) {
        return record.status();
    }
    result.record = std::move(*record);
    return result;
}

} // namespace dantoc::client
