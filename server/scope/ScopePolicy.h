// ScopePolicy: may an account rooted at one unit see or change data of another unit? Kept behind this interface so
// the store-backed tree can be swapped for the shared admin tree (shared/admin) with effective dates. Thread-safe.
#pragma once

#include "store/Store.h"

#include <string>

namespace dantoc::server {

class ScopePolicy
{
public:
    virtual ~ScopePolicy() = default;
    // True when `unitCode` is `scopeRoot` or a descendant of it. Unknown units are out of scope.
    virtual bool inScope(const std::string& scopeRoot, const std::string& unitCode) const = 0;
};

// The unit tree held in the Store (unit.parent_code).
class StoreScopePolicy final : public ScopePolicy
{
public:
    explicit StoreScopePolicy(Store& store) : m_store(store) {}
    bool inScope(const std::string& scopeRoot, const std::string& unitCode) const override
    {
        auto result = m_store.isInSubtree(scopeRoot, unitCode);
        return result && *result;  // a store error fails closed
    }

private:
    Store& m_store;
};

}  // namespace dantoc::server
