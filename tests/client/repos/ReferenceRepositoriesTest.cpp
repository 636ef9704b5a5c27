// Catalog, unit, period and form template repositories: round trips, replace-all is all or nothing, units as a
// tree in Vietnamese order, and the offline seed from the shipped resources.
#include "RepoSupport.h"

#include "core/CatalogRepository.h"
#include "core/FormTemplateRepository.h"
#include "core/PeriodRepository.h"
#include "core/StoreFactory.h"
#include "core/UnitRepository.h"

#include "support/Files.h"

#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::client;

TEST_CASE("catalogs: put, get, list and replace-all atomically")
{
    test::TempDir dir{"dantoc-repos"};
    auto store = test::newRepoStore(dir.path() / "s");
    CatalogRepository catalogs(store->connection());
    REQUIRE(catalogs.put({"religions", "v1", "\"e1\"", "code,name_vi\n01,Phật giáo\n"}).isOk());
    auto got = catalogs.get("religions");
    REQUIRE(got.isOk());
    CHECK(got->body == "code,name_vi\n01,Phật giáo\n");
    CHECK(got->etag == "\"e1\"");
    CHECK(catalogs.get("nope").status().code() == ErrorCode::NotFound);

    // A bad entry in the middle: nothing changes.
    CHECK(catalogs.replaceAll({{"ethnic_groups", "v2", "", "x"}, {"", "v2", "", "y"}}).code() == ErrorCode::InvalidArgument);
    auto list = catalogs.list();
    REQUIRE(list.isOk());
    REQUIRE(list->size() == 1);
    CHECK((*list)[0].name == "religions");

    REQUIRE(catalogs.replaceAll({{"ethnic_groups", "v2", "", "x"}, {"indicators", "v2", "", "z"}}).isOk());
    list = catalogs.list();
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].name == "ethnic_groups");
    CHECK((*list)[0].etag.empty());
    CHECK(catalogs.get("religions").status().code() == ErrorCode::NotFound);
}

TEST_CASE("units: Vietnamese order, tree, replace-all refuses bad input without a change")
{
    test::TempDir dir{"dantoc-repos"};
    auto store = test::newRepoStore(dir.path() / "s");
    UnitRepository units(store->connection());
    REQUIRE(units.replaceAll({{"15", "Tỉnh Lào Cai", "province", ""},
                              {"08", "Xã Ý Tý", "commune", "15"},
                              {"02", "Xã Bát Xát", "commune", "15"},
                              {"03", "Xã Âu Lâu", "commune", "15"},
                              {"04", "Xã Đồng Tuyển", "commune", "15"},
                              {"05", "Xã Dền Sáng", "commune", "15"},
                              {"0801", "Thôn Phìn Hồ", "village", "08"}})
                .isOk());
    auto communes = units.children("15");
    REQUIRE(communes.isOk());
    std::vector<std::string> names;
    for (const auto& unit : *communes) {
        names.push_back(unit.name);
    }
    // The Vietnamese alphabet: a < ă < â < b < ... < d < đ < ... < y (the "Xã " prefix is shared).
    CHECK(names == std::vector<std::string>{"Xã Âu Lâu", "Xã Bát Xát", "Xã Dền Sáng", "Xã Đồng Tuyển", "Xã Ý Tý"});
    auto roots = units.children("");
    REQUIRE(roots.isOk());
    REQUIRE(roots->size() == 1);
    CHECK((*roots)[0].code == "15");
    auto tree = units.tree();
    REQUIRE(tree.isOk());
    REQUIRE(tree->size() == 1);
    REQUIRE((*tree)[0].children.size() == 5);
    CHECK((*tree)[0].children[4].unit.code == "08");
    REQUIRE((*tree)[0].children[4].children.size() == 1);
    CHECK((*tree)[0].children[4].children[0].unit.name == "Thôn Phìn Hồ");

    CHECK(units.replaceAll({{"1", "A", "", ""}, {"1", "B", "", ""}}).code() == ErrorCode::InvalidArgument);
    CHECK(units.replaceAll({{"1", "A", "", "1"}}).code() == ErrorCode::InvalidArgument);
    CHECK(units.replaceAll({{"1", "", "", ""}}).code() == ErrorCode::InvalidArgument);
    CHECK(units.get("0801").isOk());
    CHECK(units.get("1").status().code() == ErrorCode::NotFound);
}

