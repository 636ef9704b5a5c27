#include "store/SqliteRecordTxn.h"

#include "store/SqliteRecordRows.h"

namespace dantoc::server {

using namespace sqlite_rows;

Result<std::optional<DeviceRow>> SqliteRecordTxn::device(const std::string& deviceId)
{
    Statement st(m_db, (std::string("SELECT ") + kDeviceColumns + " FROM device WHERE device_id = ?1").c_str());
    st.bind(1, deviceId);
    return readOne<DeviceRow>(st, deviceFrom);
}

Result<std::optional<std::string>> SqliteRecordTxn::opIdAtSlot(const std::string& deviceId, std::int64_t devSeq)
{
    Statement st(m_db, "SELECT op_id FROM device_slot WHERE device_id = ?1 AND dev_seq = ?2");
    st.bind(1, deviceId).bind(2, devSeq);
    return readOne<std::string>(st, [](const Statement& row) { return row.text(0); });
}

Result<std::optional<StoredOp>> SqliteRecordTxn::storedOp(const std::string& opId)
{
    Statement st(m_db, "SELECT op_id, device_id, dev_seq, account_id, record_id, kind, received_at, "
                                "outcome, op, parked FROM op WHERE op_id = ?1");
    st.bind(1, opId);
    return readOne<StoredOp>(st, [](const Statement& row) {
        return StoredOp{row.text(0), row.text(1), row.integer(2), row.text(3), row.text(4),
                        row.text(5), row.integer(6), row.text(7), row.text(8), row.integer(9) != 0};
    });
}

Status SqliteRecordTxn::advanceSlot(const std::string& deviceId, std::int64_t devSeq, const std::string& opId)
{
    Statement slot(m_db, "INSERT INTO device_slot (device_id, dev_seq, op_id) VALUES (?1, ?2, ?3)");
    slot.bind(1, deviceId).bind(2, devSeq).bind(3, opId);
    if (Status s = slot.run(); !s) {
        return s;
    }
    Statement last(m_db, "UPDATE device SET last_dev_seq = ?2 WHERE device_id = ?1");
    last.bind(1, deviceId).bind(2, devSeq);
    return last.run();
}

Status SqliteRecordTxn::insertOp(const StoredOp& op)
{
    Statement st(m_db, "INSERT INTO op (op_id, device_id, dev_seq, account_id, record_id, kind, "
                                "received_at, outcome, op, parked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    st.bind(1, op.opId).bind(2, op.deviceId).bind(3, op.devSeq).bind(4, op.accountId).bind(5, op.recordId);
    st.bind(6, op.kind).bind(7, op.receivedAt).bind(8, op.outcomeJson).bind(9, op.opJson);
    st.bind(10, std::int64_t{op.parked ? 1 : 0});
    return st.run();
}

Result<bool> SqliteRecordTxn::hasParkedOp(const std::string& deviceId, const std::string& recordId)
{
    Statement st(m_db, "SELECT EXISTS (SELECT 1 FROM op WHERE parked = 1 AND device_id = ?1 AND record_id = ?2)");
    st.bind(1, deviceId).bind(2, recordId);
    auto found = readOne<bool>(st, [](const Statement& row) { return row.integer(0) != 0; });
    if (!found) {
        return found.status();
    }
    return found->value_or(false);
}

Status SqliteRecordTxn::unpark(const std::string& opId, const std::string& outcomeJson)
{
    Statement st(m_db, "UPDATE op SET parked = 0, outcome = ?2 WHERE op_id = ?1 AND parked = 1");
    st.bind(1, opId).bind(2, outcomeJson);
    return st.run();
}

Result<std::optional<StoredRecord>> SqliteRecordTxn::record(const std::string& recordId)
{
    Statement st(m_db.handle(),
                 (std::string("SELECT ") + kRecordColumns + " FROM record WHERE record_id = ?1").c_str());
    st.bind(1, recordId);
    return readOne<StoredRecord>(st, [](const Statement& row) { return recordFrom(row); });
}

namespace {

// Binds the 17 record columns (kRecordColumns order) from index 1.
void bindRecord(Statement& st, const StoredRecord& r)
{
    st.bind(1, r.recordId).bind(2, r.formId).bind(3, std::int64_t{r.formVersion}).bind(4, r.unitCode);
    st.bind(5, r.period).bind(6, r.state).bind(7, r.level).bind(8, r.version).bind(9, r.contentVersion);
    st.bind(10, r.bodyJson).bind(11, r.updatedAt).bind(12, std::int64_t{r.deleted ? 1 : 0});
    st.bind(13, std::int64_t{r.revision}).bind(14, std::int64_t{r.acceptedRevision});
    st.bind(15, std::int64_t{r.submitCount}).bind(16, r.createdBy).bind(17, r.createdAt);
}

constexpr const char* kRecordPlaceholders = "?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17";

}  // namespace

Status SqliteRecordTxn::writeVersion(const StoredRecord& record, const std::string& opId, const std::string& authorId,
                                     const std::vector<std::string>& blobs)
{
    Statement current(m_db, (std::string("INSERT OR REPLACE INTO record (") + kRecordColumns +
                                      ") VALUES (" + kRecordPlaceholders + ")")
                                         .c_str());
    bindRecord(current, record);
    if (Status s = current.run(); !s) {
        return s;
    }
    Statement version(m_db, (std::string("INSERT INTO record_version (") + kRecordColumns +
                                      ", author, op_id) VALUES (" + kRecordPlaceholders + ",?18,?19)")
                                         .c_str());
    bindRecord(version, record);
    version.bind(18, authorId).bind(19, opId);
    if (Status s = version.run(); !s) {
        return s;
    }
    for (const std::string& sha : blobs) {
        Statement blob(m_db, "INSERT OR IGNORE INTO record_blob (record_id, sha256) VALUES (?1, ?2)");
        blob.bind(1, record.recordId).bind(2, sha);
        if (Status s = blob.run(); !s) {
            return s;
        }
    }
    return logRecordChange(record, record.updatedAt);
}

Status SqliteRecordTxn::logRecordChange(const StoredRecord& record, std::int64_t at)
{
    Statement log(m_db, "INSERT INTO change_log (kind, record_id, unit_code, version, at) "
                                 "VALUES ('record', ?1, ?2, ?3, ?4)");
    log.bind(1, record.recordId).bind(2, record.unitCode).bind(3, record.version).bind(4, at);
    return log.run();
}

Status SqliteRecordTxn::insertComment(const CommentRow& comment, const std::string& unitCode)
{
    Statement st(m_db, (std::string("INSERT INTO comment (") + kCommentColumns +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                                    .c_str());
    st.bind(1, comment.commentId).bind(2, comment.recordId).bindOptional(3, comment.field);
    st.bind(4, comment.authorId).bind(5, comment.text).bind(6, comment.at).bind(7, comment.kind).bind(8, comment.opId);
    if (Status s = st.run(); !s) {
        return s;
    }
    Statement log(m_db, "INSERT INTO change_log (kind, record_id, unit_code, version, comment_id, at) "
                                 "VALUES ('comment', ?1, ?2, 0, ?3, ?4)");
    log.bind(1, comment.recordId).bind(2, unitCode).bind(3, comment.commentId).bind(4, comment.at);
    return log.run();
}

Status SqliteRecordTxn::insertConflict(const ConflictRow& conflict)
{
    Statement st(m_db, (std::string("INSERT INTO conflict (") + kConflictColumns +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                                    .c_str());
    st.bind(1, conflict.conflictId).bind(2, conflict.recordId).bind(3, conflict.opId).bind(4, conflict.version);
    st.bind(5, conflict.detailJson).bind(6, conflict.authorId).bind(7, conflict.at).bind(8, conflict.resolvedBy);
    st.bind(9, conflict.resolvedAt);
    return st.run();
}

}  // namespace dantoc::server
