// Column lists and row readers shared by SqliteRecordStore.cpp and SqliteRecordTxn.cpp (internal to the SQLite
// record store). Stateless.
#pragma once

#include "store/SqliteDb.h"
#include "store/SyncRows.h"

namespace dantoc::server::sqlite_rows {

inline constexpr const char* kRecordColumns =
    "record_id, form_id, form_version, unit_code, period_id, state, level, version, content_version, body, "
    "updated_at, deleted, revision, accepted_revision, submit_count, created_by, created_at";

inline StoredRecord recordFrom(const Statement& st, int first = 0)
{
    StoredRecord r;
    r.recordId = st.text(first + 0);
    r.formId = st.text(first + 1);
    r.formVersion = static_cast<int>(st.integer(first + 2));
    r.unitCode = st.text(first + 3);
    r.period = st.text(first + 4);
    r.state = st.text(first + 5);
    r.level = st.text(first + 6);
    r.version = st.integer(first + 7);
    r.contentVersion = st.integer(first + 8);
    r.bodyJson = st.text(first + 9);
    r.updatedAt = st.integer(first + 10);
    r.deleted = st.integer(first + 11) != 0;
    r.revision = static_cast<int>(st.integer(first + 12));
    r.acceptedRevision = static_cast<int>(st.integer(first + 13));
    r.submitCount = static_cast<int>(st.integer(first + 14));
    r.createdBy = st.text(first + 15);
    r.createdAt = st.integer(first + 16);
    return r;
}

inline constexpr const char* kDeviceColumns = "device_id, account_id, name, last_dev_seq, registered_at";

inline DeviceRow deviceFrom(const Statement& st)
{
    return DeviceRow{st.text(0), st.text(1), st.text(2), st.integer(3), st.integer(4)};
}

inline constexpr const char* kCommentColumns = "id, record_id, field_path, author, body, at, kind, op_id";

inline CommentRow commentFrom(const Statement& st, int first = 0)
{
    CommentRow c;
    c.commentId = st.text(first + 0);
    c.recordId = st.text(first + 1);
    if (!st.isNull(first + 2)) {
        c.field = st.text(first + 2);
    }
    c.authorId = st.text(first + 3);
    c.text = st.text(first + 4);
    c.at = st.integer(first + 5);
    c.kind = st.text(first + 6);
    c.opId = st.text(first + 7);
    return c;
}

inline constexpr const char* kConflictColumns =
    "conflict_id, record_id, op_id, version, detail, author, at, resolved_by, resolved_at";

inline ConflictRow conflictFrom(const Statement& st)
{
    return ConflictRow{st.text(0), st.text(1), st.text(2), st.integer(3), st.text(4),
                       st.text(5), st.integer(6), st.text(7), st.integer(8)};
}

}  // namespace dantoc::server::sqlite_rows
