// Benchmark: N village reports of the peer's shape (support/VillageReports.h: every one a different village, seeded;
// or read from --docs FILE.ndjson), bulk-imported into a commune office's store by the `dantoc entry import` path
// (EntryImporter, SQLCipher), pushed by the real SyncClient to the real dantoc-server over TLS, pulled into a second
// enrolled empty store, then no-change cycles of that store. Both clients talk to the server through a
// CountingProxy, so the wire figures are TLS bytes as they cross loopback, envelopes and handshakes included,
// against the raw JSON of the peer's documents (the peer's ratios are computed the same way). Asserts nothing.
//
// The documents are filed under N bench villages (`02683-B00001`…, named as the documents' villages) imported into
// the demo province under commune 02683, whose officer pushes; the period is 2026-H2, the demo's open half-year.
//
// Usage: bench_sync_roundtrip [N=10000] [--docs FILE.ndjson] [--seed S] [--write-docs FILE.ndjson]
//                             [--pull-bytes B] [--noop-cycles K=30]
#include "bench/support/VillageReports.h"
#include "core/EntryImporter.h"
#include "core/EntryService.h"
#include "core/StoreFactory.h"
#include "core/sync/Enrollment.h"
#include "core/sync/SyncClient.h"
#include "support/CountingProxy.h"
#include "support/FlowAccounts.h"
#include "support/TestServer.h"

#include "base/Uuid.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

using namespace dantoc;
using namespace dantoc::client;
using Steady = std::chrono::steady_clock;

