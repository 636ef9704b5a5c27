// The audit log's hash chain: each entry's hash is SHA-256 over its canonical fields and the previous entry's
// hash, so changing, removing or reordering any row breaks verification. Pure functions; thread-safe.
#pragma once

#include "base/Status.h"
#include "store/StoreTypes.h"

#include <string>
#include <vector>

namespace dantoc::server {

// Hash of the first entry's predecessor.
inline constexpr const char* kAuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// Lower-case hex SHA-256 of the canonical form [seq, at, actor, action, target, detail, prev_hash] (a JSON array,
// compact, UTF-8).
std::string auditEntryHash(std::int64_t seq, const AuditEvent& event, const std::string& prevHash);

// Checks seq continuity (1, 2, 3, ...), every prev_hash link and every hash. Corruption names the first bad seq.
Status verifyAuditChain(const std::vector<AuditEntry>& entries);

std::string sha256Hex(const std::string& data);

}  // namespace dantoc::server
