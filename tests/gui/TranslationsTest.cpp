// The UI speaks Vietnamese by default and English on request: the compiled catalogs are embedded and complete.
#include "GuiApp.h"
#include "gui/common/ErrorText.h"
#include "gui/common/Translations.h"

#include <doctest/doctest.h>

using namespace dantoc;

TEST_CASE("the Vietnamese and English catalogs are embedded, and error codes map to translated text")
{
    test::ensureGuiApp();
    REQUIRE(gui::Translations::install(QStringLiteral("vi")));
    const QString vi = gui::ErrorText::forCode("out_of_scope");
    CHECK(vi == QStringLiteral("Đơn vị này nằm ngoài địa bàn của tài khoản."));
    REQUIRE(gui::Translations::install(QStringLiteral("en")));
    CHECK(gui::ErrorText::forCode("out_of_scope") == QStringLiteral("This unit is outside your account's area."));
    CHECK(gui::ErrorText::forCode("no_such_code", QStringLiteral("máy chủ nói")) == QStringLiteral("máy chủ nói"));
    REQUIRE(gui::Translations::install(QStringLiteral("vi")));
}
