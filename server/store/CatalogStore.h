// CatalogStore: published form templates (versioned, with ETags), catalogs and reporting periods, behind an
// interface so a PostgreSQL store can replace the embedded SQLite one. Every mutating call is one transaction
// (with its audit event). Implementations are thread-safe.
#pragma once

#include "base/Result.h"
#include "store/StoreTypes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::server {

struct StoredForm {
    std::string formId;
    int version = 0;
    std::string json;  // the template document (shared/docs/form-format.md)
    std::string etag;  // strong ETag of `json`
    std::int64_t publishedAt = 0;
};

struct Period {
    std::string id;     // "2025", "2025-H1", ...
    std::string label;  // Vietnamese display label
    std::string startsOn;  // YYYY-MM-DD
    std::string endsOn;    // YYYY-MM-DD
    bool open = false;     // submissions are accepted only while open
};

class CatalogStore
{
public:
    virtual ~CatalogStore() = default;

    // A published form version; nullopt when unknown.
    virtual Result<std::optional<StoredForm>> formVersion(const std::string& formId, int version) = 0;
    // The newest published version of every form, by form id.
    virtual Result<std::vector<StoredForm>> latestForms() = 0;
    // Every published version of every form, by form id then version.
    virtual Result<std::vector<StoredForm>> allForms() = 0;
    // Publishes a form version. The same (id, version) again: ok when the content is identical (idempotent),
    // AlreadyExists when it differs (a published version never changes).
    virtual Status publishForm(const StoredForm& form, const AuditEvent& audit) = 0;

    virtual Result<std::optional<Period>> period(const std::string& id) = 0;
    virtual Result<std::vector<Period>> listPeriods() = 0;  // by id
    // Creates or replaces a period (opening or closing it).
    virtual Status savePeriod(const Period& period, const AuditEvent& audit) = 0;

    // A counter stored with the forms and periods, bumped in the same transaction by every form published and
    // every period saved (from any process): what answer caches of the form and period lists compare.
    virtual Result<std::int64_t> generation() = 0;
};

}  // namespace dantoc::server
