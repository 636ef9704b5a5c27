// Loading and validation of an AdminTree from CSV texts.
#include "admin/AdminTree.h"
#include "base/Csv.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace dantoc::admin {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// "YYYY-MM-DD" with a plausible month and day; such strings order like the dates they name.
bool isIsoDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (!isDigit(s[i])) {
            return false;
        }
    }
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    const int day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::vector<std::string> splitList(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(';', start);
        if (end == std::string_view::npos) {
            end = s.size();
        }
        std::string_view item = s.substr(start, end - start);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (!item.empty()) {
            out.emplace_back(item);
        }
        start = end + 1;
    }
    return out;
}

Status error(const std::string& where, const std::string& what)
{
    return Status(ErrorCode::InvalidArgument, where + ": " + what);
}

const LevelScheme* schemeAt(const std::vector<LevelScheme>& schemes, std::string_view date)
{
    for (const auto& scheme : schemes) {
        if ((scheme.validFrom.empty() || scheme.validFrom <= date) &&
            (scheme.validTo.empty() || date <= scheme.validTo)) {
            return &scheme;
        }
    }
    return nullptr;
}

int levelIndex(const LevelScheme& scheme, std::string_view level)
{
    for (std::size_t i = 0; i < scheme.levels.size(); ++i) {
        if (scheme.levels[i] == level) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

Result<std::string> readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Status(ErrorCode::IoError, "cannot read " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) {
        return Status(ErrorCode::IoError, "error reading " + path.string());
    }
    return out.str();
}

}  // namespace

class AdminTreeLoader
{
public:
    static Result<std::vector<LevelScheme>> parseLevels(std::string_view csv, const std::string& source)
    {
        auto table = CsvTable::parse(csv, source);
        if (!table) {
            return table.status();
        }
        if (auto st = table->requireColumns({"valid_from", "valid_to", "levels"}); !st) {
            return st;
        }
        std::vector<LevelScheme> schemes;
        for (const auto& row : table->rows()) {
            LevelScheme scheme;
            scheme.validFrom = table->get(row, "valid_from");
            scheme.validTo = table->get(row, "valid_to");
            scheme.levels = splitList(table->get(row, "levels"));
            if ((!scheme.validFrom.empty() && !isIsoDate(scheme.validFrom)) ||
                (!scheme.validTo.empty() && !isIsoDate(scheme.validTo))) {
                return error(table->where(row), "dates must be YYYY-MM-DD");
            }
            if (scheme.levels.empty()) {
                return error(table->where(row), "no levels");
            }
            std::set<std::string> seen(scheme.levels.begin(), scheme.levels.end());
            if (seen.size() != scheme.levels.size()) {
                return error(table->where(row), "a level is listed twice");
            }
            schemes.push_back(std::move(scheme));
        }
        if (auto st = checkSchemes(schemes, source); !st) {
            return st;
        }
        return schemes;
    }

    static Status checkSchemes(const std::vector<LevelScheme>& schemes, const std::string& source)
    {
        if (schemes.empty()) {
            return error(source, "no level scheme");
        }
        for (std::size_t i = 0; i < schemes.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                const auto& a = schemes[i];
                const auto& b = schemes[j];
                const bool aBeforeB = !a.validTo.empty() && !b.validFrom.empty() && a.validTo < b.validFrom;
                const bool bBeforeA = !b.validTo.empty() && !a.validFrom.empty() && b.validTo < a.validFrom;
                if (!aBeforeB && !bBeforeA) {
                    return error(source, "level schemes " + std::to_string(j + 1) + " and " + std::to_string(i + 1) +
                                             " overlap in time");
                }
            }
        }
        return Status::ok();
    }

    static Result<AdminTree> load(std::string_view unitsCsv, std::string_view lineageCsv,
                                  std::vector<LevelScheme> schemes, std::string_view sourceName)
    {
        const std::string base(sourceName);
        AdminTree tree;
        tree.m_schemes = std::move(schemes);
        if (auto st = loadUnits(tree, unitsCsv, base + "/units.csv"); !st) {
            return st;
        }
        if (auto st = checkParents(tree, base + "/units.csv"); !st) {
            return st;
        }
        if (auto st = loadLineage(tree, lineageCsv, base + "/lineage.csv"); !st) {
            return st;
        }
        return tree;
    }

