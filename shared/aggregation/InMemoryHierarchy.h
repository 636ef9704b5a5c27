// A UnitHierarchy held in memory: unit versions with validity, parent and level, plus lineage links (which unit
// versions became which). For tests, benchmarks and small deployments. Build it, then only read it (reads are
// safe from any thread; building is not).
#pragma once

#include "aggregation/UnitHierarchy.h"
#include "base/Status.h"

#include <map>

namespace dantoc::aggregation {

class InMemoryHierarchy final : public UnitHierarchy
{
public:
    // validTo is exclusive; empty = still valid. The parent must be added first (or be nullopt for a root).
    Status addUnit(const UnitKey& key, std::string level, std::optional<UnitKey> parent, std::string validTo = {});
    // `from` (ended) became, wholly or partly, `to` (formed); add one link per pair.
    Status addLineage(const UnitKey& from, const UnitKey& to);

    std::vector<UnitKey> unitsAt(std::string_view date) const override;
    std::optional<UnitKey> parentAt(const UnitKey& unit, std::string_view date) const override;
    std::string levelOf(const UnitKey& unit) const override;
    std::optional<UnitKey> findAt(std::string_view code, std::string_view date) const override;
    std::vector<UnitKey> counterpartsAt(const UnitKey& unit, std::string_view date) const override;

private:
    struct Unit {
        std::string level;
        std::optional<UnitKey> parent;
        std::string validTo;
        std::vector<UnitKey> successors;
        std::vector<UnitKey> predecessors;
    };
    static bool validAt(const UnitKey& key, const Unit& unit, std::string_view date);

    std::map<UnitKey, Unit> m_units;
};

}  // namespace dantoc::aggregation
