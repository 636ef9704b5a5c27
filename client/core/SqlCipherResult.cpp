#include "core/SqlCipherResult.h"

#include "core/SqlCipherDriver.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlField>
#include <QTime>

namespace dantoc::client {

SqlCipherResult::SqlCipherResult(const SqlCipherDriver* driver, std::shared_ptr<Connection> connection)
    : QSqlResult(driver), m_connection(std::move(connection))
{
}

SqlCipherResult::~SqlCipherResult() = default;

bool SqlCipherResult::fail(const QString& text, const Status& status)
{
    setLastError(QSqlError(text, QString::fromStdString(status.message()), QSqlError::StatementError,
                           QString::fromLatin1(errorCodeName(status.code()).data())));
    return false;
}

bool SqlCipherResult::prepare(const QString& query)
{
    m_stmt = Statement();
    m_rows.clear();
    m_firstCached = 0;
    m_done = true;
    m_record.clear();
    m_rowsAffected = 0;
    m_lastInsertId.clear();
    setSelect(false);
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    if (m_connection == nullptr) {
        return fail(QStringLiteral("store is closed"), Status(ErrorCode::FailedPrecondition, "closed"));
    }
    auto stmt = m_connection->prepare(query.toStdString());
    if (!stmt) {
        return fail(QStringLiteral("Unable to prepare statement"), stmt.status());
    }
    m_stmt = std::move(*stmt);
    return true;
}

bool SqlCipherResult::reset(const QString& query) { return prepare(query) && exec(); }

bool SqlCipherResult::bindAll()
{
    const QList<QVariant> values = boundValues();
    // Qt hands us every placeholder occurrence in order (":a" twice is two entries, "?" is named ":0", ":1"...
    // after Qt's rewrite); SQLite has one parameter per distinct name. Map each SQLite parameter to the first
    // Qt entry of the same name, else by position.
    QHash<QString, int> firstByName;
    for (int i = 0; i < values.size(); ++i) {
        const QString name = boundValueName(i);
        if (!name.isEmpty() && !firstByName.contains(name)) {
            firstByName.insert(name, i);
        }
    }
    const int count = m_stmt.parameterCount();
    for (int parameter = 1; parameter <= count; ++parameter) {
        const QString name = QString::fromStdString(m_stmt.parameterName(parameter));
        int index = parameter - 1;
        if (!name.isEmpty() && firstByName.contains(name)) {
            index = firstByName.value(name);
        }
        if (index < 0 || index >= values.size()) {
            return fail(QStringLiteral("Parameter count mismatch"),
                        Status(ErrorCode::InvalidArgument, "no value bound for parameter " + name.toStdString()));
        }
        const QVariant& value = values.at(index);
        Status status;
        if (value.isNull()) {
            status = m_stmt.bindNull(parameter);
        } else {
            switch (value.typeId()) {
            case QMetaType::QByteArray: {
                const QByteArray bytes = value.toByteArray();
                status = m_stmt.bindBlob(parameter, bytes.constData(), static_cast<std::size_t>(bytes.size()));
                break;
            }
            case QMetaType::Bool:
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::Long:
            case QMetaType::LongLong:
            case QMetaType::Short:
            case QMetaType::UShort:
            case QMetaType::Char:
            case QMetaType::UChar:
            case QMetaType::SChar:
                status = m_stmt.bindInt64(parameter, value.toLongLong());
                break;
            case QMetaType::ULong:
            case QMetaType::ULongLong:
                status = m_stmt.bindInt64(parameter, static_cast<std::int64_t>(value.toULongLong()));
                break;
            case QMetaType::Double:
            case QMetaType::Float:
                status = m_stmt.bindDouble(parameter, value.toDouble());
                break;
            case QMetaType::QDateTime:
                status = m_stmt.bindText(parameter, value.toDateTime().toString(Qt::ISODateWithMs).toStdString());
                break;
            case QMetaType::QDate:
                status = m_stmt.bindText(parameter, value.toDate().toString(Qt::ISODate).toStdString());
                break;
            case QMetaType::QTime:
                status = m_stmt.bindText(parameter, value.toTime().toString(Qt::ISODateWithMs).toStdString());
                break;
            default:
                status = m_stmt.bindText(parameter, value.toString().toStdString());
                break;
            }
        }
        if (!status) {
            return fail(QStringLiteral("Unable to bind value"), status);
        }
    }
    return true;
}

bool SqlCipherResult::exec()
{
    if (!m_stmt.isValid()) {
        return fail(QStringLiteral("No statement prepared"), Status(ErrorCode::FailedPrecondition, "not prepared"));
    }
    (void)m_stmt.reset();
    (void)m_stmt.clearBindings();
    m_rows.clear();
    m_firstCached = 0;
    m_done = false;
    m_rowsAffected = 0;
    m_lastInsertId.clear();
    setAt(QSql::BeforeFirstRow);
    setActive(false);
    if (!bindAll()) {
        return false;
    }
    const std::int64_t rowIdBefore = m_connection->lastInsertRowId();
    if (!readRow() && lastError().isValid()) {
        return false;
    }
    const bool select = m_stmt.columnCount() > 0;
    setSelect(select);
    buildRecord();
    if (!select) {
        m_rowsAffected = m_connection->changes();
        const std::int64_t rowId = m_connection->lastInsertRowId();
        if (rowId != rowIdBefore || m_rowsAffected > 0) {
            m_lastInsertId = QVariant(static_cast<qlonglong>(rowId));
        }
    }
    setActive(true);
    return true;
}

bool SqlCipherResult::readRow()
{
    if (m_done) {
        return false;
    }
    setLastError(QSqlError());
    auto row = m_stmt.step();
    if (!row) {
        m_done = true;
        return fail(QStringLiteral("Unable to fetch row"), row.status());
    }
    if (!*row) {
        m_done = true;
        (void)m_stmt.reset();  // release the read snapshot as soon as the rows are consumed
        return false;
    }
    const int columns = m_stmt.columnCount();
    QList<QVariant> values;
    values.reserve(columns);
    for (int column = 0; column < columns; ++column) {
        switch (m_stmt.columnType(column)) {
        case ColumnType::Integer:
            switch (numericalPrecisionPolicy()) {
            case QSql::LowPrecisionInt32:
                values.append(QVariant(static_cast<int>(m_stmt.columnInt64(column))));
                break;
            case QSql::LowPrecisionDouble:
                values.append(QVariant(static_cast<double>(m_stmt.columnInt64(column))));
                break;
            default:
                values.append(QVariant(static_cast<qlonglong>(m_stmt.columnInt64(column))));
                break;
            }
            break;
        case ColumnType::Float:
            values.append(QVariant(m_stmt.columnDouble(column)));
            break;
        case ColumnType::Text: {
            const auto text = m_stmt.columnTextView(column);
            values.append(QVariant(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))));
            break;
        }
        case ColumnType::Blob: {
            const auto bytes = m_stmt.columnTextView(column);
            values.append(QVariant(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()))));
            break;
        }
        case ColumnType::Null:
            values.append(QVariant(column < m_record.count() ? m_record.field(column).metaType() : QMetaType()));
            break;
        }
    }
    m_rows.push_back(std::move(values));
    return true;
}