private:
    static Status loadUnits(AdminTree& tree, std::string_view csv, const std::string& source)
    {
        auto table = CsvTable::parse(csv, source);
        if (!table) {
            return table.status();
        }
        if (auto st = table->requireColumns(
                {"code", "name_vi", "level", "unit_type", "parent_code", "valid_from", "valid_to"});
            !st) {
            return st;
        }
        std::map<std::pair<std::string, std::string>, std::size_t> keys;
        for (const auto& row : table->rows()) {
            Unit unit;
            unit.code = table->get(row, "code");
            unit.nameVi = table->get(row, "name_vi");
            unit.level = table->get(row, "level");
            unit.unitType = table->get(row, "unit_type");
            unit.parentCode = table->get(row, "parent_code");
            unit.validFrom = table->get(row, "valid_from");
            unit.validTo = table->get(row, "valid_to");
            unit.line = row.line;
            const std::string where = table->where(row);
            if (unit.code.empty() || unit.code.find_first_of(" \t;") != std::string::npos) {
                return error(where, "empty or malformed code '" + unit.code + "'");
            }
            if (unit.nameVi.empty()) {
                return error(where, "unit " + unit.code + " has no name_vi");
            }
            if (!isIsoDate(unit.validFrom)) {
                return error(where, "valid_from '" + unit.validFrom + "' is not a YYYY-MM-DD date");
            }
            if (!unit.validTo.empty() && (!isIsoDate(unit.validTo) || unit.validTo < unit.validFrom)) {
                return error(where, "valid_to '" + unit.validTo + "' is not a date on or after valid_from");
            }
            if (unit.parentCode == unit.code) {
                return error(where, "cycle: unit " + unit.code + " is its own parent");
            }
            const LevelScheme* scheme = schemeAt(tree.m_schemes, unit.validFrom);
            if (scheme == nullptr || levelIndex(*scheme, unit.level) < 0) {
                return error(where, "unknown level '" + unit.level + "' for unit " + unit.code + " at " +
                                        unit.validFrom);
            }
            auto [it, inserted] = keys.emplace(std::make_pair(unit.code, unit.validFrom), row.line);
            if (!inserted) {
                return error(where, "duplicate unit (" + unit.code + ", " + unit.validFrom + "), first at line " +
                                        std::to_string(it->second));
            }
            tree.m_units.push_back(std::move(unit));
        }
        for (std::size_t i = 0; i < tree.m_units.size(); ++i) {
            tree.m_byCode[tree.m_units[i].code].push_back(i);
        }
        for (auto& [code, versions] : tree.m_byCode) {
            std::sort(versions.begin(), versions.end(), [&](std::size_t a, std::size_t b) {
                return tree.m_units[a].validFrom < tree.m_units[b].validFrom;
            });
            for (std::size_t k = 1; k < versions.size(); ++k) {
                const Unit& prev = tree.m_units[versions[k - 1]];
                const Unit& next = tree.m_units[versions[k]];
                if (prev.validTo.empty() || prev.validTo >= next.validFrom) {
                    const Unit& later = prev.line > next.line ? prev : next;
                    const Unit& earlier = prev.line > next.line ? next : prev;
                    return error(source + ":" + std::to_string(later.line),
                                 "overlapping validity of code " + code + " with line " +
                                     std::to_string(earlier.line));
                }
            }
        }
        return Status::ok();
    }

    static Status checkParents(AdminTree& tree, const std::string& source)
    {
        const std::size_t n = tree.m_units.size();
        // Existence first, then cycles, then level order, so each broken file gets its most telling message.
        for (const Unit& unit : tree.m_units) {
            if (!unit.parentCode.empty() && tree.find(unit.parentCode, unit.validFrom) == nullptr) {
                return error(source + ":" + std::to_string(unit.line),
                             "unknown parent " + unit.parentCode + " of unit " + unit.code + " (none valid at " +
                                 unit.validFrom + ")");
            }
        }
        // The parent must also exist on the unit's last day (an open unit needs an open parent version), so no
        // unit is orphaned part-way through its validity.
        for (const Unit& unit : tree.m_units) {
            if (unit.parentCode.empty()) {
                continue;
            }
            bool covered = false;
            if (unit.validTo.empty()) {
                if (auto it = tree.m_byCode.find(unit.parentCode); it != tree.m_byCode.end()) {
                    for (std::size_t i : it->second) {
                        covered = covered || tree.m_units[i].validTo.empty();
                    }
                }
            } else {
                covered = tree.find(unit.parentCode, unit.validTo) != nullptr;
            }
            if (!covered) {
                return error(source + ":" + std::to_string(unit.line),
                             "unknown parent " + unit.parentCode + " of unit " + unit.code +
                                 " at the end of its validity (" +
                                 (unit.validTo.empty() ? std::string("open") : unit.validTo) + ")");
            }
        }
        for (const Unit& unit : tree.m_units) {
            std::set<std::string> seen{unit.code};
            const Unit* current = &unit;
            for (std::size_t steps = 0; !current->parentCode.empty() && steps <= n; ++steps) {
                current = tree.find(current->parentCode, unit.validFrom);
                if (current == nullptr) {
                    break;
                }
                if (!seen.insert(current->code).second) {
                    return error(source + ":" + std::to_string(unit.line),
                                 "cycle in parent links through unit " + current->code + " at " + unit.validFrom);
                }
            }
        }
        for (const Unit& unit : tree.m_units) {
            if (unit.parentCode.empty()) {
                continue;
            }
            const Unit* parent = tree.find(unit.parentCode, unit.validFrom);
            const LevelScheme* scheme = schemeAt(tree.m_schemes, unit.validFrom);
            if (parent != nullptr && scheme != nullptr &&
                levelIndex(*scheme, parent->level) >= levelIndex(*scheme, unit.level)) {
                return error(source + ":" + std::to_string(unit.line),
                             "unknown level order: " + unit.level + " " + unit.code + " under " + parent->level +
                                 " " + parent->code);
            }
        }
        tree.m_parentVersions.assign(n, {});
        for (std::size_t i = 0; i < n; ++i) {
            const Unit& unit = tree.m_units[i];
            if (unit.parentCode.empty()) {
                continue;
            }
            tree.m_byParent[unit.parentCode].push_back(i);
            // Parent versions overlapping the unit's validity: walks then follow indices, not codes.
            if (auto it = tree.m_byCode.find(unit.parentCode); it != tree.m_byCode.end()) {
                for (std::size_t p : it->second) {
                    const Unit& parent = tree.m_units[p];
                    const bool startsInTime = unit.validTo.empty() || parent.validFrom <= unit.validTo;
                    const bool endsInTime = parent.validTo.empty() || unit.validFrom <= parent.validTo;
                    if (startsInTime && endsInTime) {
                        tree.m_parentVersions[i].push_back(p);
                    }
                }
            }
        }
        for (auto& [code, list] : tree.m_byParent) {
            std::sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
                return tree.m_units[a].code < tree.m_units[b].code ||
                       (tree.m_units[a].code == tree.m_units[b].code &&
                        tree.m_units[a].validFrom < tree.m_units[b].validFrom);
            });
        }
        return Status::ok();
    }

    static Status loadLineage(AdminTree& tree, std::string_view csv, const std::string& source)
    {
        tree.m_successors.assign(tree.m_units.size(), {});
        tree.m_predecessors.assign(tree.m_units.size(), {});
        if (csv.empty()) {
            return Status::ok();
        }
        auto table = CsvTable::parse(csv, source);
        if (!table) {
            return table.status();
        }
        if (auto st = table->requireColumns({"old_code", "old_valid_from", "new_code", "new_valid_from"}); !st) {
            return st;
        }
        std::set<std::pair<std::size_t, std::size_t>> seen;
        for (const auto& row : table->rows()) {
            LineageEvent event;
            event.oldCode = table->get(row, "old_code");
            event.oldValidFrom = table->get(row, "old_valid_from");
            event.newCode = table->get(row, "new_code");
            event.newValidFrom = table->get(row, "new_valid_from");
            event.effectiveDate = table->get(row, "effective_date");
            event.kind = table->get(row, "kind");
            event.line = row.line;
            if (event.effectiveDate.empty()) {
                event.effectiveDate = event.newValidFrom;
            }
            const std::string where = table->where(row);
            if (!isIsoDate(event.effectiveDate)) {
                return error(where, "effective_date '" + event.effectiveDate + "' is not a YYYY-MM-DD date");
            }
            const auto from = indexOf(tree, event.oldCode, event.oldValidFrom);
            const auto to = indexOf(tree, event.newCode, event.newValidFrom);
            if (!from) {
                return error(where, "unknown old unit (" + event.oldCode + ", " + event.oldValidFrom + ")");
            }
            if (!to) {
                return error(where, "unknown new unit (" + event.newCode + ", " + event.newValidFrom + ")");
            }
            if (event.newValidFrom <= event.oldValidFrom) {
                return error(where, "the new unit must start after the old one");
            }
            if (!seen.emplace(*from, *to).second) {
                return error(where, "duplicate lineage row " + event.oldCode + " -> " + event.newCode);
            }
            tree.m_successors[*from].push_back(*to);
            tree.m_predecessors[*to].push_back(*from);
            tree.m_lineage.push_back(std::move(event));
        }
        return Status::ok();
    }

    static std::optional<std::size_t> indexOf(const AdminTree& tree, std::string_view code, std::string_view from)
    {
        auto it = tree.m_byCode.find(code);
        if (it == tree.m_byCode.end()) {
            return std::nullopt;
        }
        for (std::size_t i : it->second) {
            if (tree.m_units[i].validFrom == from) {
                return i;
            }
        }
        return std::nullopt;
    }
};

