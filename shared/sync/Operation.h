// Operation: one intent operation pushed by a device (sync-design §3): create, edit, transition, comment or
// amend a record, idempotent by op_id and ordered by dev_seq. Value types and stateless (de)serialization;
// thread-safe.
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "sync/FieldSet.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::sync {

enum class OpKind { Create, Edit, Transition, Comment, Amend };

std::string_view opKindName(OpKind kind);  // "create", "edit", ...
std::optional<OpKind> parseOpKind(std::string_view text);

struct FormRef {
    std::string id;             // form id, e.g. "DT-TH01"
    std::uint64_t version = 0;  // form version >= 1

    Json toJson() const;
    bool operator==(const FormRef&) const = default;
};
Status parseFormRef(const Json& json, std::string_view path, FormRef& out);

// A workflow transition as compare-and-set on (state, content_ver) (sync-design §6).
struct TransitionIntent {
    std::string action;             // submit, return, approve, correct, forward, reopen, resubmit ...
    std::string from;               // the state the actor saw
    std::string to;                 // the state the action leads to
    std::uint64_t contentVer = 0;   // the content version the actor saw (an approval covers exactly this)
    std::optional<std::string> reason;                 // free text, e.g. why a record is returned
    std::map<std::string, std::string> fieldComments;  // field path -> review note

    bool operator==(const TransitionIntent&) const = default;
};

// An append-only comment on a record, optionally about one field.
struct CommentIntent {
    std::string text;
    std::optional<std::string> field;  // a field path

    bool operator==(const CommentIntent&) const = default;
};

struct Operation {
    std::string opId;         // UUID, the idempotency key
    std::string deviceId;     // UUID of the registered device
    std::uint64_t devSeq = 0; // 1, 2, 3 ... per device, strictly increasing, no gaps
    std::string recordId;     // UUID chosen by the client at create
    OpKind kind = OpKind::Edit;
    FormRef form;
    std::string unit;         // administrative unit code of the record
    std::string period;       // reporting period code, e.g. "2024-H2"
    std::uint64_t baseVer = 0;  // the server version the client based this on; 0 for create
    FieldSet set;               // create/edit/amend: the field changes (create: every old value null)
    std::optional<TransitionIntent> transition;  // transition only
    std::optional<CommentIntent> comment;        // comment (required), amend (optional justification)
    std::vector<std::string> blobs;              // SHA-256 (hex) of attachments the record references
    std::optional<std::uint64_t> clientTime;     // device clock, ms since the Unix epoch (audit only)

    bool operator==(const Operation&) const = default;
};

Json toJson(const Operation& op);
// Strict: unknown keys, wrong types, bad UUIDs, dev_seq outside 1..2^53-1 and kind/field mismatches
// (e.g. an edit without changes, a transition with a set) are InvalidArgument errors naming the path.
Result<Operation> parseOperation(const Json& json, std::string_view path = "");

}  // namespace dantoc::sync
