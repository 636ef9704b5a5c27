#include "admin/AdminTree.h"

#include <algorithm>
#include <deque>
#include <set>

namespace dantoc::admin {

namespace {

// Deeper than any real tree; guards lookups against a hostile tree whose links only cycle at some dates.
constexpr int kMaxDepth = 64;

void sortByCode(std::vector<const Unit*>& units)
{
    std::sort(units.begin(), units.end(), [](const Unit* a, const Unit* b) {
        return a->code < b->code || (a->code == b->code && a->validFrom < b->validFrom);
    });
}

}  // namespace

const Unit* AdminTree::findIndexed(std::string_view code, std::string_view date, std::size_t* index) const
{
    auto it = m_byCode.find(code);
    if (it == m_byCode.end()) {
        return nullptr;
    }
    for (std::size_t i : it->second) {
        if (m_units[i].validAt(date)) {
            if (index != nullptr) {
                *index = i;
            }
            return &m_units[i];
        }
    }
    return nullptr;
}

const Unit* AdminTree::find(std::string_view code, std::string_view date) const
{
    return findIndexed(code, date, nullptr);
}

const Unit* AdminTree::findVersion(std::string_view code, std::string_view validFrom) const
{
    auto it = m_byCode.find(code);
    if (it == m_byCode.end()) {
        return nullptr;
    }
    for (std::size_t i : it->second) {
        if (m_units[i].validFrom == validFrom) {
            return &m_units[i];
        }
    }
    return nullptr;
}

std::vector<const Unit*> AdminTree::versionsOf(std::string_view code) const
{
    std::vector<const Unit*> out;
    if (auto it = m_byCode.find(code); it != m_byCode.end()) {
        for (std::size_t i : it->second) {
            out.push_back(&m_units[i]);
        }
    }
    return out;
}

const Unit* AdminTree::parentAt(std::string_view code, std::string_view date) const
{
    const Unit* unit = find(code, date);
    if (unit == nullptr || unit->parentCode.empty()) {
        return nullptr;
    }
    return find(unit->parentCode, date);
}

std::vector<const Unit*> AdminTree::children(std::string_view code, std::string_view date) const
{
    std::vector<const Unit*> out;
    if (find(code, date) == nullptr) {
        return out;
    }
    auto it = m_byParent.find(code);
    if (it == m_byParent.end()) {
        return out;
    }
    for (std::size_t i : it->second) {
        if (m_units[i].validAt(date)) {
            out.push_back(&m_units[i]);
        }
    }
    return out;  // m_byParent lists are sorted by code
}

std::vector<const Unit*> AdminTree::ancestors(std::string_view code, std::string_view date) const
{
    std::vector<const Unit*> out;
    const Unit* unit = find(code, date);
    for (int depth = 0; unit != nullptr && !unit->parentCode.empty() && depth < kMaxDepth; ++depth) {
        unit = find(unit->parentCode, date);
        if (unit != nullptr) {
            out.push_back(unit);
        }
    }
    return out;
}

std::vector<const Unit*> AdminTree::descendants(std::string_view code, std::string_view date) const
{
    std::vector<const Unit*> out;
    std::deque<std::pair<const Unit*, int>> queue;
    for (const Unit* child : children(code, date)) {
        queue.emplace_back(child, 1);
    }
    while (!queue.empty()) {
        auto [unit, depth] = queue.front();
        queue.pop_front();
        out.push_back(unit);
        if (depth < kMaxDepth) {
            for (const Unit* child : children(unit->code, date)) {
                queue.emplace_back(child, depth + 1);
            }
        }
    }
    return out;
}

std::size_t AdminTree::parentIndexAt(std::size_t index, std::string_view date) const
{
    for (std::size_t p : m_parentVersions[index]) {
        if (m_units[p].validAt(date)) {
            return p;
        }
    }
    return static_cast<std::size_t>(-1);
}

bool AdminTree::isInSubtree(std::string_view ancestorCode, std::string_view unitCode, std::string_view date) const
{
    // One hash lookup, then parent indices precomputed at load: no string hashing per level.
    std::size_t index = 0;
    if (findIndexed(unitCode, date, &index) == nullptr) {
        return false;
    }
    constexpr auto kNone = static_cast<std::size_t>(-1);
    for (int depth = 0; index != kNone && depth < kMaxDepth; ++depth) {
        if (m_units[index].code == ancestorCode) {
            return true;
        }
        index = parentIndexAt(index, date);
    }
    return false;
}

std::vector<const Unit*> AdminTree::unitsAt(std::string_view date, std::string_view level) const
{
    std::vector<const Unit*> out;
    for (const Unit& unit : m_units) {
        if (unit.validAt(date) && (level.empty() || unit.level == level)) {
            out.push_back(&unit);
        }
    }
    const auto levels = levelsAt(date);
    auto rank = [&](const Unit* u) {
        return std::find(levels.begin(), levels.end(), u->level) - levels.begin();
    };
    std::sort(out.begin(), out.end(), [&](const Unit* a, const Unit* b) {
        const auto ra = rank(a);
        const auto rb = rank(b);
        return ra != rb ? ra < rb : a->code < b->code;
    });
    return out;
}

std::vector<std::string> AdminTree::levelsAt(std::string_view date) const
{
    std::set<std::string> present;
    for (const Unit& unit : m_units) {
        if (unit.validAt(date)) {
            present.insert(unit.level);
        }
    }
    std::vector<std::string> out;
    for (const auto& scheme : m_schemes) {
        if ((scheme.validFrom.empty() || scheme.validFrom <= date) &&
            (scheme.validTo.empty() || date <= scheme.validTo)) {
            for (const auto& level : scheme.levels) {
                if (present.erase(level) > 0) {
                    out.push_back(level);
                }
            }
        }
    }
    out.insert(out.end(), present.begin(), present.end());  // levels of units spanning a scheme change
    return out;
}

std::vector<const Unit*> AdminTree::successorsAt(std::string_view oldCode, std::string_view oldValidFrom,
                                                 std::string_view date) const
{
    std::vector<const Unit*> out;
    const Unit* start = findVersion(oldCode, oldValidFrom);
    if (start == nullptr) {
        return out;
    }
    std::set<std::size_t> visited;
    std::deque<std::size_t> queue{static_cast<std::size_t>(start - m_units.data())};
    while (!queue.empty()) {
        const std::size_t i = queue.front();
        queue.pop_front();
        if (!visited.insert(i).second) {
            continue;
        }
        const Unit& unit = m_units[i];
        if (unit.validAt(date)) {
            out.push_back(&unit);
        } else if (!unit.validTo.empty() && unit.validTo < date) {
            for (std::size_t next : m_successors[i]) {
                queue.push_back(next);
            }
        }
    }
    sortByCode(out);
    return out;
}

std::vector<const Unit*> AdminTree::predecessors(std::string_view code, std::string_view validFrom) const
{
    std::vector<const Unit*> out;
    const Unit* unit = findVersion(code, validFrom);
    if (unit == nullptr) {
        return out;
    }
    for (std::size_t i : m_predecessors[static_cast<std::size_t>(unit - m_units.data())]) {
        out.push_back(&m_units[i]);
    }
    sortByCode(out);
    return out;
}

std::vector<const Unit*> AdminTree::counterpartsAt(std::string_view code, std::string_view validFrom,
                                                   std::string_view date) const
{
    const Unit* start = findVersion(code, validFrom);
    if (start == nullptr) {
        return {};
    }
    if (start->validAt(date) || date > start->validFrom) {
        return successorsAt(code, validFrom, date);
    }
    std::vector<const Unit*> out;
    std::set<std::size_t> visited;
    std::deque<std::size_t> queue{static_cast<std::size_t>(start - m_units.data())};
    while (!queue.empty()) {
        const std::size_t i = queue.front();
        queue.pop_front();
        if (!visited.insert(i).second) {
            continue;
        }
        const Unit& unit = m_units[i];
        if (unit.validAt(date)) {
            out.push_back(&unit);
        } else if (date < unit.validFrom) {
            for (std::size_t previous : m_predecessors[i]) {
                queue.push_back(previous);
            }
        }
    }
    sortByCode(out);
    return out;
}

}  // namespace dantoc::admin
