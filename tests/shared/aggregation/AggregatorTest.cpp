// Aggregation over a small hand-built tree (1 province, 2 districts, 3 communes) with hand-computed expectations
// for each rule, ethnic disaggregation, zero weights and denominators, coverage, old/new boundaries (pre-2025
// communes merged into new ones, and back), and the issues reported for bad input.
#include "aggregation/Aggregator.h"
#include "aggregation/InMemoryHierarchy.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace dantoc::aggregation;

namespace {

const std::string kFrom = "2020-01-01";
const UnitKey kP{"10", kFrom};
const UnitKey kD1{"080", kFrom};
const UnitKey kD2{"082", kFrom};
const UnitKey kC1{"02641", kFrom};
const UnitKey kC2{"02644", kFrom};
const UnitKey kC3{"02683", kFrom};

InMemoryHierarchy smallTree()
{
    InMemoryHierarchy h;
    REQUIRE(h.addUnit(kP, "province", std::nullopt).isOk());
    REQUIRE(h.addUnit(kD1, "district", kP).isOk());
    REQUIRE(h.addUnit(kD2, "district", kP).isOk());
    REQUIRE(h.addUnit(kC1, "commune", kD1).isOk());
    REQUIRE(h.addUnit(kC2, "commune", kD1).isOk());
    REQUIRE(h.addUnit(kC3, "commune", kD2).isOk());
    return h;
}

const std::vector<IndicatorRule> kRules{
    {"population", Rule::Sum, "", "", "", 1.0},
    {"households", Rule::Sum, "", "", "", 1.0},
    {"poor", Rule::Sum, "", "", "", 1.0},
    {"poverty_rate", Rule::Ratio, "", "poor", "households", 100.0},
    {"distance_km", Rule::WeightedMean, "households", "", "", 1.0},
    {"paved_road", Rule::Count, "", "", "", 1.0},
    {"year_founded", Rule::None, "", "", "", 1.0},
};

Observation obs(const UnitKey& u, std::string indicator, std::variant<double, bool> v, std::string group = {},
                std::string period = "2024")
{
    return Observation{u, std::move(period), std::move(indicator), std::move(group), v};
}

AggregationResult run(const UnitHierarchy& h, const std::vector<Observation>& o, std::string date = "2024-01-01",
                      std::vector<IndicatorRule> rules = kRules)
{
    auto r = aggregate(h, rules, o, AggregationRequest{std::move(date), "commune", {}});
    REQUIRE(r.isOk());
    return *r;
}

std::optional<double> value(const AggregationResult& r, const char* unit, const char* indicator, const char* group = "")
{
    const AggregateRow* row = r.find("2024", unit, indicator, group);
    const std::string what = std::string(unit) + " " + indicator + " " + group;
    REQUIRE_MESSAGE(row, what);
    return row->value;
}

}  // namespace

TEST_CASE("sum rolls up communes to districts and the province; coverage counts missing communes")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "population", 100.0), obs(kC2, "population", 200.0)});
    CHECK(value(r, "080", "population") == 300.0);
    CHECK(value(r, "10", "population") == 300.0);
    const AggregateRow* d2 = r.find("2024", "082", "population");
    REQUIRE(d2);  // a district with nothing reported still shows, with its gap
    CHECK_FALSE(d2->value);
    CHECK(d2->expected == 1);
    CHECK(d2->missing() == 1);
    const AggregateRow* p = r.find("2024", "10", "population");
    CHECK(p->contributing == 2);
    CHECK(p->expected == 3);
    CHECK(p->reported == 2);
    CHECK(p->missing() == 1);
    const AggregateRow* c3 = r.find("2024", "02683", "population");
    REQUIRE(c3);
    CHECK(c3->missing() == 1);
    CHECK(r.issues.empty());
    // rows come top-down: the province first
    CHECK(r.rows.front().unit == kP);
}

TEST_CASE("weighted mean: weights from the same unit; a zero weight counts for nothing; all-zero weight has no value")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "distance_km", 10.0), obs(kC1, "households", 100.0),
                           obs(kC2, "distance_km", 20.0), obs(kC2, "households", 300.0),
                           obs(kC3, "distance_km", 5.0), obs(kC3, "households", 0.0)});
    CHECK(value(r, "080", "distance_km") == doctest::Approx(17.5));  // (10*100 + 20*300) / 400
    CHECK(value(r, "10", "distance_km") == doctest::Approx(17.5));   // C3 weighs 0
    CHECK_FALSE(value(r, "082", "distance_km"));
    CHECK_FALSE(value(r, "02683", "distance_km"));
    CHECK(r.find("2024", "082", "distance_km")->contributing == 1);
    CHECK(value(r, "02641", "distance_km") == doctest::Approx(10.0));
}

