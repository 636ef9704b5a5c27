#include "admin/AdminTree.h"

#include <doctest/doctest.h>

#include <string>

using dantoc::admin::AdminTree;

namespace {

const char* kUnits =
    "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
    "01,Tỉnh A,province,tỉnh,,2000-01-01,\n"
    "001,Huyện B,district,huyện,01,2000-01-01,2025-06-30\n"
    "00001,Xã C,commune,xã,001,2000-01-01,2025-06-30\n"
    "00002,Xã D,commune,xã,001,2000-01-01,2025-06-30\n"
    "00001,Xã C mới,commune,xã,01,2025-07-01,\n"
    "00001-01,Thôn 1,village,thôn,00001,2025-07-01,\n";
const char* kLineage =
    "old_code,old_valid_from,new_code,new_valid_from,effective_date,kind\n"
    "00001,2000-01-01,00001,2025-07-01,2025-07-01,merge\n"
    "00002,2000-01-01,00001,2025-07-01,2025-07-01,merge\n";

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

void checkFails(const std::string& units, const std::string& needle, const std::string& lineage = kLineage)
{
    auto tree = AdminTree::loadCsv(units, lineage, "t");
    REQUIRE_FALSE(tree.isOk());
    INFO(tree.status().message());
    CHECK(tree.status().message().find(needle) != std::string::npos);
}

}  // namespace

TEST_CASE("admin: lookups by date")
{
    auto tree = AdminTree::loadCsv(kUnits, kLineage, "t");
    REQUIRE_MESSAGE(tree.isOk(), tree.status().message());
    REQUIRE(tree->find("00001", "2025-06-30") != nullptr);
    CHECK(tree->find("00001", "2025-06-30")->nameVi == "Xã C");
    CHECK(tree->find("00001", "2025-07-01")->nameVi == "Xã C mới");
    CHECK(tree->find("00002", "2025-07-01") == nullptr);
    CHECK(tree->find("00001", "1999-12-31") == nullptr);
    CHECK(tree->parentAt("00001", "2025-06-30")->code == "001");
    CHECK(tree->parentAt("00001", "2025-07-01")->code == "01");
    CHECK(tree->parentAt("01", "2025-07-01") == nullptr);
    CHECK(tree->children("001", "2020-01-01").size() == 2);
    CHECK(tree->children("001", "2025-07-01").empty());
    REQUIRE(tree->ancestors("00001-01", "2025-07-01").size() == 2);
    CHECK(tree->ancestors("00001-01", "2025-07-01")[1]->code == "01");
    CHECK(tree->descendants("01", "2020-01-01").size() == 3);
    CHECK(tree->descendants("01", "2025-07-01").size() == 2);
    CHECK(tree->isInSubtree("01", "00001-01", "2025-07-01"));
    CHECK(tree->isInSubtree("00001-01", "00001-01", "2025-07-01"));
    CHECK_FALSE(tree->isInSubtree("001", "00001-01", "2025-07-01"));
    CHECK(tree->isInSubtree("001", "00002", "2025-06-30"));
    CHECK_FALSE(tree->isInSubtree("01", "nope", "2025-06-30"));
    CHECK(tree->levelsAt("2020-01-01") == std::vector<std::string>{"province", "district", "commune"});
    CHECK(tree->levelsAt("2025-07-01") == std::vector<std::string>{"province", "commune", "village"});
    CHECK(tree->unitsAt("2025-07-01", "commune").size() == 1);
    CHECK(tree->unitsAt("2025-07-01").front()->code == "01");
}

TEST_CASE("admin: lineage both ways")
{
    auto tree = AdminTree::loadCsv(kUnits, kLineage, "t");
    REQUIRE(tree.isOk());
    const auto forward = tree->successorsAt("00002", "2000-01-01", "2025-08-01");
    REQUIRE(forward.size() == 1);
    CHECK(forward[0]->nameVi == "Xã C mới");
    CHECK(tree->successorsAt("00002", "2000-01-01", "2024-01-01").front()->nameVi == "Xã D");  // itself
    CHECK(tree->predecessors("00001", "2025-07-01").size() == 2);
    CHECK(tree->predecessors("00001", "2000-01-01").empty());
    const auto back = tree->counterpartsAt("00001", "2025-07-01", "2024-01-01");
    REQUIRE(back.size() == 2);
    CHECK(back[0]->nameVi == "Xã C");
    CHECK(back[1]->nameVi == "Xã D");
    CHECK(tree->counterpartsAt("00001", "2025-07-01", "1990-01-01").empty());
    CHECK(tree->counterpartsAt("00002", "2000-01-01", "2026-01-01").size() == 1);
}

