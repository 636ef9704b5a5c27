#include "core/SqlCipherDriver.h"

#include "core/SqlCipherResult.h"

#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>

#include <vector>

namespace dantoc::client {

namespace {

// Qt type for a declared column type, after SQLite's affinity rules (https://sqlite.org/datatype3.html §3.1).
QMetaType typeForDeclared(const QString& declared)
{
    const QString type = declared.toUpper();
    if (type.contains(QLatin1String("INT"))) {
        return QMetaType(QMetaType::LongLong);
    }
    if (type.contains(QLatin1String("CHAR")) || type.contains(QLatin1String("CLOB")) ||
        type.contains(QLatin1String("TEXT"))) {
        return QMetaType(QMetaType::QString);
    }
    if (type.contains(QLatin1String("BLOB"))) {
        return QMetaType(QMetaType::QByteArray);
    }
    if (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA")) ||
        type.contains(QLatin1String("DOUB"))) {
        return QMetaType(QMetaType::Double);
    }
    return QMetaType(QMetaType::QString);
}

struct ColumnInfo
{
    QString name;
    QString type;
    bool notNull = false;
    QVariant defaultValue;
    int primaryKeyOrder = 0;
};

std::vector<ColumnInfo> tableInfo(Connection& connection, const QString& quotedTable)
{
    std::vector<ColumnInfo> columns;
    auto stmt = connection.prepare(("PRAGMA table_info(" + quotedTable + ")").toStdString());
    if (!stmt) {
        return columns;
    }
    for (;;) {
        auto row = stmt->step();
        if (!row || !*row) {
            break;
        }
        ColumnInfo info;
        info.name = QString::fromStdString(stmt->columnText(1));
        info.type = QString::fromStdString(stmt->columnText(2));
        info.notNull = stmt->columnInt64(3) != 0;
        if (!stmt->isNull(4)) {
            info.defaultValue = QString::fromStdString(stmt->columnText(4));
        }
        info.primaryKeyOrder = static_cast<int>(stmt->columnInt64(5));
        columns.push_back(std::move(info));
    }
    return columns;
}

}  // namespace

SqlCipherDriver::SqlCipherDriver(std::shared_ptr<Connection> connection, QObject* parent)
    : QSqlDriver(parent), m_connection(std::move(connection))
{
    setOpen(m_connection != nullptr);
    setOpenError(m_connection == nullptr);
}

SqlCipherDriver::~SqlCipherDriver() = default;

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case NamedPlaceholders:
    case PositionalPlaceholders:
    case LastInsertId:
    case LowPrecisionNumbers:
    case FinishQuery:
        return true;
    case QuerySize:
    case BatchOperations:
    case SimpleLocking:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(const QString&, const QString&, const QString&, const QString&, int, const QString&)
{
    if (m_connection == nullptr) {
        setLastError(QSqlError(QStringLiteral("store is closed"), QString(), QSqlError::ConnectionError));
        setOpenError(true);
        return false;
    }
    setOpen(true);
    setOpenError(false);
    return true;
}

void SqlCipherDriver::close()
{
    m_connection.reset();
    setOpen(false);
}

QSqlResult* SqlCipherDriver::createResult() const { return new SqlCipherResult(this, m_connection); }

bool SqlCipherDriver::runTransactionStep(Status status, const char* what)
{
    if (!status) {
        setLastError(QSqlError(QString::fromLatin1(what), QString::fromStdString(status.message()),
                               QSqlError::TransactionError));
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    return isOpen() && runTransactionStep(m_connection->begin(), "cannot begin a transaction");
}

bool SqlCipherDriver::commitTransaction()
{
    return isOpen() && runTransactionStep(m_connection->commit(), "cannot commit");
}

bool SqlCipherDriver::rollbackTransaction()
{
    return isOpen() && runTransactionStep(m_connection->rollback(), "cannot roll back");
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList result;
    if (!isOpen()) {
        return result;
    }
    QStringList kinds;
    if (type & QSql::Tables) {
        kinds << QStringLiteral("'table'");
    }
    if (type & QSql::Views) {
        kinds << QStringLiteral("'view'");
    }
    if (!kinds.isEmpty()) {
        const QString sql = QStringLiteral("SELECT name FROM sqlite_master WHERE type IN (%1) AND name NOT LIKE "
                                           "'sqlite\\_%' ESCAPE '\\' ORDER BY name")
                                .arg(kinds.join(QLatin1Char(',')));
        auto stmt = m_connection->prepare(sql.toStdString());
        if (stmt) {
            for (auto row = stmt->step(); row && *row; row = stmt->step()) {
                result << QString::fromStdString(stmt->columnText(0));
            }
        }
    }
    if (type & QSql::SystemTables) {
        result << QStringLiteral("sqlite_master");
    }
    return result;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString& table) const
{
    QSqlIndex index(table);
    if (!isOpen()) {
        return index;
    }
    auto columns = tableInfo(*m_connection, escapeIdentifier(table, TableName));
    std::vector<const ColumnInfo*> keys;
    for (const auto& column : columns) {
        if (column.primaryKeyOrder > 0) {
            keys.push_back(&column);
        }
    }
    std::sort(keys.begin(), keys.end(),
              [](const ColumnInfo* a, const ColumnInfo* b) { return a->primaryKeyOrder < b->primaryKeyOrder; });
    for (const ColumnInfo* column : keys) {
        index.append(QSqlField(column->name, typeForDeclared(column->type), table));
    }
    if (!keys.empty()) {
        index.setName(table);
    }
    return index;
}

QSqlRecord SqlCipherDriver::record(const QString& table) const
{
    QSqlRecord record;
    if (!isOpen()) {
        return record;
    }
    for (const auto& column : tableInfo(*m_connection, escapeIdentifier(table, TableName))) {
        QSqlField field(column.name, typeForDeclared(column.type), table);
        field.setRequiredStatus(column.notNull ? QSqlField::Required : QSqlField::Optional);
        field.setDefaultValue(column.defaultValue);
        if (column.primaryKeyOrder > 0 && column.type.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0) {
            field.setAutoValue(true);  // INTEGER PRIMARY KEY is the rowid
        }
        record.append(field);
    }
    return record;
}

QString SqlCipherDriver::escapeIdentifier(const QString& identifier, IdentifierType) const
{
    if (isIdentifierEscaped(identifier, TableName)) {
        return identifier;
    }
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QVariant SqlCipherDriver::handle() const { return QVariant(); }  // the raw handle stays inside the store

}  // namespace dantoc::client