std::vector<LevelScheme> AdminTree::defaultLevelSchemes()
{
    return {
        LevelScheme{"", "2025-06-30", {"province", "district", "commune", "village"}},
        LevelScheme{"2025-07-01", "", {"province", "commune", "village"}},
    };
}

Result<AdminTree> AdminTree::loadCsv(std::string_view unitsCsv, std::string_view lineageCsv,
                                     std::string_view sourceName)
{
    return AdminTreeLoader::load(unitsCsv, lineageCsv, defaultLevelSchemes(), sourceName);
}

Result<AdminTree> AdminTree::loadCsv(std::string_view unitsCsv, std::string_view lineageCsv,
                                     std::string_view levelsCsv, std::string_view sourceName)
{
    auto schemes = AdminTreeLoader::parseLevels(levelsCsv, std::string(sourceName) + "/levels.csv");
    if (!schemes) {
        return schemes.status();
    }
    return AdminTreeLoader::load(unitsCsv, lineageCsv, std::move(*schemes), sourceName);
}

Result<AdminTree> AdminTree::loadDirectory(const std::filesystem::path& dir)
{
    auto units = readText(dir / "units.csv");
    if (!units) {
        return units.status();
    }
    std::string lineage;
    std::error_code ec;
    if (std::filesystem::exists(dir / "lineage.csv", ec)) {
        auto text = readText(dir / "lineage.csv");
        if (!text) {
            return text.status();
        }
        lineage = std::move(*text);
    }
    if (std::filesystem::exists(dir / "levels.csv", ec)) {
        auto levels = readText(dir / "levels.csv");
        if (!levels) {
            return levels.status();
        }
        return loadCsv(*units, lineage, *levels, dir.string());
    }
    return loadCsv(*units, lineage, dir.string());
}

}  // namespace dantoc::admin
