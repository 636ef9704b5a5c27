#include "core/review/ReviewSnapshotRepository.h"

namespace dantoc::client::review {

Status ReviewSnapshotRepository::keep(const std::string& recordId, std::int64_t contentVersion,
                                      const std::string& body)
{
    if (recordId.empty() || body.empty()) {
        return {ErrorCode::InvalidArgument, "a review snapshot needs a record and a body"};
    }
    // INSERT OR REPLACE: SQLCipher 3.4 is SQLite 3.15, without UPSERT; the row has no other columns to keep.
    auto stmt = m_connection.prepare(
        "INSERT OR REPLACE INTO review_snapshot(record_id, content_ver, body, taken_at) VALUES(?1, ?2, ?3, ?4)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, recordId);
    if (status) status = stmt->bindInt64(2, contentVersion);
    if (status) status = stmt->bindText(3, body);
    if (status) status = stmt->bindInt64(4, m_clock.nowUnixMillis());
    if (status) status = stmt->execute();
    return status;
}

Result<std::optional<ReviewSnapshot>> ReviewSnapshotRepository::get(const std::string& recordId)
{
    auto stmt = m_connection.prepare(
        "SELECT record_id, content_ver, body, taken_at FROM review_snapshot WHERE record_id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, recordId); !status) {
        return status;
    }
    auto rows = stmt->readAll<ReviewSnapshot>([](const Statement& row) {
        return ReviewSnapshot{row.columnText(0), row.columnInt64(1), row.columnText(2), row.columnInt64(3)};
    });
    if (!rows) {
        return rows.status();
    }
    if (rows->empty()) {
        return std::optional<ReviewSnapshot>();
    }
    return std::optional<ReviewSnapshot>(std::move(rows->front()));
}

Status ReviewSnapshotRepository::remove(const std::string& recordId)
{
    auto stmt = m_connection.prepare("DELETE FROM review_snapshot WHERE record_id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, recordId);
    if (status) status = stmt->execute();
    return status;
}

}  // namespace dantoc::client::review
