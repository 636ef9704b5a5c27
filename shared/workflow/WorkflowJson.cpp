#include "workflow/WorkflowJson.h"

#include <limits>

namespace dantoc::workflow {

namespace {

Status bad(const std::string& what) { return Status(ErrorCode::InvalidArgument, what); }

Result<std::string> getString(const Json& obj, std::string_view key, bool required = true)
{
    const Json* v = jsonMember(obj, key);
    if (!v) {
        if (required) {
            return bad("missing '" + std::string(key) + "'");
        }
        return std::string();
    }
    if (!v->is_string()) {
        return bad("'" + std::string(key) + "' must be a string");
    }
    return v->get<std::string>();
}

Result<std::int64_t> getInt(const Json& obj, std::string_view key, std::int64_t min, std::int64_t max)
{
    const Json* v = jsonMember(obj, key);
    if (!v) {
        return bad("missing '" + std::string(key) + "'");
    }
    if (!v->is_number_integer()) {
        return bad("'" + std::string(key) + "' must be an integer");
    }
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
        return bad("'" + std::string(key) + "' is out of range");
    }
    const auto n = v->get<std::int64_t>();
    if (n < min || n > max) {
        return bad("'" + std::string(key) + "' is out of range");
    }
    return n;
}

template <typename E>
Result<E> getEnum(const Json& obj, std::string_view key, Result<E> (*parse)(std::string_view))
{
    auto s = getString(obj, key);
    if (!s) {
        return s.status();
    }
    return parse(*s);
}

constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();
constexpr std::int64_t kMaxI64 = std::numeric_limits<std::int64_t>::max();

}  // namespace

Json toJson(const WorkflowState& s)
{
    return Json{{"state", toName(s.state)},         {"level", s.level},
                {"revision", s.revision},           {"accepted_revision", s.acceptedRevision},
                {"submit_count", s.submitCount},    {"content_ver", s.contentVer}};
}

Result<WorkflowState> workflowStateFromJson(const Json& json)
{
    if (!json.is_object()) {
        return bad("workflow state must be an object");
    }
    WorkflowState s;
    auto state = getEnum<State>(json, "state", parseState);
    auto level = getString(json, "level");
    auto revision = getInt(json, "revision", 1, kMaxInt);
    auto accepted = getInt(json, "accepted_revision", 0, kMaxInt);
    auto count = getInt(json, "submit_count", 0, kMaxInt);
    auto ver = getInt(json, "content_ver", 0, kMaxI64);
    for (const Status& st : {state.status(), level.status(), revision.status(), accepted.status(), count.status(),
                             ver.status()}) {
        if (!st.isOk()) {
            return st;
        }
    }
    s.state = *state;
    s.level = *level;
    s.revision = static_cast<int>(*revision);
    s.acceptedRevision = static_cast<int>(*accepted);
    s.submitCount = static_cast<int>(*count);
    s.contentVer = *ver;
    return s;
}

Json toJson(const FieldComment& c)
{
    Json j{{"id", c.id}, {"field", c.fieldPath}, {"text", c.text}};
    if (!c.rowId.empty()) {
        j["row_id"] = c.rowId;
    }
    return j;
}

Json toJson(const CommentReply& r) { return Json{{"comment_id", r.commentId}, {"text", r.text}}; }

Json toJson(const WorkflowEvent& e)
{
    Json comments = Json::array();
    for (const auto& c : e.fieldComments) {
        comments.push_back(toJson(c));
    }
    Json replies = Json::array();
    for (const auto& r : e.replies) {
        replies.push_back(toJson(r));
    }
    return Json{{"action", toName(e.action)},
                {"actor", e.actor},
                {"role", toName(e.role)},
                {"level", e.level},
                {"at", e.at},
                {"reason", e.reason},
                {"field_comments", std::move(comments)},
                {"replies", std::move(replies)},
                {"from_state", toName(e.fromState)},
                {"from_level", e.fromLevel},
                {"to_state", toName(e.toState)},
                {"to_level", e.toLevel},
                {"revision", e.revision},
                {"content_ver", e.contentVer}};
}

