// dantoc: command-line client. `dantoc <command> --help` for each command.
#include "cli/Command.h"

#include <QCoreApplication>
#include <QTextStream>

#include <array>
#include <cstdio>

namespace {

using dantoc::cli::Command;

const std::array kCommands = {
    Command{"validate", "validate a submission against a form template", &dantoc::cli::runValidate},
    Command{"init", "create an encrypted store for offline use (seeded from resources)", &dantoc::cli::runInit},
    Command{"entry", "import submissions (JSON/CSV) into the store, or list them", &dantoc::cli::runEntry},
    Command{"attachment", "add files to the store (prints the field value), or get one out", &dantoc::cli::runAttachment},
    Command{"export", "export records as CSV (Excel, Vietnamese labels) or JSON", &dantoc::cli::runExport},
    Command{"passwd", "change the store passphrase", &dantoc::cli::runPasswd},
    Command{"enroll", "bind the store to a server and account (pins its certificate)", &dantoc::cli::runEnroll},
    Command{"login", "renew the session with the enrolled server", &dantoc::cli::runLogin},
    Command{"status", "sync state: pending, rejected, conflicts, last sync", &dantoc::cli::runStatus},
    Command{"sync", "one sync cycle with the server (push, upload attachments, pull)", &dantoc::cli::runSync},
    Command{"review", "records awaiting your review; approve, return, forward, accept", &dantoc::cli::runReview},
    Command{"comments", "a record's reviewer comments; reply to one", &dantoc::cli::runComments},
};

int usage(int exitCode)
{
    QTextStream err(stderr);
    err << "usage: dantoc <command> [options]\n\ncommands:\n";
    for (const Command& command : kCommands) {
        err << "  " << QString::fromLatin1(command.name).leftJustified(12) << command.summary << "\n";
    }
    return exitCode;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dantoc"));
    QCoreApplication::setOrganizationName(QStringLiteral("dantoc"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        return usage(args.isEmpty() ? 2 : 0);
    }
    const QString name = args.takeFirst();
    for (const Command& command : kCommands) {
        if (name == QLatin1String(command.name)) {
            return command.run(args);
        }
    }
    QTextStream(stderr) << "dantoc: unknown command '" << name << "'\n";
    return usage(2);
}
