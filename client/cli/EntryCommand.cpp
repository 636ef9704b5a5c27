// `dantoc entry import|list`: imports submissions into the store (client/core EntryImporter, all or nothing per
// file) and lists records. Exit 0 done, 1 the file has errors (nothing imported), 2 usage, input or store errors.
#include "cli/Command.h"
#include "cli/CliStore.h"

#include "core/EntryExporter.h"
#include "core/EntryImporter.h"
#include "core/EntryService.h"

#include "base/Json.h"

#include <QFile>
#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc entry import --store DIR (--json FILE | --csv FILE --form ID) [--save | --submit] [--json]\n"
    "       dantoc entry list --store DIR [--unit U] [--period P] [--state S] [--form F] [--json]\n"
    "       dantoc entry edit|submit --store DIR --record ID ... (`dantoc entry edit --help`)\n"
    "import: JSON = one submission or an array (the shape of resources/demo/*.sample.json); CSV = a header of\n"
    "        unit, period (optional id) and field names, one row per submission. Every entry is validated; any\n"
    "        error imports nothing. Default: drafts; --save also queues them for sync; --submit submits them.\n"
    "        A bare --json (also --json-output) prints the report as JSON.\n"
    "The passphrase comes from DANTOC_PASSPHRASE or --passphrase-file.\n";

nlohmann::ordered_json problemJson(const client::ImportProblem& problem)
{
    nlohmann::ordered_json item;
    item["entry"] = problem.entry;
    if (problem.line > 0) {
        item["line"] = problem.line;
    }
    item["field"] = problem.field;
    item["code"] = problem.code;
    item["message"] = problem.message;
    return item;
}

QString problemText(const client::ImportProblem& problem)
{
    QString where = problem.line > 0 ? QStringLiteral("line %1").arg(problem.line)
                                     : QStringLiteral("entry %1").arg(problem.entry);
    if (problem.entry == 0 && problem.line == 0) {
        where = QStringLiteral("file");
    }
    return QStringLiteral("%1: %2%3 (%4)")
        .arg(where, problem.field.empty() ? QString() : QString::fromStdString(problem.field) + QStringLiteral(": "),
             QString::fromStdString(problem.message), QString::fromStdString(problem.code));
}

int runImport(const QStringList& rawArgs)
{
    // `--json FILE` is the input; a bare `--json` (last, or before another option) asks for the JSON report.
    QStringList args = rawArgs;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--json") && (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1String("--")))) {
            args[i] = QStringLiteral("--json-output");
        } else if (args[i] == QLatin1String("--json") || args[i] == QLatin1String("--csv") ||
                   args[i] == QLatin1String("--store") || args[i] == QLatin1String("--form") ||
                   args[i] == QLatin1String("--passphrase-file")) {
            ++i;  // skip the value
        }
    }
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file", "--json", "--csv", "--form"},
                                      {"--save", "--submit", "--json-output", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc entry import: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    const bool isJson = options->has("--json");
    if (isJson == options->has("--csv") || (!isJson && !options->has("--form")) ||
        (options->has("--save") && options->has("--submit"))) {
        QTextStream(stderr) << "dantoc entry import: give --json FILE or --csv FILE --form ID (and at most one of "
                               "--save, --submit)\n"
                            << kUsage;
        return 2;
    }
    const QString path = options->value(isJson ? "--json" : "--csv");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failWith("entry import", QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.readAll();
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("entry import", error);
    }
    const client::ImportAction action = options->has("--submit") ? client::ImportAction::Submit
                                        : options->has("--save") ? client::ImportAction::Save
                                                                 : client::ImportAction::Draft;
    client::EntryService service(store->connection());
    client::EntryImporter importer(store->connection(), service);
    const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    auto report = isJson ? importer.importJson(text, action)
                         : importer.importCsv(text, options->value("--form").toStdString(), action);
    if (!report) {
        return failWith("entry import", QString::fromStdString(report.status().message()));
    }
    if (options->has("--json-output")) {
        nlohmann::ordered_json out;
        out["imported"] = report->imported();
        out["entries"] = report->entries;
        out["records"] = report->recordIds;
        out["errors"] = nlohmann::ordered_json::array();
        for (const auto& problem : report->errors) {
            out["errors"].push_back(problemJson(problem));
        }
        out["warnings"] = nlohmann::ordered_json::array();
        for (const auto& problem : report->warnings) {
            out["warnings"].push_back(problemJson(problem));
        }
        QTextStream(stdout) << QString::fromStdString(out.dump(2)) << "\n";
    } else {
        QTextStream out(stdout);
        for (const auto& problem : report->errors) {
            out << "error: " << problemText(problem) << "\n";
        }
        for (const auto& problem : report->warnings) {
            out << "warning: " << problemText(problem) << "\n";
        }
        if (report->imported()) {
            out << "imported " << report->recordIds.size() << " submission(s)\n";
        } else {
            out << "nothing imported: " << report->errors.size() << " error(s)\n";
        }
    }
    return report->imported() ? 0 : 1;
}

int runList(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file", "--unit", "--period", "--state", "--form"},
                                      {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc entry list: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("entry list", error);
    }
    client::EntryFilter filter;
    const auto optional = [&](const char* name) -> std::optional<std::string> {
        return options->has(name) ? std::optional(options->value(name).toStdString()) : std::nullopt;
    };
    filter.unit = optional("--unit");
    filter.period = optional("--period");
    filter.state = optional("--state");
    filter.formId = optional("--form");
    auto records = client::EntryExporter(store->connection()).select(filter);
    if (!records) {
        return failWith("entry list", QString::fromStdString(records.status().message()));
    }
    QTextStream out(stdout);
    if (options->has("--json")) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& record : *records) {
            nlohmann::ordered_json item;
            item["id"] = record.id;
            item["form"] = {{"id", record.formId}, {"version", record.formVersion}};
            item["unit"] = record.unit;
            item["period"] = record.period;
            item["state"] = record.state;
            item["server_ver"] = record.serverVersion;
            item["updated_at"] = record.updatedAt;
            list.push_back(std::move(item));
        }
        out << QString::fromStdString(list.dump(2)) << "\n";
        return 0;
    }
    for (const auto& record : *records) {
        out << QString::fromStdString(record.id) << "  " << QString::fromStdString(record.formId) << " v"
            << record.formVersion << "  " << QString::fromStdString(record.unit) << "  "
            << QString::fromStdString(record.period) << "  " << QString::fromStdString(record.state) << "\n";
    }
    out << records->size() << " record(s)\n";
    return 0;
}

}  // namespace

int runEntry(const QStringList& args)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        QTextStream(args.isEmpty() ? stderr : stdout) << kUsage;
        return args.isEmpty() ? 2 : 0;
    }
    QStringList rest = args;
    const QString sub = rest.takeFirst();
    if (sub == QLatin1String("import")) {
        return runImport(rest);
    }
    if (sub == QLatin1String("list")) {
        return runList(rest);
    }
    if (sub == QLatin1String("edit")) {
        return runEntryEdit(rest);
    }
    if (sub == QLatin1String("submit")) {
        return runEntrySubmit(rest);
    }
    QTextStream(stderr) << "dantoc entry: unknown subcommand '" << sub << "'\n" << kUsage;
    return 2;
}

}  // namespace dantoc::cli
