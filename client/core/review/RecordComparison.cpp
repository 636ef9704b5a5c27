#include "core/review/RecordComparison.h"

#include "forms/Submission.h"

#include "core/PeriodRepository.h"
#include "core/review/ReviewSnapshotRepository.h"
#include "sync/BodyMerge.h"

#include <algorithm>
#include <set>

namespace dantoc::client::review {

namespace {

Result<Json> parseBody(const std::string& text)
{
    Json body = Json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return Status(ErrorCode::Corruption, "a stored record body is not a JSON object");
    }
    return body;
}

// Another record's roster rows carry other row ids: pair them with this record's rows by position (the ethnic
// groups and households of a village are entered in the same order period after period), so a row compares with
// its counterpart instead of showing as removed and added.
void alignRosterRows(Json& earlier, const Json& now)
{
    for (auto& [key, rows] : earlier.items()) {
        const auto current = now.find(key);
        if (current == now.end() || !dantoc::sync::isRoster(rows) || !dantoc::sync::isRoster(*current)) {
            continue;
        }
        std::set<std::string> taken;
        const std::size_t paired = std::min(rows.size(), current->size());
        for (std::size_t i = 0; i < paired; ++i) {
            rows[i]["_id"] = (*current)[i]["_id"];
            taken.insert((*current)[i]["_id"].get<std::string>());
        }
        // Rows only the earlier record has keep their ids, unless one is taken by the pairing above.
        for (std::size_t i = paired; i < rows.size(); ++i) {
            if (taken.count(rows[i]["_id"].get<std::string>()) != 0) {
                rows[i]["_id"] = "earlier" + std::to_string(i);
            }
        }
    }
}

}  // namespace

Result<std::vector<FieldDifference>> differences(const Json& before, const Json& after)
{
    auto set = dantoc::sync::diffBodies(before, after);
    if (!set) {
        return set.status();
    }
    std::vector<FieldDifference> out;
    out.reserve(set->size());
    for (const auto& [path, change] : *set) {
        if (path == forms::kBodyNotesKey) {
            continue;  // the warnings' explanations are not answers: shown with their warnings, not as changes
        }
        out.push_back({path, change.before, change.after});
    }
    return out;
}

Result<Comparison> sinceReturn(Connection& connection, const Submission& record)
{
    auto snapshot = ReviewSnapshotRepository(connection).get(record.id);
    if (!snapshot) {
        return snapshot.status();
    }
    Comparison comparison;
    if (!snapshot->has_value()) {
        return comparison;
    }
    auto before = parseBody((*snapshot)->body);
    auto now = parseBody(record.body);
    if (!before) return before.status();
    if (!now) return now.status();
    auto changes = differences(*before, *now);
    if (!changes) {
        return changes.status();
    }
    comparison.basis = Comparison::Basis::SinceReturn;
    comparison.otherRecordId = record.id;
    comparison.otherPeriod = record.period;
    comparison.otherContentVersion = (*snapshot)->contentVersion;
    comparison.takenAt = (*snapshot)->takenAt;
    comparison.other = std::move(*before);
    comparison.changes = std::move(*changes);
    return comparison;
}

Result<Comparison> previousPeriod(Connection& connection, const Submission& record)
{
    auto periods = PeriodRepository(connection).list();  // latest first
    if (!periods) {
        return periods.status();
    }
    const auto self = std::find_if(periods->begin(), periods->end(),
                                   [&](const PeriodRow& period) { return period.id == record.period; });
    Comparison comparison;
    if (self == periods->end()) {
        return comparison;  // a period this store does not know: nothing to order it by
    }
    SubmissionRepository submissions(connection);
    for (auto earlier = std::next(self); earlier != periods->end(); ++earlier) {
        SubmissionQuery query;
        query.unit = record.unit;
        query.period = earlier->id;
        query.limit = 200;
        auto rows = submissions.list(query);
        if (!rows) {
            return rows.status();
        }
        const auto match = std::find_if(rows->begin(), rows->end(), [&](const SubmissionSummary& row) {
            return row.formId == record.formId && row.id != record.id;
        });
        if (match == rows->end()) {
            continue;
        }
        auto other = submissions.get(match->id);
        if (!other) {
            return other.status();
        }
        auto before = parseBody(other->body);
        auto now = parseBody(record.body);
        if (!before) return before.status();
        if (!now) return now.status();
        alignRosterRows(*before, *now);
        auto changes = differences(*before, *now);
        if (!changes) {
            return changes.status();
        }
        comparison.basis = Comparison::Basis::PreviousPeriod;
        comparison.otherRecordId = other->id;
        comparison.otherPeriod = other->period;
        comparison.otherContentVersion = other->contentVersion;
        comparison.other = std::move(*before);
        comparison.changes = std::move(*changes);
        return comparison;
    }
    return comparison;
}

Result<Comparison> bestComparison(Connection& connection, const Submission& record)
{
    auto returned = sinceReturn(connection, record);
    if (!returned || !returned->empty()) {
        return returned;
    }
    return previousPeriod(connection, record);
}

}  // namespace dantoc::client::review
