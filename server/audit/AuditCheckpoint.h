// Signed audit checkpoints (issue 19, finding 4): the head's seq and hash, when, and an HMAC over them under the
// audit key, written by `dantoc-server audit checkpoint` and kept off the server (mail, paper, the provincial
// archive). `audit verify --checkpoint FILE` then proves that the chain still holds that entry unchanged: deleting
// the last rows, or rebuilding the chain, is caught even by someone holding the database alone. Pure functions;
// thread-safe.
#pragma once

#include "audit/AuditKey.h"
#include "base/Result.h"
#include "store/StoreTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::server {

struct AuditCheckpoint {
    std::int64_t seq = 0;  // 0 for an empty chain
    std::string hash;      // the entry's hash (kAuditGenesisHash for an empty chain)
    std::int64_t at = 0;   // Unix ms when it was taken
    std::string mac;       // hex HMAC-SHA256 of the fields above
};

// A checkpoint of the last entry of `entries` (which the caller has verified), as one line of JSON.
std::string makeAuditCheckpoint(const std::vector<AuditEntry>& entries, const AuditKey& key, std::int64_t now);

// Parses `text` (InvalidArgument when it is not a checkpoint), checks its MAC (Corruption: not made with this
// key, or altered), then that `entries` holds its seq with its hash (Corruption: truncated or rewritten).
Result<AuditCheckpoint> verifyAuditCheckpoint(const std::string& text, const std::vector<AuditEntry>& entries,
                                              const AuditKey& key);

}  // namespace dantoc::server
