#include "gui/common/DeskSettings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace dantoc::gui {

namespace {

QString storeOverride;

}  // namespace

QString DeskSettings::storeDirectory()
{
    if (!storeOverride.isEmpty()) {
        return storeOverride;
    }
    const QString saved = QSettings().value(QStringLiteral("store/directory")).toString();
    if (!saved.isEmpty()) {
        return saved;
    }
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("store"));
}

void DeskSettings::setStoreDirectoryOverride(const QString& directory)
{
    storeOverride = directory;
}

QString DeskSettings::language()
{
    const QString language = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("vi")).toString();
    return language == QLatin1String("en") ? language : QStringLiteral("vi");
}

void DeskSettings::setLanguage(const QString& language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

int DeskSettings::autoLockMinutes()
{
    const int minutes = QSettings().value(QStringLiteral("security/auto_lock_minutes"), kDefaultAutoLockMinutes).toInt();
    return minutes < 0 ? kDefaultAutoLockMinutes : minutes;
}

void DeskSettings::setAutoLockMinutes(int minutes)
{
    QSettings().setValue(QStringLiteral("security/auto_lock_minutes"), minutes);
}

}  // namespace dantoc::gui