TEST_CASE("admin: load errors name the line and the cause")
{
    checkFails(std::string(kUnits) + "01,Tỉnh A lần hai,province,tỉnh,,2000-01-01,\n", "t/units.csv:8");
    checkFails(std::string(kUnits) + "01,Tỉnh A lần hai,province,tỉnh,,2000-01-01,\n", "duplicate");
    checkFails(std::string(kUnits) + "01,Tỉnh A lần hai,province,tỉnh,,2010-01-01,\n", "overlapping");
    checkFails(std::string(kUnits) + "00003,Xã E,commune,xã,999,2000-01-01,\n", "unknown parent");
    checkFails(std::string(kUnits) + "00003,Xã E,commune,xã,999,2000-01-01,\n", "t/units.csv:8");
    // the parent exists, but not at the unit's valid_from
    checkFails(std::string(kUnits) + "00004,Xã F,commune,xã,001,2025-08-01,\n", "unknown parent");
    // the parent ends before the unit does
    checkFails(std::string(kUnits) + "00007,Xã K,commune,xã,001,2000-01-01,\n", "end of its validity");
    checkFails(std::string(kUnits) + "00007,Xã K,commune,xã,001,2000-01-01,2025-07-01\n", "t/units.csv:8");
    checkFails(std::string(kUnits) + "00005,Xã G,hamlet,xã,001,2000-01-01,\n", "unknown level");
    checkFails(std::string(kUnits) + "00006,Xã H,district,huyện,001,2000-01-01,2025-06-30\n", "level order");
    checkFails(replaced(kUnits, "01,Tỉnh A,province,tỉnh,,", "01,Tỉnh A,province,tỉnh,00001,"), "cycle");
    checkFails(std::string(kUnits) + "7,X,village,thôn,7,2025-07-01,\n", "cycle");
    checkFails(std::string(kUnits) + "8,X,village,thôn,00001,2025-13-01,\n", "valid_from");
    checkFails(std::string(kUnits) + "8,X,village,thôn,00001,2025-08-01,2025-07-01\n", "valid_to");
    checkFails(kUnits, "t/lineage.csv:4: unknown old unit",
               std::string(kLineage) + "09,2000-01-01,00001,2025-07-01,,merge\n");
    checkFails(kUnits, "t/lineage.csv:2", replaced(kLineage, "00001,2000-01-01,00001,2025-07-01",
                                                   "00001,2025-07-01,00001,2000-01-01"));
    checkFails(kUnits, "duplicate lineage", std::string(kLineage) + "00002,2000-01-01,00001,2025-07-01,,merge\n");
    checkFails("code,name_vi\n01,A\n", "missing column");
    checkFails(std::string(kUnits) + "1,\"open\n", "unterminated");
}

TEST_CASE("admin: configured levels of any depth")
{
    const std::string levels = "valid_from,valid_to,levels\n,,region;province;commune;village;hamlet\n";
    const std::string units = "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
                              "R,Vùng,region,vùng,,2000-01-01,\n"
                              "P,Tỉnh,province,tỉnh,R,2000-01-01,\n"
                              "C,Xã,commune,xã,P,2000-01-01,\n"
                              "V,Thôn,village,thôn,C,2000-01-01,\n"
                              "H,Xóm,hamlet,xóm,V,2000-01-01,\n";
    auto tree = AdminTree::loadCsv(units, "", levels, "x");
    REQUIRE_MESSAGE(tree.isOk(), tree.status().message());
    CHECK(tree->levelsAt("2020-01-01").size() == 5);
    CHECK(tree->isInSubtree("R", "H", "2020-01-01"));
    CHECK(tree->ancestors("H", "2020-01-01").size() == 4);
    CHECK_FALSE(AdminTree::loadCsv(units, "", "valid_from,valid_to,levels\n,,a;a\n", "x").isOk());
    CHECK_FALSE(AdminTree::loadCsv(units, "", "valid_from,valid_to,levels\n,,a\n,,b\n", "x").isOk());
    CHECK_FALSE(AdminTree::loadCsv(units, "", "valid_from,valid_to,levels\n,,province;commune\n", "x").isOk());
}

TEST_CASE("admin: a unit outliving its parent's version follows the parent code's next version")
{
    const std::string units = "code,name_vi,level,unit_type,parent_code,valid_from,valid_to\n"
                              "15,Tỉnh Yên Bái,province,tỉnh,,2000-01-01,2025-06-30\n"
                              "15,Tỉnh Lào Cai,province,tỉnh,,2025-07-01,\n"
                              "10,Tỉnh Lào Cai cũ,province,tỉnh,,2000-01-01,2025-06-30\n"
                              "99001,Xã Bền,commune,xã,15,2000-01-01,\n";
    auto tree = AdminTree::loadCsv(units, "", "t");
    REQUIRE_MESSAGE(tree.isOk(), tree.status().message());
    CHECK(tree->isInSubtree("15", "99001", "2020-01-01"));
    CHECK(tree->isInSubtree("15", "99001", "2025-07-01"));
    CHECK_FALSE(tree->isInSubtree("10", "99001", "2020-01-01"));
    CHECK(tree->isInSubtree("99001", "99001", "2030-01-01"));
    CHECK_FALSE(tree->isInSubtree("15", "99001", "1999-12-31"));  // the commune did not exist yet
    REQUIRE(tree->parentAt("99001", "2020-01-01") != nullptr);
    CHECK(tree->parentAt("99001", "2020-01-01")->nameVi == "Tỉnh Yên Bái");
    CHECK(tree->parentAt("99001", "2025-07-01")->nameVi == "Tỉnh Lào Cai");
}
