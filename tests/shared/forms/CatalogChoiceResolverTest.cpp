// CatalogChoiceResolver over the shipped catalogs and the demo province.
#include "forms/CatalogChoiceResolver.h"

#include "support/Files.h"

#include <doctest/doctest.h>

using dantoc::forms::CatalogChoiceResolver;

TEST_CASE("catalog choice resolver: ethnic groups, religions, admin units at a date")
{
    auto catalogs = dantoc::catalog::CatalogSet::loadFromDirectory(dantoc::test::resourcesDir() / "catalogs");
    REQUIRE_MESSAGE(catalogs.isOk(), catalogs.status().message());
    auto admin = dantoc::admin::AdminTree::loadDirectory(dantoc::test::resourcesDir() / "demo" / "province");
    REQUIRE_MESSAGE(admin.isOk(), admin.status().message());

    const CatalogChoiceResolver plain(*catalogs);
    CHECK(plain.hasList("ethnic_groups"));
    CHECK(plain.hasList("religions"));
    CHECK_FALSE(plain.hasList("admin_units:village"));  // no admin tree given
    CHECK(plain.contains("ethnic_groups", "08"));
    CHECK_FALSE(plain.contains("ethnic_groups", "99"));
    CHECK(plain.contains("religions", "00"));

    const CatalogChoiceResolver withAdmin(*catalogs, *admin, "2025-07-01");
    CHECK(withAdmin.hasList("admin_units:village"));
    CHECK(withAdmin.contains("admin_units:commune", "02647"));
    CHECK(withAdmin.contains("admin_units:village", "02647-01"));
    CHECK_FALSE(withAdmin.contains("admin_units:village", "02647"));   // a commune, not a village
    CHECK_FALSE(withAdmin.contains("admin_units:commune", "02635"));   // merged away on 2025-07-01
    CHECK_FALSE(withAdmin.contains("admin_units:district", "080"));
}
