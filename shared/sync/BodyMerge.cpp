#include "sync/BodyMerge.h"

#include <set>

namespace dantoc::sync {

namespace {

Status shapeError(const FieldPath& path, std::string_view what)
{
    return Status(ErrorCode::InvalidArgument, "field path \"" + path.toString() + "\": " + std::string(what));
}

// A row as it travels in a set: without "_id", which the path already carries (saves ~36 bytes per row).
Json withoutRowId(const Json& row)
{
    if (!row.is_object() || !row.contains(kRowIdKey)) {
        return row;
    }
    Json out = row;
    out.erase(std::string(kRowIdKey));
    return out;
}

// Values at a row path compare without "_id" (the path names the row; a set may or may not repeat it).
Json comparable(const FieldPath& path, const Json& value)
{
    return path.addressesRow() ? withoutRowId(value) : value;
}

const Json& nullJson()
{
    static const Json kNull;
    return kNull;
}

// The row with `id` in a roster array, or nullptr.
template <typename J>
J* findRow(J& array, const std::string& id)
{
    for (auto& row : array) {
        const std::string* rowId = jsonString(row, kRowIdKey);
        if (rowId && *rowId == id) {
            return &row;
        }
    }
    return nullptr;
}

bool rowShaped(const Json& array)
{
    for (const auto& row : array) {
        if (!row.is_object() || !jsonString(row, kRowIdKey)) {
            return false;
        }
    }
    return true;
}

// The object holding the path's last segment: the body, or the row named by the segments before it.
// nullptr when a row on the way is absent.
template <typename J>
Result<J*> locateParent(J& body, const FieldPath& path)
{
    if (!body.is_object()) {
        return shapeError(path, "the body is not an object");
    }
    J* current = &body;
    const auto& segs = path.segments();
    for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
        auto it = current->find(segs[i].name);
        if (it == current->end() || it->is_null()) {
            return static_cast<J*>(nullptr);
        }
        if (!it->is_array() || !rowShaped(*it)) {
            return shapeError(path, "\"" + segs[i].name + "\" is not a roster");
        }
        J* row = findRow(*it, *segs[i].rowId);
        if (!row) {
            return static_cast<J*>(nullptr);
        }
        current = row;
    }
    return current;
}

}  // namespace

bool isRoster(const Json& value)
{
    if (!value.is_array()) {
        return false;
    }
    std::set<std::string_view> ids;
    for (const auto& row : value) {
        const std::string* id = row.is_object() ? jsonString(row, kRowIdKey) : nullptr;
        if (!id || !isRowId(*id) || !ids.insert(*id).second) {
            return false;
        }
    }
    return true;
}

Result<Json> valueAt(const Json& body, const FieldPath& path)
{
    auto parent = locateParent(body, path);
    if (!parent) {
        return parent.status();
    }
    if (*parent == nullptr) {
        return Json();
    }
    const PathSegment& last = path.segments().back();
    const Json* member = jsonMember(**parent, last.name);
    if (!member || member->is_null()) {
        return Json();
    }
    if (!last.rowId) {
        return *member;
    }
    if (!member->is_array() || !rowShaped(*member)) {
        return shapeError(path, "\"" + last.name + "\" is not a roster");
    }
    const Json* row = findRow(*member, *last.rowId);
    return row ? *row : Json();
}

Status writeAt(Json& body, const FieldPath& path, const Json& value)
{
    auto parent = locateParent(body, path);
    if (!parent) {
        return parent.status();
    }
    if (*parent == nullptr) {
        return Status(ErrorCode::NotFound, "field path \"" + path.toString() + "\": the row it lies in is absent");
    }
    Json& object = **parent;
    const PathSegment& last = path.segments().back();
    if (!last.rowId) {
        if (value.is_null()) {
            object.erase(last.name);
        } else {
            object[last.name] = value;
        }
        return Status::ok();
    }
    auto it = object.find(last.name);
    if (it == object.end() || it->is_null()) {
        if (value.is_null()) {
            return Status::ok();
        }
        object[last.name] = Json::array();
        it = object.find(last.name);
    }
    if (!it->is_array() || !rowShaped(*it)) {
        return shapeError(path, "\"" + last.name + "\" is not a roster");
    }
    if (!value.is_null() && !value.is_object()) {
        return shapeError(path, "a roster row must be an object");
    }
    Json& rows = *it;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string* id = jsonString(rows[i], kRowIdKey);
        if (id && *id == *last.rowId) {
            if (value.is_null()) {
                rows.erase(i);
            } else {
                rows[i] = value;
                rows[i][kRowIdKey] = *last.rowId;
            }
            return Status::ok();
        }
    }
    if (!value.is_null()) {
        Json row = value;
        row[kRowIdKey] = *last.rowId;
        rows.push_back(std::move(row));
    }
    return Status::ok();
}

