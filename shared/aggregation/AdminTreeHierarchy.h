// Adapts the admin module's AdminTree (and the catalog's indicators) to what aggregation needs. Holds a reference:
// the tree must outlive the adapter. Const calls are safe from any thread (AdminTree is immutable after load).
#pragma once

#include "admin/AdminTree.h"
#include "aggregation/AggregationTypes.h"
#include "aggregation/UnitHierarchy.h"
#include "catalog/IndicatorCatalog.h"

namespace dantoc::aggregation {

class AdminTreeHierarchy final : public UnitHierarchy
{
public:
    explicit AdminTreeHierarchy(const admin::AdminTree& tree) : m_tree(tree) {}

    std::vector<UnitKey> unitsAt(std::string_view date) const override;
    std::optional<UnitKey> parentAt(const UnitKey& unit, std::string_view date) const override;
    std::string levelOf(const UnitKey& unit) const override;
    std::optional<UnitKey> findAt(std::string_view code, std::string_view date) const override;
    std::vector<UnitKey> counterpartsAt(const UnitKey& unit, std::string_view date) const override;

private:
    const admin::AdminTree& m_tree;
};

// The aggregation rules of every indicator of the catalog.
std::vector<IndicatorRule> rulesFromCatalog(const catalog::IndicatorCatalog& catalog);

}  // namespace dantoc::aggregation
