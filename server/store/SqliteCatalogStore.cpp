#include "store/SqliteCatalogStore.h"

#include "store/SchemaParts.h"

namespace dantoc::server {

const char* const kCatalogSchemaV2 = "";

// Placeholders until the catalog handlers land.
Result<std::optional<StoredForm>> SqliteCatalogStore::formVersion(const std::string&, int)
{
    return std::optional<StoredForm>{};
}

Result<std::optional<Period>> SqliteCatalogStore::period(const std::string&)
{
    return std::optional<Period>{};
}

}  // namespace dantoc::server
