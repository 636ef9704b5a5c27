// ReviewQueue: the records awaiting this account's action (review, forward, accept), from what sync pulled,
// so it works offline: filtered by unit (with the units below it), period and form, each with its deadline,
// whether it is overdue and the actions shared/workflow allows. Refresh it on ChangeNotifier::recordsChanged
// / referenceDataChanged (store.notifier()). A reader; not thread-safe (the Connection's thread).
#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "core/Connection.h"
#include "core/SubmissionRepository.h"
#include "core/review/ReviewPlace.h"
#include "workflow/WorkflowTypes.h"

#include <optional>
#include <string>
#include <vector>

namespace dantoc::client::review {

struct ReviewFilter
{
    std::optional<std::string> unit;   // this unit and every unit below it
    std::optional<std::string> period; // e.g. "2026-H2"
    std::optional<std::string> form;   // form id
};

struct ReviewItem
{
    SubmissionSummary record;
    std::string unitName;                  // "" when the unit is not in the store
    std::string communeName;               // a village's commune ("" for other units or when not in the store)
    std::string periodLabel;               // "" when the period is not in the store
    std::string deadline;                  // the period's last day (YYYY-MM-DD), "" when unknown
    bool overdue = false;                  // the deadline is before today (UTC)
    std::vector<workflow::Action> actions; // what this account may do now, in workflow order
    bool finalLevel = false;               // the account sits at the chain's last level (accepts)
};

class ReviewQueue
{
public:
    explicit ReviewQueue(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    // The records on which this account can return, approve, forward or accept, earliest deadline first, then
    // unit and period. FailedPrecondition when the account's role is unknown (loadIdentity).
    Result<std::vector<ReviewItem>> awaiting(const ReviewFilter& filter = {});
    // One record as the queue would show it, also when nothing awaits this account (actions empty).
    Result<ReviewItem> describe(const std::string& recordId);

private:
    Result<ReviewItem> describe(const SubmissionSummary& record, const ReviewIdentity& who);

    Connection& m_connection;
    const Clock& m_clock;
};

// The reviewer's actions shared/workflow would allow `who` on `record` (preview: what the buttons enable).
Result<std::vector<workflow::Action>> allowedActions(Connection& connection, const SubmissionSummary& record,
                                                     const ReviewIdentity& who);

} // namespace dantoc::client::review
