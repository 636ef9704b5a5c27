#include "admin/AdminTree.h"

#include "support/Files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using dantoc::admin::AdminTree;

namespace {

std::filesystem::path demoDir() { return dantoc::test::resourcesDir() / "demo" / "province"; }

}  // namespace

TEST_CASE("demo province: new Lào Cai before and after 2025-07-01")
{
    auto tree = AdminTree::loadDirectory(demoDir());
    REQUIRE_MESSAGE(tree.isOk(), tree.status().message());

    CHECK(tree->unitsAt("2025-07-01", "commune").size() == 99);
    CHECK(tree->children("15", "2025-07-01").size() == 99);
    CHECK(tree->unitsAt("2025-06-30", "commune").size() == 319);
    CHECK(tree->unitsAt("2025-06-30", "province").size() == 2);
    CHECK(tree->find("15", "2025-06-30")->nameVi == "Tỉnh Yên Bái");
    CHECK(tree->find("15", "2025-07-01")->nameVi == "Tỉnh Lào Cai");
    CHECK(tree->find("10", "2025-07-01") == nullptr);
    // A reused code keeps both versions, oldest first (reports pick the one of the period, not the newest).
    const auto fifteen = tree->versionsOf("15");
    REQUIRE(fifteen.size() == 2);
    CHECK(fifteen[0]->nameVi == "Tỉnh Yên Bái");
    CHECK(fifteen[1]->validFrom == "2025-07-01");
    CHECK(tree->versionsOf("02635").size() == 1);
    CHECK(tree->versionsOf("99999").empty());

    const auto before = tree->levelsAt("2025-06-30");
    const auto after = tree->levelsAt("2025-07-01");
    CHECK(std::find(before.begin(), before.end(), "district") != before.end());
    CHECK(std::find(after.begin(), after.end(), "district") == after.end());
    CHECK(after == std::vector<std::string>{"province", "commune", "village"});

    // Phường Duyên Hải (02635, old Lào Cai city) went into the new Phường Lào Cai (02647).
    const auto successors = tree->successorsAt("02635", "1991-10-01", "2025-07-01");
    REQUIRE(successors.size() == 1);
    CHECK(successors[0]->code == "02647");
    CHECK(successors[0]->nameVi == "Phường Lào Cai");
    CHECK(tree->predecessors("02647", "2025-07-01").size() == 6);
    // Every old commune reaches exactly one new commune.
    for (const auto* old : tree->unitsAt("2025-06-30", "commune")) {
        const auto next = tree->successorsAt(old->code, old->validFrom, "2025-07-01");
        REQUIRE_MESSAGE(next.size() == 1, old->code);
        CHECK(next[0]->level == "commune");
    }

    const auto villages = tree->unitsAt("2025-07-01", "village");
    REQUIRE(villages.size() >= 99 * 3);
    CHECK(villages.size() <= 99 * 5);
    const std::string village = villages.front()->code;
    CHECK(tree->isInSubtree("15", village, "2025-07-01"));
    CHECK_FALSE(tree->isInSubtree("01", village, "2025-07-01"));
    CHECK_FALSE(tree->isInSubtree("10", village, "2025-07-01"));
    CHECK_FALSE(tree->isInSubtree("15", village, "2025-06-30"));  // no villages before the reform
    CHECK(tree->isInSubtree("10", "02635", "2025-06-30"));
    CHECK_FALSE(tree->isInSubtree("15", "02635", "2025-06-30"));  // old Yên Bái did not contain it
}

TEST_CASE("demo province: broken copies fail naming the line")
{
    const std::string units = dantoc::test::readFile(demoDir() / "units.csv");
    const std::string lineage = dantoc::test::readFile(demoDir() / "lineage.csv");
    const std::string levels = dantoc::test::readFile(demoDir() / "levels.csv");
    const auto lines = static_cast<std::size_t>(std::count(units.begin(), units.end(), '\n'));
    const std::string nextLine = "demo/units.csv:" + std::to_string(lines + 1);

    auto fails = [&](const std::string& extra, const std::string& cause, const std::string& where) {
        auto tree = AdminTree::loadCsv(units + extra, lineage, levels, "demo");
        REQUIRE_FALSE(tree.isOk());
        INFO(tree.status().message());
        CHECK(tree.status().message().find(cause) != std::string::npos);
        CHECK(tree.status().message().find(where) != std::string::npos);
    };
    fails("02647,Phường Lào Cai,commune,phường,15,2025-07-01,\n", "duplicate", nextLine);
    fails("99999,Xã Ma,commune,xã,77,2025-07-01,\n", "unknown parent", nextLine);
    fails("99998-01,Thôn A,village,thôn,99998-02,2025-07-01,\n99998-02,Thôn B,village,thôn,99998-01,2025-07-01,\n",
          "cycle", nextLine);

    // A cycle made by re-parenting the new province under one of its villages.
    std::string cyclic = units;
    const std::string province = "15,Tỉnh Lào Cai,province,tỉnh,,2025-07-01,";
    const auto pos = cyclic.find(province);
    REQUIRE(pos != std::string::npos);
    cyclic.replace(pos, province.size(), "15,Tỉnh Lào Cai,province,tỉnh,02647-01,2025-07-01,");
    auto tree = AdminTree::loadCsv(cyclic, lineage, levels, "demo");
    REQUIRE_FALSE(tree.isOk());
    CHECK(tree.status().message().find("cycle") != std::string::npos);
    CHECK(tree.status().message().find("demo/units.csv:") != std::string::npos);
}