void SqlCipherResult::buildRecord()
{
    m_record.clear();
    const int columns = m_stmt.columnCount();
    for (int column = 0; column < columns; ++column) {
        const QString declared = QString::fromStdString(m_stmt.columnDeclType(column));
        QMetaType type;
        if (!declared.isEmpty()) {
            const QString upper = declared.toUpper();
            if (upper.contains(QLatin1String("INT"))) {
                type = QMetaType(QMetaType::LongLong);
            } else if (upper.contains(QLatin1String("BLOB"))) {
                type = QMetaType(QMetaType::QByteArray);
            } else if (upper.contains(QLatin1String("REAL")) || upper.contains(QLatin1String("FLOA")) ||
                       upper.contains(QLatin1String("DOUB"))) {
                type = QMetaType(QMetaType::Double);
            } else {
                type = QMetaType(QMetaType::QString);
            }
        } else if (!m_rows.empty() && column < m_rows.front().size()) {
            type = m_rows.front().at(column).metaType();  // an expression: type of its first value
        }
        if (!type.isValid()) {
            type = QMetaType(QMetaType::QString);
        }
        m_record.append(QSqlField(QString::fromStdString(m_stmt.columnName(column)), type,
                                  QString::fromStdString(m_stmt.columnTable(column))));
    }
}

const QList<QVariant>* SqlCipherResult::current() const
{
    const int row = at();
    if (row < m_firstCached || row - m_firstCached >= static_cast<int>(m_rows.size())) {
        return nullptr;
    }
    return &m_rows[static_cast<std::size_t>(row - m_firstCached)];
}

QVariant SqlCipherResult::data(int field)
{
    const QList<QVariant>* row = current();
    if (row == nullptr || field < 0 || field >= row->size()) {
        return QVariant();
    }
    return row->at(field);
}

bool SqlCipherResult::isNull(int field)
{
    const QList<QVariant>* row = current();
    return row == nullptr || field < 0 || field >= row->size() || row->at(field).isNull();
}

bool SqlCipherResult::fetch(int index)
{
    if (!isActive() || !isSelect() || index < 0 || index < m_firstCached) {
        return false;
    }
    while (m_firstCached + static_cast<int>(m_rows.size()) <= index) {
        if (!readRow()) {
            return false;
        }
    }
    setAt(index);
    if (isForwardOnly()) {
        while (m_firstCached < index) {
            m_rows.pop_front();
            ++m_firstCached;
        }
    }
    return true;
}

bool SqlCipherResult::fetchFirst() { return fetch(0); }

bool SqlCipherResult::fetchLast()
{
    if (!isActive() || !isSelect()) {
        return false;
    }
    while (readRow()) {
        if (isForwardOnly() && m_rows.size() > 1) {
            m_rows.pop_front();
            ++m_firstCached;
        }
    }
    if (m_rows.empty()) {
        return false;
    }
    return fetch(m_firstCached + static_cast<int>(m_rows.size()) - 1);
}

void SqlCipherResult::detachFromResultSet()
{
    if (m_stmt.isValid()) {
        (void)m_stmt.reset();
    }
    m_done = true;
}

QVariant SqlCipherResult::handle() const { return QVariant(); }

}  // namespace dantoc::client

