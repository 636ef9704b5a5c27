#include "store/SqliteRecordStore.h"

#include "store/SchemaParts.h"
#include "store/SqliteRecordRows.h"
#include "store/SqliteRecordTxn.h"

namespace dantoc::server {

using namespace sqlite_rows;

// Placeholder tables of version 2 (never written), replaced in version 3 by kRecordSchemaV3.
const char* const kRecordSchemaV2 = R"SQL(
CREATE TABLE device (device_id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES account(id),
    last_dev_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE record (
    record_id TEXT PRIMARY KEY, form_id TEXT NOT NULL, unit_code TEXT NOT NULL, period_id TEXT,
    version INTEGER NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL, created_by TEXT NOT NULL REFERENCES account(id),
    updated_at INTEGER NOT NULL, change_seq INTEGER NOT NULL);
CREATE INDEX record_unit ON record(unit_code);
CREATE TABLE record_version (
    record_id TEXT NOT NULL REFERENCES record(record_id), version INTEGER NOT NULL, body TEXT NOT NULL,
    state TEXT NOT NULL, author TEXT NOT NULL, at INTEGER NOT NULL, op_id TEXT, PRIMARY KEY (record_id, version));
CREATE TABLE op (
    op_id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL, dev_seq INTEGER NOT NULL, account_id TEXT NOT NULL,
    received_at INTEGER NOT NULL, outcome TEXT NOT NULL, UNIQUE (device_id, dev_seq));
CREATE INDEX op_account ON op(account_id);
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY, record_id TEXT NOT NULL, unit_code TEXT NOT NULL, version INTEGER NOT NULL,
    at INTEGER NOT NULL);
CREATE INDEX change_log_unit ON change_log(unit_code, seq);
CREATE TABLE conflict (
    id INTEGER PRIMARY KEY, record_id TEXT NOT NULL, op_id TEXT NOT NULL, detail TEXT NOT NULL,
    at INTEGER NOT NULL, resolved INTEGER NOT NULL DEFAULT 0);
CREATE TABLE comment (
    id TEXT PRIMARY KEY, record_id TEXT NOT NULL, field_path TEXT, author TEXT NOT NULL REFERENCES account(id),
    body TEXT NOT NULL, at INTEGER NOT NULL);
)SQL";

// Version 3: the sync engine's tables (sync-protocol.md §4-§7). SqliteStore::accountHasData reads op.account_id,
// record.created_by and comment.author. The change log's seq is AUTOINCREMENT: a pull cursor must never see a
// number reused after the newest entries are rolled back.
const char* const kRecordSchemaV3 = R"SQL(
DROP TABLE IF EXISTS comment; DROP TABLE IF EXISTS conflict; DROP TABLE IF EXISTS change_log;
DROP TABLE IF EXISTS op; DROP TABLE IF EXISTS record_version; DROP TABLE IF EXISTS record; DROP TABLE IF EXISTS device;
CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO server_meta (key, value) VALUES ('epoch', 'e-' || lower(hex(randomblob(8))));
CREATE TABLE device (
    device_id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES account(id), name TEXT NOT NULL,
    last_dev_seq INTEGER NOT NULL DEFAULT 0, registered_at INTEGER NOT NULL);
CREATE INDEX device_account ON device(account_id);
CREATE TABLE device_slot (
    device_id TEXT NOT NULL, dev_seq INTEGER NOT NULL, op_id TEXT NOT NULL, PRIMARY KEY (device_id, dev_seq))
    WITHOUT ROWID;
CREATE TABLE op (
    op_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, dev_seq INTEGER NOT NULL, account_id TEXT NOT NULL,
    record_id TEXT NOT NULL, kind TEXT NOT NULL, received_at INTEGER NOT NULL, outcome TEXT NOT NULL,
    op TEXT NOT NULL, parked INTEGER NOT NULL DEFAULT 0);
CREATE INDEX op_account ON op(account_id);
CREATE INDEX op_parked ON op(device_id, dev_seq) WHERE parked = 1;
CREATE TABLE record (
    record_id TEXT PRIMARY KEY, form_id TEXT NOT NULL, form_version INTEGER NOT NULL, unit_code TEXT NOT NULL,
    period_id TEXT NOT NULL, state TEXT NOT NULL, level TEXT NOT NULL, version INTEGER NOT NULL,
    content_version INTEGER NOT NULL, body TEXT NOT NULL, updated_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0, revision INTEGER NOT NULL, accepted_revision INTEGER NOT NULL,
    submit_count INTEGER NOT NULL, created_by TEXT NOT NULL REFERENCES account(id), created_at INTEGER NOT NULL);
