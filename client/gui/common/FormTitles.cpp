#include "gui/common/FormTitles.h"

#include "core/FormTemplateRepository.h"
#include "forms/FormTemplate.h"
#include "gui/common/Translations.h"

namespace dantoc::gui {

QHash<QString, QString> formTitles(client::Connection& connection)
{
    QHash<QString, QString> titles;
    const auto language = Translations::current() == QLatin1String("en") ? forms::Language::En : forms::Language::Vi;
    if (auto stored = client::FormTemplateRepository(connection).list()) {
        for (const auto& form : *stored) {
            if (auto parsed = forms::FormTemplate::parse(form.body)) {
                titles.insert(QString::fromStdString(form.id), QString::fromStdString(parsed->title().in(language)));
            }
        }
    }
    return titles;
}

}  // namespace dantoc::gui
