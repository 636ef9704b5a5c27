// What the API handlers need: the store, auth, scope policy and clock. References outlive the router. The
// referenced objects are thread-safe, so handlers may run on any io thread.
#pragma once

#include "auth/AuthService.h"
#include "base/Clock.h"
#include "scope/ScopePolicy.h"
#include "store/BlobStore.h"
#include "store/CatalogStore.h"
#include "store/RecordStore.h"
#include "store/Store.h"

#include <filesystem>

namespace dantoc::server {

class Router;

struct ApiContext {
    Store& store;
    AuthService& auth;
    const ScopePolicy& scope;
    const Clock& clock;
    RecordStore& records;
    BlobStore& blobs;
    CatalogStore& catalogs;
    std::filesystem::path resourcesDir;  // read-only resources (catalogs, default forms)
    std::filesystem::path dataDir;       // the server's data directory (blob files live under it)
};

// Registers every /api/v1 route (auth, me, admin accounts, audit, units). Health and metrics are in BuiltinRoutes.
void registerApiRoutes(Router& router, const ApiContext& context);
void registerAuthRoutes(Router& router, const ApiContext& context);
void registerAccountRoutes(Router& router, const ApiContext& context);
void registerAuditRoutes(Router& router, const ApiContext& context);
// GET /api/v1/units?at=YYYY-MM-DD: units in the caller's scope (provincial roles: the whole province).
void registerUnitRoutes(Router& router, const ApiContext& context);
// Devices, sync push/pull (shared/docs/sync-protocol.md), records, review actions, conflicts: api/SyncHandlers.cpp.
void registerSyncRoutes(Router& router, const ApiContext& context);
// Resumable attachment upload and download (/api/v1/sync/blobs): api/BlobHandlers.cpp.
void registerBlobRoutes(Router& router, const ApiContext& context);
// Catalogs, form templates (ETags), periods, aggregates and exports: api/CatalogHandlers.cpp.
void registerCatalogRoutes(Router& router, const ApiContext& context);

}  // namespace dantoc::server
