// UnitIndex: the administrative units valid on one date, by code, with the walk up to the root — what the sync
// engine needs to place a record's owner commune, its review chain and the caller's level. Built from
// ScopePolicy::unitsAt(); immutable afterwards, so const calls are thread-safe.
#pragma once

#include "base/Result.h"
#include "scope/ScopePolicy.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace dantoc::server {

class UnitIndex
{
public:
    static Result<UnitIndex> build(const ScopePolicy& scope, const std::string& date);

    const Unit* find(const std::string& code) const;
    // The unit itself first, the root last; empty when the code is unknown on this date.
    std::vector<const Unit*> pathToRoot(const std::string& code) const;
    const std::string& date() const { return m_date; }

private:
    std::string m_date;
    std::unordered_map<std::string, Unit> m_units;
};

}  // namespace dantoc::server
