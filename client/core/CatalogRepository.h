// CatalogRepository: code lists synced down from the province (table catalogs): ethnic groups, religions,
// indicators... each kept whole as text (CSV or JSON) with its version and ETag; seeded from resources/catalogs
// offline, replaced by what sync pulls. Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Result.h"

#include <string>
#include <vector>

namespace dantoc::client {

struct StoredCatalog
{
    std::string name;     // "ethnic_groups", "religions", "indicators" ...
    std::string version;  // the server's version label ("seed" for the shipped copy)
    std::string etag;     // "" when not from a server
    std::string body;     // the catalog text (CSV or JSON), UTF-8
};

class CatalogRepository
{
public:
    explicit CatalogRepository(Connection& connection) : m_connection(connection) {}

    // Inserts or replaces. InvalidArgument for an empty name or version.
    Status put(const StoredCatalog& catalog);
    Result<StoredCatalog> get(const std::string& name);  // NotFound when absent
    Result<std::vector<StoredCatalog>> list();           // by name
    // Replaces every catalog in one transaction; nothing changes on error.
    Status replaceAll(const std::vector<StoredCatalog>& catalogs);

private:
    Connection& m_connection;
};

}  // namespace dantoc::client
