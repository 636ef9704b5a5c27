// IndicatorCatalog: the indicators forms report and aggregation rolls up, each with its aggregation rule
// (sum, weighted_mean by a weight indicator, ratio of two indicators with a scale, count, none).
// Immutable after load: safe for concurrent const calls.
#pragma once

#include "base/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dantoc::catalog {

enum class AggregationRule { Sum, WeightedMean, Ratio, Count, None };

std::string_view toName(AggregationRule rule);  // "sum", "weighted_mean", "ratio", "count", "none"
std::optional<AggregationRule> parseAggregationRule(std::string_view name);

struct Indicator {
    std::string code;
    std::string nameVi;
    std::string nameEn;
    std::string unit;   // "hộ", "người", "%", "km", ...
    std::string group;  // "population", "poverty", "infrastructure", ...
    AggregationRule rule = AggregationRule::Sum;
    std::string weight;       // WeightedMean
    std::string numerator;    // Ratio
    std::string denominator;  // Ratio
    double scale = 1.0;       // Ratio: 100 for a percentage
};

class IndicatorCatalog
{
public:
    // Columns: code,name_vi,name_en,unit,group,rule,weight,numerator,denominator,scale. Errors name source:line:
    // duplicate or malformed code, unknown rule, missing/unknown/self weight, numerator or denominator, bad scale.
    // A weight, numerator or denominator must be an additive indicator (sum or count), which has no references
    // itself: so reference chains are one step long and cycles (a -> b -> a) are rejected by construction.
    static Result<IndicatorCatalog> loadCsv(std::string_view csv, std::string_view sourceName);

    const std::vector<Indicator>& all() const { return m_indicators; }
    const Indicator* find(std::string_view code) const;

private:
    std::vector<Indicator> m_indicators;
    std::unordered_map<std::string, std::size_t> m_byCode;  // hot in aggregation
};

}  // namespace dantoc::catalog
