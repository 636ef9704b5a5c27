#include "aggregation/AggregationTypes.h"

namespace dantoc::aggregation {

std::string_view toName(Rule rule)
{
    switch (rule) {
    case Rule::Sum: return "sum";
    case Rule::WeightedMean: return "weighted_mean";
    case Rule::Ratio: return "ratio";
    case Rule::Count: return "count";
    case Rule::None: return "none";
    }
    return "none";
}

std::optional<Rule> parseRule(std::string_view name)
{
    for (Rule r : {Rule::Sum, Rule::WeightedMean, Rule::Ratio, Rule::Count, Rule::None}) {
        if (toName(r) == name) {
            return r;
        }
    }
    return std::nullopt;
}

std::string_view toName(IssueKind kind)
{
    switch (kind) {
    case IssueKind::UnknownIndicator: return "unknown_indicator";
    case IssueKind::UnmappedUnit: return "unmapped_unit";
    case IssueKind::DuplicateObservation: return "duplicate_observation";
    case IssueKind::InvalidValue: return "invalid_value";
    }
    return "unknown";
}

const AggregateRow* AggregationResult::find(std::string_view period, std::string_view unitCode,
                                            std::string_view indicator, std::string_view ethnicGroup) const
{
    for (const auto& row : rows) {
        if (row.period == period && row.unit.code == unitCode && row.indicator == indicator &&
            row.ethnicGroup == ethnicGroup) {
            return &row;
        }
    }
    return nullptr;
}

}  // namespace dantoc::aggregation
