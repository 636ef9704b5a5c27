// RecordStore: submissions (records), their versions, devices, operations and outcomes, the change log (pull
// sequence), conflicts, comments and review actions, behind an interface so a PostgreSQL store can replace the
// embedded SQLite one. Every mutating call is one transaction (with its audit event). Implementations are
// thread-safe.
#pragma once

#include "base/Result.h"
#include "store/StoreTypes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::server {

// A record as stored (the current version). Other components (aggregates, exports, blobs) read records only
// through listRecords(); the sync engine owns everything else about them.
struct StoredRecord {
    std::string recordId;
    std::string formId;
    int formVersion = 0;
    std::string unitCode;
    std::string period;
    std::string state;  // workflow state name (shared/workflow)
    std::string level;  // workflow level: commune, district, province
    std::int64_t version = 0;         // server version, bumped by every change
    std::int64_t contentVersion = 0;  // bumped only when the values body changes
    std::string bodyJson;             // the canonical values body
    std::int64_t updatedAt = 0;       // unix ms
    bool deleted = false;
};

struct RecordQuery {
    std::vector<std::string> unitCodes;      // empty: any unit (callers filter scope before or after)
    std::optional<std::string> formId;
    std::optional<std::string> period;
    std::vector<std::string> states;          // empty: any state
    bool includeDeleted = false;
    std::int64_t limit = 100000;
};

class RecordStore
{
public:
    virtual ~RecordStore() = default;

    virtual Result<std::vector<StoredRecord>> listRecords(const RecordQuery& query) = 0;
    // Units of the records that reference this attachment (for blob scope checks); empty when none.
    virtual Result<std::vector<std::string>> unitsReferencingBlob(const std::string& sha256) = 0;
};

}  // namespace dantoc::server
