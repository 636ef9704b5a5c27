// Old and new boundaries (modelled on old Lào Cai city, merged on 1 July 2025): data recorded against pre-reform
// communes adds up under the new communes; data recorded against new communes, read under the old boundaries,
// lands on the old district that wholly contains it; a split commune lands on the common parent.
#include "aggregation/Aggregator.h"
#include "aggregation/InMemoryHierarchy.h"

#include <doctest/doctest.h>

using namespace dantoc::aggregation;

namespace {

const std::string kOld = "2020-01-01";
const std::string kReform = "2025-07-01";
// before: province 10, districts 080 (communes 02635, 02641, 02647) and 082 (02683, 02700)
const UnitKey kOldP{"10", kOld}, kOld080{"080", kOld}, kOld082{"082", kOld};
const UnitKey kDuyenHai{"02635", kOld}, kLaoCai{"02641", kOld}, kKimTan{"02647", kOld};
const UnitKey kBatXat{"02683", kOld}, kSplit{"02700", kOld};
// after: province 15 without districts; 02647 is reused by the merged Phường Lào Cai; 02700 split in two
const UnitKey kNewP{"15", kReform}, kNewLaoCai{"02647", kReform}, kNewBatXat{"02683", kReform}, kNewOther{"02710", kReform};

InMemoryHierarchy reformTree()
{
    InMemoryHierarchy h;
    REQUIRE(h.addUnit(kOldP, "province", std::nullopt, kReform).isOk());
    REQUIRE(h.addUnit(kOld080, "district", kOldP, kReform).isOk());
    REQUIRE(h.addUnit(kOld082, "district", kOldP, kReform).isOk());
    for (const UnitKey& c : {kDuyenHai, kLaoCai, kKimTan}) {
        REQUIRE(h.addUnit(c, "commune", kOld080, kReform).isOk());
    }
    REQUIRE(h.addUnit(kBatXat, "commune", kOld082, kReform).isOk());
    REQUIRE(h.addUnit(kSplit, "commune", kOld082, kReform).isOk());
    REQUIRE(h.addUnit(kNewP, "province", std::nullopt).isOk());
    for (const UnitKey& c : {kNewLaoCai, kNewBatXat, kNewOther}) {
        REQUIRE(h.addUnit(c, "commune", kNewP).isOk());
    }
    REQUIRE(h.addLineage(kOldP, kNewP).isOk());
    for (const UnitKey& c : {kDuyenHai, kLaoCai, kKimTan}) {
        REQUIRE(h.addLineage(c, kNewLaoCai).isOk());
    }
    REQUIRE(h.addLineage(kBatXat, kNewBatXat).isOk());
    REQUIRE(h.addLineage(kSplit, kNewBatXat).isOk());
    REQUIRE(h.addLineage(kSplit, kNewOther).isOk());
    return h;
}

const std::vector<IndicatorRule> kRules{{"households", Rule::Sum, "", "", "", 1.0},
                                        {"poor", Rule::Sum, "", "", "", 1.0},
                                        {"poverty_rate", Rule::Ratio, "", "poor", "households", 100.0}};

Observation obs(const UnitKey& u, const char* indicator, double v)
{
    return Observation{u, "2024", indicator, "", v};
}

}  // namespace

TEST_CASE("the hierarchy answers by date, and codes are reused across the reform")
{
    const auto h = reformTree();
    CHECK(h.unitsAt("2024-12-31").size() == 8);
    CHECK(h.unitsAt(kReform).size() == 4);
    CHECK(h.findAt("02647", "2024-12-31") == kKimTan);
    CHECK(h.findAt("02647", kReform) == kNewLaoCai);
    CHECK_FALSE(h.findAt("02641", kReform));
    CHECK(h.counterpartsAt(kLaoCai, kReform) == std::vector<UnitKey>{kNewLaoCai});
    CHECK(h.counterpartsAt(kSplit, kReform) == std::vector<UnitKey>{kNewBatXat, kNewOther});
    CHECK(h.counterpartsAt(kNewLaoCai, "2024-01-01") == std::vector<UnitKey>{kDuyenHai, kLaoCai, kKimTan});
    CHECK(h.counterpartsAt(kNewLaoCai, "2019-01-01").empty());  // before anything we know
    CHECK(h.parentAt(kKimTan, "2024-01-01") == kOld080);
    CHECK(h.levelOf(kNewP) == "province");
}

TEST_CASE("building the hierarchy refuses inconsistent units and lineage")
{
    InMemoryHierarchy h;
    CHECK_FALSE(h.addUnit(UnitKey{"", kOld}, "commune", std::nullopt).isOk());
    CHECK_FALSE(h.addUnit(UnitKey{"1", ""}, "commune", std::nullopt).isOk());
    CHECK_FALSE(h.addUnit(kOldP, "province", std::nullopt, "2019-01-01").isOk());  // ends before it starts
    CHECK_FALSE(h.addUnit(kOld080, "district", kOldP).isOk());                      // unknown parent
    REQUIRE(h.addUnit(kOldP, "province", std::nullopt, kReform).isOk());
    CHECK_FALSE(h.addUnit(kOldP, "province", std::nullopt).isOk());                 // twice
    REQUIRE(h.addUnit(kNewP, "province", std::nullopt).isOk());
    CHECK_FALSE(h.addLineage(kNewP, kOldP).isOk());   // the new one has not ended
    CHECK_FALSE(h.addLineage(kOldP, kKimTan).isOk()); // unknown
    CHECK(h.addLineage(kOldP, kNewP).isOk());
}

