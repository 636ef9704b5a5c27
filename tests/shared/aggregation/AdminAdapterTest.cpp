// Aggregation over the real admin tree and indicator catalog (through AdminTreeHierarchy and rulesFromCatalog):
// the pre-reform communes of old Lào Cai city merged into the new Phường Lào Cai, loaded from CSV.
#include "aggregation/AdminTreeHierarchy.h"
#include "aggregation/Aggregator.h"
#include "support/Files.h"

#include <doctest/doctest.h>

using namespace dantoc::aggregation;
using dantoc::admin::AdminTree;
using dantoc::catalog::IndicatorCatalog;

namespace {

const char* kUnits =
    "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
    "10,Tỉnh Lào Cai (cũ),province,tỉnh,,2004-01-01,2025-06-30\n"
    "080,Thành phố Lào Cai,district,thành phố,10,2004-01-01,2025-06-30\n"
    "082,Huyện Bát Xát,district,huyện,10,2004-01-01,2025-06-30\n"
    "02635,Phường Duyên Hải,commune,phường,080,2004-01-01,2025-06-30\n"
    "02641,Phường Lào Cai,commune,phường,080,2004-01-01,2025-06-30\n"
    "02647,Phường Kim Tân,commune,phường,080,2004-01-01,2025-06-30\n"
    "02683,Thị trấn Bát Xát,commune,thị trấn,082,2004-01-01,2025-06-30\n"
    "15,Tỉnh Lào Cai,province,tỉnh,,2025-07-01,\n"
    "02647,Phường Lào Cai,commune,phường,15,2025-07-01,\n"
    "02683,Xã Bát Xát,commune,xã,15,2025-07-01,\n";
const char* kLineage =
    "old_code,old_valid_from,new_code,new_valid_from,effective_date,kind\n"
    "10,2004-01-01,15,2025-07-01,2025-07-01,merge\n"
    "02635,2004-01-01,02647,2025-07-01,2025-07-01,merge\n"
    "02641,2004-01-01,02647,2025-07-01,2025-07-01,merge\n"
    "02647,2004-01-01,02647,2025-07-01,2025-07-01,merge\n"
    "02683,2004-01-01,02683,2025-07-01,2025-07-01,merge\n";
const char* kIndicators =
    "code,name_vi,name_en,unit,group,rule,weight,numerator,denominator,scale\n"
    "households,Số hộ,Households,hộ,population,sum,,,,\n"
    "poor_households,Số hộ nghèo,Poor households,hộ,poverty,sum,,,,\n"
    "poverty_rate,Tỷ lệ hộ nghèo,Poverty rate,%,poverty,ratio,,poor_households,households,100\n"
    "distance_km,Khoảng cách,Distance,km,infrastructure,weighted_mean,households,,,\n";

Observation obs(const char* code, const char* indicator, double v)
{
    return Observation{UnitKey{code, "2004-01-01"}, "2024", indicator, "", v};
}

}  // namespace

TEST_CASE("old-commune data from the admin tree adds up under the new boundaries, with the catalog's rules")
{
    auto tree = AdminTree::loadCsv(kUnits, kLineage, "test");
    REQUIRE_MESSAGE(tree.isOk(), tree.status().message());
    auto catalog = IndicatorCatalog::loadCsv(kIndicators, "test");
    REQUIRE_MESSAGE(catalog.isOk(), catalog.status().message());
    const AdminTreeHierarchy hierarchy(*tree);
    const auto rules = rulesFromCatalog(*catalog);
    REQUIRE(rules.size() == 4);
    CHECK(rules[2].rule == Rule::Ratio);
    CHECK(rules[2].scale == 100.0);
    CHECK(rules[3].weight == "households");

    const std::vector<Observation> data{obs("02635", "households", 100), obs("02635", "poor_households", 10),
                                        obs("02641", "households", 200), obs("02641", "poor_households", 20),
                                        obs("02647", "households", 300), obs("02647", "poor_households", 60),
                                        obs("02683", "households", 50)};
    auto after = aggregate(hierarchy, rules, data, AggregationRequest{"2025-07-01", "commune", {}});
    REQUIRE(after.isOk());
    CHECK(after->issues.empty());
    const AggregateRow* merged = after->find("2024", "02647", "households");
    REQUIRE(merged);
    CHECK(merged->unit == UnitKey{"02647", "2025-07-01"});
    CHECK(merged->value == 600.0);
    CHECK(after->find("2024", "02647", "poverty_rate")->value == doctest::Approx(15.0));
    CHECK(after->find("2024", "15", "households")->value == 650.0);
    CHECK(after->find("2024", "15", "households")->expected == 2);

    auto before = aggregate(hierarchy, rules, data, AggregationRequest{"2025-06-30", "commune", {}});
    REQUIRE(before.isOk());
    CHECK(before->find("2024", "080", "households")->value == 600.0);
    CHECK(before->find("2024", "10", "households")->value == 650.0);
    CHECK(before->find("2024", "082", "poverty_rate")->value == std::nullopt);  // Bát Xát sent no poor count
}

TEST_CASE("the adapter answers like the admin tree")
{
    auto tree = AdminTree::loadCsv(kUnits, kLineage, "test");
    REQUIRE(tree.isOk());
    const AdminTreeHierarchy h(*tree);
    CHECK(h.unitsAt("2025-07-01").size() == 3);
    CHECK(h.findAt("02647", "2024-01-01") == UnitKey{"02647", "2004-01-01"});
    CHECK(h.parentAt(UnitKey{"02647", "2004-01-01"}, "2024-01-01") == UnitKey{"080", "2004-01-01"});
    CHECK_FALSE(h.parentAt(UnitKey{"02647", "2004-01-01"}, "2025-07-01"));  // not valid then
    CHECK_FALSE(h.parentAt(UnitKey{"15", "2025-07-01"}, "2025-07-01"));     // root
    CHECK(h.levelOf(UnitKey{"080", "2004-01-01"}) == "district");
    CHECK(h.levelOf(UnitKey{"999", "2004-01-01"}).empty());
    CHECK(h.counterpartsAt(UnitKey{"02647", "2025-07-01"}, "2024-01-01").size() == 3);
}

TEST_CASE("the shipped indicator catalog gives valid aggregation rules")
{
    const auto csv = dantoc::test::readFile(std::string(DANTOC_RESOURCES_DIR) + "/catalogs/indicators.csv");
    auto catalog = IndicatorCatalog::loadCsv(csv, "indicators.csv");
    REQUIRE_MESSAGE(catalog.isOk(), catalog.status().message());
    auto tree = AdminTree::loadCsv(kUnits, kLineage, "test");
    REQUIRE(tree.isOk());
    const AdminTreeHierarchy h(*tree);
    const auto rules = rulesFromCatalog(*catalog);
    CHECK(rules.size() == catalog->all().size());
    auto res = aggregate(h, rules, {}, AggregationRequest{"2025-07-01", "commune", {}});
    CHECK_MESSAGE(res.isOk(), res.status().message());
}
