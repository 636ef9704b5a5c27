#include "cli/CliStore.h"

#include "core/PassphrasePolicy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace dantoc::cli {

std::optional<ParsedOptions> parseOptions(const QStringList& args, const QStringList& valueOptions,
                                          const QStringList& flagOptions, QString& error)
{
    ParsedOptions out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        const QString name = arg.section(QLatin1Char('='), 0, 0);
        if (name == QLatin1String("--passphrase") || name == QLatin1String("--new-passphrase") ||
            name == QLatin1String("--password")) {
            error = QStringLiteral("%1 is not accepted on the command line (it would be visible to other users); "
                                   "use DANTOC_PASSPHRASE / DANTOC_NEW_PASSPHRASE or --passphrase-file / "
                                   "--new-passphrase-file")
                        .arg(name);
            return std::nullopt;
        }
        if (flagOptions.contains(arg)) {
            out.flags << arg;
        } else if (valueOptions.contains(arg)) {
            if (i + 1 >= args.size()) {
                error = QStringLiteral("%1 needs a value").arg(arg);
                return std::nullopt;
            }
            out.values.insert(arg, args[++i]);
        } else if (!arg.startsWith(QLatin1String("--"))) {
            out.positional << arg;
        } else {
            error = QStringLiteral("unknown option '%1'").arg(arg);
            return std::nullopt;
        }
    }
    return out;
}

std::optional<std::string> readPassphrase(const ParsedOptions& options, const char* envName,
                                          const QString& fileOption, QString& error)
{
    const QByteArray fromEnv = qgetenv(envName);
    if (!fromEnv.isEmpty()) {
        return fromEnv.toStdString();
    }
    const QString path = options.value(fileOption);
    if (path.isEmpty()) {
        error = QStringLiteral("no passphrase: set %1 or give %2 FILE").arg(QLatin1String(envName), fileOption);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
        QTextStream(stderr) << "dantoc: warning: " << path << " can be read by other users (chmod 600 it)\n";
    }
    QByteArray line = file.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r')) {
        line.chop(1);
    }
    if (line.isEmpty()) {
        error = QStringLiteral("%1 holds no passphrase").arg(path);
        return std::nullopt;
    }
    return line.toStdString();
}

std::unique_ptr<client::Store> openStore(const ParsedOptions& options, QString& error)
{
    const QString dir = options.value(QStringLiteral("--store"));
    if (dir.isEmpty()) {
        error = QStringLiteral("--store DIR is required");
        return nullptr;
    }
    if (!client::Store::exists(dir.toStdString())) {
        error = QStringLiteral("no store in %1 (create one with `dantoc init --store %1`)").arg(dir);
        return nullptr;
    }
    auto passphrase = readPassphrase(options, "DANTOC_PASSPHRASE", QStringLiteral("--passphrase-file"), error);
    if (!passphrase) {
        return nullptr;
    }
    auto store = client::Store::open(dir.toStdString(), *passphrase);
    if (!store) {
        error = QString::fromStdString(store.status().message());
        return nullptr;
    }
    return std::move(*store);
}

int failWith(const char* command, const QString& message)
{
    QTextStream(stderr) << "dantoc " << command << ": " << message << "\n";
    return 2;
}

QString weakPassphraseReason(const std::string& passphrase)
{
    using client::PassphraseProblem;
    switch (client::checkPassphrase(passphrase)) {
    case PassphraseProblem::None: return {};
    case PassphraseProblem::TooShort:
        return QStringLiteral("mật khẩu kho quá ngắn: cần ít nhất %1 ký tự / the store passphrase is too short: use at "
                              "least %1 characters")
            .arg(client::kMinPassphraseLength);
    case PassphraseProblem::Repetitive:
        return QStringLiteral("mật khẩu kho dễ đoán (lặp lại hoặc dãy liên tiếp) / the store passphrase is too easy to "
                              "guess (repeated characters or a run like 12345)");
    case PassphraseProblem::WellKnown:
        return QStringLiteral("mật khẩu kho nằm trong số kẻ gian thử đầu tiên / the store passphrase is among the "
                              "first ones a thief tries");
    case PassphraseProblem::TooUniform:
        return QStringLiteral("mật khẩu kho cần có cả chữ và số hoặc dấu cách, hoặc ít nhất %1 ký tự / mix letters "
                              "with digits or spaces, or use at least %1 characters")
            .arg(client::kUniformAllowedLength);
    }
    return {};
}

int dispatchSubcommand(const char* command, const QStringList& args, const char* usage,
                       const std::vector<std::pair<QString, SubcommandHandler>>& handlers)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        QTextStream(args.isEmpty() ? stderr : stdout) << usage;
        return args.isEmpty() ? 2 : 0;
    }
    QStringList rest = args;
    const QString sub = rest.takeFirst();
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        QTextStream(stdout) << usage;
        return 0;
    }
    for (const auto& [name, handler] : handlers) {
        if (sub == name) {
            return handler(sub, rest);
        }
    }
    QTextStream(stderr) << "dantoc " << command << ": unknown subcommand '" << sub << "'\n" << usage;
    return 2;
}

}  // namespace dantoc::cli
