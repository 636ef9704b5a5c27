// ReviewCommentRepository: the one writer of table review_comments: reviewers' comments on a submission (optionally
// on one field / repeat row) and the enumerator's replies. Comments are append-only events; only the reply can be
// set, and a record leaving the scope takes its comments with it. Not thread-safe.
#pragma once

#include "core/Connection.h"

#include "base/Clock.h"
#include "base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::client {

struct ReviewComment
{
    std::string id;  // empty on add: a new UUID
    std::string recordId;
    std::string field;  // "" for the whole submission
    std::string rowId;  // repeat-group instance id, "" if none
    std::string author;
    std::string text;
    std::int64_t createdAt = 0;  // 0 on add: now
    std::optional<std::string> reply;
    std::optional<std::int64_t> repliedAt;
};

class ReviewCommentRepository
{
public:
    explicit ReviewCommentRepository(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    // Returns the stored comment (with id and time). The same id twice (a pulled comment seen again) is
    // AlreadyExists.
    Result<ReviewComment> add(ReviewComment comment);
    Result<std::vector<ReviewComment>> forRecord(const std::string& recordId);
    // NotFound for an unknown id.
    Result<ReviewComment> get(const std::string& commentId);
    Status reply(const std::string& commentId, const std::string& text);
    // The field comments of `recordId` that still need a reply before the record may be resubmitted: a field
    // comment (non-empty field) whose author is none of `self` (SyncMetaRepository::selfAuthorNames: this
    // account's own replies come back from the server as comments on the same field) without a non-blank reply.
    // Oldest first.
    Result<std::vector<ReviewComment>> needingReply(const std::string& recordId, const std::vector<std::string>& self);
    // Every comment of a record that left this store's scope (nothing of it stays on the laptop).
    Status removeForRecord(const std::string& recordId);

private:
    Connection& m_connection;
    const Clock& m_clock;
};

}  // namespace dantoc::client