namespace {

double secondsSince(Steady::time_point start) { return std::chrono::duration<double>(Steady::now() - start).count(); }

struct Laptop
{
    std::unique_ptr<Store> store;
    std::unique_ptr<client::sync::HttpTransport> transport;
};

bool enroll(Laptop& laptop, const std::filesystem::path& dir, std::uint16_t port, const std::string& fingerprint,
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
    const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(port));
    auto enrolled = client::sync::Enrollment::enroll(laptop.store->connection(),
                                                     {url, fingerprint, "xa02683", password, newPassword, "bench"});
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

std::string benchVillage(std::size_t i)
{
    char code[32];
    std::snprintf(code, sizeof code, "02683-B%05zu", i + 1);
    return code;
}

// Imports one bench village per document under commune 02683 beside the running server (it rebuilds its scope
// within about a second), before the clients enroll so their reference data holds them.
bool importVillages(const test::TestServer& server, const std::vector<bench::BenchDoc>& docs,
                    const std::filesystem::path& dir)
{
    const auto csv = dir / "bench-villages.csv";
    {
        std::ofstream out(csv, std::ios::binary);
        out << "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n";
        for (std::size_t i = 0; i < docs.size(); ++i) {
            std::string name = docs[i].villageName;
            std::replace(name.begin(), name.end(), ',', ' ');
            out << benchVillage(i) << ',' << name << ",village,thôn,02683,2025-07-01,\n";
        }
    }
    std::string out;
    std::string err;
    if (test::TestServer::runTool({"unit", "import", "--data", server.dataDir().string(), "--file", csv.string()},
                                  &out, &err) != 0) {
        std::fprintf(stderr, "unit import: %s %s\n", out.c_str(), err.c_str());
        return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    return true;
}

// Times and proxy counters of one SyncClient cycle, split after the last push batch's answer: the push part holds
// the reference-data check (ETags), the push batches and any uploads; the pull part the pull pages to the end. A
// cycle with nothing to push counts whole as pull.
struct CycleFigures
{
    double seconds = 0;
    double pushSeconds = 0;
    double pullSeconds = 0;
    test::ProxyTotals pushWire;
    test::ProxyTotals pullWire;
};

Result<client::sync::SyncReport> timedCycle(client::sync::SyncClient& client, const test::CountingProxy& proxy,
                                            CycleFigures& figures)
{
    const auto start = Steady::now();
    const test::ProxyTotals before = proxy.bytes();
    bool pushed = false;
    test::ProxyTotals atPushEnd = before;
    Steady::time_point pushEnd = start;
    client.setProgressHandler([&](const client::sync::SyncProgress& progress) {
        if (progress.phase == client::sync::SyncProgress::Phase::Push ||
            progress.phase == client::sync::SyncProgress::Phase::Upload) {
            pushed = true;
            atPushEnd = proxy.bytes();
            pushEnd = Steady::now();
        }
    });
    auto report = client.runCycle();
    client.setProgressHandler({});
    const test::ProxyTotals after = proxy.bytes();
    figures.seconds = secondsSince(start);
    if (!pushed) {
        atPushEnd = before;
        pushEnd = start;
    }
    figures.pushSeconds = std::chrono::duration<double>(pushEnd - start).count();
    figures.pullSeconds = figures.seconds - figures.pushSeconds;
    figures.pushWire = {atPushEnd.up - before.up, atPushEnd.down - before.down};
    figures.pullWire = {after.up - atPushEnd.up, after.down - atPushEnd.down};
    return report;
}

double ratio(std::uint64_t bytes, std::uint64_t raw) { return raw > 0 ? static_cast<double>(bytes) / raw : 0.0; }

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::size_t count = 0;
    std::string docsFile;
    std::string writeDocs;
    std::uint64_t seed = 17;
    std::uint64_t pullBytes = 0;
    int noopCycles = 30;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--docs") == 0 && hasValue) {
            docsFile = argv[++i];
        } else if (std::strcmp(argv[i], "--write-docs") == 0 && hasValue) {
            writeDocs = argv[++i];
        } else if (std::strcmp(argv[i], "--seed") == 0 && hasValue) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (std::strcmp(argv[i], "--pull-bytes") == 0 && hasValue) {
            pullBytes = std::strtoull(argv[++i], nullptr, 10);
        } else if (std::strcmp(argv[i], "--noop-cycles") == 0 && hasValue) {
            noopCycles = std::max(1, std::atoi(argv[++i]));
        } else if (argv[i][0] != '-') {
            count = static_cast<std::size_t>(std::max(1, std::atoi(argv[i])));
        } else {
            std::fprintf(stderr, "usage: bench_sync_roundtrip [N] [--docs FILE.ndjson] [--seed S] "
                                 "[--write-docs FILE] [--pull-bytes B] [--noop-cycles K]\n");
            return 2;
        }
    }
    std::vector<bench::BenchDoc> docs;
    if (!docsFile.empty()) {
        std::string error;
        docs = bench::readNdjson(docsFile, count, error);
        if (!error.empty() || docs.empty()) {
            std::fprintf(stderr, "--docs: %s\n", error.empty() ? "no documents" : error.c_str());
            return 1;
        }
    } else {
        count = count == 0 ? 10000 : count;
        for (std::size_t i = 0; i < count; ++i) {
            docs.push_back(bench::benchDoc(bench::generate(seed, i)));
        }
    }
    if (!writeDocs.empty()) {
        std::ofstream out(writeDocs, std::ios::binary);
        for (const auto& doc : docs) {
            out << doc.peer.dump() << '\n';
        }
    }

    test::TestServer::Options options;
    options.initArgs = {"--demo"};
    test::TestServer server(options);
    if (!server.started()) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }
    const auto dir = std::filesystem::temp_directory_path() / ("dantoc-bench-sync-" + newUuid());
    std::filesystem::create_directories(dir);
    if (!importVillages(server, docs, dir)) {
        return 1;
    }
    test::CountingProxy proxy(server.port());
    if (!proxy.started()) {
        std::fprintf(stderr, "proxy did not start\n");
        return 1;
    }
    test::FlowAccounts accounts(server);
    const std::string fresh = test::FlowAccounts::newPasswordFor("xa02683");
    Laptop a;
    Laptop b;
    if (!enroll(a, dir / "a", proxy.port(), server.fingerprint(), accounts.password("xa02683"), fresh) ||
        !enroll(b, dir / "b", proxy.port(), server.fingerprint(), fresh, {})) {
        return 1;
    }

    // The import file, as `dantoc entry import` reads it: one array of submissions.
    Json submissions = Json::array();
    bench::Rng rowIds(seed ^ 0x5eedULL);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        submissions.push_back({{"form", {{"id", "village_survey"}, {"version", 1}}},
                               {"unit", benchVillage(i)},
                               {"period", "2026-H2"},
                               {"values", bench::toFormValues(docs[i].peer, rowIds)}});
    }
    // One import file per kImportBatch submissions (a 10,000-report file is 32 MB, past the 16 MB a JSON document
    // may have), each imported in one transaction. A file with any invalid submission is refused whole
    // (EntryImporter is all or nothing): documents of a --docs file that break the form's rules (the peer stores
    // anything) are left out, counted, and the rest of their file imported.
    constexpr std::size_t kImportBatch = 2000;
    EntryService entries(a.store->connection());
    EntryImporter importer(a.store->connection(), entries);
    std::size_t refused = 0;
    double importSeconds = 0;
    std::vector<bench::BenchDoc> keptDocs;
    for (std::size_t first = 0; first < submissions.size(); first += kImportBatch) {
        const std::size_t last = std::min(submissions.size(), first + kImportBatch);
        Json batch = Json::array();
        std::vector<std::size_t> members;
        for (std::size_t i = first; i < last; ++i) {
            batch.push_back(submissions[i]);
            members.push_back(i);
        }
        for (int attempt = 0;; ++attempt) {
            const std::string importText = batch.dump();
            auto start = Steady::now();
            auto imported = importer.importJson(importText, ImportAction::Save);
            importSeconds += secondsSince(start);
            if (!imported) {
                std::fprintf(stderr, "import: %s\n", imported.status().toString().c_str());
                return 1;
            }
            if (imported->imported()) {
                break;
            }
            if (attempt > 0) {
                const ImportProblem& p = imported->errors.front();
                std::fprintf(stderr, "import: entry %zu %s %s %s\n", p.entry, p.field.c_str(), p.code.c_str(),
                             p.message.c_str());
                return 1;
            }
            std::set<std::size_t> bad;
            for (const ImportProblem& p : imported->errors) {
                bad.insert(p.entry);  // 1-based within the file
            }
            Json kept = Json::array();
            std::vector<std::size_t> keptMembers;
            for (std::size_t k = 0; k < batch.size(); ++k) {
                if (!bad.contains(k + 1)) {
                    kept.push_back(std::move(batch[k]));
                    keptMembers.push_back(members[k]);
                }
            }
            refused += bad.size();
            batch = std::move(kept);
            members = std::move(keptMembers);
        }
        for (std::size_t i : members) {
            keptDocs.push_back(std::move(docs[i]));
        }
    }
    docs = std::move(keptDocs);
    submissions = Json();
    const std::size_t n = docs.size();
    std::uint64_t raw = 0;
    for (const auto& doc : docs) {
        raw += doc.rawBytes;
    }
    auto opBytes = a.store->connection().queryInt64("SELECT SUM(LENGTH(payload)) FROM outbox");
    const std::uint64_t rawOps = opBytes ? static_cast<std::uint64_t>(*opBytes) : 0;

    client::sync::SyncClient pusher(*a.store, *a.transport, SystemRandom::instance());
    CycleFigures push;
    auto pushed = timedCycle(pusher, proxy, push);
    if (!pushed) {
        std::fprintf(stderr, "push cycle: %s\n", pushed.status().toString().c_str());
        return 1;
    }
    client::sync::SyncClient puller(*b.store, *b.transport, SystemRandom::instance());
    if (pullBytes > 0) {
        puller.setPullLimitBytes(pullBytes);
    }
    CycleFigures pull;
    auto pulled = timedCycle(puller, proxy, pull);
    if (!pulled) {
        std::fprintf(stderr, "pull cycle: %s\n", pulled.status().toString().c_str());
        return 1;
    }
    auto bodyBytes = b.store->connection().queryInt64("SELECT SUM(LENGTH(body)) FROM record_base");
    const std::uint64_t rawBodies = bodyBytes ? static_cast<std::uint64_t>(*bodyBytes) : 0;

    // No-change cycles: the puller's cursor is at the head and its outbox is empty.
    std::vector<double> noop;
    test::ProxyTotals noopWire;
    for (int i = 0; i < noopCycles; ++i) {
        CycleFigures figures;
        if (auto again = timedCycle(puller, proxy, figures); !again) {
            std::fprintf(stderr, "no-change cycle: %s\n", again.status().toString().c_str());
            return 1;
        }
        noop.push_back(figures.seconds * 1000.0);
        noopWire.up += figures.pushWire.up + figures.pullWire.up;
        noopWire.down += figures.pushWire.down + figures.pullWire.down;
    }
    std::sort(noop.begin(), noop.end());
    const double noopP50 = noop[noop.size() / 2];
    const double noopP90 = noop[std::min(noop.size() - 1, noop.size() * 9 / 10)];

    const double pushRate = static_cast<double>(n) / push.pushSeconds;
    const double pullRate = static_cast<double>(pulled->pull.records) / pull.pullSeconds;
    const double upRatio = ratio(push.pushWire.up, raw);
    const double downRatio = ratio(pull.pullWire.down, raw);
    std::printf("bench_sync_roundtrip: %zu village reports (%s), %.1f MB raw JSON in the peer's shape, %.0f B each; "
                "TLS through a counting proxy (%llu connections)%s\n",
                n, docsFile.empty() ? ("generated, seed " + std::to_string(seed)).c_str() : docsFile.c_str(),
                static_cast<double>(raw) / 1e6, static_cast<double>(raw) / static_cast<double>(n),
                static_cast<unsigned long long>(proxy.connections()),
                refused > 0 ? ("; " + std::to_string(refused) + " left out, invalid for the form").c_str() : "");
    std::printf("  %-34s %9s %10s %12s %12s %8s %8s\n", "phase", "seconds", "docs/s", "wire up B", "wire down B",
                "up/raw", "down/raw");
    auto row = [&](const char* name, double seconds, double rate, const test::ProxyTotals& wire) {
        std::printf("  %-34s %9.2f %10.0f %12llu %12llu %8.3f %8.3f\n", name, seconds, rate,
                    static_cast<unsigned long long>(wire.up), static_cast<unsigned long long>(wire.down),
                    ratio(wire.up, raw), ratio(wire.down, raw));
    };
    row("import (EntryImporter, 2,000/txn)", importSeconds, static_cast<double>(n) / importSeconds, {});
    row("push (ETag checks + push batches)", push.pushSeconds, pushRate, push.pushWire);
    row("  same cycle, pull-back phase", push.pullSeconds, static_cast<double>(pushed->pull.records) / push.pullSeconds,
        push.pullWire);
    row("pull into an empty store (cycle)", pull.pullSeconds, pullRate, pull.pullWire);
    std::printf("  %-34s %9.2f %10s %12llu %12llu   (p50 %.1f ms, p90 %.1f ms, %d cycles)\n",
                "no-change cycle, per cycle", noopP50 / 1000.0, "",
                static_cast<unsigned long long>(noopWire.up / static_cast<std::uint64_t>(noopCycles)),
                static_cast<unsigned long long>(noopWire.down / static_cast<std::uint64_t>(noopCycles)), noopP50,
                noopP90, noopCycles);
    std::printf("  push: %zu requests, %zu applied, %zu rejected, %zu deferred; op JSON %llu B (wire up / op JSON "
                "%.3f)\n",
                pushed->push.requests, pushed->push.applied, pushed->push.rejected, pushed->push.deferred,
                static_cast<unsigned long long>(rawOps), ratio(push.pushWire.up, rawOps));
    std::printf("  pull: %zu pages, %zu records; stored bodies %llu B (wire down / bodies %.3f); pull-back after "
                "push: %zu pages, %zu records\n",
                pulled->pull.pages, pulled->pull.records, static_cast<unsigned long long>(rawBodies),
                ratio(pull.pullWire.down, rawBodies), pushed->pull.pages, pushed->pull.records);
    std::printf("push_docs_per_s=%.0f pull_docs_per_s=%.0f wire_up_ratio=%.3f wire_down_ratio=%.3f noop_p50_ms=%.2f "
                "import_docs_per_s=%.0f docs=%zu\n",
                pushRate, pullRate, upRatio, downRatio, noopP50, static_cast<double>(n) / importSeconds, n);
    std::fflush(stdout);
    a.transport.reset();
    b.transport.reset();
    a.store.reset();
    b.store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return 0;
}
