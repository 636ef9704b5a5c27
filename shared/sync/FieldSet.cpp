#include "sync/FieldSet.h"

#include "sync/FieldPath.h"
#include "sync/JsonReader.h"
#include "sync/SyncTuning.h"

#include <vector>

namespace dantoc::sync {

Json fieldSetToJson(const FieldSet& set)
{
    Json out = Json::object();
    for (const auto& [path, change] : set) {
        out[path] = Json::array({change.before, change.after});
    }
    return out;
}

namespace {

// Canonical texts of every path that contains `path` (its ancestors): "r" and "r[a]" for "r[a].x".
std::vector<std::string> ancestorTexts(const FieldPath& path)
{
    std::vector<std::string> out;
    std::string prefix;
    const auto& segs = path.segments();
    for (std::size_t i = 0; i < segs.size(); ++i) {
        const std::string named = prefix + (prefix.empty() ? "" : ".") + segs[i].name;
        const bool last = i + 1 == segs.size();
        if (segs[i].rowId) {
            out.push_back(named);  // the whole roster as one value
            const std::string withId = named + "[" + *segs[i].rowId + "]";
            if (!last) {
                out.push_back(withId);
            }
            prefix = withId;
        } else {
            prefix = named;
        }
    }
    return out;
}

}  // namespace

Status parseFieldSet(const Json& json, std::string_view path, FieldSet& out)
{
    out.clear();
    if (!json.is_object()) {
        return Status(ErrorCode::InvalidArgument, std::string(path) + ": expected an object {path: [old, new]}");
    }
    if (json.size() > tuning::kMaxSetEntriesPerOp) {
        return Status(ErrorCode::InvalidArgument, std::string(path) + ": more than " +
                                                      std::to_string(tuning::kMaxSetEntriesPerOp) + " entries");
    }
    FieldSet result;
    std::vector<FieldPath> parsed;
    parsed.reserve(json.size());
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::string where = joinPath(path, it.key());
        auto fieldPath = FieldPath::parse(it.key());
        if (!fieldPath) {
            return Status(ErrorCode::InvalidArgument, where + ": " + fieldPath.status().message());
        }
        if (fieldPath->toString() != it.key()) {
            return Status(ErrorCode::InvalidArgument, where + ": field path is not in canonical form");
        }
        const Json& pair = it.value();
        if (!pair.is_array() || pair.size() != 2) {
            return Status(ErrorCode::InvalidArgument, where + ": expected [old, new]");
        }
        if (pair[0] == pair[1]) {
            return Status(ErrorCode::InvalidArgument, where + ": old and new values are equal");
        }
        if (fieldPath->addressesRow()) {
            const std::string& rowId = *fieldPath->segments().back().rowId;
            for (const Json& row : pair) {
                if (row.is_null()) {
                    continue;
                }
                if (!row.is_object()) {
                    return Status(ErrorCode::InvalidArgument, where + ": a roster row must be an object or null");
                }
                const std::string* id = jsonString(row, kRowIdKey);
                if (row.contains(kRowIdKey) && (!id || *id != rowId)) {
                    return Status(ErrorCode::InvalidArgument, where + ": the row's _id differs from the path");
                }
            }
        }
        result.emplace(it.key(), FieldChange{pair[0], pair[1]});
        parsed.push_back(std::move(*fieldPath));
    }
    for (const FieldPath& p : parsed) {
        for (const std::string& ancestor : ancestorTexts(p)) {
            if (result.count(ancestor) != 0) {
                return Status(ErrorCode::InvalidArgument, joinPath(path, p.toString()) + ": overlaps \"" + ancestor +
                                                              "\" in the same set");
            }
        }
    }
    out = std::move(result);
    return Status::ok();
}

}  // namespace dantoc::sync
