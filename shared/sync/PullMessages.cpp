#include "sync/PullMessages.h"

#include "sync/FieldPath.h"
#include "sync/JsonReader.h"
#include "sync/SyncTuning.h"

#include <array>

namespace dantoc::sync {

namespace {

constexpr std::array<std::pair<PullItemKind, std::string_view>, 3> kItemKindNames{{
    {PullItemKind::Record, "record"},
    {PullItemKind::Revoke, "revoke"},
    {PullItemKind::Comment, "comment"},
}};

constexpr std::size_t kMaxAuthorBytes = 256;
constexpr std::size_t kMaxFlags = 16;

// An array of strings, each checked by `valid`.
template <typename Valid>
std::vector<std::string> readStringArray(JsonReader& r, std::string_view key, std::size_t maxItems,
                                         std::size_t maxBytes, Valid valid, std::string_view what)
{
    std::vector<std::string> out;
    const Json* array = r.array(key, false, maxItems);
    if (!array || !r.ok()) {
        return out;
    }
    for (std::size_t i = 0; i < array->size() && r.ok(); ++i) {
        const std::string where = indexPath(r.childPath(key), i);
        Status error;
        auto text = readString((*array)[i], where, maxBytes, error);
        r.absorb(error);
        if (text && !valid(*text)) {
            r.failAt(where, what);
        } else if (text) {
            out.push_back(std::move(*text));
        }
    }
    return out;
}

}  // namespace

std::string_view pullItemKindName(PullItemKind kind)
{
    for (const auto& [k, name] : kItemKindNames) {
        if (k == kind) {
            return name;
        }
    }
    return "record";
}

Status parseCursor(const Json& json, std::string_view path, Cursor& out)
{
    JsonReader r(json, std::string(path));
    out.epoch = r.string("epoch", tuning::kMaxIdentifierBytes);
    out.seq = r.integer("seq", 0, tuning::kMaxJsonInteger);
    if (r.ok() && !out.epoch.empty() && !isIdentifier(out.epoch)) {
        r.fail("epoch", "expected 1-64 characters of A-Z a-z 0-9 _ . : -");
    }
    if (r.ok() && out.epoch.empty() && out.seq != 0) {
        r.fail("seq", "must be 0 while the epoch is empty");
    }
    return r.finish();
}

Json toJson(const PullItem& item)
{
    Json j{{"seq", item.seq}, {"kind", pullItemKindName(item.kind)}, {"record_id", item.recordId}};
    switch (item.kind) {
    case PullItemKind::Record:
        j["ver"] = item.ver;
        j["state"] = item.state;
        if (item.level) {
            j["level"] = *item.level;
        }
        j["form"] = item.form.toJson();
        j["unit"] = item.unit;
        j["period"] = item.period;
        if (item.body) {
            j["body"] = *item.body;
        }
        if (item.patch) {
            j["patch"] = Json{{"base_ver", item.patch->baseVer}, {"set", fieldSetToJson(item.patch->set)}};
        }
        if (!item.opIdsApplied.empty()) {
            j["op_ids_applied"] = item.opIdsApplied;
        }
        if (!item.flags.empty()) {
            j["flags"] = item.flags;
        }
        if (item.deleted) {
            j["deleted"] = true;
        }
        break;
    case PullItemKind::Revoke: break;
    case PullItemKind::Comment:
        j["comment_id"] = item.commentId;
        j["author"] = item.author;
        j["at"] = item.at;
        j["text"] = item.text;
        if (item.field) {
            j["field"] = *item.field;
        }
        break;
    }
    return j;
}

Result<PullItem> parsePullItem(const Json& json, std::string_view path)
{
    PullItem item;
    JsonReader r(json, std::string(path));
    item.seq = r.integer("seq", 1, tuning::kMaxJsonInteger);
    const std::string kind = r.string("kind", 16);
    bool known = false;
    for (const auto& [k, name] : kItemKindNames) {
        if (name == kind) {
            item.kind = k;
            known = true;
        }
    }
    if (r.ok() && !known) {
        r.fail("kind", "expected one of record, revoke, comment");
    }
    item.recordId = r.uuid("record_id");
    if (!r.ok()) {
        return r.finish();
    }
    switch (item.kind) {
    case PullItemKind::Record: {
        item.ver = r.integer("ver", 1, tuning::kMaxJsonInteger);
        item.state = r.identifier("state");
        item.level = r.optIdentifier("level");
        if (const Json* form = r.object("form", true); form && r.ok()) {
            r.absorb(parseFormRef(*form, r.childPath("form"), item.form));
        }
        item.unit = r.identifier("unit");
        item.period = r.identifier("period");
        if (const Json* body = r.object("body", false)) {
            item.body = *body;
        }
        if (const Json* patch = r.object("patch", false); patch && r.ok()) {
            JsonReader pr(*patch, r.childPath("patch"));
            RecordPatch p;
            p.baseVer = pr.integer("base_ver", 1, tuning::kMaxJsonInteger);
            if (const Json* set = pr.object("set", true); set && pr.ok()) {
                pr.absorb(parseFieldSet(*set, pr.childPath("set"), p.set));
            }
            r.absorb(pr.finish());
            if (r.ok() && p.baseVer >= item.ver) {
                r.fail("patch", "base_ver must be older than ver");
            }
            item.patch = std::move(p);
        }
        item.opIdsApplied = readStringArray(r, "op_ids_applied", tuning::kMaxOpsPerPush, 36, isCanonicalUuid,
                                            "expected a lower-case UUID");
        item.flags = readStringArray(r, "flags", kMaxFlags, tuning::kMaxIdentifierBytes, isIdentifier,
                                     "expected an identifier");
        item.deleted = r.optBoolean("deleted").value_or(false);
        if (r.ok()) {
            const int contents = (item.body ? 1 : 0) + (item.patch ? 1 : 0);
            if (item.deleted && contents != 0) {
                r.fail("deleted", "a deleted record carries neither body nor patch");
            } else if (!item.deleted && contents != 1) {
                r.fail("body", "a record item carries exactly one of body and patch");
            }
        }
        break;
    }
    case PullItemKind::Revoke: break;
    case PullItemKind::Comment:
        item.commentId = r.uuid("comment_id");
        item.author = r.string("author", kMaxAuthorBytes);
        item.at = r.integer("at", 0, tuning::kMaxJsonInteger);
        item.text = r.string("text", tuning::kMaxTextBytes);
        item.field = r.optString("field", tuning::kMaxFieldPathBytes);
        if (r.ok() && item.field && !FieldPath::parse(*item.field)) {
            r.fail("field", "not a field path");
        }
        break;
    }
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return item;
}

Json toJson(const PullRequest& request)
{
    Json j{{"protocol", request.protocol}, {"cursor", request.cursor.toJson()}, {"limit_bytes", request.limitBytes}};
    if (request.waitMillis != 0) {
        j["wait_ms"] = request.waitMillis;
    }
    return j;
}

Result<PullRequest> parsePullRequest(const Json& json)
{
    PullRequest request;
    JsonReader r(json, "");
    if (const Json* v = r.member("protocol", true); v && r.ok()) {
        if (!v->is_number_integer()) {
            r.fail("protocol", "expected an integer");
        } else if (v->get<std::int64_t>() != tuning::kProtocolVersion) {
            return Status(ErrorCode::FailedPrecondition, "protocol: version " + v->dump() + " is not supported");
        }
    }
    if (const Json* cursor = r.object("cursor", true); cursor && r.ok()) {
        r.absorb(parseCursor(*cursor, "cursor", request.cursor));
    }
    request.limitBytes = r.integer("limit_bytes", tuning::kPullPageMinBytes, tuning::kPullPageMaxBytes);
    request.waitMillis = r.optInteger("wait_ms", 0, tuning::kLongPollMaxMillis).value_or(0);
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return request;
}

Json toJson(const PullResponse& response)
{
    Json items = Json::array();
    for (const PullItem& item : response.items) {
        items.push_back(toJson(item));
    }
    Json j{{"epoch", response.epoch},
           {"items", std::move(items)},
           {"next", response.next.toJson()},
           {"more", response.more}};
    if (response.epochReset) {
        j["epoch_reset"] = true;
    }
    return j;
}

Result<PullResponse> parsePullResponse(const Json& json)
{
    PullResponse response;
    JsonReader r(json, "");
    response.epoch = r.identifier("epoch");
    response.epochReset = r.optBoolean("epoch_reset").value_or(false);
    if (const Json* items = r.array("items", true, tuning::kMaxItemsPerPull); items && r.ok()) {
        for (std::size_t i = 0; i < items->size() && r.ok(); ++i) {
            auto item = parsePullItem((*items)[i], indexPath("items", i));
            if (!item) {
                r.absorb(item.status());
            } else if (!response.items.empty() && item->seq <= response.items.back().seq) {
                r.failAt(joinPath(indexPath("items", i), "seq"), "not greater than the previous item's");
            } else {
                response.items.push_back(std::move(*item));
            }
        }
    }
    if (const Json* next = r.object("next", true); next && r.ok()) {
        r.absorb(parseCursor(*next, "next", response.next));
    }
    response.more = r.boolean("more");
    if (r.ok() && response.next.epoch != response.epoch) {
        r.fail("next", "epoch differs from the response's epoch");
    }
    if (r.ok() && !response.items.empty() && response.items.back().seq > response.next.seq) {
        r.fail("next", "seq is behind the last item");
    }
    if (r.ok() && response.epochReset && !response.items.empty()) {
        r.fail("items", "an epoch_reset answer carries no items");
    }
    Status status = r.finish();
    if (!status) {
        return status;
    }
    return response;
}

}  // namespace dantoc::sync
