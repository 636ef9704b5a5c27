#include "workflow/WorkflowHistory.h"

#include <algorithm>
#include <set>

namespace dantoc::workflow {

namespace {

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

const CommentReply* findReply(const std::vector<CommentReply>& replies, std::string_view id)
{
    // the latest reply to a comment counts
    for (auto it = replies.rbegin(); it != replies.rend(); ++it) {
        if (it->commentId == id) {
            return &*it;
        }
    }
    return nullptr;
}

}  // namespace

std::vector<FieldComment> unanswered(const std::vector<FieldComment>& comments, const std::vector<CommentReply>& replies)
{
    std::vector<FieldComment> out;
    for (const auto& c : comments) {
        const CommentReply* r = findReply(replies, c.id);
        if (!r || isBlank(r->text)) {
            out.push_back(c);
        }
    }
    return out;
}

bool canResubmit(const std::vector<FieldComment>& comments, const std::vector<CommentReply>& replies)
{
    return unanswered(comments, replies).empty();
}

WorkflowHistory::WorkflowHistory(Chain chain) : m_chain(std::move(chain)), m_state(initialState(m_chain)) {}

Decision WorkflowHistory::apply(const Actor& actor, const Request& request, const EventInfo& info)
{
    Decision invalid;
    invalid.denial = Denial::InvalidComment;

    // Field comments: only with a return; ids unique over the whole history; pinned to a field; with text.
    if (!info.fieldComments.empty()) {
        if (request.action != Action::Return) {
            return invalid;
        }
        std::set<std::string_view> ids;
        for (const auto& e : m_events) {
            for (const auto& c : e.fieldComments) {
                ids.insert(c.id);
            }
        }
        for (const auto& c : info.fieldComments) {
            if (c.id.empty() || c.fieldPath.empty() || isBlank(c.text) || !ids.insert(c.id).second) {
                return invalid;
            }
        }
    }
    // Replies: by the owner, while returned, with a comment or the resubmit itself, to an open comment.
    if (!info.replies.empty()) {
        if ((request.action != Action::Comment && request.action != Action::Resubmit) || actor.scope != Scope::Owner ||
            m_state.state != State::Returned) {
            return invalid;
        }
        for (const auto& r : info.replies) {
            const bool known = std::any_of(m_openComments.begin(), m_openComments.end(),
                                           [&](const FieldComment& c) { return c.id == r.commentId; });
            if (!known || isBlank(r.text)) {
                return invalid;
            }
        }
    }

    Request req = request;
    std::vector<CommentReply> replies = m_replies;
    replies.insert(replies.end(), info.replies.begin(), info.replies.end());
    req.unansweredComments = unanswered(m_openComments, replies).size();

    Decision decision = decide(actor, m_state, req, m_chain);
    if (!decision.allowed()) {
        return decision;
    }
    if (request.action == Action::Save) {
        if (info.newContentVer <= m_state.contentVer) {
            Decision stale;
            stale.denial = Denial::StaleReview;
            return stale;
        }
        decision.next.contentVer = info.newContentVer;
    }

    WorkflowEvent e;
    e.action = request.action;
    e.actor = info.actor;
    e.role = actor.role;
    e.level = actor.level;
    e.at = info.at;
    e.reason = request.reason;
    e.fieldComments = info.fieldComments;
    e.replies = info.replies;
    e.fromState = m_state.state;
    e.fromLevel = m_state.level;
    e.toState = decision.next.state;
    e.toLevel = decision.next.level;
    e.revision = decision.next.revision;
    e.contentVer = request.action == Action::Save ? info.newContentVer : request.seen.contentVer;
    if (request.action == Action::Comment) {
        e.contentVer = m_state.contentVer;
    }
    m_events.push_back(std::move(e));

    if (request.action == Action::Return) {
        m_openComments = info.fieldComments;
        m_replies.clear();
    } else if (decision.next.state != State::Returned) {
        m_openComments.clear();
        m_replies.clear();
    } else {
        m_replies = std::move(replies);
    }
    m_state = decision.next;
    return decision;
}

Result<WorkflowHistory> WorkflowHistory::replay(Chain chain, const std::vector<WorkflowEvent>& events)
{
    if (!isValidChain(chain)) {
        return Status(ErrorCode::InvalidArgument, "invalid review chain");
    }
    WorkflowHistory history(std::move(chain));
    std::int64_t lastAt = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const WorkflowEvent& e = events[i];
        const std::string where = "event " + std::to_string(i + 1) + " (" + std::string(toName(e.action)) + " by '" +
                                  e.actor + "' at " + e.level + "): ";
        if (e.at < lastAt) {
            return Status(ErrorCode::InvalidArgument, where + "time goes backwards");
        }
        lastAt = e.at;
        if (e.fromState != history.m_state.state || e.fromLevel != history.m_state.level) {
            return Status(ErrorCode::InvalidArgument,
                          where + "recorded from " + std::string(toName(e.fromState)) + "@" + e.fromLevel +
                              " but the record was " + std::string(toName(history.m_state.state)) + "@" +
                              history.m_state.level);
        }
        Actor actor;
        actor.role = e.role;
        actor.level = e.level;
        const auto idx = levelIndex(history.m_chain, e.level);
        actor.scope = !idx ? Scope::Unrelated : (*idx == 0 ? Scope::Owner : Scope::Ancestor);
        Request req;
        req.action = e.action;
        req.seen = history.m_state;
        if (e.action != Action::Save && e.action != Action::Comment) {
            req.seen.contentVer = e.contentVer;
        }
        req.reason = e.reason;
        EventInfo info;
        info.actor = e.actor;
        info.at = e.at;
        info.fieldComments = e.fieldComments;
        info.replies = e.replies;
        info.newContentVer = e.contentVer;
        const Decision d = history.apply(actor, req, info);
        if (!d.allowed()) {
            return Status(ErrorCode::InvalidArgument, where + "denied: " + std::string(toName(d.denial)));
        }
        if (e.toState != d.next.state || e.toLevel != d.next.level || e.revision != d.next.revision) {
            return Status(ErrorCode::InvalidArgument,
                          where + "recorded to " + std::string(toName(e.toState)) + "@" + e.toLevel + " rev " +
                              std::to_string(e.revision) + " but the rules give " +
                              std::string(toName(d.next.state)) + "@" + d.next.level + " rev " +
                              std::to_string(d.next.revision));
        }
        if (e.action == Action::Comment && e.contentVer != history.m_events.back().contentVer) {
            return Status(ErrorCode::InvalidArgument, where + "comment records a different content version");
        }
    }
    return history;
}

}  // namespace dantoc::workflow
