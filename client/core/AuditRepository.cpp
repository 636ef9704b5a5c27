#include "core/AuditRepository.h"

namespace dantoc::client {

Result<std::int64_t> AuditRepository::append(const std::string& actor, const std::string& action,
                                             const std::string& recordId, const std::string& detail)
{
    if (actor.empty() || action.empty()) {
        return Status(ErrorCode::InvalidArgument, "an audit entry needs an actor and an action");
    }
    auto stmt = m_connection.prepare(
        "INSERT INTO audit_log(at, actor, action, record_id, detail) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, m_clock.nowUnixMillis());
    if (status) status = stmt->bindText(2, actor);
    if (status) status = stmt->bindText(3, action);
    if (status) status = recordId.empty() ? stmt->bindNull(4) : stmt->bindText(4, recordId);
    if (status) status = stmt->bindText(5, detail);
    if (status) status = stmt->execute();
    if (!status) {
        return status;
    }
    return m_connection.lastInsertRowId();
}

Result<std::vector<AuditEntry>> AuditRepository::list(const std::string& recordId, int limit)
{
    const char* sql = recordId.empty()
                          ? "SELECT * FROM (SELECT id, at, actor, action, record_id, detail FROM audit_log "
                            "ORDER BY id DESC LIMIT ?2) ORDER BY id"
                          : "SELECT id, at, actor, action, record_id, detail FROM audit_log WHERE record_id = ?1 "
                            "ORDER BY id LIMIT ?2";
    auto stmt = m_connection.prepare(sql);
    if (!stmt) {
        return stmt.status();
    }
    Status status = recordId.empty() ? Status::ok() : stmt->bindText(1, recordId);
    if (status) status = stmt->bindInt64(2, limit);
    if (!status) {
        return status;
    }
    return stmt->readAll<AuditEntry>([](const Statement& row) {
        return AuditEntry{row.columnInt64(0), row.columnInt64(1), row.columnText(2),
                          row.columnText(3),  row.columnText(4),  row.columnText(5)};
    });
}

}  // namespace dantoc::client
