// AdminScopePolicy: scope answered from the shared/admin AdminTree built from the store's unit versions and
// lineage, with "today" from the injected clock. An account sees its root's subtree as valid today, and the
// records of old units (pre-merger commune codes) whose territory went into that subtree. The tree is an immutable
// snapshot swapped under a short lock when the units change (this process: at once; another process, e.g. the
// `unit import` command: within about a second, and at once for unitsAt()). Thread-safe.
#pragma once

#include "admin/AdminTree.h"
#include "base/Clock.h"
#include "scope/ScopePolicy.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace dantoc::server {

class AdminScopePolicy final : public ScopePolicy
{
public:
    // With `dataDir` (the server's), the policy reads the units through a private connection of its own, so it
    // may be asked from anywhere, even inside a SqliteStore::write()/read() body (no re-entry into the store's
    // mutex). Without it, it reads through `store`: then never call it while holding that store's lock.
    AdminScopePolicy(Store& store, const Clock& clock, const std::filesystem::path& dataDir = {});

    bool inScope(const std::string& scopeRoot, const std::string& unitCode) const override;
    Result<std::vector<Unit>> unitsAt(const std::string& scopeRoot, const std::string& date) const override;
    Result<std::vector<std::string>> codesInScope(const std::string& scopeRoot) const override;
    Result<std::vector<std::string>> codesUnder(const std::string& unitCode, const std::string& date) const override;

    // Rebuilds the tree from the store now. When the stored units do not form a valid tree (hand-edited data) the
    // previous snapshot stays; with none, questions fall back to the store's parent walk (StoreScopePolicy).
    Status reload() const;
    // The current snapshot; nullptr when none could be built.
    std::shared_ptr<const admin::AdminTree> tree() const;
    // "YYYY-MM-DD" of the clock's now (UTC).
    std::string today() const;

    // Whether the version (code, validFrom) lies, through lineage, in `scopeRoot`'s subtree as valid on `date`.
    static bool versionInScope(const admin::AdminTree& tree, const std::string& scopeRoot, const admin::Unit& version,
                               const std::string& date);

private:
    struct Snapshot {
        std::shared_ptr<const admin::AdminTree> tree;
        // Versions of each code, pointing into *tree (for codes no longer valid today).
        std::unordered_map<std::string, std::vector<const admin::Unit*>> versions;
        std::int64_t generation = -1;
        std::uint64_t localWrites = 0;
    };
    // forceCheck: ask the store's generation now (listing units), not at most once a second (inScope, hot).
    std::shared_ptr<const Snapshot> current(bool forceCheck = false) const;
    bool inScopeOf(const Snapshot& snapshot, const std::string& scopeRoot, const std::string& unitCode,
                   const std::string& date) const;

    Store& m_store;                        // signals in-process unit writes (unitWritesSeen)
    std::unique_ptr<Store> m_ownReader;    // private connection when constructed with a data directory
    Store* m_reader = nullptr;             // where units and the generation are read
    const Clock& m_clock;
    std::unique_ptr<StoreScopePolicy> m_fallback;  // over m_reader, when no tree could be built
    mutable std::mutex m_snapshotMutex;  // guards m_snapshot (copying the pointer only)
    mutable std::shared_ptr<const Snapshot> m_snapshot;
    mutable std::mutex m_reloadMutex;  // one rebuild at a time
    mutable std::atomic<std::int64_t> m_lastCheck{0};  // steady-clock ms of the last generation query
};

}  // namespace dantoc::server
