// Properties on random trees and data: sums at every level equal the sum of the observations below; ratios equal
// the ratio of the summed parts; coverage adds up; results do not depend on the order of the observations.
#include "aggregation/Aggregator.h"
#include "aggregation/InMemoryHierarchy.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

using namespace dantoc::aggregation;

TEST_CASE("random trees: sums, ratios and coverage agree with a direct computation")
{
    std::mt19937 rng(2025);
    for (int round = 0; round < 20; ++round) {
        InMemoryHierarchy h;
        const std::string from = "2025-07-01";
        const UnitKey province{"P", from};
        REQUIRE(h.addUnit(province, "province", std::nullopt).isOk());
        std::vector<UnitKey> communes;
        std::map<std::string, std::vector<UnitKey>> villagesOf;
        const int communeCount = 1 + static_cast<int>(rng() % 8);
        for (int c = 0; c < communeCount; ++c) {
            communes.push_back(UnitKey{"C" + std::to_string(c), from});
            REQUIRE(h.addUnit(communes.back(), "commune", province).isOk());
            const int villageCount = static_cast<int>(rng() % 6);
            for (int v = 0; v < villageCount; ++v) {
                villagesOf[communes.back().code].push_back(UnitKey{communes.back().code + "V" + std::to_string(v), from});
                REQUIRE(h.addUnit(villagesOf[communes.back().code].back(), "village", communes.back()).isOk());
            }
        }
        const std::vector<IndicatorRule> rules{{"hh", Rule::Sum, "", "", "", 1.0},
                                               {"poor", Rule::Sum, "", "", "", 1.0},
                                               {"rate", Rule::Ratio, "", "poor", "hh", 100.0}};
        std::vector<Observation> data;
        double totalHh = 0;
        double totalPoor = 0;
        int reportingCommunes = 0;
        for (const auto& c : communes) {
            bool any = false;
            for (const auto& v : villagesOf[c.code]) {
                if (rng() % 4 == 0) {
                    continue;  // this village did not report
                }
                const double hh = static_cast<double>(rng() % 200);
                const double poor = std::min(hh, static_cast<double>(rng() % 80));
                data.push_back(Observation{v, "2025", "hh", "", hh});
                data.push_back(Observation{v, "2025", "poor", "", poor});
                totalHh += hh;
                totalPoor += poor;
                any = true;
            }
            reportingCommunes += any ? 1 : 0;
        }
        std::shuffle(data.begin(), data.end(), rng);
        auto res = aggregate(h, rules, data, AggregationRequest{from, "commune", {}});
        REQUIRE(res.isOk());
        CHECK(res->issues.empty());
        if (data.empty()) {
            CHECK(res->rows.empty());
            continue;
        }
        const AggregateRow* hh = res->find("2025", "P", "hh");
        REQUIRE(hh);
        CHECK(*hh->value == doctest::Approx(totalHh));
        CHECK(*res->find("2025", "P", "poor")->value == doctest::Approx(totalPoor));
        const AggregateRow* rate = res->find("2025", "P", "rate");
        if (totalHh > 0) {
            CHECK(*rate->value == doctest::Approx(100.0 * totalPoor / totalHh));
        } else {
            CHECK_FALSE(rate->value);
        }
        CHECK(hh->expected == communeCount);
        CHECK(hh->reported == reportingCommunes);
        // each commune equals the sum of its villages, and the communes add up to the province
        double communeSum = 0;
        for (const auto& c : communes) {
            double expected = 0;
            for (const auto& d : data) {
                if (d.indicator == "hh" && d.unit.code.rfind(c.code + "V", 0) == 0) {
                    expected += std::get<double>(d.value);
                }
            }
            const AggregateRow* row = res->find("2025", c.code, "hh");
            REQUIRE(row);
            CHECK(row->value.value_or(0.0) == doctest::Approx(expected));
            communeSum += row->value.value_or(0.0);
        }
        CHECK(communeSum == doctest::Approx(totalHh));
        // same answer whatever the order of the input
        std::reverse(data.begin(), data.end());
        auto again = aggregate(h, rules, data, AggregationRequest{from, "commune", {}});
        REQUIRE(again.isOk());
        REQUIRE(again->rows.size() == res->rows.size());
        for (std::size_t i = 0; i < res->rows.size(); ++i) {
            CHECK(again->rows[i].unit == res->rows[i].unit);
            CHECK(again->rows[i].indicator == res->rows[i].indicator);
            CHECK(again->rows[i].value.has_value() == res->rows[i].value.has_value());
            if (res->rows[i].value) {
                CHECK(*again->rows[i].value == doctest::Approx(*res->rows[i].value));
            }
        }
    }
}
