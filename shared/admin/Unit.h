// Administrative unit versions and lineage events (merge, split, rename) as plain data. Value types.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::admin {

// One version of a unit. Codes are reused across reforms (new Lào Cai is 15, old Yên Bái's code), so the key is
// (code, validFrom). Dates are ISO "YYYY-MM-DD" and compare as strings; validTo is the LAST valid day (inclusive),
// empty = still valid.
struct Unit {
    std::string code;       // GSO: province 2 digits, district 3, commune 5; village: local ("02647-01")
    std::string nameVi;
    std::string level;      // a configured level name: "province", "district", "commune", "village", ...
    std::string unitType;   // "tỉnh", "thành phố", "huyện", "xã", "phường", "thôn", "bản", ...
    std::string parentCode; // empty for a root (province)
    std::string validFrom;
    std::string validTo;
    std::size_t line = 0;   // source line, for messages

    bool validAt(std::string_view date) const
    {
        return validFrom <= date && (validTo.empty() || date <= validTo);
    }
};

// The territory of unit (oldCode, oldValidFrom) went (wholly or partly) into unit (newCode, newValidFrom).
struct LineageEvent {
    std::string oldCode;
    std::string oldValidFrom;
    std::string newCode;
    std::string newValidFrom;
    std::string effectiveDate;  // usually newValidFrom
    std::string kind;           // "merge", "split", "rename", "dissolve", ... (free text, for display)
    std::size_t line = 0;
};

// Levels in force over a date range, top-down: ["province","district","commune","village"] before 2025-07-01.
struct LevelScheme {
    std::string validFrom;  // empty = since always
    std::string validTo;    // inclusive; empty = open
    std::vector<std::string> levels;
};

}  // namespace dantoc::admin
