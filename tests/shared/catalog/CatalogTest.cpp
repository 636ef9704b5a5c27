#include "catalog/CatalogSet.h"

#include "base/Json.h"
#include "support/Files.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

using namespace dantoc::catalog;

namespace {

std::filesystem::path catalogsDir() { return dantoc::test::resourcesDir() / "catalogs"; }

const CatalogSet& shipped()
{
    static const auto set = [] {
        auto loaded = CatalogSet::loadFromDirectory(catalogsDir());
        REQUIRE_MESSAGE(loaded.isOk(), loaded.status().message());
        return std::move(*loaded);
    }();
    return set;
}

void collectIndicators(const dantoc::Json& node, std::set<std::string>& out)
{
    if (node.is_object()) {
        if (auto it = node.find("indicator"); it != node.end() && it->is_string()) {
            out.insert(it->get<std::string>());
        }
        for (const auto& [key, value] : node.items()) {
            collectIndicators(value, out);
        }
    } else if (node.is_array()) {
        for (const auto& value : node) {
            collectIndicators(value, out);
        }
    }
}

const char* kHeader = "code,name_vi,name_en,unit,group,rule,weight,numerator,denominator,scale\n";

std::string indicatorError(const std::string& rows)
{
    auto catalog = IndicatorCatalog::loadCsv(std::string(kHeader) + rows, "ind.csv");
    REQUIRE_FALSE(catalog.isOk());
    return catalog.status().message();
}

}  // namespace

TEST_CASE("ethnic groups: the shipped list")
{
    const auto& groups = shipped().ethnicGroups();
    CHECK(groups.all().size() == 54);
    REQUIRE(groups.find("08") != nullptr);
    CHECK(groups.find("08")->nameVi == "Mông");
    CHECK(groups.find("55") == nullptr);
    CHECK_FALSE(groups.isMinority("01"));
    CHECK(groups.codeSystem() == "gso_2008");
    CHECK(groups.isMinority("08"));
    CHECK_FALSE(groups.isMinority("99"));
    // Mường is 06 in the 1979 list and 04 in 2008.
    CHECK(groups.convert1979To2008("06").value() == "04");
    CHECK(groups.convert1979To2008("77").status().code() == dantoc::ErrorCode::NotFound);
}

TEST_CASE("ethnic groups: accent-insensitive search by name, other names and aliases")
{
    const auto& groups = shipped().ethnicGroups();
    auto first = [&](const char* query) {
        const auto hits = groups.search(query);
        return hits.empty() ? std::string() : hits.front()->code;
    };
    CHECK(first("Mèo") == "08");
    CHECK(first("meo") == "08");
    CHECK(first("hmong") == "08");
    CHECK(first("H'Mông") == "08");
    CHECK(first("MÔNG") == "08");
    CHECK(first("tay") == "02");  // exact name beats Thái's other name "Tày Khao"
    CHECK(first("Ê Đê") == "11");
    CHECK(first("ede") == "11");
    CHECK(groups.search("").empty());
    CHECK(groups.search("  ").empty());
    CHECK(groups.search("xyzzy").empty());
}

TEST_CASE("ethnic groups and religions: load errors")
{
    const char* header = "code,name_vi,code_1979,other_names\n";
    auto dup = EthnicGroupCatalog::loadCsv(std::string(header) + "01,A,01,\n01,B,02,\n", "e.csv");
    REQUIRE_FALSE(dup.isOk());
    CHECK(dup.status().message().find("e.csv:3") != std::string::npos);
    auto dup1979 = EthnicGroupCatalog::loadCsv(std::string(header) + "01,A,01,\n02,B,01,\n", "e.csv");
    REQUIRE_FALSE(dup1979.isOk());
    CHECK(dup1979.status().message().find("code_1979") != std::string::npos);
    CHECK_FALSE(EthnicGroupCatalog::loadCsv("code,name_vi\n01,A\n", "e.csv").isOk());
    CHECK_FALSE(ReligionCatalog::loadCsv("code,name_vi,name_en\n01,A,a\n01,B,b\n", "r.csv").isOk());
    CHECK_FALSE(ReligionCatalog::loadCsv("code,name_vi,name_en\n,A,a\n", "r.csv").isOk());
}

TEST_CASE("religions and choice lists")
{
    const auto& set = shipped();
    CHECK(set.religions().all().size() == 17);
    CHECK(set.religions().find("02")->nameVi == "Công giáo");
    CHECK(CatalogSet::hasChoiceList("ethnic_groups"));
    CHECK(CatalogSet::hasChoiceList("religions"));
    CHECK_FALSE(CatalogSet::hasChoiceList("admin_units:village"));
    const auto ethnic = set.choices("ethnic_groups");
    REQUIRE(ethnic.size() == 54);
    CHECK(ethnic.front().code == "01");
    const auto religions = set.choices("religions");
    REQUIRE(religions.size() == 17);
    CHECK(religions[1].labelEn == "Buddhism");
    CHECK(set.choices("nope").empty());
    CHECK(set.containsChoice("ethnic_groups", "54"));
    CHECK_FALSE(set.containsChoice("ethnic_groups", "00"));
    CHECK(set.containsChoice("religions", "00"));
    CHECK_FALSE(set.containsChoice("nope", "01"));
}

