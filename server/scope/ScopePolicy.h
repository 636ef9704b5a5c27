// ScopePolicy: may an account rooted at one unit see or change data of another unit, and which units does it see
// on a date? AdminScopePolicy (scope/AdminScopePolicy.h) answers from the admin tree with effective dates and
// lineage; StoreScopePolicy is the plain parent walk over the store's current units. Thread-safe.
#pragma once

#include "store/Store.h"

#include <string>
#include <vector>

namespace dantoc::server {

class ScopePolicy
{
public:
    virtual ~ScopePolicy() = default;
    // True when `unitCode` is `scopeRoot` or a descendant of it today; a code no longer valid today (an old commune
    // merged away) is in scope when its territory went into the root's subtree. Unknown units are out of scope.
    virtual bool inScope(const std::string& scopeRoot, const std::string& unitCode) const = 0;
    // Unit versions valid on `date` ("YYYY-MM-DD") that the root's account may see; `scopeRoot` empty = all.
    virtual Result<std::vector<Unit>> unitsAt(const std::string& scopeRoot, const std::string& date) const = 0;
    // Every unit code, of any date, for which inScope(scopeRoot, code) holds (sorted): what a record query for the
    // root's data filters on (records of old communes merged into the root included).
    virtual Result<std::vector<std::string>> codesInScope(const std::string& scopeRoot) const = 0;
    // Every unit code whose unit lies under `unitCode` as the tree stood on `date` (sorted; `unitCode` itself
    // included): units valid that day in its subtree, and older codes whose territory went into them. `date`
    // empty: today when the unit is valid today, else the last day it was (an abolished district lists the
    // communes it held). Unknown units: an empty list.
    virtual Result<std::vector<std::string>> codesUnder(const std::string& unitCode, const std::string& date) const = 0;
};

// The unit tree held in the Store (unit.parent_code, latest version per code): no dates, no lineage.
class StoreScopePolicy final : public ScopePolicy
{
public:
    explicit StoreScopePolicy(Store& store) : m_store(store) {}
    bool inScope(const std::string& scopeRoot, const std::string& unitCode) const override
    {
        auto result = m_store.isInSubtree(scopeRoot, unitCode);
        return result && *result;  // a store error fails closed
    }
    Result<std::vector<Unit>> unitsAt(const std::string& scopeRoot, const std::string& date) const override
    {
        auto units = m_store.listUnits();
        if (!units) {
            return units.status();
        }
        std::vector<Unit> out;
        for (Unit& unit : *units) {
            const bool valid = (unit.validFrom.empty() || unit.validFrom <= date) &&
                               (unit.validTo.empty() || date <= unit.validTo);
            if (valid && (scopeRoot.empty() || inScope(scopeRoot, unit.code))) {
                out.push_back(std::move(unit));
            }
        }
        return out;
    }
    Result<std::vector<std::string>> codesInScope(const std::string& scopeRoot) const override
    {
        auto units = m_store.listUnits();
        if (!units) {
            return units.status();
        }
        std::vector<std::string> out;
        for (const Unit& unit : *units) {
            if (inScope(scopeRoot, unit.code)) {
                out.push_back(unit.code);
            }
        }
        return out;
    }
    Result<std::vector<std::string>> codesUnder(const std::string& unitCode, const std::string&) const override
    {
        return codesInScope(unitCode);  // no dates in this tree
    }

private:
    Store& m_store;
};

}  // namespace dantoc::server
