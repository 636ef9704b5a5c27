// Store: one enrolled account's encrypted local store, a directory holding store.db (SQLCipher), store.hdr
// (plaintext KDF header, no data) and attachments/ (encrypted files). Owns the Connection, the derived key (so
// more connections open without the passphrase) and the change notifier. Not thread-safe: use it, its repositories
// and its Qt database from one thread; a connection from openConnection() may then be handed to another thread.
#pragma once

#include "core/ChangeNotifier.h"
#include "core/Connection.h"
#include "core/KeyDerivation.h"
#include "core/Schema.h"
#include "core/SecretKey.h"

#include "base/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <memory>
#include <string_view>

namespace dantoc::client {

struct StoreOptions
{
    KdfParams kdf = KdfParams::production();
    int schemaVersion = kCurrentSchemaVersion;  // tests build older stores with this
};

struct StoreHeader;

class Store
{
public:
    static constexpr const char* kDatabaseFile = "store.db";
    static constexpr const char* kHeaderFile = "store.hdr";
    static constexpr const char* kAttachmentsDir = "attachments";

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // A new store in `directory` (created if needed); AlreadyExists if one is there.
    static Result<std::unique_ptr<Store>> create(const std::filesystem::path& directory, std::string_view passphrase,
                                                 const StoreOptions& options = {});
    // Unlocks and migrates. Wrong passphrase: Unauthenticated ("wrong passphrase"), the files untouched.
    static Result<std::unique_ptr<Store>> open(const std::filesystem::path& directory, std::string_view passphrase,
                                               const StoreOptions& options = {});
    static bool exists(const std::filesystem::path& directory);

    // Re-keys under a fresh salt. Crash-safe; see the ordering comment in Store.cpp.
    Status changePassphrase(std::string_view oldPassphrase, std::string_view newPassphrase);

    Connection& connection() { return *m_connection; }
    // A second connection to this database with the key derived at open (no Argon2id again; the passphrase was
    // never kept), for another thread (the sync worker). Connections wait their turn for the write lock
    // (Connection::kBusyTimeoutMillis). Close them before changePassphrase(): they hold the old key.
    Result<std::unique_ptr<Connection>> openConnection();
    // Change notifications for this store's data (lives in the thread that opened the store). EntryService emits
    // through it when EntryOptions::notifier points here; the SyncController emits what each cycle changed.
    ChangeNotifier& notifier() { return *m_notifier; }
    const std::filesystem::path& directory() const { return m_directory; }
    std::filesystem::path databasePath() const { return m_directory / kDatabaseFile; }
    std::filesystem::path attachmentsPath() const { return m_directory / kAttachmentsDir; }

    // A QSqlDatabase over this store's connection (our SQLCipher driver; Qt's QSQLITE never sees the file), for
    // QSqlQueryModel/QSqlTableModel. Registered under `connectionName`, removed when the Store dies.
    QSqlDatabase qtDatabase(const QString& connectionName);

private:
    // An open connection and the key that opened it.
    struct Keyed
    {
        std::unique_ptr<Connection> connection;
        SecretKey key;
    };

    Store(std::filesystem::path directory, Keyed keyed, StoreOptions options);
    static Result<Keyed> unlock(const std::filesystem::path& directory, std::string_view passphrase,
                                StoreHeader* headerOut);

    std::filesystem::path m_directory;
    // mlocked, wiped when the Store dies (SecretKey); replaced by changePassphrase().
    SecretKey m_key;
    std::shared_ptr<Connection> m_connection;
    StoreOptions m_options;
    QStringList m_qtConnections;
    std::unique_ptr<ChangeNotifier> m_notifier = std::make_unique<ChangeNotifier>();
};

}  // namespace dantoc::client
