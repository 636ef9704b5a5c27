#include "ServerApp.h"

#include "Log.h"
#include "http/BuiltinRoutes.h"
#include "scope/AdminScopePolicy.h"
#include "sync/SyncTuning.h"

namespace dantoc::server {

namespace {
// The router holds the authenticator by shared_ptr; the AuthService itself is owned by the app.
struct AuthenticatorRef final : Authenticator {
    explicit AuthenticatorRef(const AuthService& auth) : m_auth(auth) {}
    Result<Principal> authenticate(const std::string& token) const override { return m_auth.authenticate(token); }
    const AuthService& m_auth;
};
}  // namespace

Result<std::unique_ptr<ServerApp>> ServerApp::open(const Config& config, const Clock* clock, AuthPolicy policy)
{
    std::unique_ptr<ServerApp> app(new ServerApp());
    auto store = SqliteStore::open(config.dataDir);
    if (!store) {
        return store.status();
    }
    app->m_store = std::move(store.value());
    app->m_records = std::make_unique<SqliteRecordStore>(*app->m_store);
    app->m_blobs = std::make_unique<SqliteBlobStore>(*app->m_store, config.dataDir / "blobs");
    app->m_catalogs = std::make_unique<SqliteCatalogStore>(*app->m_store);
    if (clock == nullptr) {
        app->m_ownClock = config.clock();
    }
    const Clock& time = clock ? *clock : *app->m_ownClock;
    // Partial uploads idle longer than the protocol promises to keep them (sync-protocol.md §8.6) go at start-up.
    if (auto expired = app->m_blobs->expirePartialUploads(time.nowUnixMillis(),
                                                          sync::tuning::kPartialUploadExpiryMillis);
        !expired) {
        log::warn("blob expiry failed", {{"error", expired.status().message()}});
    } else if (*expired > 0) {
        log::info("expired partial uploads", {{"count", *expired}});
    }
    app->m_auth = std::make_unique<AuthService>(
        *app->m_store, time, PasswordHasher(config.passwordHashOpsLimit, config.passwordHashMemLimit), policy);
    // Scope by date and lineage over the stored unit history (falls back to the plain parent walk).
    app->m_scope = std::make_unique<AdminScopePolicy>(*app->m_store, time, config.dataDir);
    app->m_metrics = std::make_shared<Metrics>();
    app->m_router = std::make_shared<Router>(std::make_shared<AuthenticatorRef>(*app->m_auth));
    registerBuiltinRoutes(*app->m_router, config, app->m_metrics);
    registerApiRoutes(*app->m_router, ApiContext{*app->m_store, *app->m_auth, *app->m_scope, time, *app->m_records,
                                                 *app->m_blobs, *app->m_catalogs, config.resourcesDir,
                                                 config.dataDir});
    return app;
}

}  // namespace dantoc::server
