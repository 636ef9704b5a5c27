// GuiApp: the one QApplication of the GUI test process (offscreen unless QT_QPA_PLATFORM says otherwise), with the
// Vietnamese translation loaded as dantoc-desk loads it. Call ensureGuiApp() first in each test. GUI thread only.
#pragma once

#include "gui/common/Translations.h"

#include <QApplication>

namespace dantoc::test {

inline QApplication& ensureGuiApp()
{
    if (QApplication::instance() == nullptr) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        static int argc = 1;
        static char name[] = "test_gui";
        static char* argv[] = {name, nullptr};
        // Never destroyed: a static QApplication dies after Qt's own global statics and crashes the exit.
        new QApplication(argc, argv);
        gui::Translations::install(QStringLiteral("vi"));
    }
    return *qApp;
}

}  // namespace dantoc::test