CREATE INDEX record_unit ON record(unit_code, period_id);
CREATE TABLE record_version (
    record_id TEXT NOT NULL, form_id TEXT NOT NULL, form_version INTEGER NOT NULL, unit_code TEXT NOT NULL,
    period_id TEXT NOT NULL, state TEXT NOT NULL, level TEXT NOT NULL, version INTEGER NOT NULL,
    content_version INTEGER NOT NULL, body TEXT NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL,
    revision INTEGER NOT NULL, accepted_revision INTEGER NOT NULL, submit_count INTEGER NOT NULL,
    created_by TEXT NOT NULL, created_at INTEGER NOT NULL, author TEXT NOT NULL, op_id TEXT NOT NULL,
    PRIMARY KEY (record_id, version));
CREATE TABLE record_blob (record_id TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (record_id, sha256));
CREATE INDEX record_blob_sha ON record_blob(sha256);
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, record_id TEXT NOT NULL, unit_code TEXT NOT NULL,
    version INTEGER NOT NULL, comment_id TEXT, at INTEGER NOT NULL);
CREATE TABLE conflict (
    conflict_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, op_id TEXT NOT NULL, version INTEGER NOT NULL,
    detail TEXT NOT NULL, author TEXT NOT NULL, at INTEGER NOT NULL, resolved_by TEXT NOT NULL DEFAULT '',
    resolved_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX conflict_record ON conflict(record_id);
CREATE TABLE comment (
    id TEXT PRIMARY KEY, record_id TEXT NOT NULL, field_path TEXT, author TEXT NOT NULL REFERENCES account(id),
    body TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL, op_id TEXT NOT NULL);
CREATE INDEX comment_record ON comment(record_id, at);
)SQL";

namespace {

// One of the transaction's lookups, run in a read transaction (the same SQL as inside a push).
template <typename Lookup>
auto readThroughTxn(SqliteStore& store, Lookup lookup) -> decltype(lookup(std::declval<SqliteRecordTxn&>()))
{
    std::optional<decltype(lookup(std::declval<SqliteRecordTxn&>()))> out;
    Status s = store.read([&](Db& db) {
        SqliteRecordTxn txn(db, store);
        out.emplace(lookup(txn));
        return out->status();
    });
    if (!s) {
        return s;
    }
    return std::move(*out);
}

}  // namespace

Result<std::vector<StoredRecord>> SqliteRecordStore::listRecords(const RecordQuery& query)
{
    std::string sql = std::string("SELECT ") + kRecordColumns + " FROM record WHERE 1";
    std::vector<std::string> params;
    auto in = [&](const char* column, const std::vector<std::string>& values) {
        sql += std::string(" AND ") + column + " IN (";
        for (std::size_t i = 0; i < values.size(); ++i) {
            sql += i ? ",?" : "?";
            params.push_back(values[i]);
        }
        sql += ")";
    };
    if (!query.unitCodes.empty()) {
        in("unit_code", query.unitCodes);
    }
    if (!query.states.empty()) {
        in("state", query.states);
    }
    if (query.formId) {
        sql += " AND form_id = ?";
        params.push_back(*query.formId);
    }
    if (query.period) {
        sql += " AND period_id = ?";
        params.push_back(*query.period);
    }
    if (!query.includeDeleted) {
        sql += " AND deleted = 0";
    }
    sql += " ORDER BY unit_code, period_id, form_id, record_id LIMIT " + std::to_string(query.limit);
    std::vector<StoredRecord> out;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(), sql.c_str());
        for (std::size_t i = 0; i < params.size(); ++i) {
            st.bind(static_cast<int>(i + 1), params[i]);
        }
        return readAll(st, [](const Statement& row) { return recordFrom(row); }, out);
    });
    if (!s) {
        return s;
    }
    return out;
}

Result<std::vector<std::string>> SqliteRecordStore::unitsReferencingBlob(const std::string& sha256)
{
    std::vector<std::string> out;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(),
                     "SELECT DISTINCT r.unit_code FROM record_blob b JOIN record r ON r.record_id = b.record_id "
                     "WHERE b.sha256 = ?1 AND r.deleted = 0 ORDER BY r.unit_code");
        st.bind(1, sha256);
        return readAll(st, [](const Statement& row) { return row.text(0); }, out);
    });
    if (!s) {
        return s;
    }
    return out;
}

