// `dantoc validate --form F.json --data S.json [--lang vi|en] [--catalogs DIR] [--previous P.json]
// [--today YYYY-MM-DD]`: validates a submission and prints {"valid", "issues"} as JSON. Exit 0 without errors,
// 1 with errors, 2 when an input cannot be read. The rules live in shared/validation; this file only reads
// files, finds the catalogs and prints.
#include "cli/Command.h"

#include "base/Json.h"
#include "expr/Value.h"
#include "forms/FormTemplate.h"
#include "forms/StaticChoiceLists.h"
#include "forms/Submission.h"
#include "validation/Validate.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <optional>
#include <vector>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc validate --form FORM.json --data SUBMISSION.json [--lang vi|en] [--catalogs DIR]\n"
    "                       [--previous PREVIOUS.json] [--today YYYY-MM-DD]\n"
    "Validates a submission against a form template and prints {\"valid\": bool, \"issues\": [...]}.\n"
    "  --lang       language of the messages (default vi)\n"
    "  --catalogs   folder with the catalogs for choices_from lists (default: $DANTOC_RESOURCES/catalogs,\n"
    "               else resources/catalogs or share/dantoc/catalogs found upwards from the executable)\n"
    "  --previous   the same unit's submission of the previous period, for prev()\n"
    "  --today      the date today() returns (default: the system date)\n"
    "exit status: 0 no errors, 1 errors found, 2 an input cannot be read\n";

int fail(const QString& message)
{
    QTextStream(stderr) << "dantoc validate: " << message << "\n";
    return 2;
}

std::optional<QByteArray> readAll(const QString& path, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

// The catalogs folder: $DANTOC_RESOURCES/catalogs, else the first resources/catalogs or share/dantoc/catalogs
// found in the executable's folder or one of its parents (build tree and installed layout).
QString findCatalogsDir()
{
    const QString fromEnv = qEnvironmentVariable("DANTOC_RESOURCES");
    if (!fromEnv.isEmpty()) {
        const QString dir = QDir(fromEnv).filePath(QStringLiteral("catalogs"));
        return QFileInfo(dir).isDir() ? dir : QString();
    }
    QDir dir(QCoreApplication::applicationDirPath());
    for (int depth = 0; depth < 5; ++depth) {
        for (const char* candidate : {"resources/catalogs", "share/dantoc/catalogs"}) {
            const QString path = dir.filePath(QLatin1String(candidate));
            if (QFileInfo(path).isDir()) {
                return path;
            }
        }
        if (!dir.cdUp()) {
            break;
        }
    }
    return {};
}

// Splits one CSV line (RFC 4180 quotes; no line breaks inside fields, which code lists do not use).
QStringList splitCsvLine(const QString& line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell;
    return cells;
}

// Codes of one catalog file: CSV with a header (the "code" column, else the first; rows kept only when a
// "level" column, if present, equals `level`) or JSON (an array of objects with "code", or an object holding
// such an array). False with `error` set when the file exists but cannot be read.
bool readCodes(const QString& path, const QString& level, std::vector<std::string>& codes, QString& error)
{
    const auto bytes = readAll(path, error);
    if (!bytes) {
        return false;
    }
    if (path.endsWith(QLatin1String(".json"))) {
        auto document = parseJson(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())));
        if (!document) {
            error = QStringLiteral("invalid catalog %1: %2").arg(path, QString::fromStdString(document.status().message()));
            return false;
        }
        const Json* items = document->is_array() ? &*document : nullptr;
        if (items == nullptr && document->is_object()) {
            for (const auto& [key, value] : document->items()) {
                if (value.is_array()) {
                    items = &value;
                    break;
                }
            }
        }
        if (items == nullptr) {
            error = QStringLiteral("invalid catalog %1: no list of entries").arg(path);
            return false;
        }
        for (const Json& item : *items) {
            const std::string* code = item.is_object() ? jsonString(item, "code") : nullptr;
            const std::string* itemLevel = item.is_object() ? jsonString(item, "level") : nullptr;
            if (code != nullptr && (level.isEmpty() || itemLevel == nullptr || QString::fromStdString(*itemLevel) == level)) {
                codes.push_back(*code);
            }
        }
        return true;
    }
    QStringList lines = QString::fromUtf8(*bytes).split(QLatin1Char('\n'));
    if (lines.isEmpty()) {
        return true;
    }
    const QStringList header = splitCsvLine(lines.takeFirst().trimmed());
    const qsizetype codeColumn = std::max<qsizetype>(0, header.indexOf(QStringLiteral("code")));
    const qsizetype levelColumn = header.indexOf(QStringLiteral("level"));
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            continue;
        }
        const QStringList cells = splitCsvLine(line);
        if (codeColumn >= cells.size()) {
            continue;
        }
        if (!level.isEmpty() && levelColumn >= 0 && (levelColumn >= cells.size() || cells[levelColumn] != level)) {
            continue;
        }
        codes.push_back(cells[codeColumn].trimmed().toStdString());
    }
    return true;
}

