#include "gui/common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace dantoc::gui {

namespace {

QTranslator* appTranslator = nullptr;
QTranslator* qtTranslator = nullptr;
QString currentLanguage;

}  // namespace

bool Translations::install(const QString& language)
{
    const QString lang = language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("vi");
    for (QTranslator** translator : {&appTranslator, &qtTranslator}) {
        if (*translator != nullptr) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
    appTranslator = new QTranslator(QCoreApplication::instance());
    const bool loaded = appTranslator->load(QStringLiteral(":/i18n/dantoc_%1.qm").arg(lang));
    QCoreApplication::installTranslator(appTranslator);
    // Qt's own texts (standard buttons, wizard navigation) in the same language, when Debian's qt6-translations
    // are installed; optional.
    qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    QLocale::setDefault(QLocale(lang == QLatin1String("vi") ? QLocale::Vietnamese : QLocale::English,
                                lang == QLatin1String("vi") ? QLocale::Vietnam : QLocale::UnitedKingdom));
    currentLanguage = lang;
    return loaded;
}

QString Translations::current()
{
    return currentLanguage;
}

}  // namespace dantoc::gui