Status SqliteRecordStore::inTransaction(const std::function<Status(RecordTxn&)>& body)
{
    return m_db.write([&](Db& db) {
        SqliteRecordTxn txn(db, m_db);
        return body(txn);
    });
}

Result<std::string> SqliteRecordStore::epoch()
{
    std::vector<std::string> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db, "SELECT value FROM server_meta WHERE key = 'epoch'");
        return readAll(st, [](const Statement& row) { return row.text(0); }, found);
    });
    if (!s) {
        return s;
    }
    if (found.empty()) {
        return Status(ErrorCode::Corruption, "the store has no server epoch");
    }
    return found.front();
}

Status SqliteRecordStore::regenerateEpoch()
{
    return m_db.write([](Db& db) {
        return Statement(db.handle(),
                         "UPDATE server_meta SET value = 'e-' || lower(hex(randomblob(8))) WHERE key = 'epoch'")
            .run();
    });
}

Result<DeviceBinding> SqliteRecordStore::registerDevice(const DeviceRow& device, const AuditEvent& audit)
{
    DeviceBinding binding = DeviceBinding::Created;
    Status s = m_db.write([&](Db& db) {
        Statement find(db.handle(), "SELECT account_id FROM device WHERE device_id = ?1");
        find.bind(1, device.deviceId);
        std::vector<std::string> owner;
        if (Status r = readAll(find, [](const Statement& row) { return row.text(0); }, owner); !r) {
            return r;
        }
        if (!owner.empty()) {
            binding = owner.front() == device.accountId ? DeviceBinding::AlreadyYours : DeviceBinding::TakenByOther;
            return Status::ok();
        }
        Statement insert(db.handle(), "INSERT INTO device (device_id, account_id, name, last_dev_seq, registered_at) "
                                      "VALUES (?1, ?2, ?3, 0, ?4)");
        insert.bind(1, device.deviceId).bind(2, device.accountId).bind(3, device.name).bind(4, device.registeredAt);
        if (Status r = insert.run(); !r) {
            return r;
        }
        return m_db.appendAuditInWrite(audit);
    });
    if (!s) {
        return s;
    }
    return binding;
}

Result<std::optional<DeviceRow>> SqliteRecordStore::device(const std::string& deviceId)
{
    return readThroughTxn(m_db, [&](SqliteRecordTxn& txn) { return txn.device(deviceId); });
}

Result<std::vector<ChangeRow>> SqliteRecordStore::changesAfter(std::int64_t afterSeq, int maxRows)
{
    // Record entries join the version row they name; comment entries the comment and its author's name.
    static const std::string sql =
        std::string("SELECT c.seq, c.kind, c.record_id, c.unit_code, ") +
        "v.record_id, v.form_id, v.form_version, v.unit_code, v.period_id, v.state, v.level, v.version, "
        "v.content_version, v.body, v.updated_at, v.deleted, v.revision, v.accepted_revision, v.submit_count, "
        "v.created_by, v.created_at, v.op_id, "
        "EXISTS (SELECT 1 FROM conflict f WHERE f.record_id = c.record_id AND f.resolved_at = 0), " +
        "m.id, m.record_id, m.field_path, m.author, m.body, m.at, m.kind, m.op_id, "
        "COALESCE(a.display_name, a.username, m.author) "
        "FROM change_log c "
        "LEFT JOIN record_version v ON c.kind = 'record' AND v.record_id = c.record_id AND v.version = c.version "
        "LEFT JOIN comment m ON c.kind = 'comment' AND m.id = c.comment_id "
        "LEFT JOIN account a ON a.id = m.author "
        "WHERE c.seq > ?1 ORDER BY c.seq LIMIT ?2";
    std::vector<ChangeRow> out;
    Status s = m_db.read([&](Db& db) {
        Statement st(db, sql);
        st.bind(1, afterSeq).bind(2, std::int64_t{maxRows});
        return readAll(
            st,
            [](const Statement& row) {
                ChangeRow change;
                change.seq = row.integer(0);
                change.kind = row.text(1);
                change.recordId = row.text(2);
                change.unitCode = row.text(3);
                if (change.kind == "record") {
                    change.record = recordFrom(row, 4);
                    change.opIds.push_back(row.text(21));
                    change.hasOpenConflict = row.integer(22) != 0;
                } else {
                    change.comment = commentFrom(row, 23);
                    change.authorName = row.text(31);
                }
                return change;
            },
            out);
    });
    if (!s) {
        return s;
    }
    return out;
}

