// `dantoc attach --store DIR FILE...`: encrypts files (signed scans, photos) into the store's attachments and prints,
// for each, the value an attachment field takes: {"sha256", "name", "size", "mime"}, one JSON object per line (with
// --json: one array). Put that value in an entry (`dantoc entry import`); `dantoc sync` uploads the file after the
// entry's operation. Importing the same content again returns the same value. Exit 0 done, 2 usage or file errors
// (files before the failing one stay imported: each import is complete on its own).
#include "cli/Command.h"
#include "cli/CliStore.h"

#include "core/AttachmentStore.h"

#include "base/Json.h"

#include <QFileInfo>
#include <QMimeDatabase>
#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc attach --store DIR [--json] FILE...\n"
    "Encrypts each FILE into the store (at most 50 MB) and prints the attachment value to put in an entry:\n"
    "{\"sha256\", \"name\", \"size\", \"mime\"}. The file is uploaded by `dantoc sync` with the entry.\n"
    "The passphrase comes from DANTOC_PASSPHRASE or --passphrase-file.\n";

}  // namespace

int runAttach(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file"}, {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc attach: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    if (options->positional.isEmpty()) {
        QTextStream(stderr) << "dantoc attach: no file given\n" << kUsage;
        return 2;
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("attach", error);
    }
    client::AttachmentStore attachments(store->connection(), store->attachmentsPath());
    const QMimeDatabase mimeTypes;
    Json values = Json::array();
    QTextStream out(stdout);
    for (const QString& path : options->positional) {
        const QFileInfo file(path);
        if (!file.isFile()) {
            return failWith("attach", path + QStringLiteral(": not a readable file"));
        }
        auto blob = attachments.importFile(file.absoluteFilePath().toStdString());
        if (!blob) {
            return failWith("attach", path + QStringLiteral(": ") + QString::fromStdString(blob.status().message()));
        }
        Json value{{"sha256", blob->sha256},
                   {"name", file.fileName().toStdString()},
                   {"size", blob->size},
                   {"mime", mimeTypes.mimeTypeForFile(file).name().toStdString()}};
        if (options->has("--json")) {
            values.push_back(std::move(value));
        } else {
            out << QString::fromStdString(value.dump()) << "\n";
        }
    }
    if (options->has("--json")) {
        out << QString::fromStdString(values.dump()) << "\n";
    }
    return 0;
}

}  // namespace dantoc::cli
