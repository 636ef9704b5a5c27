#include "scope/AdminScopePolicy.h"

#include "admin/UnitImport.h"
#include "Log.h"
#include "store/SqliteStore.h"

#include <algorithm>
#include <cstdio>

namespace dantoc::server {

namespace {

constexpr std::int64_t kCrossProcessCheckMs = 1000;

std::int64_t steadyMillis()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Unit toServerUnit(const admin::Unit& u)
{
    return Unit{u.code, u.nameVi, u.level, u.parentCode, u.unitType, u.validFrom, u.validTo};
}

}  // namespace

AdminScopePolicy::AdminScopePolicy(Store& store, const Clock& clock, const std::filesystem::path& dataDir)
    : m_store(store), m_reader(&store), m_clock(clock)
{
    if (!dataDir.empty()) {
        auto reader = SqliteStore::open(dataDir);
        if (reader) {
            m_ownReader = std::move(reader.value());
            m_reader = m_ownReader.get();
        } else {
            log::warn("scope_reader_unavailable", {{"error", reader.status().message()}});
        }
    }
    m_fallback = std::make_unique<StoreScopePolicy>(*m_reader);
    if (Status s = reload(); !s) {
        log::warn("scope_tree_invalid", {{"error", s.message()}});
    }
}

std::string AdminScopePolicy::today() const
{
    const std::chrono::sys_days days{std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(m_clock.nowUnixMillis())))};
    const std::chrono::year_month_day ymd{days};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

Status AdminScopePolicy::reload() const
{
    std::lock_guard reloadLock(m_reloadMutex);
    auto next = std::make_shared<Snapshot>();
    next->localWrites = m_store.unitWritesSeen();  // read first: a write after this triggers another reload
    auto generation = m_reader->unitGeneration();
    auto versions = m_reader->listUnitVersions();
    auto lineage = m_reader->listUnitLineage();
    Status result = Status::ok();
    if (!generation || !versions || !lineage) {
        result = !generation ? generation.status() : !versions ? versions.status() : lineage.status();
    } else {
        next->generation = *generation;
        auto tree = buildAdminTree(*versions, *lineage);
        if (tree) {
            next->tree = std::make_shared<const admin::AdminTree>(std::move(tree.value()));
            for (const admin::Unit& unit : next->tree->units()) {
                next->versions[unit.code].push_back(&unit);
            }
        } else {
            result = tree.status();
        }
    }
    std::lock_guard lock(m_snapshotMutex);
    if (!next->tree && m_snapshot) {
        next->tree = m_snapshot->tree;  // keep answering from the last good tree
        next->versions = m_snapshot->versions;
    }
    m_snapshot = std::move(next);
    m_lastCheck.store(steadyMillis());
    return result;
}

std::shared_ptr<const AdminScopePolicy::Snapshot> AdminScopePolicy::current(bool forceCheck) const
{
    std::shared_ptr<const Snapshot> snapshot;
    {
        std::lock_guard lock(m_snapshotMutex);
        snapshot = m_snapshot;
    }
    bool stale = !snapshot || snapshot->localWrites != m_store.unitWritesSeen();
    if (!stale) {
        const std::int64_t now = steadyMillis();
        std::int64_t last = m_lastCheck.load();
        if (forceCheck || (now - last >= kCrossProcessCheckMs && m_lastCheck.compare_exchange_strong(last, now))) {
            auto generation = m_reader->unitGeneration();
            stale = generation && *generation != snapshot->generation;
        }
    }
    if (stale) {
        if (Status s = reload(); !s) {
            log::warn("scope_tree_invalid", {{"error", s.message()}});
        }
        std::lock_guard lock(m_snapshotMutex);
        snapshot = m_snapshot;
    }
    return snapshot;
}

std::shared_ptr<const admin::AdminTree> AdminScopePolicy::tree() const
{
    return current()->tree;
}

bool AdminScopePolicy::versionInScope(const admin::AdminTree& tree, const std::string& scopeRoot,
                                      const admin::Unit& version, const std::string& date)
{
    for (const admin::Unit* counterpart : tree.counterpartsAt(version.code, version.validFrom, date)) {
        if (tree.isInSubtree(scopeRoot, counterpart->code, date)) {
            return true;
        }
    }
    return false;
}

bool AdminScopePolicy::inScope(const std::string& scopeRoot, const std::string& unitCode) const
{
    const auto snapshot = current();
    if (!snapshot->tree) {
        return m_fallback->inScope(scopeRoot, unitCode);
    }
    return inScopeOf(*snapshot, scopeRoot, unitCode, today());
}

bool AdminScopePolicy::inScopeOf(const Snapshot& snapshot, const std::string& scopeRoot, const std::string& unitCode,
                                 const std::string& date) const
{
    const admin::AdminTree& tree = *snapshot.tree;
    if (tree.find(scopeRoot, date) == nullptr) {
        return false;  // an account rooted at a unit that no longer exists sees nothing
    }
    if (tree.find(unitCode, date) != nullptr) {
        return tree.isInSubtree(scopeRoot, unitCode, date);
    }
    // A code not valid today: any of its versions whose territory went (through lineage) into the root's subtree.
    auto it = snapshot.versions.find(unitCode);
    if (it == snapshot.versions.end()) {
        return false;
    }
    for (const admin::Unit* version : it->second) {
        if (versionInScope(tree, scopeRoot, *version, date)) {
            return true;
        }
    }
    return false;
}

Result<std::vector<std::string>> AdminScopePolicy::codesInScope(const std::string& scopeRoot) const
{
    const auto snapshot = current(/*forceCheck=*/true);
    if (!snapshot->tree) {
        return m_fallback->codesInScope(scopeRoot);
    }
    const std::string date = today();
    std::vector<std::string> out;
    for (const auto& [code, versions] : snapshot->versions) {
        if (inScopeOf(*snapshot, scopeRoot, code, date)) {
            out.push_back(code);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

Result<std::vector<std::string>> AdminScopePolicy::codesUnder(const std::string& unitCode,
                                                             const std::string& date) const
{
    const auto snapshot = current(/*forceCheck=*/true);
    if (!snapshot->tree) {
        return m_fallback->codesUnder(unitCode, date);
    }
    std::string at = date.empty() ? today() : date;
    if (date.empty() && snapshot->tree->find(unitCode, at) == nullptr) {
        auto it = snapshot->versions.find(unitCode);
        if (it == snapshot->versions.end()) {
            return std::vector<std::string>{};
        }
        std::string last;  // the last day of its latest version that has ended
        for (const admin::Unit* version : it->second) {
            if (!version->validTo.empty() && version->validTo < at && version->validTo > last) {
                last = version->validTo;
            }
        }
        if (last.empty()) {
            return std::vector<std::string>{};  // not yet valid
        }
        at = last;
    }
    std::vector<std::string> out;
    for (const auto& [code, versions] : snapshot->versions) {
        if (inScopeOf(*snapshot, unitCode, code, at)) {
            out.push_back(code);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

Result<std::vector<Unit>> AdminScopePolicy::unitsAt(const std::string& scopeRoot, const std::string& date) const
{
    const auto snapshot = current(/*forceCheck=*/true);
    if (!snapshot->tree) {
        return m_fallback->unitsAt(scopeRoot, date);
    }
    const admin::AdminTree& tree = *snapshot->tree;
    const std::string now = today();
    std::vector<Unit> out;
    for (const admin::Unit* unit : tree.unitsAt(date)) {
        if (scopeRoot.empty() || versionInScope(tree, scopeRoot, *unit, now)) {
            out.push_back(toServerUnit(*unit));
        }
    }
    return out;
}

}  // namespace dantoc::server
