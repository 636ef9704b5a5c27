// Inputs and outputs of aggregation: observations (one value of one indicator for one unit and period, optionally
// for one ethnic group), the aggregation rule of each indicator, and the rolled-up rows with coverage. Plain values.
#pragma once

#include "aggregation/UnitHierarchy.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dantoc::aggregation {

enum class Rule {
    Sum,           // sum of the values
    WeightedMean,  // sum(value x weight) / sum(weight), weight = another indicator of the same unit and group
    Ratio,         // scale x sum(numerator) / sum(denominator), over units that reported both
    Count,         // number of units whose value is true or > 0 (e.g. villages with a paved road)
    None,          // not aggregated: the value stays at the unit that reported it
};

std::string_view toName(Rule rule);  // "sum", "weighted_mean", "ratio", "count", "none"
std::optional<Rule> parseRule(std::string_view name);

struct IndicatorRule {
    std::string code;
    Rule rule = Rule::Sum;
    std::string weight;       // WeightedMean: the weighting indicator (e.g. households)
    std::string numerator;    // Ratio
    std::string denominator;  // Ratio
    double scale = 1.0;       // Ratio: 100 for a percentage
};

struct Observation {
    UnitKey unit;             // the unit the data was recorded for, at its own date
    std::string period;       // e.g. "2025-H2"
    std::string indicator;
    std::string ethnicGroup;  // GSO 2008 code ("04"), or empty for all groups together
    std::variant<double, bool> value = 0.0;
};

struct AggregationRequest {
    std::string date;                       // the boundaries to report under (ISO date)
    std::string reportingLevel;             // the level expected to report, for coverage ("commune", "village")
    std::vector<std::string> outputLevels;  // levels to emit rows for; empty = all
};

struct AggregateRow {
    std::string period;
    UnitKey unit;
    std::string level;
    std::string indicator;
    std::string ethnicGroup;     // empty = all groups
    std::optional<double> value;  // none: nothing reported, zero weight or denominator, ambiguous `none` rule
    int contributing = 0;        // reporting source units whose data entered this figure
    int expected = 0;            // units at the reporting level under `unit` at the date
    int reported = 0;            // of those, how many sent data for this indicator (any group)
    int missing() const { return expected - reported; }
};

enum class IssueKind {
    UnknownIndicator,      // no rule for the observation's indicator
    UnmappedUnit,          // the unit has no counterpart at the chosen date
    DuplicateObservation,  // same unit, period, indicator and group twice: the first is kept
    InvalidValue,          // NaN/infinite, or a negative weight
};
std::string_view toName(IssueKind kind);

struct AggregationIssue {
    IssueKind kind = IssueKind::UnknownIndicator;
    std::size_t observation = 0;  // index into the input
    std::string message;
};

struct AggregationResult {
    std::vector<AggregateRow> rows;  // by period, indicator, unit (top-down, then code), group (total first)
    std::vector<AggregationIssue> issues;

    // The row for (period, unit code, indicator, group), or nullptr.
    const AggregateRow* find(std::string_view period, std::string_view unitCode, std::string_view indicator,
                             std::string_view ethnicGroup = {}) const;
};

}  // namespace dantoc::aggregation
