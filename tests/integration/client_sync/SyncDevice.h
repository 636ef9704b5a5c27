// SyncDevice: one enrolled laptop for the client-sync integration tests: a seeded SQLCipher store, its pinned
// transport, sync client and entry service, enrolled against the real demo server (TestServer) with the
// forced password change. Test-only; not thread-safe.
#pragma once

#include "QtApp.h"
#include "core/EntryService.h"
#include "core/OutboxRepository.h"
#include "core/StoreFactory.h"
#include "core/SubmissionRepository.h"
#include "core/sync/Enrollment.h"
#include "core/sync/HttpTransport.h"
#include "core/sync/SyncClient.h"
#include "support/DemoValues.h"
#include "support/FlowAccounts.h"
#include "support/TempDir.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <memory>

namespace dantoc::test::client_sync {

using namespace dantoc::client;
using dantoc::client::sync::Enrollment;
using dantoc::client::sync::EnrollRequest;
using dantoc::client::sync::HttpTransport;
using dantoc::client::sync::SyncClient;
using dantoc::client::sync::SyncReport;

inline constexpr const char* kVillage = "02683-01";
inline constexpr const char* kPeriod = "2026-H2";
inline constexpr const char* kOfficer = "xa02683";

// Deterministic jitter for the backoff (its values are not asserted here).
class FixedRandom final : public RandomSource
{
public:
    void fill(std::uint8_t* out, std::size_t size) override
    {
        for (std::size_t i = 0; i < size; ++i) {
            out[i] = static_cast<std::uint8_t>(i * 37 + 11);
        }
    }
};

inline TestServer::Options demo()
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    return options;
}

inline QUrl urlOf(const TestServer& server)
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
}

// One enrolled laptop: a seeded store, its transport and sync client.
struct SyncDevice
{
    std::unique_ptr<Store> store;
    std::unique_ptr<HttpTransport> transport;
    FixedRandom random;
    std::unique_ptr<SyncClient> client;
    std::unique_ptr<EntryService> entries;

    Connection& db() { return store->connection(); }

    void open(const std::filesystem::path& dir, bool create)
    {
        StoreOptions options;
        options.kdf = KdfParams::testing();
        auto opened = create ? StoreFactory::create(dir, "mật khẩu kho", DANTOC_RESOURCES_DIR, options)
                             : Store::open(dir, "mật khẩu kho", options);
        REQUIRE_MESSAGE(opened.isOk(), opened.status().toString());
        store = std::move(*opened);
        entries = std::make_unique<EntryService>(db());
    }

    void connect()
    {
        auto made = Enrollment::transportFor(db());
        REQUIRE_MESSAGE(made.isOk(), made.status().toString());
        transport = std::move(*made);
        client = std::make_unique<SyncClient>(*store, *transport, random);
    }

    SyncReport sync()
    {
        auto report = client->runCycle();
        REQUIRE_MESSAGE(report.isOk(), report.status().toString());
        return *report;
    }

    std::string newRecord(const Json& values)
    {
        auto draft = entries->createDraft({"", "village_survey", 1, kVillage, kPeriod, "", "{}"});
        REQUIRE_MESSAGE(draft.isOk(), draft.status().toString());
        auto saved = entries->save(draft->id, values);
        REQUIRE_MESSAGE(saved.isOk(), saved.status().toString());
        return draft->id;
    }

    Submission record(const std::string& id)
    {
        auto out = SubmissionRepository(db()).get(id);
        REQUIRE_MESSAGE(out.isOk(), out.status().toString());
        return *out;
    }

    std::int64_t pending() { return *OutboxRepository(db()).pendingCount(); }
};

// Enrolls `device` (a new store in dir) for `account`, changing the default password on first use.
inline void enroll(SyncDevice& device, const std::filesystem::path& dir, const TestServer& server,
                   FlowAccounts& accounts, const std::string& account, const std::string& name)
{
    device.open(dir, true);
    const std::string fresh = FlowAccounts::newPasswordFor(account);
    EnrollRequest request{urlOf(server), server.fingerprint(), account, accounts.password(account), fresh,
                          name};
    auto enrolled = Enrollment::enroll(device.db(), request);
    if (!enrolled && accounts.password(account) != fresh) {
        request.password = fresh;  // another device of this account changed it already
        enrolled = Enrollment::enroll(device.db(), request);
    }
    REQUIRE_MESSAGE(enrolled.isOk(), enrolled.status().toString());
    if (enrolled->passwordChanged) {
        accounts.setPassword(account, fresh);
    }
    device.connect();
}

// The demo server, its accounts and a temporary directory: how every client-sync test starts. Bind the parts with
// `auto& [qt, server, accounts, dir] = world;`.
struct DemoWorld
{
    explicit DemoWorld(const std::string& tempPrefix) : dir(tempPrefix) { REQUIRE(server.started()); }

    // Enrolls `device` as `account` in a new store under dir/subdir.
    void enroll(SyncDevice& device, const char* subdir, const std::string& name,
                const std::string& account = kOfficer)
    {
        client_sync::enroll(device, dir.path() / subdir, server, accounts, account, name);
    }

    bool qt = (ensureQtApp(), true);  // before anything that touches Qt
    TestServer server{demo()};
    FlowAccounts accounts{server};
    TempDir dir;
};

}  // namespace dantoc::test::client_sync
