// `dantoc passwd --store DIR`: changes the store passphrase (re-keys the database under a fresh salt; crash-safe,
// see Store::changePassphrase). Old passphrase: DANTOC_PASSPHRASE or --passphrase-file; new one:
// DANTOC_NEW_PASSPHRASE or --new-passphrase-file. Never on the command line.
#include "cli/Command.h"
#include "cli/CliStore.h"

#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc passwd --store DIR [--passphrase-file FILE] [--new-passphrase-file FILE]\n"
    "Changes the store passphrase. The current one comes from DANTOC_PASSPHRASE or --passphrase-file, the new\n"
    "one from DANTOC_NEW_PASSPHRASE or --new-passphrase-file (first line of the file).\n";

}  // namespace

int runPasswd(const QStringList& args)
{
    QString error;
    const auto options =
        parseOptions(args, {"--store", "--passphrase-file", "--new-passphrase-file"}, {"--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc passwd: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    auto oldPassphrase = readPassphrase(*options, "DANTOC_PASSPHRASE", QStringLiteral("--passphrase-file"), error);
    if (!oldPassphrase) {
        return failWith("passwd", error);
    }
    auto newPassphrase =
        readPassphrase(*options, "DANTOC_NEW_PASSPHRASE", QStringLiteral("--new-passphrase-file"), error);
    if (!newPassphrase) {
        return failWith("passwd", error);
    }
    if (const QString weak = weakPassphraseReason(*newPassphrase); !weak.isEmpty()) {
        return failWith("passwd", weak);
    }
    if (*newPassphrase == *oldPassphrase) {
        return failWith("passwd", QStringLiteral("the new passphrase is the same as the current one"));
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("passwd", error);
    }
    if (Status status = store->changePassphrase(*oldPassphrase, *newPassphrase); !status) {
        return failWith("passwd", QString::fromStdString(status.message()));
    }
    QTextStream(stdout) << "passphrase changed\n";
    return 0;
}

}  // namespace dantoc::cli