Result<Json> applySet(const Json& body, const FieldSet& set, ApplyMode mode)
{
    if (!body.is_object()) {
        return Status(ErrorCode::InvalidArgument, "the body is not an object");
    }
    Json result = body;
    for (const auto& [text, change] : set) {
        auto path = FieldPath::parse(text);
        if (!path) {
            return path.status();
        }
        if (mode == ApplyMode::CheckOld) {
            auto current = valueAt(result, *path);
            if (!current) {
                return current.status();
            }
            if (comparable(*path, *current) != comparable(*path, change.before)) {
                return Status(ErrorCode::Conflict, "field path \"" + text + "\": the current value differs from old");
            }
        }
        Status written = writeAt(result, *path, change.after);
        if (!written) {
            return written;
        }
    }
    return result;
}

namespace {

Status diffObject(const std::string& prefix, const Json& from, const Json& to, FieldSet& out);

Status diffRoster(const std::string& path, const Json& from, const Json& to, FieldSet& out)
{
    const Json empty = Json::array();
    const Json& a = from.is_null() ? empty : from;
    for (const auto& row : a) {
        const std::string& id = row[std::string(kRowIdKey)].get_ref<const std::string&>();
        if (!findRow(to, id)) {
            out.emplace(path + "[" + id + "]", FieldChange{withoutRowId(row), Json()});
        }
    }
    for (const auto& row : to) {
        const std::string& id = row[std::string(kRowIdKey)].get_ref<const std::string&>();
        const Json* old = findRow(a, id);
        if (!old) {
            out.emplace(path + "[" + id + "]", FieldChange{Json(), withoutRowId(row)});
        } else if (*old != row) {
            Status s = diffObject(path + "[" + id + "].", *old, row, out);
            if (!s) {
                return s;
            }
        }
    }
    return Status::ok();
}

Status diffObject(const std::string& prefix, const Json& from, const Json& to, FieldSet& out)
{
    std::set<std::string> keys;
    for (auto it = from.begin(); it != from.end(); ++it) {
        keys.insert(it.key());
    }
    for (auto it = to.begin(); it != to.end(); ++it) {
        keys.insert(it.key());
    }
    for (const std::string& key : keys) {
        if (key == kRowIdKey && !prefix.empty()) {
            continue;  // a row's identity; equal on both sides by construction
        }
        const Json* a = jsonMember(from, key);
        const Json* b = jsonMember(to, key);
        const Json& va = a ? *a : nullJson();
        const Json& vb = b ? *b : nullJson();
        if (va == vb) {
            continue;
        }
        if (!isFieldName(key)) {
            return Status(ErrorCode::InvalidArgument,
                          "key \"" + prefix + key + "\" changed but cannot be addressed by a field path");
        }
        const std::string path = prefix + key;
        const bool fromRoster = va.is_null() || isRoster(va);
        if (fromRoster && isRoster(vb) && !(va.is_null() && vb.empty())) {
            Status s = diffRoster(path, va, vb, out);
            if (!s) {
                return s;
            }
        } else {
            out.emplace(path, FieldChange{va, vb});
        }
    }
    return Status::ok();
}

}  // namespace

Result<FieldSet> diffBodies(const Json& from, const Json& to)
{
    if (!from.is_object() || !to.is_object()) {
        return Status(ErrorCode::InvalidArgument, "diff needs two objects");
    }
    FieldSet out;
    Status s = diffObject("", from, to, out);
    if (!s) {
        return s;
    }
    return out;
}

Json FieldConflict::toJson() const
{
    return Json{{"path", path}, {"base", base}, {"server", server}, {"client", client}};
}

Result<MergeResult> mergeEdit(const Json& serverBody, const FieldSet& set)
{
    if (!serverBody.is_object()) {
        return Status(ErrorCode::InvalidArgument, "the server body is not an object");
    }
    MergeResult result;
    result.body = serverBody;
    for (const auto& [text, change] : set) {
        auto path = FieldPath::parse(text);
        if (!path) {
            return path.status();
        }
        // Entries never overlap (parseFieldSet), so reading S from the partly merged body equals reading it
        // from the original.
        auto server = valueAt(result.body, *path);
        if (!server) {
            return server.status();
        }
        const Json s = comparable(*path, *server);
        const Json b = comparable(*path, change.before);
        const Json c = comparable(*path, change.after);
        if (s != b) {
            result.serverChanged.push_back(text);
        }
        if (c == s || c == b) {
            result.unchanged.push_back(text);  // already the client's value, or the client changed nothing
        } else if (s == b) {
            Status written = writeAt(result.body, *path, c);
            if (written.code() == ErrorCode::NotFound) {
                result.conflicts.push_back({text, b, s, c});  // the row this column lives in is gone
            } else if (!written) {
                return written;
            } else {
                result.applied.push_back(text);
            }
        } else {
            result.conflicts.push_back({text, b, s, c});
        }
    }
    return result;
}

}  // namespace dantoc::sync
