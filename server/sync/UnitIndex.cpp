#include "sync/UnitIndex.h"

namespace dantoc::server {

Result<UnitIndex> UnitIndex::build(const ScopePolicy& scope, const std::string& date)
{
    auto units = scope.unitsAt("", date);
    if (!units) {
        return units.status();
    }
    UnitIndex index;
    index.m_date = date;
    for (Unit& unit : *units) {
        std::string code = unit.code;
        index.m_units.emplace(std::move(code), std::move(unit));
    }
    return index;
}

const Unit* UnitIndex::find(const std::string& code) const
{
    auto it = m_units.find(code);
    return it == m_units.end() ? nullptr : &it->second;
}

std::vector<const Unit*> UnitIndex::pathToRoot(const std::string& code) const
{
    std::vector<const Unit*> path;
    for (const Unit* unit = find(code); unit != nullptr && path.size() < 16; unit = find(unit->parentCode)) {
        path.push_back(unit);
        if (unit->parentCode.empty()) {
            break;
        }
    }
    return path;
}

}  // namespace dantoc::server