// Fills the catalog lists a template may name from DIR: ethnic_groups.{csv,json}, religions.{csv,json} and, for
// admin_units:<level>, admin_units_<level>.{csv,json} or admin_units.{csv,json} filtered by its "level" column.
// A list whose file is absent is not served (its codes are then not checked).
bool loadChoiceLists(const QString& dirPath, forms::StaticChoiceLists& lists, QString& error)
{
    const QDir dir(dirPath);
    if (!dir.exists()) {
        error = QStringLiteral("catalogs folder %1 does not exist").arg(dirPath);
        return false;
    }
    const auto load = [&](const std::string& listId, const QStringList& baseNames, const QString& level) {
        for (const QString& base : baseNames) {
            for (const char* extension : {".csv", ".json"}) {
                const QString path = dir.filePath(base + QLatin1String(extension));
                if (!QFileInfo::exists(path)) {
                    continue;
                }
                std::vector<std::string> codes;
                if (!readCodes(path, base == QLatin1String("admin_units") ? level : QString(), codes, error)) {
                    return false;
                }
                lists.add(listId, codes);
                return true;
            }
        }
        return true;
    };
    if (!load("ethnic_groups", {QStringLiteral("ethnic_groups")}, {}) ||
        !load("religions", {QStringLiteral("religions")}, {})) {
        return false;
    }
    for (const char* level : {"province", "district", "commune", "village"}) {
        const QString name = QString::fromLatin1(level);
        if (!load("admin_units:" + std::string(level),
                  {QStringLiteral("admin_units_") + name, QStringLiteral("admin_units")}, name)) {
            return false;
        }
    }
    return true;
}

}  // namespace

