// Push messages (POST /api/v1/sync/push): a device's ordered batch of operations and the server's explicit,
// persisted outcome for each (sync-design §3). Value types and stateless (de)serialization; thread-safe.
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "sync/Operation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::sync {

// User-visible text travels in both languages; Vietnamese first.
struct LocalizedText {
    std::string vi;
    std::string en;

    Json toJson() const { return Json{{"vi", vi}, {"en", en}}; }
    bool operator==(const LocalizedText&) const = default;
};
Status parseLocalizedText(const Json& json, std::string_view path, LocalizedText& out);

struct PushRequest {
    int protocol = 1;       // tuning::kProtocolVersion
    std::string deviceId;   // every op carries the same device_id
    std::vector<Operation> ops;  // strictly increasing dev_seq, distinct op_id, at most kMaxOpsPerPush

    bool operator==(const PushRequest&) const = default;
};

enum class OutcomeKind { Applied, Merged, Conflict, Rejected, Deferred };
std::string_view outcomeKindName(OutcomeKind kind);

// Explicit outcome of one operation. The server stores it under op_id and answers a duplicate with it.
struct OpOutcome {
    std::string opId;
    OutcomeKind kind = OutcomeKind::Applied;
    std::uint64_t ver = 0;            // applied, merged, conflict: the record version after this op
    std::vector<std::string> fields;  // merged: paths another writer had changed meanwhile (merged around)
    std::string conflictId;           // conflict: UUID of the stored conflict item
    std::string code;                 // rejected: stable snake_case code (stale_review, state_changed ...)
    LocalizedText message;            // rejected: why, for the user
    std::string reason;               // deferred: awaiting_attachment, out_of_order, busy

    static OpOutcome applied(std::string opId, std::uint64_t ver);
    static OpOutcome merged(std::string opId, std::uint64_t ver, std::vector<std::string> fields);
    static OpOutcome conflict(std::string opId, std::uint64_t ver, std::string conflictId);
    static OpOutcome rejected(std::string opId, std::string code, LocalizedText message);
    static OpOutcome deferred(std::string opId, std::string reason);

    // True for outcomes that end the op's life in the outbox (everything but deferred).
    bool isFinal() const { return kind != OutcomeKind::Deferred; }

    Json toJson() const;
    bool operator==(const OpOutcome&) const = default;
};
Result<OpOutcome> parseOpOutcome(const Json& json, std::string_view path = "");

// The device database was restored or cloned: the server already holds `devSeq` from this device_id with a
// different op_id. The client registers a new device id and re-pushes its unacknowledged operations.
struct DeviceFork {
    std::uint64_t devSeq = 0;
    bool operator==(const DeviceFork&) const = default;
};

struct PushResponse {
    std::vector<OpOutcome> results;      // one per op processed, in request order (a prefix of the request)
    std::uint64_t nextExpectedSeq = 1;   // the server's last_dev_seq for this device + 1
    std::string serverEpoch;             // compare with the pull cursor's epoch (restore detection)
    std::optional<DeviceFork> fork;      // set: processing stopped at this dev_seq

    bool operator==(const PushResponse&) const = default;
};

Json toJson(const PushRequest& request);
Json toJson(const PushResponse& response);
// Strict parsers; also enforce the request invariants listed above. Unsupported protocol versions are
// FailedPrecondition (HTTP 426), everything else InvalidArgument.
Result<PushRequest> parsePushRequest(const Json& json);
Result<PushResponse> parsePushResponse(const Json& json);

// Error body of any non-2xx sync answer: {"error": {"code": "...", "message": {"vi": "...", "en": "..."}}}.
struct ErrorResponse {
    std::string code;
    LocalizedText message;

    Json toJson() const;
    bool operator==(const ErrorResponse&) const = default;
};
Result<ErrorResponse> parseErrorResponse(const Json& json);

}  // namespace dantoc::sync
