#include "core/CatalogRepository.h"

#include "core/Transaction.h"

namespace dantoc::client {

namespace {

Status insertCatalog(Connection& connection, const StoredCatalog& catalog)
{
    if (catalog.name.empty() || catalog.version.empty()) {
        return {ErrorCode::InvalidArgument, "a catalog needs a name and a version"};
    }
    auto stmt = connection.prepare("INSERT OR REPLACE INTO catalogs(name, version, etag, body) VALUES(?1, ?2, ?3, ?4)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, catalog.name);
    if (status) status = stmt->bindText(2, catalog.version);
    if (status) status = catalog.etag.empty() ? stmt->bindNull(3) : stmt->bindText(3, catalog.etag);
    if (status) status = stmt->bindText(4, catalog.body);
    if (status) status = stmt->execute();
    return status;
}

StoredCatalog readCatalog(const Statement& stmt)
{
    return {stmt.columnText(0), stmt.columnText(1), stmt.columnText(2), stmt.columnText(3)};
}

}  // namespace

Status CatalogRepository::put(const StoredCatalog& catalog)
{
    return insertCatalog(m_connection, catalog);
}

Result<StoredCatalog> CatalogRepository::get(const std::string& name)
{
    auto stmt = m_connection.prepare("SELECT name, version, etag, body FROM catalogs WHERE name = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, name); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return Status(ErrorCode::NotFound, "no catalog " + name);
    }
    return readCatalog(*stmt);
}

Result<std::vector<StoredCatalog>> CatalogRepository::list()
{
    auto stmt = m_connection.prepare("SELECT name, version, etag, body FROM catalogs ORDER BY name");
    if (!stmt) {
        return stmt.status();
    }
    return stmt->readAll<StoredCatalog>(readCatalog);
}

Status CatalogRepository::replaceAll(const std::vector<StoredCatalog>& catalogs)
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    if (Status status = m_connection.exec("DELETE FROM catalogs"); !status) {
        return status;
    }
    for (const StoredCatalog& catalog : catalogs) {
        if (Status status = insertCatalog(m_connection, catalog); !status) {
            return status;
        }
    }
    return transaction.commit();
}

}  // namespace dantoc::client
