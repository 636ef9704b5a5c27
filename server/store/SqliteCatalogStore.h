// SqliteCatalogStore: the embedded CatalogStore (tables form_template, period, catalog_meta), sharing SqliteStore's
// connection and mutex (SqliteStore::write/read). Thread-safe.
#pragma once

#include "store/CatalogStore.h"
#include "store/SqliteStore.h"

namespace dantoc::server {

class SqliteCatalogStore final : public CatalogStore
{
public:
    explicit SqliteCatalogStore(SqliteStore& db) : m_db(db) {}

    Result<std::optional<StoredForm>> formVersion(const std::string& formId, int version) override;
    Result<std::vector<StoredForm>> latestForms() override;
    Result<std::vector<StoredForm>> allForms() override;
    Status publishForm(const StoredForm& form, const AuditEvent& audit) override;

    Result<std::optional<Period>> period(const std::string& id) override;
    Result<std::vector<Period>> listPeriods() override;
    Status savePeriod(const Period& period, const AuditEvent& audit) override;
    Result<std::int64_t> generation() override;

private:
    SqliteStore& m_db;
};

}  // namespace dantoc::server
