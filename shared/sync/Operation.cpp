#include "sync/Operation.h"

#include "sync/FieldPath.h"
#include "sync/JsonReader.h"
#include "sync/SyncTuning.h"

#include <array>
#include <set>

namespace dantoc::sync {

namespace {

constexpr std::array<std::pair<OpKind, std::string_view>, 5> kKindNames{{
    {OpKind::Create, "create"},
    {OpKind::Edit, "edit"},
    {OpKind::Transition, "transition"},
    {OpKind::Comment, "comment"},
    {OpKind::Amend, "amend"},
}};

Status invalid(std::string_view path, std::string_view key, std::string_view what)
{
    return Status(ErrorCode::InvalidArgument, joinPath(path, key) + ": " + std::string(what));
}

Status parseTransition(const Json& json, std::string_view path, TransitionIntent& out)
{
    JsonReader r(json, std::string(path));
    out.action = r.identifier("action");
    out.from = r.identifier("from");
    out.to = r.identifier("to");
    out.contentVer = r.integer("content_ver", 1, tuning::kMaxJsonInteger);
    out.reason = r.optString("reason", tuning::kMaxTextBytes);
    if (const Json* notes = r.object("field_comments", false)) {
        if (notes->size() > tuning::kMaxSetEntriesPerOp) {
            r.fail("field_comments", "too many entries");
        }
        for (auto it = notes->begin(); it != notes->end() && r.ok(); ++it) {
            const std::string where = joinPath(r.childPath("field_comments"), it.key());
            if (!FieldPath::parse(it.key())) {
                r.failAt(where, "not a field path");
                break;
            }
            Status error;
            auto text = readString(it.value(), where, tuning::kMaxTextBytes, error);
            r.absorb(error);
            if (text) {
                out.fieldComments.emplace(it.key(), *text);
            }
        }
    }
    return r.finish();
}

Status parseComment(const Json& json, std::string_view path, CommentIntent& out)
{
    JsonReader r(json, std::string(path));
    out.text = r.string("text", tuning::kMaxTextBytes);
    if (r.ok() && out.text.empty()) {
        r.fail("text", "must not be empty");
    }
    out.field = r.optString("field", tuning::kMaxFieldPathBytes);
    if (out.field && !FieldPath::parse(*out.field)) {
        r.fail("field", "not a field path");
    }
    return r.finish();
}

// Which parts each kind carries (sync-design §3, §6).
Status checkKindRules(const Operation& op, std::string_view path)
{
    const bool hasSet = !op.set.empty();
    switch (op.kind) {
    case OpKind::Create:
        if (op.baseVer != 0) {
            return invalid(path, "base_ver", "must be 0 for create");
        }
        for (const auto& [p, change] : op.set) {
            if (!change.before.is_null()) {
                return invalid(path, "set." + p, "old value of a create must be null");
            }
        }
        break;
    case OpKind::Edit:
    case OpKind::Amend:
        if (!hasSet) {
            return invalid(path, "set", std::string(opKindName(op.kind)) + " needs at least one change");
        }
        break;
    case OpKind::Transition:
        if (!op.transition) {
            return invalid(path, "transition", "required for kind transition");
        }
        break;
    case OpKind::Comment:
        if (!op.comment) {
            return invalid(path, "comment", "required for kind comment");
        }
        break;
    }
    if (op.kind != OpKind::Create && op.baseVer == 0) {
        return invalid(path, "base_ver", "must be >= 1 except for create");
    }
    if (hasSet && (op.kind == OpKind::Transition || op.kind == OpKind::Comment)) {
        return invalid(path, "set", "not allowed for kind " + std::string(opKindName(op.kind)));
    }
    if (op.transition && op.kind != OpKind::Transition) {
        return invalid(path, "transition", "only allowed for kind transition");
    }
    if (op.comment && op.kind != OpKind::Comment && op.kind != OpKind::Amend) {
        return invalid(path, "comment", "only allowed for kinds comment and amend");
    }
    return Status::ok();
}

}  // namespace

std::string_view opKindName(OpKind kind)
{
    for (const auto& [k, name] : kKindNames) {
        if (k == kind) {
            return name;
        }
    }
    return "edit";
}

std::optional<OpKind> parseOpKind(std::string_view text)
{
    for (const auto& [k, name] : kKindNames) {
        if (name == text) {
            return k;
        }
    }
    return std::nullopt;
}

Json FormRef::toJson() const { return Json{{"id", id}, {"version", version}}; }

Status parseFormRef(const Json& json, std::string_view path, FormRef& out)
{
    JsonReader r(json, std::string(path));
    out.id = r.identifier("id");
    out.version = r.integer("version", 1, tuning::kMaxJsonInteger);
    return r.finish();
}

Json toJson(const Operation& op)
{
    Json j{{"op_id", op.opId},           {"device_id", op.deviceId}, {"dev_seq", op.devSeq},
           {"record_id", op.recordId},   {"kind", opKindName(op.kind)}, {"form", op.form.toJson()},
           {"unit", op.unit},            {"period", op.period},    {"base_ver", op.baseVer}};
    if (!op.set.empty()) {
        j["set"] = fieldSetToJson(op.set);
    }
    if (op.transition) {
        const TransitionIntent& t = *op.transition;
        Json tj{{"action", t.action}, {"from", t.from}, {"to", t.to}, {"content_ver", t.contentVer}};
        if (t.reason) {
            tj["reason"] = *t.reason;
        }
        if (!t.fieldComments.empty()) {
            tj["field_comments"] = t.fieldComments;
        }
        j["transition"] = std::move(tj);
    }
    if (op.comment) {
        Json cj{{"text", op.comment->text}};
        if (op.comment->field) {
            cj["field"] = *op.comment->field;
        }
        j["comment"] = std::move(cj);
    }
    if (!op.blobs.empty()) {
        j["blobs"] = op.blobs;
    }
    if (op.clientTime) {
        j["client_time"] = *op.clientTime;
    }
    return j;
}

Result<Operation> parseOperation(const Json& json, std::string_view path)
{
    Operation op;
    JsonReader r(json, std::string(path));
    op.opId = r.uuid("op_id");
    op.deviceId = r.uuid("device_id");
    op.devSeq = r.integer("dev_seq", 1, tuning::kMaxJsonInteger);
    op.recordId = r.uuid("record_id");
    if (const Json* kind = r.member("kind", true)) {
        Status error;
        auto text = readString(*kind, r.childPath("kind"), 32, error);
        r.absorb(error);
        if (text) {
            if (auto k = parseOpKind(*text)) {
                op.kind = *k;
            } else {
                r.fail("kind", "expected one of create, edit, transition, comment, amend");
            }
        }
    }
    if (const Json* form = r.object("form", true); form && r.ok()) {
        r.absorb(parseFormRef(*form, r.childPath("form"), op.form));
    }
    op.unit = r.identifier("unit");
    op.period = r.identifier("period");
    op.baseVer = r.integer("base_ver", 0, tuning::kMaxJsonInteger);
    if (const Json* set = r.member("set", false); set && r.ok()) {
        r.absorb(parseFieldSet(*set, r.childPath("set"), op.set));
    }
    if (const Json* t = r.member("transition", false); t && r.ok()) {
        op.transition.emplace();
        r.absorb(parseTransition(*t, r.childPath("transition"), *op.transition));
    }
    if (const Json* c = r.member("comment", false); c && r.ok()) {
        op.comment.emplace();
        r.absorb(parseComment(*c, r.childPath("comment"), *op.comment));
    }
    if (const Json* blobs = r.array("blobs", false, tuning::kMaxBlobsPerOp); blobs && r.ok()) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < blobs->size() && r.ok(); ++i) {
            const Json& b = (*blobs)[i];
            const std::string where = indexPath(r.childPath("blobs"), i);
            if (!b.is_string() || !isSha256Hex(b.get_ref<const std::string&>())) {
                r.failAt(where, "expected a SHA-256 as 64 lower-case hex digits");
            } else if (!seen.insert(b.get<std::string>()).second) {
                r.failAt(where, "listed twice");
            } else {
                op.blobs.push_back(b.get<std::string>());
            }
        }
    }
    op.clientTime = r.optInteger("client_time", 0, tuning::kMaxJsonInteger);
    Status status = r.finish();
    if (!status) {
        return status;
    }
    status = checkKindRules(op, path);
    if (!status) {
        return status;
    }
    return op;
}

}  // namespace dantoc::sync