TEST_CASE("weighted mean without the weight: the unit does not contribute")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "distance_km", 10.0), obs(kC1, "households", 100.0), obs(kC2, "distance_km", 99.0)});
    CHECK(value(r, "10", "distance_km") == doctest::Approx(10.0));
    CHECK(r.find("2024", "10", "distance_km")->contributing == 1);
}

TEST_CASE("ratio of sums: poverty rate; a zero denominator gives no value, never inf or NaN")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "poor", 20.0), obs(kC1, "households", 100.0), obs(kC2, "poor", 30.0),
                           obs(kC2, "households", 300.0), obs(kC3, "poor", 0.0), obs(kC3, "households", 0.0)});
    CHECK(value(r, "02641", "poverty_rate") == doctest::Approx(20.0));
    CHECK(value(r, "080", "poverty_rate") == doctest::Approx(12.5));  // 50 / 400, not the mean of 20% and 10%
    CHECK(value(r, "10", "poverty_rate") == doctest::Approx(12.5));
    CHECK_FALSE(value(r, "082", "poverty_rate"));
    CHECK_FALSE(value(r, "02683", "poverty_rate"));
    for (const auto& row : r.rows) {
        if (row.value) {
            CHECK(std::isfinite(*row.value));
        }
    }
    // the parts are still summed in their own right
    CHECK(value(r, "10", "poor") == 50.0);
    CHECK(value(r, "10", "households") == 400.0);
}

TEST_CASE("count: units whose value is true or positive")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "paved_road", true), obs(kC2, "paved_road", false), obs(kC3, "paved_road", 2.0)});
    CHECK(value(r, "080", "paved_road") == 1.0);
    CHECK(value(r, "082", "paved_road") == 1.0);
    CHECK(value(r, "10", "paved_road") == 2.0);
    CHECK(r.find("2024", "10", "paved_road")->contributing == 3);
}

TEST_CASE("none: the value stays where it was reported")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "year_founded", 1990.0), obs(kC3, "year_founded", 2001.0)});
    CHECK(value(r, "02641", "year_founded") == 1990.0);
    CHECK(r.find("2024", "080", "year_founded") == nullptr);
    CHECK(r.find("2024", "10", "year_founded") == nullptr);
    CHECK(r.find("2024", "02644", "year_founded") == nullptr);
}

TEST_CASE("ethnic groups: per-group figures, and totals from the explicit total or else the groups' sum")
{
    const auto h = smallTree();
    const auto r = run(h, {// C1 reports only per group: its total is 60 + 40
                           obs(kC1, "population", 60.0, "04"), obs(kC1, "population", 40.0, "11"),
                           // C2 reports a total and one group (the rest are other groups): total is 200
                           obs(kC2, "population", 200.0), obs(kC2, "population", 150.0, "04"),
                           obs(kC3, "population", 50.0)});
    CHECK(value(r, "02641", "population") == 100.0);
    CHECK(value(r, "080", "population") == 300.0);
    CHECK(value(r, "10", "population") == 350.0);
    CHECK(value(r, "080", "population", "04") == 210.0);
    CHECK(value(r, "080", "population", "11") == 40.0);
    CHECK(value(r, "10", "population", "04") == 210.0);
    CHECK(r.find("2024", "10", "population", "04")->contributing == 2);
    CHECK(r.find("2024", "082", "population", "04") == nullptr);  // no group rows where the group has no data
    CHECK(r.find("2024", "10", "population", "04")->expected == 3);
    CHECK(r.find("2024", "10", "population", "04")->reported == 3);
}

TEST_CASE("ethnic groups with ratios: each group's rate from its own parts")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "poor", 30.0, "04"), obs(kC1, "households", 60.0, "04"), obs(kC1, "poor", 2.0, "01"),
                           obs(kC1, "households", 40.0, "01"), obs(kC2, "poor", 10.0, "04"), obs(kC2, "households", 40.0, "04")});
    CHECK(value(r, "080", "poverty_rate", "04") == doctest::Approx(40.0));  // 40 / 100
    CHECK(value(r, "080", "poverty_rate", "01") == doctest::Approx(5.0));   // 2 / 40
    CHECK(value(r, "080", "poverty_rate") == doctest::Approx(30.0));        // 42 / 140
}

TEST_CASE("periods are kept apart")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "population", 100.0, "", "2024"), obs(kC1, "population", 110.0, "", "2025")});
    CHECK(r.find("2024", "10", "population")->value == 100.0);
    CHECK(r.find("2025", "10", "population")->value == 110.0);
}

TEST_CASE("output levels restrict the rows")
{
    const auto h = smallTree();
    auto res = aggregate(h, kRules, {obs(kC1, "population", 1.0)}, AggregationRequest{"2024-01-01", "commune", {"province"}});
    REQUIRE(res.isOk());
    REQUIRE(res->rows.size() == 1);
    CHECK(res->rows[0].level == "province");
}

