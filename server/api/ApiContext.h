// What the API handlers need: the store, auth, scope policy and clock. References outlive the router. The
// referenced objects are thread-safe, so handlers may run on any io thread.
#pragma once

#include "auth/AuthService.h"
#include "base/Clock.h"
#include "scope/ScopePolicy.h"
#include "store/Store.h"

namespace dantoc::server {

class Router;

struct ApiContext {
    Store& store;
    AuthService& auth;
    const ScopePolicy& scope;
    const Clock& clock;
};

// Registers every /api/v1 route (auth, me, admin accounts, audit, units). Health and metrics are in BuiltinRoutes.
void registerApiRoutes(Router& router, const ApiContext& context);
void registerAuthRoutes(Router& router, const ApiContext& context);
void registerAccountRoutes(Router& router, const ApiContext& context);
void registerAuditRoutes(Router& router, const ApiContext& context);
// GET /api/v1/units?at=YYYY-MM-DD: units in the caller's scope (provincial roles: the whole province).
void registerUnitRoutes(Router& router, const ApiContext& context);

}  // namespace dantoc::server
