// `dantoc attachment add --store DIR FILE...`: encrypts files (signed scans, photos) into the store's
// attachments and prints, for each, the value an attachment field takes: {"sha256", "name", "size", "mime"},
// one JSON object per line (with --json: one array). Put that value in an entry (`dantoc entry import`);
// `dantoc sync` uploads the file after the entry's operation. Importing the same content again returns the
// same value. `dantoc attachment get --store DIR SHA256 --out FILE`: writes an attachment out decrypted (e.g.
// for a PDF viewer), downloading it from the enrolled server first when the store does not hold it (a
// district reviewer opening a commune's scan). Exit 0 done, 2 usage, file, store or server errors (files
// added before a failing one stay added: each import is complete on its own).
#include "base/Json.h"
#include "cli/CliStore.h"
#include "cli/Command.h"
#include "core/AttachmentStore.h"
#include "core/sync/BlobDownloader.h"
#include "core/sync/Enrollment.h"

#include <QFileInfo>
#include <QMimeDatabase>
#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc attachment add --store DIR [--json] FILE...\n"
    "       dantoc attachment get --store DIR SHA256 --out FILE\n"
    "add: encrypts each FILE into the store (at most 50 MB) and prints the attachment value to put in an "
    "entry:\n"
    "     {\"sha256\", \"name\", \"size\", \"mime\"}. The file is uploaded by `dantoc sync` with the entry.\n"
    "get: writes the attachment decrypted to FILE, downloading it from the enrolled server when needed.\n"
    "The passphrase comes from DANTOC_PASSPHRASE or --passphrase-file.\n";

int runGet(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file", "--out"}, {}, error);
    if (!options || options->positional.size() != 1 || !options->has("--out")) {
        QTextStream(stderr) << "dantoc attachment get: "
                            << (options ? QStringLiteral("give SHA256 and --out FILE") : error) << "\n"
                            << kUsage;
        return 2;
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("attachment get", error);
    }
    const std::string sha256 = options->positional.first().toLower().toStdString();
    client::AttachmentStore attachments(store->connection(), store->attachmentsPath());
    auto local = attachments.info(sha256);
    if (!local && local.status().code() == ErrorCode::NotFound) {
        auto transport = client::sync::Enrollment::transportFor(store->connection());
        if (!transport) {
            return failWith("attachment get",
                            QStringLiteral("not in the store, and no server to fetch it from: ") +
                                QString::fromStdString(transport.status().message()));
        }
        local = client::sync::BlobDownloader(**transport, attachments).fetch(sha256);
    }
    if (!local) {
        return failWith("attachment get", QString::fromStdString(local.status().message()));
    }
    if (Status status = attachments.exportTo(sha256, options->value("--out").toStdString()); !status) {
        return failWith("attachment get", QString::fromStdString(status.message()));
    }
    QTextStream(stdout) << options->value("--out") << ": " << local->size << " bytes\n";
    return 0;
}

int runAdd(const QStringList& args)
{
    QString error;
    const auto options =
        parseOptions(args, {"--store", "--passphrase-file"}, {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc attachment add: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    if (options->positional.isEmpty()) {
        QTextStream(stderr) << "dantoc attachment add: no file given\n" << kUsage;
        return 2;
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("attachment add", error);
    }
    client::AttachmentStore attachments(store->connection(), store->attachmentsPath());
    const QMimeDatabase mimeTypes;
    Json values = Json::array();
    QTextStream out(stdout);
    for (const QString& path : options->positional) {
        const QFileInfo file(path);
        if (!file.isFile()) {
            return failWith("attachment add", path + QStringLiteral(": not a readable file"));
        }
        auto blob = attachments.importFile(file.absoluteFilePath().toStdString());
        if (!blob) {
            return failWith("attachment add",
                            path + QStringLiteral(": ") + QString::fromStdString(blob.status().message()));
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

}  // namespace

int runAttachment(const QStringList& args)
{
    const QString verb = args.isEmpty() ? QString() : args.first();
    if (verb == QLatin1String("add")) {
        return runAdd(args.mid(1));
    }
    if (verb == QLatin1String("get")) {
        return runGet(args.mid(1));
    }
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    QTextStream(stderr) << kUsage;
    return 2;
}

}  // namespace dantoc::cli