TEST_CASE("bad input is reported, not aggregated, and nothing crashes")
{
    const auto h = smallTree();
    const auto r = run(h, {obs(kC1, "population", 100.0), obs(kC1, "population", 999.0),  // duplicate: first kept
                           obs(kC1, "unknown_indicator", 1.0), obs(UnitKey{"99999", kFrom}, "population", 5.0),
                           obs(kC2, "population", std::nan("")), obs(kC2, "population", INFINITY),
                           obs(kC3, "distance_km", 4.0), obs(kC3, "households", -3.0)});
    CHECK(value(r, "10", "population") == 100.0);
    std::map<IssueKind, int> kinds;
    for (const auto& i : r.issues) {
        ++kinds[i.kind];
        CHECK_FALSE(i.message.empty());
    }
    CHECK(kinds[IssueKind::DuplicateObservation] == 1);
    CHECK(kinds[IssueKind::UnknownIndicator] == 1);
    CHECK(kinds[IssueKind::UnmappedUnit] == 1);
    CHECK(kinds[IssueKind::InvalidValue] == 3);  // NaN, inf, negative weight
    CHECK(r.issues[0].observation == 1);
    CHECK(r.find("2024", "082", "distance_km") == nullptr);  // its only data was unusable
}

TEST_CASE("invalid rules and requests are refused")
{
    const auto h = smallTree();
    const AggregationRequest req{"2024-01-01", "commune", {}};
    CHECK_FALSE(aggregate(h, {{"a", Rule::Sum, "", "", "", 1}, {"a", Rule::Sum, "", "", "", 1}}, {}, req).isOk());
    CHECK_FALSE(aggregate(h, {{"", Rule::Sum, "", "", "", 1}}, {}, req).isOk());
    CHECK_FALSE(aggregate(h, {{"m", Rule::WeightedMean, "", "", "", 1}}, {}, req).isOk());
    CHECK_FALSE(aggregate(h, {{"m", Rule::WeightedMean, "m", "", "", 1}}, {}, req).isOk());
    CHECK_FALSE(aggregate(h, {{"r", Rule::Ratio, "", "a", "", 1}}, {}, req).isOk());
    CHECK_FALSE(aggregate(h, {{"r", Rule::Ratio, "", "a", "b", 0}}, {}, req).isOk());
    CHECK_FALSE(aggregate(h, {{"r", Rule::Ratio, "", "a", "b", INFINITY}}, {}, req).isOk());
    CHECK_FALSE(aggregate(h, kRules, {}, AggregationRequest{"", "commune", {}}).isOk());
    auto empty = aggregate(h, kRules, {}, req);
    REQUIRE(empty.isOk());
    CHECK(empty->rows.empty());
    CHECK(parseRule(toName(Rule::WeightedMean)) == Rule::WeightedMean);
    CHECK_FALSE(parseRule("average"));
}

TEST_CASE("limits: too many distinct ethnic groups is refused as a whole, not partly aggregated")
{
    const auto h = smallTree();
    std::vector<Observation> data;
    for (int g = 0; g < 4100; ++g) {
        data.push_back(obs(kC1, "population", 1.0, "G" + std::to_string(g)));
    }
    auto res = aggregate(h, kRules, data, AggregationRequest{"2024-01-01", "commune", {}});
    REQUIRE_FALSE(res.isOk());
    CHECK(res.status().code() == dantoc::ErrorCode::ResourceExhausted);
    data.resize(4000);
    auto ok = aggregate(h, kRules, data, AggregationRequest{"2024-01-01", "commune", {}});
    REQUIRE(ok.isOk());
    CHECK(ok->find("2024", "10", "population")->value == 4000.0);
}

TEST_CASE("a cycle in a hostile hierarchy is reported, not looped on")
{
    struct Cyclic final : UnitHierarchy {
        std::vector<UnitKey> unitsAt(std::string_view) const override { return {{"A", "2020-01-01"}, {"B", "2020-01-01"}}; }
        std::optional<UnitKey> parentAt(const UnitKey& u, std::string_view) const override
        {
            return UnitKey{u.code == "A" ? "B" : "A", "2020-01-01"};
        }
        std::string levelOf(const UnitKey&) const override { return "commune"; }
        std::optional<UnitKey> findAt(std::string_view, std::string_view) const override { return std::nullopt; }
        std::vector<UnitKey> counterpartsAt(const UnitKey& u, std::string_view) const override { return {u}; }
    };
    const Cyclic h;
    auto res = aggregate(h, kRules, {}, AggregationRequest{"2024-01-01", "commune", {}});
    REQUIRE_FALSE(res.isOk());
    CHECK(res.status().code() == dantoc::ErrorCode::Corruption);
}
