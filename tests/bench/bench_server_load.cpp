// bench_server_load: starts the real dantoc-server (demo province) on a loopback port and drives it with N
// concurrent clients, each a thread with its own pinned TLS connection, its own device and its own commune
// officer's session, in two scenarios one after the other:
//   no-change: every client catches up once, then only pulls with its cursor at the head (no pushers at all);
//   mixed:     every client alternates pushes (creates of a village report) and no-change pulls.
// Prints throughput and latency percentiles per scenario and request kind, the HTTP statuses seen and the server's
// peak RSS, and as its last line `key=value` figures so runs compare. Asserts nothing.
//
// usage: bench_server_load [clients=8] [rounds per client=100] [ops per push=1] [--only no-change|mixed]
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
#include <cstring>
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
std::map<std::string, KindStats> g_stats;  // key: "<scenario>: <request kind>"
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

// The server's peak resident set (VmHWM) in MiB, 0 when /proc does not say.
double peakRssMiB(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
        }
    }
    return 0;
}

struct Scenario {
    std::string name;
    bool pushers = false;
    double wallSeconds = 0;
    int failedLogins = 0;
};

// One scenario: `clients` threads, each logged in with its own TLS connection and device, catching up once and then
// doing `rounds` rounds of [push if pushers] + no-change pull.
void run(Scenario& scenario, TestServer& server, const FlowAccounts& accounts, const std::vector<std::string>& communes,
         int clients, int rounds, int opsPerPush, const json& values)
{
    const dantoc::sync::FormRef form{"village_survey", 1};
    std::atomic<int> failedLogins{0};
    std::vector<std::thread> threads;
    const auto wallStart = Clock::now();
    const std::string prefix = scenario.name + ": ";
    for (int t = 0; t < clients; ++t) {
        threads.emplace_back([&, t] {
            auto http = server.client();
            const std::string commune = communes[static_cast<std::size_t>(t) % communes.size()];
            const std::string village = commune + "-01";
            FlowAccounts mine = accounts;  // own copy: the passwords were changed before
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
            for (int round = 0; round < rounds; ++round) {
                if (scenario.pushers) {
                    std::vector<dantoc::sync::Operation> ops;
                    for (int i = 0; i < opsPerPush; ++i) {
                        ops.push_back(device.create(dantoc::newUuid(), form, village, "2026-H2", values));
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
                }
                timed(pulls, [&] { return device.pullRaw(cursor); });
            }
            if (scenario.pushers) {
                record(prefix + "push (" + std::to_string(opsPerPush) + " create op" + (opsPerPush > 1 ? "s" : "") +
                           ")",
                       pushes);
            }
            record(prefix + "pull (no change)", pulls);
            record(prefix + "pull (initial catch-up)", firstPulls);
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    scenario.wallSeconds = std::chrono::duration<double>(Clock::now() - wallStart).count();
    scenario.failedLogins = failedLogins.load();
}

// Requests that did not answer 2xx (0 = no answer at all) for the kinds of one scenario.
std::size_t errors(const std::string& scenario)
{
    std::size_t count = 0;
    for (const auto& [kind, stats] : g_stats) {
        if (kind.rfind(scenario + ": ", 0) == 0) {
            for (const auto& [status, n] : stats.statuses) {
                count += status / 100 == 2 ? 0 : n;
            }
        }
    }
    return count;
}

const KindStats& statsOf(const std::string& key)
{
    static const KindStats empty;
    auto it = g_stats.find(key);
    return it == g_stats.end() ? empty : it->second;
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<int> numbers;
    std::string only;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
            only = argv[++i];
        } else {
            numbers.push_back(std::atoi(argv[i]));
        }
    }
    const int clients = numbers.size() > 0 ? std::max(1, numbers[0]) : 8;
    const int rounds = numbers.size() > 1 ? std::max(1, numbers[1]) : 100;
    const int opsPerPush = numbers.size() > 2 ? std::clamp(numbers[2], 1, 200) : 1;

    TestServer::Options options;
    options.initArgs = {"--demo"};
    // Every simulated office connects from 127.0.0.1: lift the per-address bound (issue 19, finding 2) above them.
    options.configOverrides = {{"max_connections_per_address", clients + 32}};
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
    std::vector<Scenario> scenarios;
    if (only.empty() || only == "no-change") {
        scenarios.push_back({"no-change", false});
    }
    if (only.empty() || only == "mixed") {
        scenarios.push_back({"mixed", true});
    }
    for (Scenario& scenario : scenarios) {
        run(scenario, server, accounts, communes, clients, rounds, opsPerPush, values);
    }
    const double rss = peakRssMiB(server.pid());
    server.stop();

    std::printf("bench_server_load: %d clients x %d rounds, %d op(s) per push; server peak RSS %.1f MiB\n", clients,
                rounds, opsPerPush, rss);
    for (const Scenario& scenario : scenarios) {
        std::printf("  scenario %s: %.2f s wall%s\n", scenario.name.c_str(), scenario.wallSeconds,
                    scenario.failedLogins > 0
                        ? (", " + std::to_string(scenario.failedLogins) + " client(s) could not log in").c_str()
                        : "");
    }
    std::string outcomes;
    for (const auto& [kind, count] : g_outcomes) {
        outcomes += kind + " x" + std::to_string(count) + "  ";
    }
    std::printf("  op outcomes (mixed): %s\n", outcomes.c_str());
    std::printf("  %-40s %8s %10s %9s %9s %9s  %s\n", "scenario: kind", "requests", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "HTTP statuses");
    for (const auto& [kind, stats] : g_stats) {
        std::string statuses;
        for (const auto& [status, count] : stats.statuses) {
            statuses += std::to_string(status) + "x" + std::to_string(count) + " ";
        }
        double wall = 1;
        for (const Scenario& scenario : scenarios) {
            wall = kind.rfind(scenario.name + ": ", 0) == 0 ? scenario.wallSeconds : wall;
        }
        std::printf("  %-40s %8zu %10.1f %9.2f %9.2f %9.2f  %s\n", kind.c_str(), stats.millis.size(),
                    static_cast<double>(stats.millis.size()) / wall, percentile(stats.millis, 0.50),
                    percentile(stats.millis, 0.95), percentile(stats.millis, 0.99), statuses.c_str());
    }
    const auto& idle = statsOf("no-change: pull (no change)").millis;
    const auto& mixedPulls = statsOf("mixed: pull (no change)").millis;
    const auto& mixedPushes = statsOf("mixed: push (" + std::to_string(opsPerPush) + " create op" +
                                      (opsPerPush > 1 ? "s" : "") + ")")
                                  .millis;
    std::printf("clients=%d noop_p50_ms=%.2f noop_p99_ms=%.2f noop_errors=%zu mixed_pull_p50_ms=%.2f "
                "mixed_pull_p99_ms=%.2f mixed_push_p50_ms=%.2f mixed_push_p99_ms=%.2f mixed_errors=%zu "
                "server_rss_mib=%.1f\n",
                clients, percentile(idle, 0.5), percentile(idle, 0.99), errors("no-change"),
                percentile(mixedPulls, 0.5), percentile(mixedPulls, 0.99), percentile(mixedPushes, 0.5),
                percentile(mixedPushes, 0.99), errors("mixed"), rss);
    return 0;
}
