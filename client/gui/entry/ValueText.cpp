#include "gui/entry/ValueText.h"

#include "validation/Messages.h"

#include <QDate>
#include <QRegularExpression>

#include <cmath>

namespace dantoc::gui {

namespace {

QString stripSpaces(QString text)
{
    text.remove(QChar(u' ')).remove(QChar(0x00A0)).remove(QChar(0x202F)).remove(QChar(0x2009));
    return text;
}

bool isGroupedBy(const QString& digits, QChar separator)
{
    // "1.234.567": every group after the first has three digits.
    const QStringList parts = digits.split(separator);
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (parts[i].size() != 3) {
            return false;
        }
    }
    return !parts.first().isEmpty() && parts.first().size() <= 3;
}

Json numberJson(double value)
{
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
        return Json(static_cast<std::int64_t>(value));
    }
    return Json(value);
}

Json parseBoolean(const QString& text)
{
    const QString key = ChoiceLists::fold(text);
    for (const QString& yes : {ChoiceLists::fold(ValueText::yes()), QStringLiteral("co"), QStringLiteral("yes"),
                               QStringLiteral("true"), QStringLiteral("x"), QStringLiteral("1")}) {
        if (key == yes) {
            return true;
        }
    }
    for (const QString& no : {ChoiceLists::fold(ValueText::no()), QStringLiteral("khong"), QStringLiteral("no"),
                              QStringLiteral("false"), QStringLiteral("0")}) {
        if (key == no) {
            return false;
        }
    }
    return ValueText::normalized(text).toStdString();
}

}  // namespace

QString ValueText::normalized(const QString& text) { return text.normalized(QString::NormalizationForm_C).trimmed(); }