TEST_CASE("pre-reform commune data adds up under the new boundaries")
{
    const auto h = reformTree();
    const std::vector<Observation> data{
        obs(kDuyenHai, "households", 100), obs(kDuyenHai, "poor", 10), obs(kLaoCai, "households", 200),
        obs(kLaoCai, "poor", 20),          obs(kKimTan, "households", 300), obs(kKimTan, "poor", 60),
        obs(kBatXat, "households", 50),    obs(kBatXat, "poor", 25),     obs(kSplit, "households", 80),
        obs(kSplit, "poor", 8)};
    auto res = aggregate(h, kRules, data, AggregationRequest{kReform, "commune", {}});
    REQUIRE(res.isOk());
    CHECK(res->issues.empty());
    // new Phường Lào Cai (code 02647 reused) = Duyên Hải + Lào Cai + Kim Tân
    const AggregateRow* merged = res->find("2024", "02647", "households");
    REQUIRE(merged);
    CHECK(merged->unit == kNewLaoCai);
    CHECK(merged->value == 600.0);
    CHECK(merged->contributing == 3);
    CHECK(res->find("2024", "02647", "poverty_rate")->value == doctest::Approx(15.0));  // 90 / 600
    // the split commune is not whole in either successor: it counts at the province only
    CHECK(res->find("2024", "02683", "households")->value == 50.0);
    const AggregateRow* other = res->find("2024", "02710", "households");
    REQUIRE(other);
    CHECK_FALSE(other->value);
    CHECK(other->missing() == 1);
    const AggregateRow* province = res->find("2024", "15", "households");
    REQUIRE(province);
    CHECK(province->value == 730.0);  // every household is still counted once
    CHECK(province->contributing == 5);
    CHECK(province->expected == 3);
    CHECK(province->reported == 2);  // 02710 has nothing of its own
    CHECK(res->find("2024", "15", "poor")->value == 123.0);
    CHECK(res->find("2024", "080", "households") == nullptr);  // no districts on the chosen date
}

TEST_CASE("the same figures under the old boundaries and under the new ones agree at the top")
{
    const auto h = reformTree();
    const std::vector<Observation> data{obs(kDuyenHai, "households", 100), obs(kLaoCai, "households", 200),
                                        obs(kKimTan, "households", 300), obs(kBatXat, "households", 50)};
    auto before = aggregate(h, kRules, data, AggregationRequest{"2025-06-30", "commune", {}});
    auto after = aggregate(h, kRules, data, AggregationRequest{kReform, "commune", {}});
    REQUIRE(before.isOk());
    REQUIRE(after.isOk());
    CHECK(before->find("2024", "10", "households")->value == 650.0);
    CHECK(after->find("2024", "15", "households")->value == 650.0);
    CHECK(before->find("2024", "080", "households")->value == 600.0);
    CHECK(before->find("2024", "10", "households")->missing() == 1);  // 02700 did not report
}

TEST_CASE("new-commune data read under the old boundaries lands on the old district that wholly contains it")
{
    const auto h = reformTree();
    const std::vector<Observation> data{obs(kNewLaoCai, "households", 640), obs(kNewBatXat, "households", 70)};
    auto res = aggregate(h, kRules, data, AggregationRequest{"2024-06-30", "commune", {}});
    REQUIRE(res.isOk());
    CHECK(res->issues.empty());
    const AggregateRow* d080 = res->find("2024", "080", "households");
    REQUIRE(d080);
    CHECK(d080->value == 640.0);
    CHECK(d080->reported == 0);  // no single old commune can be credited
    CHECK(d080->missing() == 3);
    CHECK_FALSE(res->find("2024", "02641", "households")->value);
    CHECK(res->find("2024", "082", "households")->value == 70.0);
    CHECK(res->find("2024", "10", "households")->value == 710.0);
}

TEST_CASE("codes without a valid-from are read at the chosen date; unknown or unreachable units are issues")
{
    const auto h = reformTree();
    const std::vector<Observation> data{obs(UnitKey{"02647", ""}, "households", 5),  // the new Phường Lào Cai
                                        obs(UnitKey{"02641", ""}, "households", 7),  // gone by then
                                        obs(UnitKey{"02641", "2019-01-01"}, "households", 9)};
    auto res = aggregate(h, kRules, data, AggregationRequest{kReform, "commune", {}});
    REQUIRE(res.isOk());
    CHECK(res->find("2024", "02647", "households")->value == 5.0);
    REQUIRE(res->issues.size() == 2);
    CHECK(res->issues[0].kind == IssueKind::UnmappedUnit);
    CHECK(res->issues[0].observation == 1);
    CHECK(res->issues[1].observation == 2);
}
