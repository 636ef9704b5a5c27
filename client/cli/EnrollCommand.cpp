// `dantoc enroll --store DIR --server https://host:port --account USER [--fingerprint FP] [--device-name NAME]`:
// binds the store to the provincial server. Prints the server certificate's SHA-256 fingerprint for the user to
// compare with the one the administrator gave (asked on the terminal unless --fingerprint is given; a different
// --fingerprint is refused). Password from DANTOC_PASSWORD or --password-file; when the server demands a change of
// the default password, the new one from DANTOC_NEW_PASSWORD or --new-password-file. Tokens go into the store only.
#include "cli/Command.h"
#include "cli/CliStore.h"

#include "core/sync/Enrollment.h"
#include "core/sync/HttpTransport.h"

#include "base/Json.h"

#include <QHostInfo>
#include <QTextStream>

#include <cstdio>

namespace dantoc::cli {

namespace {

constexpr const char* kUsage =
    "usage: dantoc enroll --store DIR --server https://HOST:PORT --account USER [--fingerprint SHA256]\n"
    "                     [--password-file FILE] [--new-password-file FILE] [--device-name NAME] [--json]\n"
    "Pins the server's certificate (compare the printed fingerprint with the one from your administrator),\n"
    "logs in (password from DANTOC_PASSWORD or --password-file; a default password must be changed: new one from\n"
    "DANTOC_NEW_PASSWORD or --new-password-file) and registers this store's device. Store passphrase:\n"
    "DANTOC_PASSPHRASE or --passphrase-file.\n";

std::optional<std::string> optionalSecret(const ParsedOptions& options, const char* env, const QString& fileOption,
                                          QString& error)
{
    if (qEnvironmentVariableIsEmpty(env) && !options.has(fileOption)) {
        return std::nullopt;
    }
    return readPassphrase(options, env, fileOption, error);
}

}  // namespace

int runEnroll(const QStringList& args)
{
    QString error;
    const auto options = parseOptions(args,
                                      {"--store", "--passphrase-file", "--server", "--account", "--fingerprint",
                                       "--password-file", "--new-password-file", "--device-name"},
                                      {"--json", "--help", "-h"}, error);
    if (!options) {
        QTextStream(stderr) << "dantoc enroll: " << error << "\n" << kUsage;
        return 2;
    }
    if (options->has("--help") || options->has("-h")) {
        QTextStream(stdout) << kUsage;
        return 0;
    }
    if (!options->has("--server") || !options->has("--account")) {
        QTextStream(stderr) << "dantoc enroll: --server and --account are required\n" << kUsage;
        return 2;
    }
    const QUrl server(options->value("--server"));
    auto fetched = client::sync::HttpTransport::fetchFingerprint(server);
    if (!fetched) {
        return failWith("enroll", QString::fromStdString(fetched.status().message()));
    }
    const bool json = options->has("--json");
    QTextStream out(stdout);
    if (!json) {
        out << "Vân tay chứng chỉ máy chủ / server certificate fingerprint (SHA-256):\n  "
            << QString::fromStdString(*fetched) << "\n";
        out.flush();
    }
    std::string pin = client::sync::HttpTransport::normalizeFingerprint(*fetched);
    if (options->has("--fingerprint")) {
        if (client::sync::HttpTransport::normalizeFingerprint(options->value("--fingerprint").toStdString()) != pin) {
            return failWith("enroll", QStringLiteral("the server's certificate fingerprint differs from --fingerprint; "
                                                     "nothing was sent (check the address, or ask the administrator)"));
        }
    } else {
        out << "Có trùng với vân tay quản trị viên cung cấp? / Does it match the one from your administrator? [y/N] ";
        out.flush();
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes") && answer != QLatin1String("c") &&
            answer != QLatin1String("có")) {
            return failWith("enroll", QStringLiteral("fingerprint not confirmed; nothing was sent"));
        }
    }
    auto password = readPassphrase(*options, "DANTOC_PASSWORD", QStringLiteral("--password-file"), error);
    if (!password) {
        return failWith("enroll", error);
    }
    auto newPassword = optionalSecret(*options, "DANTOC_NEW_PASSWORD", QStringLiteral("--new-password-file"), error);
    if (!error.isEmpty()) {
        return failWith("enroll", error);
    }
    auto store = openStore(*options, error);
    if (!store) {
        return failWith("enroll", error);
    }
    client::sync::EnrollRequest request;
    request.server = server;
    request.fingerprint = pin;
    request.account = options->value("--account").toStdString();
    request.password = *password;
    request.newPassword = newPassword;
    request.deviceName = options->has("--device-name") ? options->value("--device-name").toStdString()
                                                        : "dantoc " + QHostInfo::localHostName().toStdString();
    auto enrolled = client::sync::Enrollment::enroll(store->connection(), request);
    if (!enrolled) {
        return failWith("enroll", QString::fromStdString(enrolled.status().message()));
    }
    if (json) {
        const Json report{{"fingerprint", enrolled->fingerprint},
                          {"account", request.account},
                          {"password_changed", enrolled->passwordChanged},
                          {"device_id", enrolled->device.deviceId},
                          {"device_new", enrolled->device.created},
                          {"server_epoch", enrolled->device.serverEpoch},
                          {"reference", {{"forms", enrolled->reference.forms},
                                         {"catalogs", enrolled->reference.catalogs},
                                         {"units", enrolled->reference.units},
                                         {"periods", enrolled->reference.periods}}}};
        out << QString::fromStdString(report.dump()) << "\n";
    } else {
        if (enrolled->passwordChanged) {
            out << "Đã đổi mật khẩu mặc định / default password changed\n";
        }
        out << "Đã đăng ký / enrolled: " << QString::fromStdString(request.account) << " @ " << server.toString()
            << ", thiết bị / device " << QString::fromStdString(enrolled->device.deviceId) << "\n"
            << "Dữ liệu danh mục / reference data: " << enrolled->reference.forms << " form version(s), "
            << enrolled->reference.catalogs << " catalog(s), " << enrolled->reference.units << " unit(s), "
            << enrolled->reference.periods << " period(s) changed\n";
    }
    return 0;
}

}  // namespace dantoc::cli