std::optional<double> ValueText::parseNumber(const QString& input)
{
    QString text = stripSpaces(input.trimmed());
    if (text.isEmpty()) {
        return std::nullopt;
    }
    const qsizetype lastDot = text.lastIndexOf(u'.');
    const qsizetype lastComma = text.lastIndexOf(u',');
    if (lastDot >= 0 && lastComma >= 0) {
        // Both: the later one is the decimal separator, the other groups thousands.
        const QChar group = lastDot > lastComma ? QChar(u',') : QChar(u'.');
        const qsizetype decimal = std::max(lastDot, lastComma);
        QString whole = text.left(decimal);
        const QString sign = whole.startsWith(u'-') || whole.startsWith(u'+') ? whole.left(1) : QString();
        whole = whole.mid(sign.size());
        if (!isGroupedBy(whole, group)) {
            return std::nullopt;
        }
        text = sign + whole.remove(group) + u'.' + text.mid(decimal + 1);
    } else if (text.count(u',') + text.count(u'.') > 1) {
        const QChar group = lastDot >= 0 ? QChar(u'.') : QChar(u',');
        QString body = text;
        const QString sign = body.startsWith(u'-') || body.startsWith(u'+') ? body.left(1) : QString();
        body = body.mid(sign.size());
        if (!isGroupedBy(body, group)) {
            return std::nullopt;
        }
        text = sign + body.remove(group);
    } else {
        text.replace(u',', u'.');
    }
    static const QRegularExpression kNumber(QStringLiteral("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$"));
    if (!kNumber.match(text).hasMatch()) {
        return std::nullopt;
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

bool ValueText::isNumberPrefix(const QString& input)
{
    const QString text = stripSpaces(input.trimmed());
    static const QRegularExpression kPrefix(QStringLiteral("^[+-]?[0-9.,]*([eE][+-]?[0-9]*)?$"));
    return kPrefix.match(text).hasMatch();
}

std::optional<QString> ValueText::parseDate(const QString& input)
{
    const QString text = stripSpaces(input.trimmed());
    static const QRegularExpression kIso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    static const QRegularExpression kDmy(QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$"));
    QDate date;
    if (auto iso = kIso.match(text); iso.hasMatch()) {
        date = QDate(iso.captured(1).toInt(), iso.captured(2).toInt(), iso.captured(3).toInt());
    } else if (auto dmy = kDmy.match(text); dmy.hasMatch()) {
        date = QDate(dmy.captured(3).toInt(), dmy.captured(2).toInt(), dmy.captured(1).toInt());
    }
    if (!date.isValid()) {
        return std::nullopt;
    }
    return date.toString(QStringLiteral("yyyy-MM-dd"));
}

Json ValueText::parse(const forms::FieldDef& field, const QString& input, const ChoiceList* choices)
{
    const QString text = normalized(input);
    if (text.isEmpty()) {
        return nullptr;
    }
    switch (field.valueType) {
    case forms::FieldType::Integer:
    case forms::FieldType::Decimal:
        if (auto number = parseNumber(text)) {
            return numberJson(*number);
        }
        break;
    case forms::FieldType::Date:
        if (auto date = parseDate(text)) {
            return date->toStdString();
        }
        break;
    case forms::FieldType::Boolean: return parseBoolean(text);
    case forms::FieldType::Choice:
        if (choices != nullptr) {
            if (const ChoiceItem* item = ChoiceLists::findExact(*choices, text)) {
                return item->code;
            }
        }
        break;
    default: break;
    }
    return text.toStdString();
}

QString ValueText::number(double value, forms::Language language)
{
    QString text = QString::fromStdString(validation::formatNumber(value));
    if (language == forms::Language::Vi) {
        text.replace(u'.', u',');
    }
    return text;
}

QString ValueText::yes() { return tr("Yes"); }
QString ValueText::no() { return tr("No"); }

QString ValueText::fileSize(std::int64_t bytes)
{
    if (bytes < 1024) {
        return tr("%1 bytes").arg(bytes);
    }
    if (bytes < 1024 * 1024) {
        return tr("%1 KB").arg(QString::number(static_cast<double>(bytes) / 1024.0, 'f', 1));
    }
    return tr("%1 MB").arg(QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1));
}

QString ValueText::display(const forms::FieldDef& field, const Json& value, const ChoiceList* choices,
                           forms::Language language)
{
    if (value.is_null()) {
        return {};
    }
    if (value.is_string()) {
        const QString text = QString::fromStdString(value.get<std::string>());
        if (field.valueType == forms::FieldType::Date) {
            const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
            return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : text;
        }
        if (choices != nullptr) {
            if (const ChoiceItem* item = ChoiceLists::findCode(*choices, value.get<std::string>())) {
                return item->label;
            }
        }
        return text;
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? yes() : no();
    }
    if (value.is_number()) {
        return number(value.get<double>(), language);
    }
    if (value.is_array()) {
        QStringList parts;
        for (const Json& item : value) {
            parts << display(field, item, choices, language);
        }
        return parts.join(QStringLiteral("; "));
    }
    if (value.is_object()) {
        if (const std::string* name = jsonString(value, "name")) {
            const Json* size = jsonMember(value, "size");
            return size != nullptr && size->is_number_integer()
                       ? tr("%1 (%2)").arg(QString::fromStdString(*name), fileSize(size->get<std::int64_t>()))
                       : QString::fromStdString(*name);
        }
        const Json* lat = jsonMember(value, "lat");
        const Json* lon = jsonMember(value, "lon");
        if (lat != nullptr && lon != nullptr && lat->is_number() && lon->is_number()) {
            return number(lat->get<double>(), language) + QStringLiteral("; ") + number(lon->get<double>(), language);
        }
    }
    return QString::fromStdString(value.dump());
}

QString ValueText::displayValue(const expr::Value& value, forms::FieldType type, forms::Language language)
{
    switch (value.kind()) {
    case expr::Value::Kind::Null: return {};
    case expr::Value::Kind::Bool: return value.asBool() ? yes() : no();
    case expr::Value::Kind::Number: {
        const double rounded = type == forms::FieldType::Integer ? std::round(value.asNumber())
                                                                 : std::round(value.asNumber() * 100.0) / 100.0;
        return number(rounded, language);
    }
    case expr::Value::Kind::Text: return QString::fromStdString(value.asText());
    case expr::Value::Kind::Date: {
        int year = 0;
        unsigned month = 0;
        unsigned day = 0;
        expr::civilFromDate(value.asDate(), year, month, day);
        return QDate(year, static_cast<int>(month), static_cast<int>(day)).toString(QStringLiteral("dd/MM/yyyy"));
    }
    case expr::Value::Kind::List: return tr("%n item(s)", nullptr, static_cast<int>(value.asList().size()));
    }
    return {};
}

}  // namespace dantoc::gui
