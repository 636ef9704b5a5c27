// AdminTree: the administrative units of all dates (versions keyed by code + validFrom), their parent links, level
// schemes and lineage, loaded from CSV and validated. Immutable after load: safe for concurrent const calls.
#pragma once

#include "admin/Unit.h"
#include "base/Result.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dantoc::admin {

// Hash for heterogeneous (string_view) lookup in unordered maps keyed by std::string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class AdminTree
{
public:
    // units CSV columns: code,name_vi,level,unit_type,parent_code,valid_from,valid_to
    // lineage CSV columns: old_code,old_valid_from,new_code,new_valid_from,effective_date,kind (may be empty text)
    // levels CSV columns: valid_from,valid_to,levels ("province;commune;village")
    // The 3-argument form uses defaultLevelSchemes(). Errors name "<sourceName>/<file>:<line>" and the cause: cycle,
    // duplicate (code, valid_from), unknown parent (none valid at the unit's valid_from), overlapping validity of a
    // code, unknown level (not in the scheme at valid_from, or not below its parent's), bad date, lineage to an
    // unknown unit.
    static Result<AdminTree> loadCsv(std::string_view unitsCsv, std::string_view lineageCsv,
                                     std::string_view sourceName);
    static Result<AdminTree> loadCsv(std::string_view unitsCsv, std::string_view lineageCsv,
                                     std::string_view levelsCsv, std::string_view sourceName);
    // Reads units.csv, lineage.csv (optional) and levels.csv (optional: default schemes) from `dir`.
    static Result<AdminTree> loadDirectory(const std::filesystem::path& dir);
    // Vietnam: province/district/commune/village until 2025-06-30, province/commune/village from 2025-07-01.
    static std::vector<LevelScheme> defaultLevelSchemes();

    const std::vector<Unit>& units() const { return m_units; }
    const std::vector<LineageEvent>& lineage() const { return m_lineage; }
    const std::vector<LevelScheme>& levelSchemes() const { return m_schemes; }

    // The version of `code` valid at `date`; nullptr when none.
    const Unit* find(std::string_view code, std::string_view date) const;
    // The version with exactly this key; nullptr when none.
    const Unit* findVersion(std::string_view code, std::string_view validFrom) const;
    // Every version of `code`, oldest first; empty when unknown.
    std::vector<const Unit*> versionsOf(std::string_view code) const;
    const Unit* parentAt(std::string_view code, std::string_view date) const;
    // Units valid at `date` whose parent is `code`, ordered by code.
    std::vector<const Unit*> children(std::string_view code, std::string_view date) const;
    // Parent first, root last.
    std::vector<const Unit*> ancestors(std::string_view code, std::string_view date) const;
    // All units below `code` at `date`, breadth-first (children ordered by code).
    std::vector<const Unit*> descendants(std::string_view code, std::string_view date) const;
    // Whether `unitCode` is `ancestorCode` or lies below it at `date`. O(depth). False if either is unknown then.
    bool isInSubtree(std::string_view ancestorCode, std::string_view unitCode, std::string_view date) const;
    // Units valid at `date` (ordered by level, then code); optionally of one level.
    std::vector<const Unit*> unitsAt(std::string_view date, std::string_view level = {}) const;
    // Levels with at least one unit valid at `date`, top-down (scheme order).
    std::vector<std::string> levelsAt(std::string_view date) const;

    // Units valid at `date` that the old unit's territory went into, following lineage forward (transitively);
    // the unit itself when it is still valid at `date`. Empty when the lineage does not reach `date`.
    std::vector<const Unit*> successorsAt(std::string_view oldCode, std::string_view oldValidFrom,
                                          std::string_view date) const;
    // Immediate predecessors of the version (code, validFrom), from lineage.
    std::vector<const Unit*> predecessors(std::string_view code, std::string_view validFrom) const;
    // Units valid at `date` covering the version's territory: itself if valid then, successors if `date` is later,
    // predecessors (transitively) valid at `date` if earlier.
    std::vector<const Unit*> counterpartsAt(std::string_view code, std::string_view validFrom,
                                            std::string_view date) const;

private:
    std::vector<Unit> m_units;
    std::vector<LineageEvent> m_lineage;
    std::vector<LevelScheme> m_schemes;
    using Index = std::unordered_map<std::string, std::vector<std::size_t>, StringHash, std::equal_to<>>;
    const Unit* findIndexed(std::string_view code, std::string_view date, std::size_t* index) const;
    // Index of the parent version of unit `index` valid at `date`, or npos.
    std::size_t parentIndexAt(std::size_t index, std::string_view date) const;

    Index m_byCode;    // versions of a code, by validFrom
    Index m_byParent;  // units naming this parent code, by code
    std::vector<std::vector<std::size_t>> m_parentVersions;  // per unit index: parent versions overlapping it
    std::vector<std::vector<std::size_t>> m_successors;    // per unit index
    std::vector<std::vector<std::size_t>> m_predecessors;  // per unit index

    friend class AdminTreeLoader;
};

}  // namespace dantoc::admin
