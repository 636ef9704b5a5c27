// Translations: loads the UI language (Vietnamese by default, English selectable) from the .qm files the build
// embeds under :/i18n, plus Qt's own texts when installed. GUI thread only.
#pragma once

#include <QString>

namespace dantoc::gui {

class Translations
{
public:
    // "vi" or "en"; replaces a language installed before. Returns false when the catalog is not embedded.
    static bool install(const QString& language);
    static QString current();
};

}  // namespace dantoc::gui
