// The audit log's chain: each entry's hash is HMAC-SHA256 (audit/AuditKey.h) over its canonical fields and the
// previous entry's hash, so changing, removing or reordering any row breaks verification, and recomputing the
// hashes after an edit needs the key, which is not in the database (issue 19, finding 4). Stores from before the
// key (schema < 6) used plain SHA-256; they are verified with it once and re-keyed by the migration
// (SqliteStore.cpp). Truncating the tail is caught by checkpoints (audit/AuditCheckpoint.h). Pure functions;
// thread-safe.
#pragma once

#include "audit/AuditKey.h"
#include "base/Status.h"
#include "store/StoreTypes.h"

#include <string>
#include <vector>

namespace dantoc::server {

// Hash of the first entry's predecessor.
inline constexpr const char* kAuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// The canonical form [seq, at, actor, action, target, detail, prev_hash] (a JSON array, compact, UTF-8).
std::string auditCanonical(std::int64_t seq, const AuditEvent& event, const std::string& prevHash);

// Lower-case hex HMAC-SHA256 of the canonical form under `key`: the hash of every entry since schema 6.
std::string auditEntryHash(std::int64_t seq, const AuditEvent& event, const std::string& prevHash,
                           const AuditKey& key);
// Lower-case hex SHA-256 of the canonical form: the unkeyed chain of schema < 6, only read by the migration.
std::string auditEntryPlainHash(std::int64_t seq, const AuditEvent& event, const std::string& prevHash);

// Checks seq continuity (1, 2, 3, ...), every prev_hash link and every keyed hash. Corruption names the first bad
// seq.
Status verifyAuditChain(const std::vector<AuditEntry>& entries, const AuditKey& key);
// The same for the unkeyed chain of schema < 6.
Status verifyPlainAuditChain(const std::vector<AuditEntry>& entries);

std::string sha256Hex(const std::string& data);

}  // namespace dantoc::server
