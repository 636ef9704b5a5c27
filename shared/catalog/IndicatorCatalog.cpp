#include "catalog/IndicatorCatalog.h"

#include "base/Csv.h"
#include "catalog/CsvFields.h"

#include <cmath>
#include <cstdlib>
#include <unordered_map>

namespace dantoc::catalog {

namespace {

bool isIndicatorCode(std::string_view code)
{
    if (code.empty() || code.size() > 64 || !(code.front() >= 'a' && code.front() <= 'z')) {
        return false;
    }
    for (char c : code) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return false;
        }
    }
    return true;
}

std::optional<double> parseScale(std::string_view text)
{
    if (text.empty()) {
        return 1.0;
    }
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value) || value <= 0) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::string_view toName(AggregationRule rule)
{
    switch (rule) {
    case AggregationRule::Sum:
        return "sum";
    case AggregationRule::WeightedMean:
        return "weighted_mean";
    case AggregationRule::Ratio:
        return "ratio";
    case AggregationRule::Count:
        return "count";
    case AggregationRule::None:
        return "none";
    }
    return "none";
}

std::optional<AggregationRule> parseAggregationRule(std::string_view name)
{
    for (auto rule : {AggregationRule::Sum, AggregationRule::WeightedMean, AggregationRule::Ratio,
                      AggregationRule::Count, AggregationRule::None}) {
        if (toName(rule) == name) {
            return rule;
        }
    }
    return std::nullopt;
}

Result<IndicatorCatalog> IndicatorCatalog::loadCsv(std::string_view csv, std::string_view sourceName)
{
    auto table = CsvTable::parse(csv, sourceName);
    if (!table) {
        return table.status();
    }
    if (auto st = table->requireColumns(
            {"code", "name_vi", "name_en", "unit", "group", "rule", "weight", "numerator", "denominator", "scale"});
        !st) {
        return st;
    }
    IndicatorCatalog catalog;
    std::unordered_map<std::string, std::size_t> lines;
    std::vector<std::string> wheres;
    for (const auto& row : table->rows()) {
        const std::string where = table->where(row);
        auto fail = [&](const std::string& what) { return Status(ErrorCode::InvalidArgument, where + ": " + what); };
        Indicator indicator;
        indicator.code = trimSpaces(table->get(row, "code"));
        indicator.nameVi = trimSpaces(table->get(row, "name_vi"));
        indicator.nameEn = trimSpaces(table->get(row, "name_en"));
        indicator.unit = trimSpaces(table->get(row, "unit"));
        indicator.group = trimSpaces(table->get(row, "group"));
        indicator.weight = trimSpaces(table->get(row, "weight"));
        indicator.numerator = trimSpaces(table->get(row, "numerator"));
        indicator.denominator = trimSpaces(table->get(row, "denominator"));
        if (!isIndicatorCode(indicator.code)) {
            return fail("malformed indicator code '" + indicator.code + "' (a-z, 0-9, _)");
        }
        if (indicator.nameVi.empty()) {
            return fail("indicator " + indicator.code + " has no name_vi");
        }
        const auto rule = parseAggregationRule(trimSpaces(table->get(row, "rule")));
        if (!rule) {
            return fail("unknown rule '" + std::string(table->get(row, "rule")) +
                        "' (sum, weighted_mean, ratio, count, none)");
        }
        indicator.rule = *rule;
        const auto scale = parseScale(trimSpaces(table->get(row, "scale")));
        if (!scale) {
            return fail("scale must be a positive number");
        }
        indicator.scale = *scale;
        if (indicator.rule == AggregationRule::WeightedMean && indicator.weight.empty()) {
            return fail("weighted_mean needs a weight indicator");
        }
        if (indicator.rule == AggregationRule::Ratio &&
            (indicator.numerator.empty() || indicator.denominator.empty())) {
            return fail("ratio needs a numerator and a denominator");
        }
        if (indicator.rule != AggregationRule::WeightedMean && !indicator.weight.empty()) {
            return fail("weight is only for weighted_mean");
        }
        if (indicator.rule != AggregationRule::Ratio &&
            (!indicator.numerator.empty() || !indicator.denominator.empty())) {
            return fail("numerator and denominator are only for ratio");
        }
        if (!lines.emplace(indicator.code, row.line).second) {
            return fail("duplicate indicator code " + indicator.code + " (first at line " +
                        std::to_string(lines[indicator.code]) + ")");
        }
        wheres.push_back(where);
        catalog.m_byCode.emplace(indicator.code, catalog.m_indicators.size());
        catalog.m_indicators.push_back(std::move(indicator));
    }
    // References are checked once every code is known, so order in the file does not matter.
    for (std::size_t i = 0; i < catalog.m_indicators.size(); ++i) {
        const Indicator& indicator = catalog.m_indicators[i];
        for (const std::string* ref : {&indicator.weight, &indicator.numerator, &indicator.denominator}) {
            if (ref->empty()) {
                continue;
            }
            if (*ref == indicator.code) {
                return Status(ErrorCode::InvalidArgument, wheres[i] + ": indicator " + indicator.code +
                                                              " refers to itself");
            }
            const Indicator* target = catalog.find(*ref);
            if (target == nullptr) {
                return Status(ErrorCode::InvalidArgument, wheres[i] + ": indicator " + indicator.code +
                                                              " refers to unknown indicator '" + *ref + "'");
            }
            if (target->rule != AggregationRule::Sum && target->rule != AggregationRule::Count) {
                return Status(ErrorCode::InvalidArgument,
                              wheres[i] + ": indicator " + indicator.code + " refers to " + *ref +
                                  ", which is not additive (sum or count)");
            }
        }
    }
    return catalog;
}

const Indicator* IndicatorCatalog::find(std::string_view code) const
{
    const auto it = m_byCode.find(std::string(code));
    return it == m_byCode.end() ? nullptr : &m_indicators[it->second];
}

}  // namespace dantoc::catalog
