#include "core/Schema.h"

#include "core/Transaction.h"

#include <array>
#include <string>

namespace dantoc::client {

namespace {

// Step i takes the schema from version i to i+1. Never edit a shipped step; append a new one.
constexpr std::array<const char*, kCurrentSchemaVersion> kMigrations = {
    // 0 -> 1: the stores of sync-design §2.
    R"sql(
CREATE TABLE record(
    id TEXT PRIMARY KEY NOT NULL,          -- client-generated UUID
    form_id TEXT NOT NULL,
    form_ver INTEGER NOT NULL,
    unit TEXT NOT NULL,                    -- administrative unit code (commune, district)
    period TEXT NOT NULL,
    state TEXT NOT NULL,                   -- workflow state name
    level TEXT NOT NULL DEFAULT '',
    server_ver INTEGER NOT NULL DEFAULT 0,
    content_ver INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,                    -- JSON, what the UI shows (server state + pending ops)
    flags INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL            -- unix ms
);
-- "my drafts in this commune, newest first"
CREATE INDEX record_by_unit_state ON record(unit, state, updated_at DESC);
CREATE TABLE record_base(
    id TEXT PRIMARY KEY NOT NULL,
    server_ver INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE outbox(
    dev_seq INTEGER PRIMARY KEY NOT NULL,  -- allocated from sync_meta.next_dev_seq, never reused
    op_id TEXT NOT NULL UNIQUE,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    base_ver INTEGER NOT NULL DEFAULT 0,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',  -- pending | rejected
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX outbox_by_status ON outbox(status, dev_seq);
CREATE INDEX outbox_by_record ON outbox(record_id);
CREATE TABLE op_journal(
    op_id TEXT PRIMARY KEY NOT NULL,
    dev_seq INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    result TEXT,
    acked_at INTEGER NOT NULL
);
CREATE INDEX op_journal_by_time ON op_journal(acked_at);
CREATE TABLE blob(
    sha256 TEXT PRIMARY KEY NOT NULL,
    size INTEGER NOT NULL,
    path TEXT NOT NULL,                    -- encrypted file name under attachments/
    uploaded_offset INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'local'
);
CREATE TABLE sync_meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE keyring(name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL);
CREATE TABLE catalogs(name TEXT PRIMARY KEY NOT NULL, version TEXT NOT NULL, etag TEXT, body TEXT NOT NULL);
CREATE TABLE form_templates(
    id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, etag TEXT, PRIMARY KEY(id, version)
);
CREATE TABLE units(code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, level TEXT, parent TEXT);
CREATE TABLE periods(id TEXT PRIMARY KEY NOT NULL, label TEXT NOT NULL, starts TEXT, ends TEXT, state TEXT);
CREATE TABLE review_comments(
    id TEXT PRIMARY KEY NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT,
    row_id TEXT,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE audit_log(
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_id TEXT,
    detail TEXT
);
)sql",
    // 1 -> 2: replies to review comments, the encrypted application log, period-scoped listing.
    R"sql(
ALTER TABLE review_comments ADD COLUMN reply TEXT;
ALTER TABLE review_comments ADD COLUMN replied_at INTEGER;
CREATE INDEX review_comments_by_record ON review_comments(record_id, created_at);
CREATE INDEX record_by_unit_period_state ON record(unit, period, state, updated_at DESC);
CREATE INDEX audit_by_record ON audit_log(record_id, id);
CREATE TABLE app_log(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL);
)sql",
    // 2 -> 3: the sync client. The journal keeps each acknowledged operation's JSON and device id, because a
    // restored server (epoch change, next_expected_seq going back) needs them re-pushed with the same op_id and
    // dev_seq (sync-protocol §4); rows from before have neither and are never re-pushed.
    R"sql(
ALTER TABLE op_journal ADD COLUMN device_id TEXT;
ALTER TABLE op_journal ADD COLUMN payload TEXT;
CREATE INDEX op_journal_by_device ON op_journal(device_id, dev_seq);
CREATE INDEX op_journal_by_outcome ON op_journal(outcome, record_id);
)sql",
    // 3 -> 4: units keep the validity dates the server gives (issue 14), so an office knows offline since when a
    // unit exists (the 2025 mergers made most communes new) and when one ends. NULL: unknown, or still valid.
    R"sql(
ALTER TABLE units ADD COLUMN valid_from TEXT;
ALTER TABLE units ADD COLUMN valid_to TEXT;
)sql",
    // 4 -> 5: what a reviewer returned (issue 15), so that the resubmitted record can be shown as a diff of what
    // changed since the return. One row per record: the latest return made from this store.
    R"sql(
CREATE TABLE review_snapshot(
    record_id TEXT PRIMARY KEY NOT NULL,
    content_ver INTEGER NOT NULL,
    body TEXT NOT NULL,
    taken_at INTEGER NOT NULL
);
)sql",
};

}  // namespace

Result<int> schemaVersion(Connection& connection)
{
    auto version = connection.queryInt64("PRAGMA user_version");
    if (!version) {
        return version.status();
    }
    return static_cast<int>(*version);
}

Status migrateSchema(Connection& connection, int targetVersion)
{
    if (targetVersion < 0 || targetVersion > kCurrentSchemaVersion) {
        return {ErrorCode::InvalidArgument, "no such schema version"};
    }
    auto current = schemaVersion(connection);
    if (!current) {
        return current.status();
    }
    if (*current > kCurrentSchemaVersion) {
        return {ErrorCode::FailedPrecondition,
                "the store was written by a newer dantoc (schema " + std::to_string(*current) + ")"};
    }
    for (int version = *current; version < targetVersion; ++version) {
        Transaction transaction(connection);
        if (!transaction.status()) {
            return transaction.status();
        }
        if (Status status = connection.exec(kMigrations[static_cast<std::size_t>(version)]); !status) {
            return {status.code(), "migration to schema " + std::to_string(version + 1) + ": " + status.message()};
        }
        if (Status status = connection.exec("PRAGMA user_version = " + std::to_string(version + 1)); !status) {
            return status;
        }
        if (Status status = transaction.commit(); !status) {
            return status;
        }
    }
    return Status::ok();
}

}  // namespace dantoc::client