Result<std::int64_t> SqliteRecordStore::lastSeq()
{
    std::vector<std::int64_t> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db, "SELECT COALESCE(MAX(seq), 0) FROM change_log");
        return readAll(st, [](const Statement& row) { return row.integer(0); }, found);
    });
    if (!s) {
        return s;
    }
    return found.empty() ? 0 : found.front();
}

Result<std::vector<StoredOp>> SqliteRecordStore::parkedOps()
{
    std::vector<StoredOp> out;
    Status s = m_db.read([&](Db& db) {
        Statement st(db, "SELECT op_id, device_id, dev_seq, account_id, record_id, kind, received_at, outcome, "
                                  "op FROM op WHERE parked = 1 ORDER BY device_id, dev_seq");
        return readAll(
            st,
            [](const Statement& row) {
                return StoredOp{row.text(0), row.text(1), row.integer(2), row.text(3), row.text(4),
                                row.text(5), row.integer(6), row.text(7), row.text(8), true};
            },
            out);
    });
    if (!s) {
        return s;
    }
    return out;
}

Result<std::optional<StoredRecord>> SqliteRecordStore::record(const std::string& recordId)
{
    return readThroughTxn(m_db, [&](SqliteRecordTxn& txn) { return txn.record(recordId); });
}

Result<std::vector<CommentRow>> SqliteRecordStore::comments(const std::string& recordId)
{
    std::vector<CommentRow> out;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(), (std::string("SELECT ") + kCommentColumns +
                                   " FROM comment WHERE record_id = ?1 ORDER BY at, id").c_str());
        st.bind(1, recordId);
        return readAll(st, [](const Statement& row) { return commentFrom(row); }, out);
    });
    if (!s) {
        return s;
    }
    return out;
}

Result<std::vector<ConflictRow>> SqliteRecordStore::conflicts(const std::vector<std::string>& recordIds,
                                                              bool includeResolved)
{
    std::string sql = std::string("SELECT ") + kConflictColumns + " FROM conflict WHERE 1";
    if (!includeResolved) {
        sql += " AND resolved_at = 0";
    }
    if (!recordIds.empty()) {
        sql += " AND record_id IN (";
        for (std::size_t i = 0; i < recordIds.size(); ++i) {
            sql += i ? ",?" : "?";
        }
        sql += ")";
    }
    sql += " ORDER BY at, conflict_id";
    std::vector<ConflictRow> out;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(), sql.c_str());
        for (std::size_t i = 0; i < recordIds.size(); ++i) {
            st.bind(static_cast<int>(i + 1), recordIds[i]);
        }
        return readAll(st, conflictFrom, out);
    });
    if (!s) {
        return s;
    }
    return out;
}

Result<std::optional<ConflictRow>> SqliteRecordStore::conflict(const std::string& conflictId)
{
    std::vector<ConflictRow> found;
    Status s = m_db.read([&](Db& db) {
        Statement st(db.handle(),
                     (std::string("SELECT ") + kConflictColumns + " FROM conflict WHERE conflict_id = ?1").c_str());
        st.bind(1, conflictId);
        return readAll(st, conflictFrom, found);
    });
    if (!s) {
        return s;
    }
    return found.empty() ? std::optional<ConflictRow>{} : std::optional<ConflictRow>{found.front()};
}

Status SqliteRecordStore::resolveConflict(const std::string& conflictId, const std::string& accountId,
                                          std::int64_t at, const AuditEvent& audit)
{
    return m_db.write([&](Db& db) {
        Statement find(db.handle(), "SELECT resolved_at, record_id FROM conflict WHERE conflict_id = ?1");
        find.bind(1, conflictId);
        auto row = find.step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return Status(ErrorCode::NotFound, "no conflict " + conflictId);
        }
        if (find.integer(0) != 0) {
            return Status::ok();
        }
        SqliteRecordTxn txn(db, m_db);
        auto record = txn.record(find.text(1));
        if (!record) {
            return record.status();
        }
        if (!*record) {
            return Status(ErrorCode::Corruption, "conflict " + conflictId + " names no record");
        }
        Statement update(db.handle(), "UPDATE conflict SET resolved_by = ?2, resolved_at = ?3 WHERE conflict_id = ?1");
        update.bind(1, conflictId).bind(2, accountId).bind(3, at);
        if (Status s = update.run(); !s) {
            return s;
        }
        // Re-announce the record so every device sees the conflict flag drop.
        if (Status s = txn.logRecordChange(**record, at); !s) {
            return s;
        }
        return m_db.appendAuditInWrite(audit);
    });
}

}  // namespace dantoc::server
