// ServerApp: the assembled server for one data directory: store, auth, scope policy, router (API + builtin routes)
// and metrics. main() and the in-process tests build the same thing. Not copyable; thread-safe once built.
#pragma once

#include "Config.h"
#include "api/ApiContext.h"
#include "auth/AuthService.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "scope/ScopePolicy.h"
#include "store/SqliteBlobStore.h"
#include "store/SqliteCatalogStore.h"
#include "store/SqliteRecordStore.h"
#include "store/SqliteStore.h"

#include <memory>

namespace dantoc::server {

class ServerApp
{
public:
    // clock: nullptr = the config's clock (the system clock, or its pinned "as_of" date); tests pass a
    // ManualClock that outlives the app.
    static Result<std::unique_ptr<ServerApp>> open(const Config& config, const Clock* clock = nullptr,
                                                   AuthPolicy policy = {});

    Store& store() { return *m_store; }
    SqliteStore& sqliteStore() { return *m_store; }
    RecordStore& records() { return *m_records; }
    BlobStore& blobs() { return *m_blobs; }
    CatalogStore& catalogs() { return *m_catalogs; }
    AuthService& auth() { return *m_auth; }
    std::shared_ptr<const Router> router() const { return m_router; }
    std::shared_ptr<Metrics> metrics() const { return m_metrics; }

private:
    ServerApp() = default;
    std::shared_ptr<const Clock> m_ownClock;  // the config's, when no clock was given
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<SqliteRecordStore> m_records;
    std::unique_ptr<SqliteBlobStore> m_blobs;
    std::unique_ptr<SqliteCatalogStore> m_catalogs;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<ScopePolicy> m_scope;
    std::shared_ptr<Metrics> m_metrics;
    std::shared_ptr<Router> m_router;
};

}  // namespace dantoc::server
