// DeskSettings: the app's few per-user settings (QSettings): where the store lives, the UI language, the
// auto-lock delay. Nothing secret is kept here. GUI thread only.
#pragma once

#include <QString>

namespace dantoc::gui {

class DeskSettings
{
public:
    static constexpr int kDefaultAutoLockMinutes = 15;

    // The store directory: the one given on the command line (--store), else the saved one, else
    // <AppDataLocation>/store.
    static QString storeDirectory();
    static void setStoreDirectoryOverride(const QString& directory);
    static QString language();  // "vi" (default) or "en"
    static void setLanguage(const QString& language);
    static int autoLockMinutes();  // 0: never
    static void setAutoLockMinutes(int minutes);
};

}  // namespace dantoc::gui
