// Helpers shared by the store commands of `dantoc` (init, entry, export, passwd): option parsing, passphrases
// from the environment or a file (never from the command line), opening the store, finding the resources.
// Not thread-safe (one command per process).
#pragma once

#include "core/ResourcesDir.h"
#include "core/Store.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dantoc::cli {

struct ParsedOptions
{
    QMap<QString, QString> values;  // "--store" -> "DIR"
    QStringList flags;              // "--json", ...
    QStringList positional;
    bool has(const QString& name) const { return values.contains(name) || flags.contains(name); }
    QString value(const QString& name) const { return values.value(name); }
};

// Parses `args` against the known options. Any option that carries a passphrase on the command line
// (--passphrase, --new-passphrase, --password) is refused: it would show in `ps` and shell history.
// Returns nullopt with `error` set on an unknown option or a missing value.
std::optional<ParsedOptions> parseOptions(const QStringList& args, const QStringList& valueOptions,
                                          const QStringList& flagOptions, QString& error);

// The passphrase from the environment variable `envName`, else the first line of the file named by
// `fileOption`'s value. nullopt with `error` when neither is given or the file cannot be read.
// Why a new store passphrase is too weak (client/core PassphrasePolicy), in Vietnamese and English; "" when it is
// strong enough. The CLI has no translator: its store messages say both, as the import messages do.
QString weakPassphraseReason(const std::string& passphrase);

std::optional<std::string> readPassphrase(const ParsedOptions& options, const char* envName,
                                          const QString& fileOption, QString& error);

// Opens the store at --store with the passphrase from DANTOC_PASSPHRASE / --passphrase-file.
std::unique_ptr<client::Store> openStore(const ParsedOptions& options, QString& error);

using client::findResourcesDir;  // core/ResourcesDir.h

// Runs `dantoc <command> <sub> ...`: the handler named by the first argument gets the rest. No argument: usage on
// stderr, 2; --help / -h anywhere: usage on stdout, 0; an unknown sub-command: said, with usage, 2.
using SubcommandHandler = std::function<int(const QString& sub, const QStringList& rest)>;
int dispatchSubcommand(const char* command, const QStringList& args, const char* usage,
                       const std::vector<std::pair<QString, SubcommandHandler>>& handlers);

// Writes "dantoc <command>: message" to stderr and returns 2.
int failWith(const char* command, const QString& message);

}  // namespace dantoc::cli
