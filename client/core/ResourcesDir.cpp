#include "core/ResourcesDir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dantoc::client {

QString findResourcesDir()
{
    const QString fromEnv = qEnvironmentVariable("DANTOC_RESOURCES");
    if (!fromEnv.isEmpty()) {
        return QFileInfo(fromEnv).isDir() ? fromEnv : QString();
    }
    QDir dir(QCoreApplication::applicationDirPath());
    for (int depth = 0; depth < 5; ++depth) {
        for (const char* candidate : {"resources", "share/dantoc"}) {
            const QString path = dir.filePath(QLatin1String(candidate));
            if (QFileInfo(QDir(path).filePath(QStringLiteral("forms"))).isDir()) {
                return path;
            }
        }
        if (!dir.cdUp()) {
            break;
        }
    }
    return {};
}

}  // namespace dantoc::client
