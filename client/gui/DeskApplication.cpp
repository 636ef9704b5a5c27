#include "gui/DeskApplication.h"

#include "gui/common/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

namespace dantoc::gui {

int runDesk(int argc, char* argv[], const char* version)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("dantoc-desk"));
    QApplication::setOrganizationName(QStringLiteral("dantoc"));
    QApplication::setApplicationVersion(QString::fromUtf8(version));
    QCommandLineParser parser;
    parser.addVersionOption();
    parser.addHelpOption();
    parser.process(app);
    Translations::install(QStringLiteral("vi"));
    return 0;
}

}  // namespace dantoc::gui
