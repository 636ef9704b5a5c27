// SqlCipherDriver: a QSqlDriver over our already-keyed SQLCipher Connection, so QSqlQuery, QSqlQueryModel and
// QSqlTableModel work on the encrypted store without Qt's QSQLITE plugin ever opening the file. Registered with
// QSqlDatabase::addDatabase(driver, name) by Store::qtDatabase. Same threading rule as the Connection.
#pragma once

#include "core/Connection.h"

#include <QSqlDriver>

#include <memory>

namespace dantoc::client {

class SqlCipherDriver final : public QSqlDriver
{
public:
    explicit SqlCipherDriver(std::shared_ptr<Connection> connection, QObject* parent = nullptr);
    ~SqlCipherDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    // The connection is already open and keyed; these only toggle Qt's view of it. close() drops our share of
    // the connection (the handle closes when its last owner lets go).
    bool open(const QString& db, const QString& user, const QString& password, const QString& host, int port,
              const QString& options) override;
    void close() override;
    QSqlResult* createResult() const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    QStringList tables(QSql::TableType type) const override;
    QSqlIndex primaryIndex(const QString& table) const override;
    QSqlRecord record(const QString& table) const override;
    QString escapeIdentifier(const QString& identifier, IdentifierType type) const override;
    QVariant handle() const override;

    const std::shared_ptr<Connection>& connection() const { return m_connection; }

private:
    bool runTransactionStep(Status status, const char* what);

    std::shared_ptr<Connection> m_connection;
};

}  // namespace dantoc::client
