// ux-lessons §6 check 6 (sorting) and the search half of check 5, through the helpers every list of the app uses.
#include "gui/common/VietnameseSort.h"

#include <QStringList>

#include <doctest/doctest.h>

#include <algorithm>

using namespace dantoc::gui;

TEST_CASE("village lists sort in Vietnamese order, the same on every platform")
{
    QStringList names = {QStringLiteral("Ưng Hòa"), QStringLiteral("Đà Nẵng"), QStringLiteral("Bắc Ninh"),
                         QStringLiteral("Ân Thi"),  QStringLiteral("Uông Bí"), QStringLiteral("An Phú"),
                         QStringLiteral("Dương"),   QStringLiteral("Bà Rịa"),  QStringLiteral("Ăn Uống")};
    std::sort(names.begin(), names.end(), vietnameseLess);
    CHECK(names == QStringList{QStringLiteral("An Phú"), QStringLiteral("Ăn Uống"), QStringLiteral("Ân Thi"),
                               QStringLiteral("Bà Rịa"), QStringLiteral("Bắc Ninh"), QStringLiteral("Dương"),
                               QStringLiteral("Đà Nẵng"), QStringLiteral("Uông Bí"), QStringLiteral("Ưng Hòa")});
}

TEST_CASE("search folds diacritics and đ, and old and new tone placement")
{
    CHECK(matchesSearch(searchKey(QStringLiteral("Nguyễn")), QStringLiteral("nguyen")));
    CHECK(matchesSearch(searchKey(QStringLiteral("Đắk Lắk")), QStringLiteral("dak lak")));
    CHECK(matchesSearch(searchKey(QStringLiteral("hòa")), QStringLiteral("hoa")));
    CHECK(matchesSearch(searchKey(QStringLiteral("hoà")), QStringLiteral("hoa")));
    CHECK(matchesSearch(searchKey(QStringLiteral("Xã Bát Xát")), QStringLiteral("xat bat")));  // any word order
    CHECK_FALSE(matchesSearch(searchKey(QStringLiteral("Xã Bát Xát")), QStringLiteral("sa pa")));
    // NFD input folds like NFC.
    CHECK(matchesSearch(searchKey(QString::fromUtf8("Nguye\xcc\x82\xcc\x83n")), QStringLiteral("nguyen")));
}
