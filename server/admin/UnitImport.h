// Importing administrative units with history (versions + lineage) into the server store, in the shared/admin
// format (CSV, or JSON arrays of the same fields; server/docs/unit-import.md). The whole file is validated merged
// with what the store already holds before anything is written; errors name file:line (JSON: file:element N).
// Stateless functions; thread-safe as the Store is.
#pragma once

#include "admin/AdminTree.h"
#include "base/Result.h"
#include "store/Store.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::server {

struct UnitImportSource {
    std::string name;  // for messages: the file name as the user gave it
    std::string text;
    bool json = false;
};

struct UnitImportCounts {
    std::size_t versionsAdded = 0;
    std::size_t versionsChanged = 0;
    std::size_t versionsUnchanged = 0;
    std::size_t lineageAdded = 0;
    std::size_t lineageChanged = 0;
    std::size_t lineageUnchanged = 0;
    bool changedAnything() const { return versionsAdded + versionsChanged + lineageAdded + lineageChanged > 0; }
};

// Parses, validates (codes, dates, parents, cycles, overlapping validity, lineage ends; against the stored units
// too) and applies in one audited transaction ("unit.import" by `actor`). Importing the same data again changes
// nothing and appends no audit entry. Any error: nothing changes.
Result<UnitImportCounts> importUnits(Store& store, const UnitImportSource& units,
                                     const std::optional<UnitImportSource>& lineage, const std::string& actor,
                                     std::int64_t now);
// Reads the files (".json" = JSON, anything else CSV); `lineageFile` empty = none.
Result<UnitImportCounts> importUnitFiles(Store& store, const std::filesystem::path& unitsFile,
                                         const std::filesystem::path& lineageFile, const std::string& actor,
                                         std::int64_t now);

// The admin tree of stored versions and lineage (default level schemes). Errors name "store".
Result<admin::AdminTree> buildAdminTree(const std::vector<Unit>& versions, const std::vector<UnitLineage>& lineage);

}  // namespace dantoc::server
