// The narrow view of the administrative tree that aggregation needs: units valid at a date, their parents and
// levels, and where a unit of another date lies (lineage of merges and splits). Implemented by InMemoryHierarchy
// (tests, benchmarks) and by an adapter over the admin module. Implementations must be safe for concurrent reads.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::aggregation {

// A unit version: codes are reused across reforms (new Lào Cai is 15, the old Yên Bái code), so a code alone never
// identifies a unit across time. Dates are ISO "YYYY-MM-DD" (they compare as strings).
struct UnitKey {
    std::string code;
    std::string validFrom;  // empty in an Observation: "the unit with this code valid at the chosen date"

    auto operator<=>(const UnitKey&) const = default;
    bool operator==(const UnitKey&) const = default;
};

class UnitHierarchy
{
public:
    virtual ~UnitHierarchy() = default;

    // Every unit valid at `date` (validFrom <= date < validTo).
    virtual std::vector<UnitKey> unitsAt(std::string_view date) const = 0;
    // The parent at `date` of a unit valid at `date`; nullopt for the root (or an unknown unit).
    virtual std::optional<UnitKey> parentAt(const UnitKey& unit, std::string_view date) const = 0;
    // The level name ("province", "district", "commune", "village"); empty when unknown.
    virtual std::string levelOf(const UnitKey& unit) const = 0;
    // The unit with `code` valid at `date`.
    virtual std::optional<UnitKey> findAt(std::string_view code, std::string_view date) const = 0;
    // The units valid at `date` that cover the territory of `unit` (itself when valid then; its successors after
    // a merge or split, its predecessors before it was formed). Empty when the lineage does not reach `date`.
    virtual std::vector<UnitKey> counterpartsAt(const UnitKey& unit, std::string_view date) const = 0;
};

}  // namespace dantoc::aggregation
