#include "core/review/ReviewService.h"

#include "core/FormTemplateRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"
#include "core/review/ReviewSnapshotRepository.h"
#include "text/VietnameseText.h"
#include "workflow/WorkflowRules.h"

#include <algorithm>
#include <map>
#include <set>

namespace dantoc::client::review {

namespace {

bool isBlank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

} // namespace

ReviewService::ReviewService(Connection& connection, EntryService& entries, const Clock& clock)
    : m_connection(connection), m_entries(entries), m_clock(clock)
{
}

void ReviewService::announce(const std::string& recordId)
{
    if (m_entries.options().notifier != nullptr && m_connection.transactionDepth() == 0) {
        m_entries.options().notifier->notifyRecord(recordId);
    }
}

Result<EntryResult> ReviewService::act(const ReviewRequest& request)
{
    using workflow::Action;
    if (request.action != Action::Return && request.action != Action::Approve &&
        request.action != Action::Forward && request.action != Action::Accept &&
        request.action != Action::Reopen) {
        return Status(ErrorCode::InvalidArgument,
                      "not a reviewer's action: " + std::string(workflow::toName(request.action)));
    }
    if (request.action != Action::Return && !request.fieldNotes.empty()) {
        return Status(ErrorCode::InvalidArgument, "field comments go with a return only");
    }
    auto who = loadIdentity(m_connection);
    if (!who) {
        return who.status();
    }
    auto record = SubmissionRepository(m_connection, m_clock).get(request.recordId);
    if (!record) {
        return record.status();
    }
    // Field notes name fields of the record's own form version, once each, with text.
    std::map<std::string, std::string> notes;
    if (!request.fieldNotes.empty()) {
        auto form = FormTemplateRepository(m_connection).load(record->formId, record->formVersion);
        if (!form) {
            return form.status();
        }
        for (const FieldNote& note : request.fieldNotes) {
            if (form->field(note.field) == nullptr) {
                return Status(ErrorCode::InvalidArgument,
                              "biểu mẫu " + record->formId + " không có trường \"" + note.field +
                                  "\" / the form has no field \"" + note.field + "\"");
            }
            if (isBlank(note.text)) {
                return Status(ErrorCode::InvalidArgument,
                              "the comment on \"" + note.field + "\" has no text");
            }
            if (!notes.emplace(note.field, text::composeNfc(note.text)).second) {
                return Status(ErrorCode::InvalidArgument,
                              "two comments on \"" + note.field + "\": write one");
            }
        }
    }
    auto place = placeRecord(m_connection, record->unit, *who);
    if (!place) {
        return place.status();
    }
    const workflow::WorkflowState current = workflowStateOf(*record, place->chain);
    workflow::Request decided;
    decided.action = request.action;
    decided.seen = current;
    decided.seen.contentVer = request.seenContentVersion;
    decided.reason = request.reason;
    const workflow::Decision decision = workflow::decide(place->actor, current, decided, place->chain);
    if (!decision.allowed()) {
        return denialStatus(decision.denial);
    }
    ReviewTransition transition;
    transition.recordId = request.recordId;
    transition.action = std::string(workflow::toName(request.action));
    transition.toState = std::string(workflow::toName(decision.next.state));
    transition.toLevel = decision.next.level;
    transition.seenContentVersion = request.seenContentVersion;
    transition.reason = request.reason;
    transition.fieldComments = std::move(notes);
    if (request.action != Action::Return) {
        return m_entries.review(transition);
    }
    // A return keeps what was returned, in the same transaction, so the resubmission can be shown as a diff.
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto result = m_entries.review(transition);
    if (!result || result->refused) {
        return result;
    }
    if (Status status = ReviewSnapshotRepository(m_connection, m_clock)
                            .keep(record->id, request.seenContentVersion, record->body);
        !status) {
        return status;
    }
    if (Status status = transaction.commit(); !status) {
        return status;
    }
    announce(record->id);
    return result;
}

Result<EntryResult> ReviewService::approve(const std::string& recordId, std::int64_t seenContentVersion)
{
    return act({recordId, workflow::Action::Approve, seenContentVersion, {}, {}});
}

Result<EntryResult> ReviewService::returnForCorrection(const std::string& recordId,
                                                       std::int64_t seenContentVersion,
                                                       const std::string& reason,
                                                       const std::vector<FieldNote>& notes)
{
    return act({recordId, workflow::Action::Return, seenContentVersion, reason, notes});
}

Result<EntryResult> ReviewService::forward(const std::string& recordId, std::int64_t seenContentVersion)
{
    return act({recordId, workflow::Action::Forward, seenContentVersion, {}, {}});
}

Result<EntryResult> ReviewService::accept(const std::string& recordId, std::int64_t seenContentVersion)
{
    return act({recordId, workflow::Action::Accept, seenContentVersion, {}, {}});
}

Result<RecordHistory> ReviewService::history(const std::string& recordId)
{
    RecordHistory out;
    auto record = SubmissionRepository(m_connection, m_clock).get(recordId);
    if (!record) {
        return record.status();
    }
    out.record = std::move(*record);
    ReviewCommentRepository comments(m_connection, m_clock);
    auto all = comments.forRecord(recordId);
    if (!all) {
        return all.status();
    }
    out.comments = std::move(*all);
    auto events = AuditRepository(m_connection, m_clock).list(recordId);
    if (!events) {
        return events.status();
    }
    out.localEvents = std::move(*events);
    auto self = SyncMetaRepository(m_connection).selfAuthorNames();
    if (!self) {
        return self.status();
    }
    auto open = comments.needingReply(recordId, *self);
    if (!open) {
        return open.status();
    }
    out.needingReply = std::move(*open);
    return out;
}

Result<EntryResult> ReviewService::reply(const std::string& commentId, const std::string& text)
{
    if (isBlank(text)) {
        return Status(ErrorCode::InvalidArgument, "Câu trả lời trống / the reply is empty");
    }
    const std::string composed = text::composeNfc(text);
    auto self = SyncMetaRepository(m_connection).selfAuthorNames();
    if (!self) {
        return self.status();
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    ReviewCommentRepository comments(m_connection, m_clock);
    auto comment = comments.get(commentId);
    if (!comment) {
        return comment.status();
    }
    if (std::find(self->begin(), self->end(), comment->author) != self->end()) {
        return Status(ErrorCode::FailedPrecondition, "this account wrote that comment: nothing to reply to");
    }
    if (Status status = comments.reply(commentId, composed); !status) {
        return status;
    }
    // The reviewer sees the answer next to the field it is about.
    auto sent =
        m_entries.comment(comment->recordId, composed,
                          comment->field.empty() ? std::nullopt : std::optional<std::string>(comment->field));
    if (!sent) {
        return sent.status();
    }
    if (Status status = transaction.commit(); !status) {
        return status;
    }
    announce(comment->recordId);
    return sent;
}

Result<EntryResult> ReviewService::edit(const std::string& recordId, const Json& values,
                                        const EntryNotes& notes)
{
    return m_entries.save(recordId, values, notes);
}

Result<EntryResult> ReviewService::resubmit(const std::string& recordId, const EntryNotes& notes)
{
    auto record = SubmissionRepository(m_connection, m_clock).get(recordId);
    if (!record) {
        return record.status();
    }
    if (record->state != workflow::toName(workflow::State::Returned)) {
        return Status(ErrorCode::FailedPrecondition,
                      "record " + recordId + " is " + record->state + ", not returned: nothing to resubmit");
    }
    return m_entries.submit(recordId, notes);
}

} // namespace dantoc::client::review
