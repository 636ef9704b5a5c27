#include "core/EntryService.h"

#include "core/AuditRepository.h"
#include "core/BlobRefs.h"
#include "core/FormTemplateRepository.h"
#include "core/NfcJson.h"
#include "core/OutboxRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"

#include "base/Uuid.h"
#include "expr/Value.h"
#include "forms/Submission.h"
#include "sync/BodyMerge.h"
#include "text/VietnameseText.h"
#include "validation/Validate.h"
#include "workflow/WorkflowTypes.h"

#include <algorithm>

namespace dantoc::client {

namespace {

// Attachments a set newly points to (attachment fields, also inside added rows). The server parks the op until
// each is uploaded.
void collectBlobs(const Json& value, std::vector<std::string>& out)
{
    for (const BlobRef& ref : blobRefsIn(value)) {
        if (std::find(out.begin(), out.end(), ref.sha256) == out.end()) {
            out.push_back(ref.sha256);
        }
    }
}

bool editableState(const std::string& state)
{
    return state == workflow::toName(workflow::State::Draft) || state == workflow::toName(workflow::State::Returned);
}

}  // namespace

EntryService::EntryService(Connection& connection, EntryOptions options, const Clock& clock)
    : m_connection(connection), m_options(std::move(options)), m_clock(clock)
{
}

Status EntryService::fault(std::string_view step)
{
    return m_faultHook ? m_faultHook(step) : Status::ok();
}

void EntryService::announce(const std::string& recordId)
{
    if (m_options.notifier != nullptr && m_connection.transactionDepth() == 0) {
        m_options.notifier->notifyRecord(recordId);
    }
}

Result<EntryService::Loaded> EntryService::load(const std::string& recordId)
{
    auto record = SubmissionRepository(m_connection, m_clock).get(recordId);
    if (!record) {
        return record.status();
    }
    auto form = FormTemplateRepository(m_connection).loadShared(record->formId, record->formVersion);
    if (!form) {
        return Status(form.status().code(), "record " + recordId + ": " + form.status().message());
    }
    Loaded loaded;
    loaded.record = std::move(*record);
    loaded.form = std::move(*form);
    return loaded;
}

Result<std::vector<validation::Issue>> EntryService::validateBody(const Loaded& loaded, const Json& values,
                                                                 const EntryNotes& notes)
{
    forms::Submission submission;
    submission.id = loaded.record.id;
    submission.formId = loaded.record.formId;
    submission.formVersion = loaded.record.formVersion;
    submission.unit = loaded.record.unit;
    submission.period = loaded.record.period;
    submission.values = values;
    submission.notes = notes;
    return validateSubmission(*loaded.form, submission);
}

std::vector<validation::Issue> EntryService::validateSubmission(const forms::FormTemplate& form,
                                                                const forms::Submission& submission) const
{
    validation::ValidationOptions options;
    options.language = m_options.language;
    options.catalogs = m_options.catalogs;
    options.today = expr::Date{static_cast<std::int32_t>(m_clock.nowUnixMillis() / 86'400'000)};  // UTC day
    if (hasDecomposedText(submission.values)) {
        // A caller that did not go through canonicalValues: validate the text as it will be stored (max_length
        // counts code points, regex classes see letters, not combining marks).
        forms::Submission composed = submission;
        composeNfcStrings(composed.values);
        return validation::validate(form, composed, options);
    }
    return validation::validate(form, submission, options);
}

Result<std::vector<validation::Issue>> EntryService::validate(const std::string& recordId)
{
    auto loaded = load(recordId);
    if (!loaded) {
        return loaded.status();
    }
    auto values = parseJson(loaded->record.body);
    if (!values) {
        return Status(ErrorCode::Corruption, "record " + recordId + ": " + values.status().message());
    }
    EntryNotes notes;
    forms::takeBodyNotes(*values, notes);
    return validateBody(*loaded, *values, notes);
}

EntryNotes EntryService::effectiveNotes(const Loaded& loaded, Json& values, const EntryNotes& given)
{
    EntryNotes notes;
    if (values.is_object() && values.contains(forms::kBodyNotesKey)) {
        forms::takeBodyNotes(values, notes);
    } else if (auto stored = parseJson(loaded.record.body); stored) {
        forms::takeBodyNotes(*stored, notes);
    }
    Json extra = Json::object();
    for (const auto& [key, text] : given) {
        extra[key] = text;
    }
    composeNfcStrings(extra);
    for (const auto& [key, text] : extra.items()) {
        if (text.get_ref<const std::string&>().empty()) {
            notes.erase(key);
        } else {
            notes[key] = text.get<std::string>();
        }
    }
    return notes;
}

Result<std::int64_t> EntryService::enqueue(const Loaded& loaded, sync::Operation op)
{
    auto deviceId = SyncMetaRepository(m_connection).deviceId();
    if (!deviceId) {
        return deviceId.status();
    }
    OutboxRepository outbox(m_connection, m_clock);
    auto devSeq = outbox.nextDevSeq();
    if (!devSeq) {
        return devSeq.status();
    }
    op.opId = newUuid();
    op.deviceId = *deviceId;
    op.devSeq = static_cast<std::uint64_t>(*devSeq);
    op.recordId = loaded.record.id;
    op.form = {loaded.record.formId, static_cast<std::uint64_t>(loaded.record.formVersion)};
    op.unit = loaded.record.unit;
    op.period = loaded.record.period;
    op.clientTime = static_cast<std::uint64_t>(m_clock.nowUnixMillis());
    const Json json = sync::toJson(op);
    // The server will parse it strictly; an operation it would refuse must never reach the outbox.
    if (auto check = sync::parseOperation(json); !check) {
        return Status(ErrorCode::InvalidArgument, "operation: " + check.status().message());
    }
    auto allocated = outbox.enqueue(
        {op.opId, op.recordId, std::string(sync::opKindName(op.kind)), static_cast<std::int64_t>(op.baseVer),
         json.dump()});
    if (!allocated) {
        return allocated.status();
    }
    if (*allocated != *devSeq) {
        return Status(ErrorCode::Internal, "dev_seq moved while enqueuing");
    }
    return *allocated;
}

Status EntryService::saveStep(Loaded& loaded, const Json& values, EntryResult& result)
{
    auto base = enqueuedBody(loaded.record.id);
    if (!base) {
        return base.status();
    }
    auto created = m_connection.prepare(
        "SELECT (SELECT COUNT(*) FROM outbox WHERE record_id = ?1 AND kind = 'create' AND status = 'pending') + "
        "(SELECT COUNT(*) FROM op_journal WHERE record_id = ?1 AND outcome != 'rejected')");
    if (!created) {
        return created.status();
    }
    if (Status status = created->bindText(1, loaded.record.id); !status) {
        return status;
    }
    auto row = created->step();
    if (!row) {
        return row.status();
    }
    // A rejected op never reached the record (the sync client journals rejections too): a record whose create was
    // rejected is not on the server, and its next save sends a create again.
    const bool onServer = loaded.record.serverVersion > 0 || (*row && created->columnInt64(0) > 0);

    sync::Operation op;
    auto set = sync::diffBodies(onServer ? *base : Json::object(), values);
    if (!set) {
        return set.status();
    }
    op.set = std::move(*set);
    for (const auto& [path, change] : op.set) {
        collectBlobs(change.after, op.blobs);
    }
    if (onServer) {
        op.kind = sync::OpKind::Edit;
        // Before the create is acknowledged the record has no server version yet; the create makes version 1.
        op.baseVer = static_cast<std::uint64_t>(std::max<std::int64_t>(loaded.record.serverVersion, 1));
    } else {
        op.kind = sync::OpKind::Create;
        op.baseVer = 0;
    }
    const std::string text = values.dump();
    if (Status status = SubmissionRepository(m_connection, m_clock).saveDraftBody(loaded.record.id, text); !status) {
        return status;
    }
    loaded.record.body = text;
    if (Status status = fault("record_written"); !status) {
        return status;
    }
    if (onServer && op.set.empty()) {
        return Status::ok();  // nothing new to send
    }
    const std::size_t fields = op.set.size();
    const std::string kind(sync::opKindName(op.kind));
    auto devSeq = enqueue(loaded, std::move(op));
    if (!devSeq) {
        return devSeq.status();
    }
    result.devSeqs.push_back(*devSeq);
    if (Status status = fault("op_enqueued"); !status) {
        return status;
    }
    return AuditRepository(m_connection, m_clock)
        .append(m_options.actor, "save", loaded.record.id,
                kind + " dev_seq " + std::to_string(*devSeq) + ", " + std::to_string(fields) + " field(s)")
        .status();
}

Result<Submission> EntryService::createDraft(NewDraft draft)
{
    auto parsed = parseJson(draft.body);
    if (!parsed) {
        return Status(ErrorCode::InvalidArgument, "submission body: " + parsed.status().message());
    }
    auto values = canonicalValues(*parsed);
    if (!values) {
        return values.status();
    }
    auto form = FormTemplateRepository(m_connection).loadShared(draft.formId, draft.formVersion);
    if (!form) {
        return form.status();
    }
    // A record in a period of the wrong kind (a yearly form in "2026-H2") could never be accepted by the server.
    if (!forms::isValidPeriod((*form)->periodType(), draft.period)) {
        return Status(ErrorCode::InvalidArgument, "kỳ báo cáo \"" + draft.period + "\" không hợp với biểu mẫu " +
                                                      draft.formId + " / period \"" + draft.period +
                                                      "\" is not of the form's kind");
    }
    draft.formVersion = (*form)->version();  // version 0 asked for the newest: record which one
    draft.body = values->dump();
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto record = SubmissionRepository(m_connection, m_clock).createDraft(draft);
    if (!record) {
        return record.status();
    }
    Status status = AuditRepository(m_connection, m_clock)
                        .append(m_options.actor, "create_draft", record->id, record->formId + " " + record->unit)
                        .status();
    if (status) status = transaction.commit();
    if (!status) {
        return status;
    }
    announce(record->id);
    return record;
}

Status EntryService::autosave(const std::string& recordId, const Json& values)
{
    auto canonical = canonicalValues(values);
    if (!canonical) {
        return canonical.status();
    }
    SubmissionRepository records(m_connection, m_clock);
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto record = records.get(recordId);
    if (!record) {
        return record.status();
    }
    if (!editableState(record->state)) {
        return {ErrorCode::FailedPrecondition, "record " + recordId + " is " + record->state + ", not editable"};
    }
    if (Status status = records.saveDraftBody(recordId, canonical->dump()); !status) {
        return status;
    }
    if (Status status = transaction.commit(); !status) {
        return status;
    }
    announce(recordId);
    return Status::ok();
}

Result<EntryResult> EntryService::save(const std::string& recordId, const Json& values, const EntryNotes& notes)
{
    auto canonical = canonicalValues(values);
    if (!canonical) {
        return canonical.status();
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto loaded = load(recordId);
    if (!loaded) {
        return loaded.status();
    }
    if (!editableState(loaded->record.state)) {
        return Status(ErrorCode::FailedPrecondition,
                      "record " + recordId + " is " + loaded->record.state + ", not editable");
    }
    EntryResult result;
    const EntryNotes inEffect = effectiveNotes(*loaded, *canonical, notes);
    auto issues = validateBody(*loaded, *canonical, inEffect);
    if (!issues) {
        return issues.status();
    }
    result.issues = std::move(*issues);
    if (Status status = saveStep(*loaded, forms::bodyWithNotes(*canonical, inEffect), result); !status) {
        return status;
    }
    if (Status status = transaction.commit(); !status) {
        return status;
    }
    announce(recordId);
    auto record = SubmissionRepository(m_connection, m_clock).get(recordId);
    if (!record) {
        return record.status();
    }
    result.record = std::move(*record);
    return result;
}

Result<EntryResult> EntryService::submit(const std::string& recordId, const EntryNotes& notes)
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto loaded = load(recordId);
    if (!loaded) {
        return loaded.status();
    }
    workflow::Action action = workflow::Action::Submit;
    if (loaded->record.state == workflow::toName(workflow::State::Returned)) {
        action = workflow::Action::Resubmit;
    } else if (loaded->record.state != workflow::toName(workflow::State::Draft)) {
        return Status(ErrorCode::FailedPrecondition,
                      "record " + recordId + " is " + loaded->record.state + "; only a draft or returned record can be submitted");
    }
    if (action == workflow::Action::Resubmit) {
        // The server does not see replies (they travel as comments), so this is where the rule holds.
        if (Status status = checkAnswered(recordId); !status) {
            return status;
        }
    }
    auto values = parseJson(loaded->record.body);
    if (!values) {
        return Status(ErrorCode::Corruption, "record " + recordId + ": " + values.status().message());
    }
    auto canonical = canonicalValues(*values);
    if (!canonical) {
        return canonical.status();
    }
    EntryResult result;
    const EntryNotes inEffect = effectiveNotes(*loaded, *canonical, notes);
    auto issues = validateBody(*loaded, *canonical, inEffect);
    if (!issues) {
        return issues.status();
    }
    result.issues = std::move(*issues);
    if (validation::hasErrors(result.issues)) {
        result.refused = true;
        result.record = loaded->record;
        return result;  // the transaction rolls back; nothing was written
    }
    if (Status status = saveStep(*loaded, forms::bodyWithNotes(*canonical, inEffect), result); !status) {
        return status;
    }
    // The content version the submit covers: the server's, plus one per content operation still queued (they
    // come earlier in dev_seq, so the server applies them first).
    auto queued = m_connection.prepare(
        "SELECT COUNT(*) FROM outbox WHERE record_id = ?1 AND status = 'pending' AND kind IN ('create', 'edit')");
    if (!queued) {
        return queued.status();
    }
    if (Status status = queued->bindText(1, recordId); !status) {
        return status;
    }
    auto row = queued->step();
    if (!row) {
        return row.status();
    }
    const std::int64_t pendingContent = *row ? queued->columnInt64(0) : 0;

    sync::Operation op;
    op.kind = sync::OpKind::Transition;
    op.baseVer = static_cast<std::uint64_t>(std::max<std::int64_t>(loaded->record.serverVersion, 1));
    sync::TransitionIntent intent;
    intent.action = std::string(workflow::toName(action));
    intent.from = loaded->record.state;
    intent.to = std::string(workflow::toName(workflow::State::Submitted));
    intent.contentVer = static_cast<std::uint64_t>(loaded->record.contentVersion + pendingContent);
    op.transition = intent;
    auto devSeq = enqueue(*loaded, std::move(op));
    if (!devSeq) {
        return devSeq.status();
    }
    result.devSeqs.push_back(*devSeq);
    Status status = SubmissionRepository(m_connection, m_clock)
                        .setWorkflowPosition(recordId, intent.to, loaded->record.level);
    if (status) status = fault("op_enqueued");
    if (status) {
        status = AuditRepository(m_connection, m_clock)
                     .append(m_options.actor, intent.action, recordId,
                             "dev_seq " + std::to_string(*devSeq) + ", content_ver " + std::to_string(intent.contentVer))
                     .status();
    }
    if (status) status = transaction.commit();
    if (!status) {
        return status;
    }
    announce(recordId);
    auto record = SubmissionRepository(m_connection, m_clock).get(recordId);
    if (!record) {
        return record.status();
    }
    result.record = std::move(*record);
    return result;
}

Result<EntryResult> EntryService::comment(const std::string& recordId, const std::string& text,
                                          const std::optional<std::string>& field)
{
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Status(ErrorCode::InvalidArgument, "a comment needs text");
    }
    const std::string composed = text::composeNfc(text);
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto loaded = load(recordId);
    if (!loaded) {
        return loaded.status();
    }
    sync::Operation op;
    op.kind = sync::OpKind::Comment;
    op.baseVer = static_cast<std::uint64_t>(std::max<std::int64_t>(loaded->record.serverVersion, 1));
    op.comment = sync::CommentIntent{composed, field};
    EntryResult result;
    auto devSeq = enqueue(*loaded, std::move(op));
    if (!devSeq) {
        return devSeq.status();
    }
    result.devSeqs.push_back(*devSeq);
    Status status = AuditRepository(m_connection, m_clock)
                        .append(m_options.actor, "comment", recordId, field ? "field " + *field : std::string())
                        .status();
    if (status) status = transaction.commit();
    if (!status) {
        return status;
    }
    announce(recordId);
    result.record = std::move(loaded->record);
    return result;
}

}  // namespace dantoc::client
