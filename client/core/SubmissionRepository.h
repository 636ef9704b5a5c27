// SubmissionRepository: submissions (table `record`) as the UI sees them: drafts, autosave, paged listing, and the
// state the sync client brings back. Each write is one transaction (a SAVEPOINT inside a caller's Transaction, so
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
    // From sync: the server's state and version; the confirmed body (if given) also becomes the merge base.
    Status applyServerState(const std::string& id, const std::string& state, std::int64_t serverVersion,
                            std::int64_t contentVersion, const std::optional<std::string>& serverBody);
    Status setFlags(const std::string& id, std::int64_t setMask, std::int64_t clearMask);
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
