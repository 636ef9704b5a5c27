// Pull messages (POST /api/v1/sync/pull): pages of in-scope changes after a cursor (epoch, seq), including scope
// revocations and comments (sync-design §4). Value types and stateless (de)serialization; thread-safe.
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "sync/FieldSet.h"
#include "sync/Operation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::sync {

// Position in the server's change feed. epoch "" with seq 0 is the very first pull of a device.
struct Cursor {
    std::string epoch;
    std::uint64_t seq = 0;

    Json toJson() const { return Json{{"epoch", epoch}, {"seq", seq}}; }
    bool operator==(const Cursor&) const = default;
};
Status parseCursor(const Json& json, std::string_view path, Cursor& out);

struct PullRequest {
    int protocol = 1;  // tuning::kProtocolVersion
    Cursor cursor;
    std::uint64_t limitBytes = 16 * 1024;  // page cap in compressed bytes; server clamps to kPullPage{Min,Max}Bytes
    std::uint64_t waitMillis = 0;          // long-poll: hold up to this long when nothing is new (<= kLongPollMaxMillis)

    bool operator==(const PullRequest&) const = default;
};

enum class PullItemKind {
    Record,   // a record version (body or patch), or its deletion
    Revoke,   // the record left this user's scope: purge it (keep and flag if it has pending ops)
    Comment,  // an append-only comment or review note
};
std::string_view pullItemKindName(PullItemKind kind);

// A field patch against a version the client holds (sync-design §10).
struct RecordPatch {
    std::uint64_t baseVer = 0;
    FieldSet set;
    bool operator==(const RecordPatch&) const = default;
};

struct PullItem {
    std::uint64_t seq = 0;
    PullItemKind kind = PullItemKind::Record;
    std::string recordId;
    // Record:
    std::uint64_t ver = 0;
    std::string state;                 // workflow state (draft, submitted, returned, approved, forwarded ...)
    std::optional<std::string> level;  // reviewing level when relevant (commune, district, province ...)
    FormRef form;
    std::string unit;
    std::string period;
    std::optional<Json> body;          // the full values object, or
    std::optional<RecordPatch> patch;  // a patch against a version the client holds; neither when deleted
    std::vector<std::string> opIdsApplied;  // op_ids whose effects this version contains
    std::vector<std::string> flags;         // needs_attention, conflict, awaiting_attachment ...
    bool deleted = false;
    // Comment:
    std::string commentId;  // UUID
    std::string author;     // user name of the author
    std::uint64_t at = 0;   // server time, ms since the Unix epoch
    std::string text;
    std::optional<std::string> field;  // a field path

    bool operator==(const PullItem&) const = default;
};

struct PullResponse {
    std::string epoch;        // the server's current epoch
    bool epochReset = false;  // the request's cursor epoch was not the server's: no items; restart from next
    std::vector<PullItem> items;  // strictly increasing seq, all > the request cursor's seq
    Cursor next;                  // the cursor to store with this page (in the same transaction)
    bool more = false;            // pull again immediately

    bool operator==(const PullResponse&) const = default;
};

Json toJson(const PullItem& item);
Json toJson(const PullRequest& request);
Json toJson(const PullResponse& response);
Result<PullItem> parsePullItem(const Json& json, std::string_view path = "");
Result<PullRequest> parsePullRequest(const Json& json);
// Also checks: items' seq strictly increasing and <= next.seq; next.epoch == epoch; epoch_reset pages empty.
Result<PullResponse> parsePullResponse(const Json& json);

}  // namespace dantoc::sync
