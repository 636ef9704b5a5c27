#include "aggregation/AdminTreeHierarchy.h"

namespace dantoc::aggregation {

namespace {

UnitKey keyOf(const admin::Unit& u) { return UnitKey{u.code, u.validFrom}; }

Rule ruleOf(catalog::AggregationRule rule)
{
    switch (rule) {
    case catalog::AggregationRule::Sum: return Rule::Sum;
    case catalog::AggregationRule::WeightedMean: return Rule::WeightedMean;
    case catalog::AggregationRule::Ratio: return Rule::Ratio;
    case catalog::AggregationRule::Count: return Rule::Count;
    case catalog::AggregationRule::None: return Rule::None;
    }
    return Rule::None;
}

}  // namespace

std::vector<UnitKey> AdminTreeHierarchy::unitsAt(std::string_view date) const
{
    std::vector<UnitKey> out;
    for (const admin::Unit* u : m_tree.unitsAt(date)) {
        out.push_back(keyOf(*u));
    }
    return out;
}

std::optional<UnitKey> AdminTreeHierarchy::parentAt(const UnitKey& unit, std::string_view date) const
{
    const admin::Unit* self = m_tree.findVersion(unit.code, unit.validFrom);
    if (!self || !self->validAt(date)) {
        return std::nullopt;  // parents are only asked for units of the chosen date
    }
    const admin::Unit* parent = m_tree.parentAt(unit.code, date);
    return parent ? std::optional<UnitKey>(keyOf(*parent)) : std::nullopt;
}

std::string AdminTreeHierarchy::levelOf(const UnitKey& unit) const
{
    const admin::Unit* u = m_tree.findVersion(unit.code, unit.validFrom);
    return u ? u->level : std::string();
}

std::optional<UnitKey> AdminTreeHierarchy::findAt(std::string_view code, std::string_view date) const
{
    const admin::Unit* u = m_tree.find(code, date);
    return u ? std::optional<UnitKey>(keyOf(*u)) : std::nullopt;
}

std::vector<UnitKey> AdminTreeHierarchy::counterpartsAt(const UnitKey& unit, std::string_view date) const
{
    std::vector<UnitKey> out;
    for (const admin::Unit* u : m_tree.counterpartsAt(unit.code, unit.validFrom, date)) {
        out.push_back(keyOf(*u));
    }
    return out;
}

std::vector<IndicatorRule> rulesFromCatalog(const catalog::IndicatorCatalog& catalog)
{
    std::vector<IndicatorRule> rules;
    rules.reserve(catalog.all().size());
    for (const catalog::Indicator& i : catalog.all()) {
        rules.push_back(IndicatorRule{i.code, ruleOf(i.rule), i.weight, i.numerator, i.denominator, i.scale});
    }
    return rules;
}

}  // namespace dantoc::aggregation
