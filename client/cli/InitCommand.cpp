// `dantoc init --store DIR [--resources DIR]`: creates an encrypted store for offline use before enrollment,
// seeded with the shipped catalogs, forms, demo units and periods (client/core StoreFactory). The passphrase
// comes from DANTOC_PASSPHRASE or --passphrase-file, never from the command line.
#include "cli/Command.h"
#include "cli/CliStore.h"

#include "core/StoreFactory.h"

#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc init --store DIR [--passphrase-file FILE] [--resources DIR]\n"
    "Creates an encrypted store seeded with the shipped catalogs, forms, demo units and periods.\n"
    "The passphrase is read from DANTOC_PASSPHRASE, else from the first line of --passphrase-file.\n";

}  // namespace

int runInit(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file", "--resources"}, {"--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc init: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    const QString dir = options->value("--store");
    if (dir.isEmpty()) {
        return failWith("init", QStringLiteral("--store DIR is required"));
    }
    auto passphrase = readPassphrase(*options, "DANTOC_PASSPHRASE", QStringLiteral("--passphrase-file"), error);
    if (!passphrase) {
        return failWith("init", error);
    }
    if (const QString weak = weakPassphraseReason(*passphrase); !weak.isEmpty()) {
        return failWith("init", weak);
    }
    const QString resources = options->has("--resources") ? options->value("--resources") : findResourcesDir();
    if (resources.isEmpty()) {
        return failWith("init", QStringLiteral("no resources found; give --resources DIR or set DANTOC_RESOURCES"));
    }
    // Create unseeded, then seed here to report the counts (StoreFactory::create would seed the same way).
    auto store = client::StoreFactory::create(dir.toStdString(), *passphrase, {});
    if (!store) {
        return failWith("init", QString::fromStdString(store.status().message()));
    }
    auto seeded = client::StoreFactory::seed((*store)->connection(), resources.toStdString());
    if (!seeded) {
        return failWith("init", QStringLiteral("store created in %1 but not seeded: %2")
                                    .arg(dir, QString::fromStdString(seeded.status().message())));
    }
    QTextStream(stdout) << "created store " << dir << "\n  catalogs " << seeded->catalogs << ", forms "
                        << seeded->forms << ", units " << seeded->units << ", periods " << seeded->periods << "\n";
    return 0;
}

}  // namespace dantoc::cli
