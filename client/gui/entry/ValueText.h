// ValueText: the text a person types or sees for a field value and back — numbers with either decimal separator
// (1.5 and 1,5), dates as dd/MM/yyyy, choices by label, other name or code, booleans as Có/Không. Text that does not
// read as the type is kept as typed (a JSON string), so validation reports it and nothing typed is lost.
// Pure functions; GUI thread (tr()).
#pragma once

#include "gui/entry/ChoiceLists.h"

#include "base/Json.h"
#include "expr/Value.h"
#include "forms/FormModel.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace dantoc::gui {

class ValueText
{
    Q_DECLARE_TR_FUNCTIONS(ValueText)

public:
    // What is stored on commit: NFC, trimmed (never applied while typing).
    static QString normalized(const QString& text);
    // A number in either notation: "1.5", "1,5", "-3", "1 234", "1.234,5"; nullopt when not one.
    static std::optional<double> parseNumber(const QString& text);
    // Whether `text` could still become a number by typing more ("", "-", "1,").
    static bool isNumberPrefix(const QString& text);
    // dd/MM/yyyy (also d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy and yyyy-MM-dd) -> "yyyy-MM-dd"; nullopt when not a day.
    static std::optional<QString> parseDate(const QString& text);

    // The value a committed text gives the field (null for empty). `choices` for choice fields.
    static Json parse(const forms::FieldDef& field, const QString& text, const ChoiceList* choices);
    // The text shown for a stored value.
    static QString display(const forms::FieldDef& field, const Json& value, const ChoiceList* choices,
                           forms::Language language);
    // A value as expressions see it (computed fields).
    static QString displayValue(const expr::Value& value, forms::FieldType type, forms::Language language);
    static QString number(double value, forms::Language language);
    static QString yes();
    static QString no();
    static QString fileSize(std::int64_t bytes);
};

}  // namespace dantoc::gui