int runValidate(const QStringList& args)
{
    QString formPath;
    QString dataPath;
    QString previousPath;
    QString catalogsDir;
    QString todayText;
    forms::Language language = forms::Language::Vi;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            QTextStream(stdout) << kUsage;
            return 0;
        }
        const bool takesValue = arg == QLatin1String("--form") || arg == QLatin1String("--data") ||
                                arg == QLatin1String("--lang") || arg == QLatin1String("--catalogs") ||
                                arg == QLatin1String("--previous") || arg == QLatin1String("--today");
        if (!takesValue) {
            QTextStream(stderr) << "dantoc validate: unknown option '" << arg << "'\n" << kUsage;
            return 2;
        }
        if (i + 1 >= args.size()) {
            return fail(QStringLiteral("%1 needs a value").arg(arg));
        }
        const QString value = args[++i];
        if (arg == QLatin1String("--form")) {
            formPath = value;
        } else if (arg == QLatin1String("--data")) {
            dataPath = value;
        } else if (arg == QLatin1String("--previous")) {
            previousPath = value;
        } else if (arg == QLatin1String("--catalogs")) {
            catalogsDir = value;
        } else if (arg == QLatin1String("--today")) {
            todayText = value;
        } else {
            const auto lang = forms::languageFromCode(value.toStdString());
            if (!lang) {
                return fail(QStringLiteral("--lang must be vi or en, not '%1'").arg(value));
            }
            language = *lang;
        }
    }
    if (formPath.isEmpty() || dataPath.isEmpty()) {
        QTextStream(stderr) << "dantoc validate: --form and --data are required\n" << kUsage;
        return 2;
    }

    QString error;
    const auto formText = readAll(formPath, error);
    if (!formText) {
        return fail(error);
    }
    const auto form = forms::FormTemplate::parse(std::string_view(formText->constData(), static_cast<std::size_t>(formText->size())));
    if (!form) {
        return fail(QStringLiteral("invalid form %1: %2").arg(formPath, QString::fromStdString(form.status().message())));
    }
    const auto dataText = readAll(dataPath, error);
    if (!dataText) {
        return fail(error);
    }
    const auto submission =
        forms::Submission::parse(std::string_view(dataText->constData(), static_cast<std::size_t>(dataText->size())));
    if (!submission) {
        return fail(QStringLiteral("invalid data %1: %2").arg(dataPath, QString::fromStdString(submission.status().message())));
    }
    std::optional<forms::Submission> previous;
    if (!previousPath.isEmpty()) {
        const auto previousText = readAll(previousPath, error);
        if (!previousText) {
            return fail(error);
        }
        auto parsed = forms::Submission::parse(
            std::string_view(previousText->constData(), static_cast<std::size_t>(previousText->size())));
        if (!parsed) {
            return fail(QStringLiteral("invalid previous submission %1: %2")
                            .arg(previousPath, QString::fromStdString(parsed.status().message())));
        }
        previous = std::move(parsed).value();
    }

    validation::ValidationOptions options;
    options.language = language;
    QDate today = QDate::currentDate();
    if (!todayText.isEmpty()) {
        today = QDate::fromString(todayText, Qt::ISODate);
        if (!today.isValid()) {
            return fail(QStringLiteral("--today must be a date YYYY-MM-DD, not '%1'").arg(todayText));
        }
    }
    options.today = expr::dateFromCivil(today.year(), static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
    options.previous = previous ? &*previous : nullptr;

    forms::StaticChoiceLists catalogs;
    const bool explicitCatalogs = !catalogsDir.isEmpty();
    if (!explicitCatalogs) {
        catalogsDir = findCatalogsDir();
    }
    if (!catalogsDir.isEmpty()) {
        if (!loadChoiceLists(catalogsDir, catalogs, error)) {
            return fail(error);
        }
        options.catalogs = &catalogs;
    } else {
        QTextStream(stderr) << "dantoc validate: no catalogs found; codes of catalog choice lists are not checked\n";
    }

    const auto issues = validation::validate(*form, *submission, options);
    // Same content as validation::validationReport(), with keys in reading order for people.
    nlohmann::ordered_json report;
    report["valid"] = !validation::hasErrors(issues);
    report["issues"] = nlohmann::ordered_json::array();
    for (const validation::Issue& issue : issues) {
        nlohmann::ordered_json item;
        item["field"] = issue.field;
        item["row"] = issue.row ? nlohmann::ordered_json(*issue.row) : nlohmann::ordered_json(nullptr);
        if (!issue.rowId.empty()) {
            item["row_id"] = issue.rowId;
        }
        item["code"] = issue.code;
        item["severity"] = std::string(forms::severityName(issue.severity));
        item["message"] = issue.message;
        if (!issue.check.empty()) {
            item["check"] = issue.check;
        }
        report["issues"].push_back(std::move(item));
    }
    QTextStream out(stdout);
    out << QString::fromStdString(report.dump(2)) << "\n";
    return validation::hasErrors(issues) ? 1 : 0;
}

}  // namespace dantoc::cli
