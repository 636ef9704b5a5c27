// SubmissionRepository: the one writer of submissions (tables `record` and `record_base`): drafts, autosave, paged
// listing, the versions the sync client pulls and the flags its outcomes set. Each write is one transaction (a SAVEPOINT inside a caller's Transaction, so
// a record change and its outbox entry can commit together). Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Clock.h"
#include "base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::client {

struct SubmissionSummary
{
    std::string id;
    std::string formId;
    int formVersion = 0;
    std::string unit;
    std::string period;
    std::string state;
    std::string level;
    std::int64_t serverVersion = 0;
    std::int64_t contentVersion = 0;
    std::int64_t flags = 0;
    std::int64_t updatedAt = 0;  // unix ms
};

struct Submission : SubmissionSummary
{
    std::string body;  // JSON
};

struct NewDraft
{
    std::string id;  // empty: a new UUID
    std::string formId;
    int formVersion = 0;
    std::string unit;
    std::string period;
    std::string level;
    std::string body = "{}";
};

// A record version as the sync client stores it from a pull (sync-protocol §5): what the user sees (the server body
// with the pending sets applied) and the merge base (the server body itself).
struct PulledVersion
{
    std::string id;
    std::string formId;
    int formVersion = 0;
    std::string unit;
    std::string period;
    std::string state;
    std::string level;
    std::int64_t serverVersion = 0;
    std::string shownBody;   // JSON object
    std::string serverBody;  // JSON object: becomes record_base
    std::int64_t flags = 0;

    // The stored record as a pulled version at its own server version (the base = its body): a starting point to
    // change state or version from.
    static PulledVersion of(const Submission& record);
};

// The last server version of a record this store holds (table record_base): what edits are diffed against.
struct MergeBase
{
    std::int64_t serverVersion = 0;
    std::string body;  // JSON object
};

struct SubmissionQuery
{
    std::string unit;
    std::optional<std::string> period;
    std::optional<std::string> state;
    int limit = 50;  // capped at kMaxPage
    int offset = 0;
};

class SubmissionRepository
{
public:
    static constexpr std::int64_t kFlagNeedsAttention = 1;  // a pushed operation was rejected
    static constexpr std::int64_t kFlagLocalChanges = 2;    // edited since the last server version
    static constexpr std::int64_t kFlagConflict = 4;        // a pushed edit conflicted (the server keeps the item)
    static constexpr std::int64_t kFlagRevoked = 8;         // left the user's scope while it had pending operations
    static constexpr std::int64_t kFlagAwaitingAttachment = 16;  // the server parked an op until an upload ends
    static constexpr int kMaxPage = 500;
    static constexpr const char* kDraftState = "draft";

    explicit SubmissionRepository(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    // InvalidArgument for a body that is not a JSON object or missing fields; AlreadyExists for a taken id.
    Result<Submission> createDraft(const NewDraft& draft);
    // Autosave: replaces the body. NotFound for an unknown id.
    Status saveDraftBody(const std::string& id, const std::string& body);
    Result<Submission> get(const std::string& id);
    // Newest first, without bodies.
    Result<std::vector<SubmissionSummary>> list(const SubmissionQuery& query);
    // From a pull: replaces the record (content_ver = the server version: the version the user now sees) and its
    // merge base, in one savepoint. InvalidArgument for a body that is not a JSON object.
    Status storePulled(const PulledVersion& version);
    // The record's merge base; nullopt before its first server version.
    Result<std::optional<MergeBase>> mergeBase(const std::string& id);
    // Removes the record and its merge base (revoked or deleted on the server); false when there was none.
    Result<bool> remove(const std::string& id);
    // NotFound for an unknown id.
    Status setFlags(const std::string& id, std::int64_t setMask, std::int64_t clearMask);
    // As setFlags, but a record that is not (or no longer) here is no error: an outcome for a record purged since.
    Status setFlagsIfPresent(const std::string& id, std::int64_t setMask, std::int64_t clearMask);
    // Every record (any unit) in one of `states`, oldest change first, without bodies: the review queue's
    // candidates. At most kMaxPage * 20 rows; an empty `states` lists nothing.
    Result<std::vector<SubmissionSummary>> listInStates(const std::vector<std::string>& states);
    // The workflow position a queued transition leads to, shown until the server answers (the next pull brings
    // the server's). NotFound for an unknown id.
    Status setWorkflowPosition(const std::string& id, const std::string& state, const std::string& level);

private:
    Connection& m_connection;
    const Clock& m_clock;
};

}  // namespace dantoc::client