TEST_CASE("periods and form templates round-trip; a template must match its id and version")
{
    test::TempDir dir{"dantoc-repos"};
    auto store = test::newRepoStore(dir.path() / "s");
    PeriodRepository periods(store->connection());
    REQUIRE(periods.replaceAll({{"2025-H1", "6 tháng đầu năm 2025", "2025-01-01", "2025-06-30", "closed"},
                                {"2025-H2", "6 tháng cuối năm 2025", "2025-07-01", "2025-12-31", "open"}})
                .isOk());
    auto list = periods.list();
    REQUIRE(list.isOk());
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].id == "2025-H2");  // newest first
    CHECK(periods.get("2025-H1")->label == "6 tháng đầu năm 2025");
    CHECK(periods.replaceAll({{"x", "", "", "", ""}}).code() == ErrorCode::InvalidArgument);
    CHECK(periods.list()->size() == 2);

    FormTemplateRepository forms(store->connection());
    test::putTinyForm(store->connection());
    CHECK(forms.put({"tiny_village", 3, test::kTinyForm, ""}).code() == ErrorCode::InvalidArgument);  // says v2
    CHECK(forms.put({"broken", 1, "{\"id\":", ""}).code() == ErrorCode::InvalidArgument);
    auto latest = forms.load("tiny_village");
    REQUIRE(latest.isOk());
    CHECK(latest->version() == 2);
    CHECK(forms.get("tiny_village", 1).status().code() == ErrorCode::NotFound);
    CHECK(forms.replaceAll({{"broken", 1, "{}", ""}}).code() == ErrorCode::InvalidArgument);
    CHECK(forms.list()->size() == 1);
}

TEST_CASE("store factory seeds catalogs, forms, demo units and periods from the resources")
{
    test::TempDir dir{"dantoc-repos"};
    ManualClock clock{1'760'000'000'000};  // 2025-10-09
    auto store = StoreFactory::create(dir.path() / "s", "mật khẩu", test::resourcesDir(), test::repoTestOptions(), clock);
    REQUIRE_MESSAGE(store.isOk(), store.status().toString());
    Connection& connection = (*store)->connection();
    CHECK(CatalogRepository(connection).get("ethnic_groups")->body.find("Mông") != std::string::npos);
    CHECK(FormTemplateRepository(connection).load("village_survey").isOk());
    CHECK(FormTemplateRepository(connection).list()->size() == 3);
    auto lc = UnitRepository(connection).get("15");
    REQUIRE(lc.isOk());
    CHECK(lc->name == "Tỉnh Lào Cai");
    CHECK(lc->validFrom == "2025-07-01");  // the province after the 2025 merger, still valid
    CHECK(lc->validTo.empty());
    CHECK(UnitRepository(connection).children("15")->size() == 99);
    auto h2 = PeriodRepository(connection).get("2025-H2");
    REQUIRE(h2.isOk());
    CHECK(h2->state == "open");
    CHECK(PeriodRepository(connection).get("2024").isOk());

    // A second create in the same place is refused; a bad resources folder fails cleanly.
    CHECK(StoreFactory::create(dir.path() / "s", "x", {}, test::repoTestOptions()).status().code() ==
          ErrorCode::AlreadyExists);
    std::filesystem::create_directories(dir.path() / "bad" / "forms");
    test::writeFile(dir.path() / "bad" / "forms" / "x.json", "{not json");
    auto bad = StoreFactory::create(dir.path() / "s2", "x", dir.path() / "bad", test::repoTestOptions());
    CHECK(bad.status().code() == ErrorCode::InvalidArgument);
}
