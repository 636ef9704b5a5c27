#include "store/SqliteRecordStore.h"

#include "store/SchemaParts.h"

namespace dantoc::server {

// Placeholder: version 1's tables, until the sync handlers define their own. SqliteStore::accountHasData reads
// op.account_id, record.created_by and comment.author.
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

// Placeholders until the sync engine lands.
Result<std::vector<StoredRecord>> SqliteRecordStore::listRecords(const RecordQuery&)
{
    return std::vector<StoredRecord>{};
}

Result<std::vector<std::string>> SqliteRecordStore::unitsReferencingBlob(const std::string&)
{
    return std::vector<std::string>{};
}

}  // namespace dantoc::server