TEST_CASE("indicators: every indicator of the default forms is in the catalog, with its rule")
{
    const auto& indicators = shipped().indicators();
    std::set<std::string> used;
    for (const auto& entry : std::filesystem::directory_iterator(dantoc::test::resourcesDir() / "forms")) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        auto json = dantoc::parseJson(dantoc::test::readFile(entry.path()));
        REQUIRE_MESSAGE(json.isOk(), entry.path().string());
        collectIndicators(*json, used);
    }
    CHECK(used.size() > 40);
    for (const auto& code : used) {
        CHECK_MESSAGE(indicators.find(code) != nullptr, code);
    }
    const Indicator* rate = indicators.find("poverty_rate");
    REQUIRE(rate != nullptr);
    CHECK(rate->rule == AggregationRule::Ratio);
    CHECK(rate->numerator == "households_poor");
    CHECK(rate->denominator == "households_total");
    CHECK(rate->scale == 100.0);
    const Indicator* distance = indicators.find("distance_to_commune_km");
    REQUIRE(distance != nullptr);
    CHECK(distance->rule == AggregationRule::WeightedMean);
    CHECK(distance->weight == "households_total");
    CHECK(indicators.find("has_paved_road")->rule == AggregationRule::Count);
    CHECK(indicators.find("housing_type")->rule == AggregationRule::None);
}

TEST_CASE("indicators: load errors name the line")
{
    CHECK(indicatorError("a,A,,,,sum,,,,\na,B,,,,sum,,,,\n").find("ind.csv:3: duplicate") != std::string::npos);
    CHECK(indicatorError("a,A,,,,average,,,,\n").find("unknown rule") != std::string::npos);
    CHECK(indicatorError("r,R,,,,ratio,,x,y,100\nx,X,,,,sum,,,,\n").find("unknown indicator 'y'") !=
          std::string::npos);
    CHECK(indicatorError("r,R,,,,ratio,,x,y,100\nx,X,,,,sum,,,,\n").find("ind.csv:2") != std::string::npos);
    CHECK(indicatorError("w,W,,,,weighted_mean,z,,,\n").find("unknown indicator 'z'") != std::string::npos);
    CHECK(indicatorError("w,W,,,,weighted_mean,,,,\n").find("needs a weight") != std::string::npos);
    CHECK(indicatorError("w,W,,,,weighted_mean,w,,,\n").find("itself") != std::string::npos);
    CHECK(indicatorError("r,R,,,,ratio,,x,,\n").find("numerator and a denominator") != std::string::npos);
    CHECK(indicatorError("x,X,,,,sum,,,,abc\n").find("scale") != std::string::npos);
    CHECK(indicatorError("x,X,,,,sum,,,,-1\n").find("scale") != std::string::npos);
    CHECK(indicatorError("Bad Code,X,,,,sum,,,,\n").find("malformed") != std::string::npos);
    CHECK(indicatorError("x,X,,,,sum,y,,,\ny,Y,,,,sum,,,,\n").find("only for weighted_mean") != std::string::npos);
    CHECK(indicatorError("r,R,,,,ratio,,x,m,100\nx,X,,,,sum,,,,\nm,M,,,,none,,,,\n").find("not additive") !=
          std::string::npos);
    // a cycle through references (a ratio whose denominator is a weighted mean weighted by the ratio)
    const std::string cycle = indicatorError("a,A,,,,ratio,,x,b,100\nb,B,,,,weighted_mean,a,,,\nx,X,,,,sum,,,,\n");
    CHECK(cycle.find("ind.csv:2") != std::string::npos);
    CHECK(cycle.find("not additive") != std::string::npos);
    // forward references are fine
    auto ok = IndicatorCatalog::loadCsv(std::string(kHeader) + "r,R,,%,,ratio,,x,y,100\nx,X,,,,sum,,,,\n"
                                                               "y,Y,,,,count,,,,\n",
                                        "ind.csv");
    REQUIRE_MESSAGE(ok.isOk(), ok.status().message());
    CHECK(ok->find("r")->scale == 100.0);
    CHECK(parseAggregationRule("weighted_mean") == AggregationRule::WeightedMean);
    CHECK_FALSE(parseAggregationRule("Sum").has_value());
}

TEST_CASE("catalog set: missing files and broken files are errors")
{
    auto missing = CatalogSet::loadFromDirectory(catalogsDir() / "does-not-exist");
    REQUIRE_FALSE(missing.isOk());
    CHECK(missing.status().code() == dantoc::ErrorCode::IoError);
    const std::string ethnic = dantoc::test::readFile(catalogsDir() / "ethnic_groups.csv");
    const std::string religions = dantoc::test::readFile(catalogsDir() / "religions.csv");
    auto broken = CatalogSet::loadFromTexts(ethnic, religions, std::string(kHeader) + "a,A,,,,bogus,,,,\n", "x");
    REQUIRE_FALSE(broken.isOk());
    CHECK(broken.status().message().find("x/indicators.csv:2") != std::string::npos);
}
