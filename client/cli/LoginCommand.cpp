// `dantoc login --store DIR`: renews the session with the enrolled server: by the stored refresh token, or with the
// password when DANTOC_PASSWORD / --password-file is given (and a forced change: DANTOC_NEW_PASSWORD /
// --new-password-file). Re-registers the device (idempotent). Tokens are stored in the encrypted store only.
#include "cli/Command.h"
#include "cli/CliStore.h"

#include "core/sync/Enrollment.h"

#include <QTextStream>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc login --store DIR [--password-file FILE] [--new-password-file FILE]\n"
    "Without a password (DANTOC_PASSWORD or --password-file) the stored session is refreshed.\n";

}  // namespace

int runLogin(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args, {"--store", "--passphrase-file", "--password-file", "--new-password-file"},
                                      {"--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc login: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    std::optional<std::string> password;
    if (!qEnvironmentVariableIsEmpty("DANTOC_PASSWORD") || options->has("--password-file")) {
        password = readPassphrase(*options, "DANTOC_PASSWORD", QStringLiteral("--password-file"), error);
        if (!password) {
            return failWith("login", error);
        }
    }
    std::optional<std::string> newPassword;
    if (!qEnvironmentVariableIsEmpty("DANTOC_NEW_PASSWORD") || options->has("--new-password-file")) {
        newPassword = readPassphrase(*options, "DANTOC_NEW_PASSWORD", QStringLiteral("--new-password-file"), error);
        if (!newPassword) {
            return failWith("login", error);
        }
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("login", error);
    }
    auto transport = client::sync::Enrollment::transportFor(store->connection());
    if (!transport) {
        return failWith("login", QString::fromStdString(transport.status().message()));
    }
    if (Status status = client::sync::Enrollment::login(store->connection(), **transport, password, newPassword);
        !status) {
        return failWith("login", QString::fromStdString(status.message()));
    }
    QTextStream(stdout) << "Đã đăng nhập / logged in\n";
    return 0;
}

}  // namespace dantoc::cli
