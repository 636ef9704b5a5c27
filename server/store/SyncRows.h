// Rows of the sync engine's storage (devices, op slots and outcomes, record versions, the change log, comments,
// conflicts), as plain values exchanged between the engine (server/sync) and a RecordStore. Value types.
#pragma once

#include "store/RecordStore.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::server {

struct DeviceRow {
    std::string deviceId;
    std::string accountId;
    std::string name;
    std::int64_t lastDevSeq = 0;
    std::int64_t registeredAt = 0;
};

// The stored outcome of one operation (its idempotency record).
struct StoredOp {
    std::string opId;
    std::string deviceId;
    std::int64_t devSeq = 0;
    std::string accountId;
    std::string recordId;
    std::string kind;         // create, edit, transition, comment, amend
    std::int64_t receivedAt = 0;
    std::string outcomeJson;  // sync::OpOutcome as JSON
    std::string opJson;       // the operation as received
    bool parked = false;      // deferred awaiting_attachment: applied once its attachments are complete
};

struct CommentRow {
    std::string commentId;  // UUID
    std::string recordId;
    std::optional<std::string> field;
    std::string authorId;   // account id
    std::string text;
    std::int64_t at = 0;
    std::string kind = "comment";  // comment, return_reason, field_comment, amend_proposal, conflict
    std::string opId;              // the operation that carried it (may be empty)
};

struct ConflictRow {
    std::string conflictId;  // UUID
    std::string recordId;
    std::string opId;
    std::int64_t version = 0;  // the record version the conflict was recorded at
    std::string detailJson;    // {"fields": [FieldConflict...], "reason": ...}
    std::string authorId;      // whose op conflicted
    std::int64_t at = 0;
    std::string resolvedBy;    // empty while open
    std::int64_t resolvedAt = 0;
};

// One entry of the change feed, with what a pull item needs (joined at read time).
struct ChangeRow {
    std::int64_t seq = 0;
    std::string kind;  // record, comment
    std::string recordId;
    std::string unitCode;
    // record: the record as of this version
    StoredRecord record;
    std::vector<std::string> opIds;  // ops whose effects this version contains
    bool hasOpenConflict = false;
    // comment
    CommentRow comment;
    std::string authorName;
};

}  // namespace dantoc::server
