#include "core/Store.h"

#include "core/SqlCipherDriver.h"
#include "core/StoreHeader.h"

#include <system_error>

namespace dantoc::client {

namespace {

Status makePrivateDirectory(const std::filesystem::path& path)
{
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) {
        return {ErrorCode::IoError, "cannot create " + path.string() + ": " + ec.message()};
    }
    std::filesystem::permissions(path, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace,
                                 ec);
    return Status::ok();
}

// The connection and the key that opened it (kept by the Store for openConnection()).
Result<std::pair<std::unique_ptr<Connection>, SecretKey>> openWith(const std::filesystem::path& database,
                                                                   std::string_view passphrase,
                                                                   const std::vector<std::uint8_t>& salt,
                                                                   const KdfParams& kdf)
{
    auto key = deriveKey(passphrase, salt, kdf);
    if (!key) {
        return key.status();
    }
    auto connection = Connection::open(database, *key, false);
    if (!connection) {
        return connection.status();
    }
    return std::make_pair(std::move(*connection), std::move(*key));
}

}  // namespace

Store::Store(std::filesystem::path directory, Keyed keyed, StoreOptions options)
    : m_directory(std::move(directory)),
      m_key(std::move(keyed.key)),
      m_connection(std::move(keyed.connection)),
      m_options(options)
{
}

Store::~Store()
{
    for (const QString& name : m_qtConnections) {
        {
            QSqlDatabase database = QSqlDatabase::database(name, false);
            if (database.isValid()) {
                database.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

bool Store::exists(const std::filesystem::path& directory)
{
    std::error_code ec;
    return std::filesystem::exists(directory / kDatabaseFile, ec);
}

Result<std::unique_ptr<Store>> Store::create(const std::filesystem::path& directory, std::string_view passphrase,
                                             const StoreOptions& options)
{
    if (exists(directory)) {
        return Status(ErrorCode::AlreadyExists, "a store already exists in " + directory.string());
    }
    // Owner-only directories: the files are encrypted, but their sizes and times are nobody else's business.
    if (Status status = makePrivateDirectory(directory); !status) {
        return status;
    }
    if (Status status = makePrivateDirectory(directory / kAttachmentsDir); !status) {
        return status;
    }
    StoreHeader header;
    header.kdf = options.kdf;
    header.salt = randomSalt();
    auto key = deriveKey(passphrase, header.salt, header.kdf);
    if (!key) {
        return key.status();
    }
    // Header first: a crash before the database exists leaves only a header, which the next create replaces.
    if (Status status = header.write(directory / kHeaderFile); !status) {
        return status;
    }
    auto connection = Connection::open(directory / kDatabaseFile, *key, true);
    if (!connection) {
        return connection.status();
    }
    if (Status status = migrateSchema(**connection, options.schemaVersion); !status) {
        return status;
    }
    return std::unique_ptr<Store>(new Store(directory, Keyed{std::move(*connection), std::move(*key)}, options));
}

Result<Store::Keyed> Store::unlock(const std::filesystem::path& directory,
                                                  std::string_view passphrase, StoreHeader* headerOut)
{
    auto header = StoreHeader::read(directory / kHeaderFile);
    if (!header) {
        return header.status();
    }
    const auto database = directory / kDatabaseFile;
    if (!exists(directory)) {
        return Status(ErrorCode::NotFound, "no store in " + directory.string());
    }
    auto opened = openWith(database, passphrase, header->salt, header->kdf);
    if (opened) {
        if (header->previousSalt) {
            // A passphrase change crashed after the rekey committed: finish it.
            header->previousSalt.reset();
            header->previousKdf.reset();
            if (Status status = header->write(directory / kHeaderFile); !status) {
                return status;
            }
        }
        *headerOut = *header;
        return Keyed{std::move(opened->first), std::move(opened->second)};
    }
    if (opened.status().code() != ErrorCode::Unauthenticated || !header->previousSalt) {
        return opened.status();
    }
    // A passphrase change crashed before the rekey committed: the database still has the old key.
    auto previous = openWith(database, passphrase, *header->previousSalt, *header->previousKdf);
    if (!previous) {
        return previous.status();
    }
    header->salt = *header->previousSalt;
    header->kdf = *header->previousKdf;
    header->previousSalt.reset();
    header->previousKdf.reset();
    if (Status status = header->write(directory / kHeaderFile); !status) {
        return status;
    }
    *headerOut = *header;
    return Keyed{std::move(previous->first), std::move(previous->second)};
}

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& directory, std::string_view passphrase,
                                           const StoreOptions& options)
{
    StoreHeader header;
    auto keyed = unlock(directory, passphrase, &header);
    if (!keyed) {
        return keyed.status();
    }
    if (Status status = migrateSchema(*keyed->connection, options.schemaVersion); !status) {
        return status;
    }
    if (Status status = makePrivateDirectory(directory / kAttachmentsDir); !status) {
        return status;
    }
    return std::unique_ptr<Store>(new Store(directory, std::move(*keyed), options));
}

// Passphrase change ordering (each header write is temp file + fsync + rename + directory fsync):
//   1. verify the old passphrase against the current header;
//   2. write header {salt: new, previous_salt: old};
//   3. PRAGMA rekey (one SQLite transaction, rollback journal: all pages or none);
//   4. write header {salt: new}.
// A crash before 2 leaves the old header and key. Between 2 and 3's commit the database still has the old key;
// open() fails with the new salt, retries with previous_salt and, with the old passphrase, succeeds and restores
// the old header. After 3 the new salt works and open() drops previous_salt. The old salt is never lost while the
// database may still need it.
Status Store::changePassphrase(std::string_view oldPassphrase, std::string_view newPassphrase)
{
    if (newPassphrase.empty()) {
        return {ErrorCode::InvalidArgument, "empty passphrase"};
    }
    const auto headerPath = m_directory / kHeaderFile;
    auto current = StoreHeader::read(headerPath);
    if (!current) {
        return current.status();
    }
    {
        auto check = openWith(databasePath(), oldPassphrase, current->salt, current->kdf);
        if (!check) {
            return check.status();
        }
    }
    StoreHeader next;
    next.kdf = m_options.kdf;
    next.salt = randomSalt();
    next.previousSalt = current->salt;
    next.previousKdf = current->kdf;
    auto newKey = deriveKey(newPassphrase, next.salt, next.kdf);
    if (!newKey) {
        return newKey.status();
    }
    if (Status status = next.write(headerPath); !status) {
        return status;
    }
    if (Status status = m_connection->rekey(*newKey); !status) {
        // The database kept its old key (the rekey transaction rolled back): put the old header back.
        (void)current->write(headerPath);
        return status;
    }
    m_key = std::move(*newKey);  // the database has the new key now, whatever the last header write does
    next.previousSalt.reset();
    next.previousKdf.reset();
    return next.write(headerPath);
}

Result<std::unique_ptr<Connection>> Store::openConnection()
{
    return Connection::open(databasePath(), m_key, false);
}

QSqlDatabase Store::qtDatabase(const QString& connectionName)
{
    if (QSqlDatabase::contains(connectionName)) {
        return QSqlDatabase::database(connectionName);
    }
    QSqlDatabase database = QSqlDatabase::addDatabase(new SqlCipherDriver(m_connection), connectionName);
    database.open();
    m_qtConnections.append(connectionName);
    return database;
}

}  // namespace dantoc::client
