// EntryService: the one place the GUI and the CLI change submissions. Each user intent changes the record and
// enqueues its sync operation (shared/sync Operation JSON) in ONE transaction, with a local audit entry, so a
// crash leaves both or neither. Autosave changes the body only. Not thread-safe (the Connection's thread).
#pragma once

#include "core/ChangeNotifier.h"
#include "core/Connection.h"
#include "core/SubmissionRepository.h"

#include "base/Clock.h"
#include "base/Json.h"
#include "base/Result.h"
#include "forms/ChoiceListResolver.h"
#include "forms/FormModel.h"
#include "forms/FormTemplate.h"
#include "forms/Submission.h"
#include "sync/Operation.h"
#include "validation/Issue.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::client {

struct EntryOptions
{
    std::string actor = "local";  // who acts, for the local audit trail
    forms::Language language = forms::Language::Vi;
    const forms::ChoiceListResolver* catalogs = nullptr;  // choice lists for choices_from (null: not checked)
    // Told recordsChanged({id}) after each committed intent (usually &Store::notifier()); null: nobody is told.
    // An intent inside the caller's transaction (EntryImporter) is not announced: the caller announces after its
    // commit.
    ChangeNotifier* notifier = nullptr;
};

// Explanations for warnings (forms::Submission::notes): "field", "roster[row id].column" or "check:<id>".
// Not stored with the record yet: neither the client schema nor the sync contract has a place for them, so the
// caller passes them to each save/submit that must validate with them.
using EntryNotes = std::map<std::string, std::string, std::less<>>;

// A reviewer's transition (return, approve, forward, accept, reopen) that the caller (review/ReviewService) decided
// with shared/workflow against the record as stored. Names are workflow names ("approve", "approved").
struct ReviewTransition
{
    std::string recordId;
    std::string action;
    std::string toState;
    std::string toLevel;
    std::int64_t seenContentVersion = 0;  // the content version the reviewer was shown
    std::string reason;                   // return: required (the caller checked)
    std::map<std::string, std::string> fieldComments;  // field path -> note (return only)
};

struct EntryResult
{
    Submission record;                      // the record after the change
    std::vector<validation::Issue> issues;  // validation of the body that was saved/submitted
    bool refused = false;                   // submit only: hard errors, nothing changed
    std::vector<std::int64_t> devSeqs;      // the operations enqueued, in order (empty: nothing to send)
};

class EntryService
{
public:
    explicit EntryService(Connection& connection, EntryOptions options = {},
                          const Clock& clock = SystemClock::instance());

    // A new draft (no operation yet: it is created on the server by the first save). The form must be in the
    // store (formVersion 0: its newest version); roster rows get ids. `draft.body` is the values object.
    Result<Submission> createDraft(NewDraft draft);
    // Autosave: the body only, no operation, no audit. Draft or returned records only.
    Status autosave(const std::string& recordId, const Json& values);
    // Validates and stores `values`, enqueuing ONE operation: `create` the first time, then `edit` with the
    // fields that changed since the last enqueued operation (none when nothing changed). Errors do not block a
    // save (a draft may be incomplete); they are returned in `issues`.
    Result<EntryResult> save(const std::string& recordId, const Json& values, const EntryNotes& notes = {});
    // Saves the current body if it has unsent changes, then enqueues the `submit` (draft) or `resubmit`
    // (returned) transition. Refused (refused = true, nothing changed) when validation finds errors; a resubmit
    // is FailedPrecondition (unanswered_comments, nothing changed) while a reviewer's field comment has no reply.
    Result<EntryResult> submit(const std::string& recordId, const EntryNotes& notes = {});
    // Enqueues a reviewer's transition as a compare-and-set on `seenContentVersion` (the server refuses it with
    // stale_review when the content changed after that version) and shows its target state locally until the
    // server answers. FailedPrecondition (nothing changes) when the stored record's content version is no longer
    // the one the reviewer saw: a pull brought newer content, which must be looked at first.
    Result<EntryResult> review(const ReviewTransition& transition);
    // An append-only comment, optionally about one field path.
    Result<EntryResult> comment(const std::string& recordId, const std::string& text,
                                const std::optional<std::string>& field = std::nullopt);

    // Validates with this service's language, catalogs and clock (today()).
    std::vector<validation::Issue> validateSubmission(const forms::FormTemplate& form,
                                                      const forms::Submission& submission) const;
    // Validates the stored body against the record's form.
    Result<std::vector<validation::Issue>> validate(const std::string& recordId);
    // The body as of the last enqueued operation: record_base (or {}) with the pending create/edit sets applied
    // in dev_seq order. What the next edit is diffed against.
    Result<Json> enqueuedBody(const std::string& recordId);

    // Gives every roster row (an array of objects, at the top or inside a row) an `_id` when it has none, and
    // drops null members (a canonical body has none). InvalidArgument when `values` is not an object.
    // Row ids are UUIDs: the sync grammar ([A-Za-z0-9_-]{1,64}) would allow 10 random characters, but
    // form-format.md and shared/validation require a UUID `_id` (code row_id), and both must hold.
    static Result<Json> canonicalValues(const Json& values);
    static std::string newRowId();

    const EntryOptions& options() const { return m_options; }

    // Tests: called at named steps inside the write transaction ("record_written", "op_enqueued"); an error
    // aborts the intent as a crash there would (the transaction rolls back).
    void setFaultHook(std::function<Status(std::string_view step)> hook) { m_faultHook = std::move(hook); }

private:
    // A record with its form (defined here so that EntryService+Review.cpp can use it).
    struct Loaded
    {
        Submission record;
        std::shared_ptr<const forms::FormTemplate> form;  // shared, parsed once (FormTemplateRepository::loadShared)
    };
    Result<Loaded> load(const std::string& recordId);
    Result<std::vector<validation::Issue>> validateBody(const Loaded& loaded, const Json& values,
                                                        const EntryNotes& notes);
    // Inside a transaction: writes the body and enqueues create/edit when it differs from the enqueued body.
    Status saveStep(Loaded& loaded, const Json& values, EntryResult& result);
    // The warnings' explanations in effect for a save or submit (they are stored in the body, forms::kBodyNotesKey):
    // those `values` carries (a caller passing a whole stored body), else the record's stored ones, with `given`
    // on top (an empty text removes one). Takes them out of `values`; composed to NFC like the values.
    static EntryNotes effectiveNotes(const Loaded& loaded, Json& values, const EntryNotes& given);
    // Fills the record's identity, device, dev_seq and op id, checks the JSON with parseOperation, enqueues.
    Result<std::int64_t> enqueue(const Loaded& loaded, dantoc::sync::Operation op);
    Status fault(std::string_view step);
    // OK when every reviewer field comment of the record has a reply (EntryService+Review.cpp).
    Status checkAnswered(const std::string& recordId);
    // After a successful commit: recordsChanged({recordId}) unless the commit only released a savepoint.
    void announce(const std::string& recordId);

    Connection& m_connection;
    EntryOptions m_options;
    const Clock& m_clock;
    std::function<Status(std::string_view)> m_faultHook;
};

}  // namespace dantoc::client
