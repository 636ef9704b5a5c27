// FieldPath: the stable address of one value inside a submission body, as carried in an operation's `set`.
// "village_name", "roster[<row id>]" (a whole row), "roster[<row id>].age", nested "a[<id>].b[<id>].c".
// Roster rows are addressed by their instance id ("_id"), never by array index. Value type; thread-safe.
#pragma once

#include "base/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::sync {

// The member every roster row object carries: its instance id, stable across devices and edits.
inline constexpr std::string_view kRowIdKey = "_id";

struct PathSegment {
    std::string name;                  // field name: [A-Za-z_][A-Za-z0-9_]{0,63}, never "_id"
    std::optional<std::string> rowId;  // [A-Za-z0-9_-]{1,64} when the segment addresses a roster row

    bool operator==(const PathSegment&) const = default;
};

class FieldPath
{
public:
    // Grammar: segment ("." segment)*, segment = name ["[" rowId "]"]; every segment but the last must address
    // a row (plain objects are atomic values, so there is nothing to descend into).
    static Result<FieldPath> parse(std::string_view text);

    const std::vector<PathSegment>& segments() const { return m_segments; }
    // True when the path names a whole roster row ("roster[<id>]"): adding or removing that row.
    bool addressesRow() const { return !m_segments.empty() && m_segments.back().rowId.has_value(); }
    std::string toString() const;
    // True when `other` is this path or lies inside it: "r" contains "r[a]", "r[a]" contains "r[a].x".
    bool contains(const FieldPath& other) const;

    bool operator==(const FieldPath&) const = default;

private:
    std::vector<PathSegment> m_segments;
};

bool isFieldName(std::string_view text);
bool isRowId(std::string_view text);

}  // namespace dantoc::sync
