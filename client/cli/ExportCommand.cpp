// `dantoc export --store DIR --out FILE (--csv|--json) [--unit U] [--period P] [--state S] [--form F]`: writes
// the matching records (client/core EntryExporter): CSV with a UTF-8 BOM and Vietnamese column labels, or JSON.
#include "cli/Command.h"
#include "cli/CliStore.h"

#include "core/EntryExporter.h"

#include <QSaveFile>
#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc export --store DIR --out FILE (--csv | --json) [--unit U] [--period P] [--state S] [--form F]\n"
    "Exports records. CSV (UTF-8 with BOM, Vietnamese labels) needs records of one form: use --form when mixed.\n"
    "The passphrase comes from DANTOC_PASSPHRASE or --passphrase-file.\n";

}  // namespace

int runExport(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(
        args, {"--store", "--passphrase-file", "--out", "--unit", "--period", "--state", "--form"},
        {"--csv", "--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc export: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    const bool csv = options->has("--csv");
    if (csv == options->has("--json") || options->value("--out").isEmpty()) {
        QTextStream(stderr) << "dantoc export: --out FILE and exactly one of --csv, --json are required\n" << kUsage;
        return 2;
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("export", error);
    }
    client::EntryFilter filter;
    const auto optional = [&](const char* name) -> std::optional<std::string> {
        return options->has(name) ? std::optional(options->value(name).toStdString()) : std::nullopt;
    };
    filter.unit = optional("--unit");
    filter.period = optional("--period");
    filter.state = optional("--state");
    filter.formId = optional("--form");
    client::EntryExporter exporter(store->connection());
    auto text = csv ? exporter.toCsv(filter) : exporter.toJson(filter);
    if (!text) {
        return failWith("export", QString::fromStdString(text.status().message()));
    }
    // QSaveFile: the output appears whole or not at all.
    QSaveFile out(options->value("--out"));
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(text->data(), static_cast<qint64>(text->size())) != static_cast<qint64>(text->size()) ||
        !out.commit()) {
        return failWith("export", QStringLiteral("cannot write %1: %2").arg(options->value("--out"), out.errorString()));
    }
    auto records = exporter.select(filter);
    QTextStream(stdout) << "exported " << (records ? records->size() : 0) << " record(s) to " << options->value("--out")
                        << "\n";
    return 0;
}

}  // namespace dantoc::cli
