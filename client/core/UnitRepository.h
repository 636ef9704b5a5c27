// UnitRepository: the administrative units this account may see (table units: code, name, level, parent, validity
// dates), as a tree sorted by Vietnamese collation; seeded from the demo province offline, replaced by what sync pulls.
// Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Result.h"

#include <string>
#include <vector>

namespace dantoc::client {

struct UnitRow
{
    std::string code;
    std::string name;    // Vietnamese
    std::string level;   // province, district, commune, village
    std::string parent;  // "" for a root
    // Defaulted so that {code, name, level, parent} still reads as a unit of unknown validity.
    std::string validFrom{};  // YYYY-MM-DD since when this version of the unit exists; "" when unknown
    std::string validTo{};    // YYYY-MM-DD of its last day; "" while it is valid

    friend bool operator==(const UnitRow&, const UnitRow&) = default;
};

struct UnitNode
{
    UnitRow unit;
    std::vector<UnitNode> children;  // Vietnamese collation of the names
};

class UnitRepository
{
public:
    explicit UnitRepository(Connection& connection) : m_connection(connection) {}

    Result<UnitRow> get(const std::string& code);
    // Every unit, sorted by name.
    Result<std::vector<UnitRow>> all();
    // Children of `parent` ("" = roots: units without a parent or whose parent is not in the store), sorted by
    // name with shared/text compareVietnamese.
    Result<std::vector<UnitRow>> children(const std::string& parent);
    // Every unit as a forest, each level sorted by name.
    Result<std::vector<UnitNode>> tree();
    // Replaces every unit in one transaction. InvalidArgument (nothing changes) for an empty code or name, a
    // repeated code, or a unit that is its own parent.
    Status replaceAll(const std::vector<UnitRow>& units);

private:
    Connection& m_connection;
};

}  // namespace dantoc::client