Result<WorkflowEvent> workflowEventFromJson(const Json& json)
{
    if (!json.is_object()) {
        return bad("workflow event must be an object");
    }
    WorkflowEvent e;
    auto action = getEnum<Action>(json, "action", parseAction);
    auto actor = getString(json, "actor");
    auto role = getEnum<Role>(json, "role", parseRole);
    auto level = getString(json, "level");
    auto at = getInt(json, "at", 0, kMaxI64);
    auto reason = getString(json, "reason", false);
    auto from = getEnum<State>(json, "from_state", parseState);
    auto fromLevel = getString(json, "from_level");
    auto to = getEnum<State>(json, "to_state", parseState);
    auto toLevel = getString(json, "to_level");
    auto revision = getInt(json, "revision", 1, kMaxInt);
    auto ver = getInt(json, "content_ver", 0, kMaxI64);
    for (const Status& st : {action.status(), actor.status(), role.status(), level.status(), at.status(),
                             reason.status(), from.status(), fromLevel.status(), to.status(), toLevel.status(),
                             revision.status(), ver.status()}) {
        if (!st.isOk()) {
            return st;
        }
    }
    e.action = *action;
    e.actor = *actor;
    e.role = *role;
    e.level = *level;
    e.at = *at;
    e.reason = *reason;
    e.fromState = *from;
    e.fromLevel = *fromLevel;
    e.toState = *to;
    e.toLevel = *toLevel;
    e.revision = static_cast<int>(*revision);
    e.contentVer = *ver;

    if (const Json* comments = jsonMember(json, "field_comments")) {
        if (!comments->is_array()) {
            return bad("'field_comments' must be an array");
        }
        for (const Json& c : *comments) {
            if (!c.is_object()) {
                return bad("a field comment must be an object");
            }
            auto id = getString(c, "id");
            auto field = getString(c, "field");
            auto row = getString(c, "row_id", false);
            auto text = getString(c, "text");
            for (const Status& st : {id.status(), field.status(), row.status(), text.status()}) {
                if (!st.isOk()) {
                    return Status(st.code(), "field comment: " + st.message());
                }
            }
            e.fieldComments.push_back({*id, *field, *row, *text});
        }
    }
    if (const Json* replies = jsonMember(json, "replies")) {
        if (!replies->is_array()) {
            return bad("'replies' must be an array");
        }
        for (const Json& r : *replies) {
            if (!r.is_object()) {
                return bad("a reply must be an object");
            }
            auto id = getString(r, "comment_id");
            auto text = getString(r, "text");
            for (const Status& st : {id.status(), text.status()}) {
                if (!st.isOk()) {
                    return Status(st.code(), "reply: " + st.message());
                }
            }
            e.replies.push_back({*id, *text});
        }
    }
    return e;
}

Json historyToJson(const Chain& chain, const std::vector<WorkflowEvent>& events)
{
    Json list = Json::array();
    for (const auto& e : events) {
        list.push_back(toJson(e));
    }
    return Json{{"chain", chain}, {"events", std::move(list)}};
}

Result<WorkflowHistory> historyFromJson(const Json& json)
{
    if (!json.is_object()) {
        return bad("workflow history must be an object");
    }
    const Json* chainJson = jsonMember(json, "chain");
    const Json* eventsJson = jsonMember(json, "events");
    if (!chainJson || !chainJson->is_array()) {
        return bad("'chain' must be an array of level names");
    }
    if (!eventsJson || !eventsJson->is_array()) {
        return bad("'events' must be an array");
    }
    Chain chain;
    for (const Json& level : *chainJson) {
        if (!level.is_string()) {
            return bad("'chain' must be an array of level names");
        }
        chain.push_back(level.get<std::string>());
    }
    std::vector<WorkflowEvent> events;
    for (std::size_t i = 0; i < eventsJson->size(); ++i) {
        auto e = workflowEventFromJson((*eventsJson)[i]);
        if (!e) {
            return Status(e.status().code(), "event " + std::to_string(i + 1) + ": " + e.status().message());
        }
        events.push_back(std::move(*e));
    }
    return WorkflowHistory::replay(std::move(chain), events);
}

Result<WorkflowHistory> parseHistory(std::string_view text)
{
    auto json = parseJson(text);
    if (!json) {
        return json.status();
    }
    try {
        return historyFromJson(*json);
    } catch (const std::exception& ex) {  // nlohmann type errors cannot happen after the checks; belt and braces
        return Status(ErrorCode::InvalidArgument, std::string("workflow history: ") + ex.what());
    }
}

}  // namespace dantoc::workflow
