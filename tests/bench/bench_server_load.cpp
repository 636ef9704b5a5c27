// bench_server_load: starts the real dantoc-server (demo province) on a loopback port and drives it with N
// concurrent clients, each a thread with its own pinned TLS connection, its own device and its own commune
// officer's session. Each client alternates pushes (one create of a village report, then edits of it) and
// no-change pulls (cursor at the head), and prints throughput and latency percentiles per request kind, with the
// HTTP statuses seen. Asserts nothing.
//
// usage: bench_server_load [clients=8] [rounds per client=100] [ops per push=1]
#include "support/FlowAccounts.h"
#include "support/SyncClientForTests.h"
#include "support/TestServer.h"

#include "base/Uuid.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using dantoc::test::FlowAccounts;
using dantoc::test::FlowSession;
using dantoc::test::HttpResult;
using dantoc::test::SyncClientForTests;
using dantoc::test::TestServer;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Sample {
    double millis = 0;
    int status = 0;
};

struct KindStats {
    std::vector<double> millis;
    std::map<int, std::size_t> statuses;
};

std::mutex g_mutex;
std::map<std::string, KindStats> g_stats;
std::map<std::string, std::size_t> g_outcomes;  // "applied", "rejected:period_closed", ...

void countOutcome(const std::string& name)
{
    std::lock_guard lock(g_mutex);
    ++g_outcomes[name];
}

void record(const std::string& kind, const std::vector<Sample>& samples)
{
    std::lock_guard lock(g_mutex);
    KindStats& stats = g_stats[kind];
    for (const Sample& s : samples) {
        stats.millis.push_back(s.millis);
        ++stats.statuses[s.status];
    }
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

json villageValues()
{
    std::ifstream in(std::string(DANTOC_DEFAULT_RESOURCES_DIR) + "/demo/village_survey.sample.json");
    json sample = json::parse(in, nullptr, false);
    if (sample.is_discarded() || !sample.contains("values")) {
        return json{{"households_total", 376}, {"households_poor", 88}};
    }
    return sample["values"];
}

template <typename F>
HttpResult timed(std::vector<Sample>& samples, F&& call)
{
    const auto start = Clock::now();
    HttpResult result = call();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    samples.push_back({ms, result.status});
    return result;
}

}  // namespace

int main(int argc, char** argv)
{
    const int clients = argc > 1 ? std::max(1, std::atoi(argv[1])) : 8;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 100;
    const int opsPerPush = argc > 3 ? std::clamp(std::atoi(argv[3]), 1, 200) : 1;

    TestServer::Options options;
    options.initArgs = {"--demo"};
    TestServer server(options);
    if (!server.started()) {
        std::fprintf(stderr, "bench_server_load: the server did not start\n");
        return 1;
    }
    // The demo's commune officers, each logged in once here (first login changes the default password).
    FlowAccounts accounts(server);
    const std::vector<std::string> communes = {"02647", "02671", "02680", "02683", "02686"};
    {
        auto client = server.client();
        for (const auto& code : communes) {
            FlowSession session = accounts.ready(client, "xa" + code);
            if (!session.ok()) {
                std::fprintf(stderr, "bench_server_load: %s\n", session.error.c_str());
                return 1;
            }
        }
    }
    const json values = villageValues();
    const dantoc::sync::FormRef form{"village_survey", 1};

    std::atomic<int> failedLogins{0};
    std::vector<std::thread> threads;
    const auto wallStart = Clock::now();
    for (int t = 0; t < clients; ++t) {
        threads.emplace_back([&, t] {
            auto http = server.client();
            const std::string commune = communes[static_cast<std::size_t>(t) % communes.size()];
            const std::string village = commune + "-01";
            FlowAccounts mine = accounts;  // own copy: the passwords were changed above
            FlowSession session = mine.ready(http, "xa" + commune);
            if (!session.ok()) {
                ++failedLogins;
                return;
            }
            SyncClientForTests device(http, session.accessToken);
            if (http.post("/api/v1/sync/devices", json{{"device_id", device.deviceId()}, {"name", "bench"}}.dump(),
                          session.accessToken)
                    .status /
                    100 !=
                2) {
                ++failedLogins;
                return;
            }
            std::vector<Sample> pushes;
            std::vector<Sample> pulls;
            std::vector<Sample> firstPulls;
            dantoc::sync::Cursor cursor;
            // Catch up once, so later pulls are no-change pulls at the head.
            timed(firstPulls, [&] {
                HttpResult raw;
                if (auto page = device.pull(cursor, &raw)) {
                    cursor = page->next;
                    while (page && page->more) {
                        page = device.pull(cursor);
                        if (page) {
                            cursor = page->next;
                        }
                    }
                }
                return raw;
            });
            std::vector<std::pair<std::string, std::uint64_t>> records;  // id, last known version
            for (int round = 0; round < rounds; ++round) {
                std::vector<dantoc::sync::Operation> ops;
                for (int i = 0; i < opsPerPush; ++i) {
                    const std::string period = "2026-H2";  // open in the demo
                    ops.push_back(device.create(dantoc::newUuid(), form, village, period, values));
                }
                HttpResult raw;
                timed(pushes, [&] {
                    if (auto answer = device.push(ops, &raw)) {
                        for (const auto& outcome : answer->results) {
                            countOutcome(std::string(dantoc::sync::outcomeKindName(outcome.kind)) +
                                         (outcome.code.empty() ? "" : ":" + outcome.code));
                        }
                    }
                    return raw;
                });
                timed(pulls, [&] { return device.pullRaw(cursor); });
            }
            record("push (" + std::to_string(opsPerPush) + " create op" + (opsPerPush > 1 ? "s" : "") + ")",
                   pushes);
            record("pull (no change)", pulls);
            record("pull (initial catch-up)", firstPulls);
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    const double wallSeconds = std::chrono::duration<double>(Clock::now() - wallStart).count();
    server.stop();

    std::printf("bench_server_load: %d clients x %d rounds, %d op(s) per push, %.2f s wall\n", clients, rounds,
                opsPerPush, wallSeconds);
    if (failedLogins > 0) {
        std::printf("  %d client(s) could not log in or register their device\n", failedLogins.load());
    }
    std::string outcomes;
    for (const auto& [kind, count] : g_outcomes) {
        outcomes += kind + " x" + std::to_string(count) + "  ";
    }
    std::printf("  op outcomes: %s\n", outcomes.c_str());
    std::printf("  %-28s %8s %10s %9s %9s %9s  %s\n", "kind", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms",
                "HTTP statuses");
    for (const auto& [kind, stats] : g_stats) {
        std::string statuses;
        for (const auto& [status, count] : stats.statuses) {
            statuses += std::to_string(status) + "x" + std::to_string(count) + " ";
        }
        std::printf("  %-28s %8zu %10.1f %9.2f %9.2f %9.2f  %s\n", kind.c_str(), stats.millis.size(),
                    static_cast<double>(stats.millis.size()) / wallSeconds, percentile(stats.millis, 0.50),
                    percentile(stats.millis, 0.95), percentile(stats.millis, 0.99), statuses.c_str());
    }
    return 0;
}
