// Pure functions over submission bodies (the "values" object: {"field": v, "roster": [{"_id": "..", ..}]}):
// read and write by FieldPath, apply a FieldSet, diff two bodies into a FieldSet, and the per-field three-way
// merge of sync-design §5. null and absent are the same value; writing null removes the field or row.
// Stateless; thread-safe.
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "sync/FieldPath.h"
#include "sync/FieldSet.h"

#include <string>
#include <vector>

namespace dantoc::sync {

// A roster: an array whose elements are all objects carrying a distinct, valid row id in "_id".
// An empty array is a roster too.
bool isRoster(const Json& value);

// The value at `path` (null when absent). Error (InvalidArgument) when the body's shape contradicts the path,
// e.g. "x[a].y" where x is a number.
Result<Json> valueAt(const Json& body, const FieldPath& path);

// Writes `value` at `path` (null erases). A row path replaces or appends the whole row and sets its "_id".
// NotFound when a row on the way does not exist; InvalidArgument when the shape contradicts the path.
Status writeAt(Json& body, const FieldPath& path, const Json& value);

enum class ApplyMode {
    Overwrite,  // write every new value (pull patches, replaying own pending operations)
    CheckOld,   // first require current == old for every entry, else Conflict and nothing is applied
};

// Applies every entry in path order; all or nothing.
Result<Json> applySet(const Json& body, const FieldSet& set, ApplyMode mode = ApplyMode::Overwrite);

// The FieldSet that turns `from` into `to`: rosters present on both sides (or appearing) are diffed row by row
// by "_id" (row add, row remove, column edits; a whole row travels without "_id", the path names it);
// everything else is compared as one value. Roster row ORDER is
// not carried: apply keeps existing rows in place and appends added rows in path (row id) order.
// InvalidArgument when a changed key cannot be addressed by a FieldPath.
Result<FieldSet> diffBodies(const Json& from, const Json& to);

struct FieldConflict {
    std::string path;
    Json base;    // B: what the client edited from
    Json server;  // S: what the server holds now (kept)
    Json client;  // C: what the client wanted

    Json toJson() const;
    bool operator==(const FieldConflict&) const = default;
};

struct MergeResult {
    Json body;                            // the server body with every non-conflicting change applied
    std::vector<std::string> applied;     // paths written (S = B, took C)
    std::vector<std::string> unchanged;   // paths already holding the client's value (C = S), or C = B
    std::vector<FieldConflict> conflicts; // paths left at S because S, B and C all differ (or the row is gone)
    std::vector<std::string> serverChanged;  // paths where S != B: another writer got there first (the
                                             // `fields` of a merged outcome)

    bool clean() const { return conflicts.empty(); }
};

// Three-way merge of an `edit` (sync-design §5) against the current server body: per path, C = S or C = B
// changes nothing; S = B takes C; otherwise a FieldConflict. A column edit on a row the server removed, and a
// row removal when the server edited the row, are conflicts (no "deletes win"). The caller re-validates the
// merged body.
// Error only for a malformed body or a path contradicting the body's shape.
Result<MergeResult> mergeEdit(const Json& serverBody, const FieldSet& set);

}  // namespace dantoc::sync
