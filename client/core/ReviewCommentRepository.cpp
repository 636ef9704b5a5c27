#include "core/ReviewCommentRepository.h"

#include "base/Uuid.h"

#include <algorithm>

namespace dantoc::client {

Result<ReviewComment> ReviewCommentRepository::add(ReviewComment comment)
{
    if (comment.recordId.empty() || comment.author.empty() || comment.text.empty()) {
        return Status(ErrorCode::InvalidArgument, "a comment needs a record, an author and text");
    }
    if (comment.id.empty()) {
        comment.id = newUuid();
    }
    if (comment.createdAt == 0) {
        comment.createdAt = m_clock.nowUnixMillis();
    }
    auto stmt = m_connection.prepare(
        "INSERT INTO review_comments(id, record_id, field, row_id, author, text, created_at, reply, replied_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, comment.id);
    if (status) status = stmt->bindText(2, comment.recordId);
    if (status) status = stmt->bindText(3, comment.field);
    if (status) status = stmt->bindText(4, comment.rowId);
    if (status) status = stmt->bindText(5, comment.author);
    if (status) status = stmt->bindText(6, comment.text);
    if (status) status = stmt->bindInt64(7, comment.createdAt);
    if (status) status = comment.reply ? stmt->bindText(8, *comment.reply) : stmt->bindNull(8);
    if (status) status = comment.repliedAt ? stmt->bindInt64(9, *comment.repliedAt) : stmt->bindNull(9);
    if (status) status = stmt->execute();
    if (!status) {
        return status;
    }
    return comment;
}

namespace {

ReviewComment readComment(const Statement& row)
{
    ReviewComment comment;
    comment.id = row.columnText(0);
    comment.recordId = row.columnText(1);
    comment.field = row.columnText(2);
    comment.rowId = row.columnText(3);
    comment.author = row.columnText(4);
    comment.text = row.columnText(5);
    comment.createdAt = row.columnInt64(6);
    if (!row.isNull(7)) {
        comment.reply = row.columnText(7);
    }
    if (!row.isNull(8)) {
        comment.repliedAt = row.columnInt64(8);
    }
    return comment;
}

constexpr const char* kCommentColumns =
    "SELECT id, record_id, field, row_id, author, text, created_at, reply, replied_at FROM review_comments ";

}  // namespace

Result<std::vector<ReviewComment>> ReviewCommentRepository::forRecord(const std::string& recordId)
{
    auto stmt = m_connection.prepare(std::string(kCommentColumns) + "WHERE record_id = ?1 ORDER BY created_at, id");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, recordId); !status) {
        return status;
    }
    return stmt->readAll<ReviewComment>(readComment);
}

Result<ReviewComment> ReviewCommentRepository::get(const std::string& commentId)
{
    auto stmt = m_connection.prepare(std::string(kCommentColumns) + "WHERE id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, commentId); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return Status(ErrorCode::NotFound, "no comment " + commentId);
    }
    return readComment(*stmt);
}

Status ReviewCommentRepository::reply(const std::string& commentId, const std::string& text)
{
    if (text.empty()) {
        return {ErrorCode::InvalidArgument, "empty reply"};
    }
    auto stmt = m_connection.prepare("UPDATE review_comments SET reply = ?1, replied_at = ?2 WHERE id = ?3");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, text);
    if (status) status = stmt->bindInt64(2, m_clock.nowUnixMillis());
    if (status) status = stmt->bindText(3, commentId);
    if (status) status = stmt->execute();
    if (status && m_connection.changes() == 0) {
        status = Status(ErrorCode::NotFound, "no comment " + commentId);
    }
    return status;
}

Result<std::vector<ReviewComment>> ReviewCommentRepository::needingReply(const std::string& recordId,
                                                                         const std::vector<std::string>& self)
{
    auto all = forRecord(recordId);
    if (!all) {
        return all.status();
    }
    std::vector<ReviewComment> out;
    for (ReviewComment& comment : *all) {
        const bool answered =
            comment.reply && comment.reply->find_first_not_of(" \t\r\n") != std::string::npos;
        const bool mine = std::find(self.begin(), self.end(), comment.author) != self.end();
        if (!comment.field.empty() && !mine && !answered) {
            out.push_back(std::move(comment));
        }
    }
    return out;
}

Status ReviewCommentRepository::removeForRecord(const std::string& recordId)
{
    auto stmt = m_connection.prepare("DELETE FROM review_comments WHERE record_id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, recordId);
    if (status) status = stmt->execute();
    return status;
}

}  // namespace dantoc::client
