// RecordComparison: what a reviewer compares a record with (issue 15): the body this store returned (so a
// resubmission shows what changed since the return) or the same unit's record of the same form in the previous
// reporting period. Differences are field paths in FieldPath text ("households_poor", "ethnic_groups[r1].population",
// a whole roster row "households[h3]"), computed by shared/sync diffBodies. A reader; not thread-safe (the
// Connection's thread).
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "core/Connection.h"
#include "core/SubmissionRepository.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::client::review {

struct FieldDifference
{
    std::string path;
    Json before;  // null: absent there
    Json after;   // null: absent now
};

struct Comparison
{
    enum class Basis { None, SinceReturn, PreviousPeriod };
    Basis basis = Basis::None;
    std::string otherRecordId;              // PreviousPeriod: that record
    std::string otherPeriod;                // PreviousPeriod: its period id
    std::int64_t otherContentVersion = 0;   // the compared version (SinceReturn: the one returned)
    std::int64_t takenAt = 0;               // SinceReturn: when it was returned (unix ms)
    Json other = Json::object();            // the body compared with
    std::vector<FieldDifference> changes;   // path order

    bool empty() const { return basis == Basis::None; }
};

// The body this store returned, against `record` now. Basis None when this store never returned it.
Result<Comparison> sinceReturn(Connection& connection, const Submission& record);
// The same unit and form in the latest earlier period this store holds. Basis None when there is none.
Result<Comparison> previousPeriod(Connection& connection, const Submission& record);
// What a reviewer looks at first: the changes since the return when there was one, else the previous period.
Result<Comparison> bestComparison(Connection& connection, const Submission& record);

// The differences between two bodies (JSON objects), path order.
Result<std::vector<FieldDifference>> differences(const Json& before, const Json& after);

}  // namespace dantoc::client::review
