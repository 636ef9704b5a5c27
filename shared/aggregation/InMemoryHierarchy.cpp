#include "aggregation/InMemoryHierarchy.h"

#include <set>

namespace dantoc::aggregation {

bool InMemoryHierarchy::validAt(const UnitKey& key, const Unit& unit, std::string_view date)
{
    return key.validFrom <= date && (unit.validTo.empty() || date < unit.validTo);
}

Status InMemoryHierarchy::addUnit(const UnitKey& key, std::string level, std::optional<UnitKey> parent,
                                  std::string validTo)
{
    if (key.code.empty() || key.validFrom.empty() || level.empty()) {
        return Status(ErrorCode::InvalidArgument, "a unit needs a code, a valid-from date and a level");
    }
    if (!validTo.empty() && validTo <= key.validFrom) {
        return Status(ErrorCode::InvalidArgument, "unit " + key.code + " ends before it starts");
    }
    if (parent && !m_units.count(*parent)) {
        return Status(ErrorCode::NotFound, "parent " + parent->code + " of unit " + key.code + " is unknown");
    }
    if (!m_units.emplace(key, Unit{std::move(level), std::move(parent), std::move(validTo), {}, {}}).second) {
        return Status(ErrorCode::AlreadyExists, "unit " + key.code + " from " + key.validFrom + " already exists");
    }
    return Status::ok();
}

Status InMemoryHierarchy::addLineage(const UnitKey& from, const UnitKey& to)
{
    auto f = m_units.find(from);
    auto t = m_units.find(to);
    if (f == m_units.end() || t == m_units.end()) {
        return Status(ErrorCode::NotFound, "lineage between unknown units " + from.code + " -> " + to.code);
    }
    if (f->second.validTo.empty() || to.validFrom < f->second.validTo) {
        return Status(ErrorCode::InvalidArgument,
                      "lineage " + from.code + " -> " + to.code + ": the successor starts before the unit ends");
    }
    f->second.successors.push_back(to);
    t->second.predecessors.push_back(from);
    return Status::ok();
}

std::vector<UnitKey> InMemoryHierarchy::unitsAt(std::string_view date) const
{
    std::vector<UnitKey> out;
    for (const auto& [key, unit] : m_units) {
        if (validAt(key, unit, date)) {
            out.push_back(key);
        }
    }
    return out;
}

std::optional<UnitKey> InMemoryHierarchy::parentAt(const UnitKey& key, std::string_view /*date*/) const
{
    const auto it = m_units.find(key);
    return it == m_units.end() ? std::nullopt : it->second.parent;
}

std::string InMemoryHierarchy::levelOf(const UnitKey& key) const
{
    const auto it = m_units.find(key);
    return it == m_units.end() ? std::string() : it->second.level;
}

std::optional<UnitKey> InMemoryHierarchy::findAt(std::string_view code, std::string_view date) const
{
    for (auto it = m_units.lower_bound(UnitKey{std::string(code), {}}); it != m_units.end() && it->first.code == code;
         ++it) {
        if (validAt(it->first, it->second, date)) {
            return it->first;
        }
    }
    return std::nullopt;
}

std::vector<UnitKey> InMemoryHierarchy::counterpartsAt(const UnitKey& start, std::string_view date) const
{
    std::set<UnitKey> found;
    std::set<UnitKey> visited;
    std::vector<UnitKey> stack{start};
    while (!stack.empty()) {
        const UnitKey key = stack.back();
        stack.pop_back();
        if (!visited.insert(key).second) {
            continue;
        }
        const auto it = m_units.find(key);
        if (it == m_units.end()) {
            continue;
        }
        if (validAt(key, it->second, date)) {
            found.insert(key);
        } else if (date < key.validFrom) {
            stack.insert(stack.end(), it->second.predecessors.begin(), it->second.predecessors.end());
        } else {
            stack.insert(stack.end(), it->second.successors.begin(), it->second.successors.end());
        }
    }
    return {found.begin(), found.end()};
}

}  // namespace dantoc::aggregation
