#include "gui/DeskApplication.h"

#include "core/ResourcesDir.h"
#include "gui/DeskSession.h"
#include "gui/common/DeskSettings.h"
#include "gui/common/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

namespace dantoc::gui {

int runDesk(int argc, char* argv[], const char* version)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("dantoc-desk"));
    QApplication::setOrganizationName(QStringLiteral("dantoc"));
    QApplication::setApplicationVersion(QString::fromUtf8(version));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dantoc.svg")));
    Translations::install(DeskSettings::language());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("DeskApplication",
        "Ethnic-affairs data: survey entry, review and reports, offline first."));
    parser.addVersionOption();
    parser.addHelpOption();
    const QCommandLineOption storeOption(QStringLiteral("store"),
        QCoreApplication::translate("DeskApplication", "The local store directory."), QStringLiteral("DIR"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QCoreApplication::translate("DeskApplication", "Interface language: vi or en."), QStringLiteral("LANG"));
    // For smoke tests: show the first screen, then quit once the event loop has run.
    const QCommandLineOption quitOption(QStringLiteral("quit-after-start"),
        QCoreApplication::translate("DeskApplication", "Quit once the first screen is shown (smoke tests)."));
    parser.addOption(storeOption);
    parser.addOption(langOption);
    parser.addOption(quitOption);
    parser.process(app);
    if (parser.isSet(langOption)) {
        Translations::install(parser.value(langOption));
    }
    if (parser.isSet(storeOption)) {
        DeskSettings::setStoreDirectoryOverride(parser.value(storeOption));
    }

    DeskOptions options;
    options.storeDirectory = DeskSettings::storeDirectory();
    options.resourcesDirectory = client::findResourcesDir();
    options.autoLockMillis = DeskSettings::autoLockMinutes() * 60 * 1000;
    DeskSession session(options);
    session.start();
    if (parser.isSet(quitOption)) {
        QTimer::singleShot(200, &app, &QCoreApplication::quit);
    }
    return app.exec();
}

}  // namespace dantoc::gui
