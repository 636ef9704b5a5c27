// Province roll-up benchmark: 1 province, 10 districts, 150 communes, 3,000 villages reporting 200 indicators
// (600,000 observations), plus 30 ratios of sums. Target: under 0.5 s per roll-up. Prints figures only.
#include "aggregation/Aggregator.h"
#include "aggregation/InMemoryHierarchy.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace dantoc::aggregation;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string code(const char* prefix, int n)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%05d", prefix, n);
    return buf;
}

}  // namespace

int main()
{
    const std::string from = "2025-07-01";
    auto t0 = Clock::now();
    InMemoryHierarchy h;
    const UnitKey province{"15", from};
    if (!h.addUnit(province, "province", std::nullopt).isOk()) {
        return 1;
    }
    std::vector<UnitKey> villages;
    for (int d = 0; d < 10; ++d) {
        const UnitKey district{code("D", d), from};
        (void)h.addUnit(district, "district", province);
        for (int c = 0; c < 15; ++c) {
            const UnitKey commune{code("C", d * 15 + c), from};
            (void)h.addUnit(commune, "commune", district);
            for (int v = 0; v < 20; ++v) {
                villages.push_back(UnitKey{code("V", static_cast<int>(villages.size())), from});
                (void)h.addUnit(villages.back(), "village", commune);
            }
        }
    }
    const double buildTree = secondsSince(t0);

    // 200 observed indicators: 140 sums (the first is households), 30 weighted means, 20 counts, 10 none;
    // plus 30 ratios of sums.
    std::vector<IndicatorRule> rules;
    for (int i = 0; i < 200; ++i) {
        IndicatorRule r;
        r.code = code("I", i);
        if (i < 140) {
            r.rule = Rule::Sum;
        } else if (i < 170) {
            r.rule = Rule::WeightedMean;
            r.weight = code("I", 0);
        } else if (i < 190) {
            r.rule = Rule::Count;
        } else {
            r.rule = Rule::None;
        }
        rules.push_back(r);
    }
    for (int i = 0; i < 30; ++i) {
        rules.push_back(IndicatorRule{code("R", i), Rule::Ratio, "", code("I", i + 1), code("I", 0), 100.0});
    }

    std::mt19937 rng(7);
    std::uniform_real_distribution<double> dist(0.0, 500.0);
    std::vector<Observation> observations;
    observations.reserve(villages.size() * 200);
    for (const UnitKey& v : villages) {
        for (int i = 0; i < 200; ++i) {
            Observation o{v, "2025", code("I", i), "", 0.0};
            if (i >= 170 && i < 190) {
                o.value = rng() % 2 == 0;
            } else {
                o.value = dist(rng);
            }
            observations.push_back(std::move(o));
        }
    }

    const AggregationRequest request{from, "village", {"province", "district", "commune"}};
    std::vector<double> times;
    std::size_t rows = 0;
    std::size_t issues = 0;
    for (int run = 0; run < 3; ++run) {
        const auto start = Clock::now();
        auto result = aggregate(h, rules, observations, request);
        times.push_back(secondsSince(start));
        if (!result) {
            std::printf("aggregation failed: %s\n", result.status().toString().c_str());
            return 1;
        }
        rows = result->rows.size();
        issues = result->issues.size();
    }
    std::sort(times.begin(), times.end());
    std::printf("bench_aggregation: %zu villages x 200 indicators = %zu observations, %zu rules\n", villages.size(),
                observations.size(), rules.size());
    std::printf("  hierarchy build: %.3f s\n", buildTree);
    std::printf("  province roll-up: median %.3f s (min %.3f, max %.3f) -> %zu rows, %zu issues (target < 0.5 s)\n",
                times[1], times[0], times[2], rows, issues);
    return 0;
}
