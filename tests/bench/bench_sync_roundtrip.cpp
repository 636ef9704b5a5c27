// Benchmark: N submissions of ~3 KB (the demo village report) entered through the real client core (EntryService,
// SQLCipher store), pushed by the real SyncClient to the real dantoc-server over TLS, then pulled by a second
// enrolled store. Prints records/s for entry, push and pull, and the bytes on the wire against the raw JSON size
// (operation payloads for the push, record bodies for the pull). Asserts nothing.
// Usage: bench_sync_roundtrip [N=10000]
#include "core/EntryService.h"
#include "core/OutboxRepository.h"
#include "core/StoreFactory.h"
#include "core/sync/Enrollment.h"
#include "core/sync/SyncClient.h"
#include "support/FlowAccounts.h"
#include "support/TestServer.h"

#include "base/Uuid.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace dantoc;
using namespace dantoc::client;
using Steady = std::chrono::steady_clock;

namespace {

double secondsSince(Steady::time_point start)
{
    return std::chrono::duration<double>(Steady::now() - start).count();
}

struct Laptop
{
    std::unique_ptr<Store> store;
    std::unique_ptr<client::sync::HttpTransport> transport;
};

bool enroll(Laptop& laptop, const std::filesystem::path& dir, const test::TestServer& server,
            const std::string& password, const std::optional<std::string>& newPassword)
{
    StoreOptions options;
    options.kdf = KdfParams::testing();
    auto store = StoreFactory::create(dir, "bench", DANTOC_RESOURCES_DIR, options);
    if (!store) {
        std::fprintf(stderr, "store: %s\n", store.status().toString().c_str());
        return false;
    }
    laptop.store = std::move(*store);
    const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
    auto enrolled = client::sync::Enrollment::enroll(laptop.store->connection(),
                                             {url, server.fingerprint(), "xa02683", password, newPassword, "bench"});
    if (!enrolled) {
        std::fprintf(stderr, "enroll: %s\n", enrolled.status().toString().c_str());
        return false;
    }
    auto transport = client::sync::Enrollment::transportFor(laptop.store->connection());
    if (!transport) {
        return false;
    }
    laptop.transport = std::move(*transport);
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10000;
    test::TestServer::Options options;
    options.initArgs = {"--demo"};
    test::TestServer server(options);
    if (!server.started()) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }
    test::FlowAccounts accounts(server);
    const auto dir = std::filesystem::temp_directory_path() / ("dantoc-bench-sync-" + newUuid());
    const std::string fresh = test::FlowAccounts::newPasswordFor("xa02683");
    Laptop a;
    Laptop b;
    if (!enroll(a, dir / "a", server, accounts.password("xa02683"), fresh) || !enroll(b, dir / "b", server, fresh, {})) {
        return 1;
    }

    std::ifstream in(std::string(DANTOC_RESOURCES_DIR) + "/demo/village_survey.sample.json");
    std::stringstream text;
    text << in.rdbuf();
    const Json values = Json::parse(text.str())["values"];
    EntryService entries(a.store->connection());
    auto start = Steady::now();
    for (int i = 0; i < count; ++i) {
        auto draft = entries.createDraft({"", "village_survey", 1, "02683-01", "2026-H2", "", "{}"});
        Json body = values;
        body["households_total"] = 300 + i % 200;
        if (!draft || !entries.save(draft->id, body)) {
            std::fprintf(stderr, "entry %d failed\n", i);
            return 1;
        }
    }
    const double entrySeconds = secondsSince(start);
    auto rawPushSum = a.store->connection().queryInt64("SELECT SUM(LENGTH(payload)) FROM outbox");
    const long long rawPush = rawPushSum ? *rawPushSum : 0;

    client::sync::SyncClient pusher(*a.store, *a.transport, SystemRandom::instance());
    start = Steady::now();
    auto pushed = pusher.runCycle();
    const double pushSeconds = secondsSince(start);
    if (!pushed) {
        std::fprintf(stderr, "push cycle: %s\n", pushed.status().toString().c_str());
        return 1;
    }
    client::sync::SyncClient puller(*b.store, *b.transport, SystemRandom::instance());
    start = Steady::now();
    auto pulled = puller.runCycle();
    const double pullSeconds = secondsSince(start);
    if (!pulled) {
        std::fprintf(stderr, "pull cycle: %s\n", pulled.status().toString().c_str());
        return 1;
    }
    auto rawPullSum = b.store->connection().queryInt64("SELECT SUM(LENGTH(body)) FROM record_base");
    const long long rawPull = rawPullSum ? *rawPullSum : 0;

    std::printf("bench_sync_roundtrip: %d submissions of ~%zu bytes (village report)\n", count, values.dump().size());
    std::printf("  entry (EntryService save, SQLCipher): %.1f s, %.0f records/s\n", entrySeconds, count / entrySeconds);
    std::printf("  push: %.1f s, %.0f records/s, %zu requests; applied %zu, rejected %zu, deferred %zu\n", pushSeconds,
                count / pushSeconds, pushed->push.requests, pushed->push.applied, pushed->push.rejected,
                pushed->push.deferred);
    std::printf("        wire %lld bytes sent for %lld bytes of op JSON (%.3f); %lld bytes received\n",
                static_cast<long long>(pushed->bytesSent), rawPush,
                rawPush > 0 ? static_cast<double>(pushed->bytesSent) / static_cast<double>(rawPush) : 0.0,
                static_cast<long long>(pushed->bytesReceived));
    std::printf("  pull: %.1f s, %.0f records/s, %zu pages, %zu record items\n", pullSeconds,
                static_cast<double>(pulled->pull.records) / pullSeconds, pulled->pull.pages, pulled->pull.records);
    std::printf("        wire %lld bytes received for %lld bytes of record bodies (%.3f)\n",
                static_cast<long long>(pulled->bytesReceived), rawPull,
                rawPull > 0 ? static_cast<double>(pulled->bytesReceived) / static_cast<double>(rawPull) : 0.0);
    a.transport.reset();
    b.transport.reset();
    a.store.reset();
    b.store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return 0;
}
