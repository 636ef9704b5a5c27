// FieldSet: the `set` of an operation, {path: [old, new]}: for each changed field path, the value the client
// based its edit on and the value it wants. null means absent (a cleared field, a row not there). Value types
// and stateless functions; thread-safe.
#pragma once

#include "base/Json.h"
#include "base/Status.h"

#include <map>
#include <string>
#include <string_view>

namespace dantoc::sync {

struct FieldChange {
    Json before;  // the base value B the client saw (null = absent)
    Json after;   // the client's value C (null = clear the field / remove the row)

    bool operator==(const FieldChange&) const = default;
};

// Keyed by the canonical path text (FieldPath::toString()). Sorted, so a row comes before its columns.
using FieldSet = std::map<std::string, FieldChange>;

Json fieldSetToJson(const FieldSet& set);

// Strict: every key a valid FieldPath in canonical form; every value a 2-element array [old, new] with
// old != new; a row path's values are null or an object whose "_id" (optional, normally omitted) equals the
// path's row id;
// no two paths overlap ("r[a]" together with "r[a].x", or "r" with "r[a]"); at most kMaxSetEntriesPerOp.
// Errors name `path` ("ops[0].set.roster[x].age: ...").
Status parseFieldSet(const Json& json, std::string_view path, FieldSet& out);

}  // namespace dantoc::sync
