#include "core/review/ReviewQueue.h"

#include "core/PeriodRepository.h"
#include "core/UnitRepository.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <tuple>

namespace dantoc::client::review {

namespace {

constexpr workflow::Action kReviewActions[] = {workflow::Action::Return, workflow::Action::Approve,
                                               workflow::Action::Forward, workflow::Action::Accept,
                                               workflow::Action::Reopen};

std::string today(const Clock& clock)
{
    const auto days = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(clock.nowUnixMillis())));
    const std::chrono::year_month_day ymd{days};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

// Whether `unit` is `root` or lies below it in the store's tree.
bool isWithin(UnitRepository& units, const std::string& unit, const std::string& root)
{
    std::string code = unit;
    for (int depth = 0; depth < 16 && !code.empty(); ++depth) {
        if (code == root) {
            return true;
        }
        auto row = units.get(code);
        if (!row) {
            return false;
        }
        code = row->parent;
    }
    return false;
}

} // namespace

Result<std::vector<workflow::Action>> allowedActions(Connection& connection, const SubmissionSummary& record,
                                                     const ReviewIdentity& who)
{
    auto place = placeRecord(connection, record.unit, who);
    if (!place) {
        return place.status();
    }
    std::vector<workflow::Action> out;
    const workflow::WorkflowState current = workflowStateOf(record, place->chain);
    for (workflow::Action action : kReviewActions) {
        if (workflow::preview(place->actor, current, action, place->chain).allowed()) {
            out.push_back(action);
        }
    }
    return out;
}

Result<ReviewItem> ReviewQueue::describe(const SubmissionSummary& record, const ReviewIdentity& who)
{
    ReviewItem item;
    item.record = record;
    UnitRepository units(m_connection);
    if (auto unit = units.get(record.unit)) {
        item.unitName = unit->name;
        // A village's name alone repeats across communes ("Thôn 1"): its commune tells them apart.
        if (unit->level == "village" && !unit->parent.empty()) {
            if (auto commune = units.get(unit->parent)) {
                item.communeName = commune->name;
            }
        }
    } else if (unit.status().code() != ErrorCode::NotFound) {
        return unit.status();
    }
    if (auto period = PeriodRepository(m_connection).get(record.period)) {
        item.periodLabel = period->label;
        item.deadline = period->ends;
        item.overdue = !period->ends.empty() && period->ends < today(m_clock);
    } else if (period.status().code() != ErrorCode::NotFound) {
        return period.status();
    }
    auto place = placeRecord(m_connection, record.unit, who);
    if (!place) {
        if (place.status().code() == ErrorCode::NotFound) {
            return item; // a unit this store does not know: nothing to offer
        }
        return place.status();
    }
    item.finalLevel = !place->chain.empty() && place->chain.back() == who.level;
    auto actions = allowedActions(m_connection, record, who);
    if (!actions) {
        return actions.status();
    }
    item.actions = std::move(*actions);
    return item;
}

Result<ReviewItem> ReviewQueue::describe(const std::string& recordId)
{
    auto who = loadIdentity(m_connection);
    if (!who) {
        return who.status();
    }
    auto record = SubmissionRepository(m_connection, m_clock).get(recordId);
    if (!record) {
        return record.status();
    }
    return describe(static_cast<const SubmissionSummary&>(*record), *who);
}

Result<std::vector<ReviewItem>> ReviewQueue::awaiting(const ReviewFilter& filter)
{
    auto who = loadIdentity(m_connection);
    if (!who) {
        return who.status();
    }
    // Only these states wait for a reviewer; drafts and returned records wait for their commune.
    auto candidates = SubmissionRepository(m_connection, m_clock)
                          .listInStates({std::string(workflow::toName(workflow::State::Submitted)),
                                         std::string(workflow::toName(workflow::State::Forwarded)),
                                         std::string(workflow::toName(workflow::State::Approved))});
    if (!candidates) {
        return candidates.status();
    }
    UnitRepository units(m_connection);
    std::vector<ReviewItem> out;
    for (const SubmissionSummary& record : *candidates) {
        if ((filter.period && record.period != *filter.period) ||
            (filter.form && record.formId != *filter.form) ||
            (filter.unit && !isWithin(units, record.unit, *filter.unit))) {
            continue;
        }
        auto item = describe(record, *who);
        if (!item) {
            return item.status();
        }
        // Reopen alone (an approval not yet forwarded) is not a pending task; forward is.
        const bool task = std::any_of(item->actions.begin(), item->actions.end(),
                                      [](workflow::Action a) { return a != workflow::Action::Reopen; });
        if (task) {
            out.push_back(std::move(*item));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ReviewItem& a, const ReviewItem& b) {
        // Unknown deadlines last.
        const auto key = [](const ReviewItem& i) {
            return std::make_tuple(i.deadline.empty(), i.deadline, i.record.unit, i.record.period);
        };
        return key(a) < key(b);
    });
    return out;
}

} // namespace dantoc::client::review
