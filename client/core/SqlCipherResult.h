// SqlCipherResult: the QSqlResult behind SqlCipherDriver. Prepared statements with positional (?) and named
// (:name) placeholders; rows are read lazily and cached so models can seek backwards (forward-only queries keep
// only the current row). Same threading rule as the Connection.
#pragma once

#include "core/Connection.h"

#include <QList>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

#include <deque>
#include <memory>

namespace dantoc::client {

class SqlCipherDriver;

class SqlCipherResult final : public QSqlResult
{
public:
    SqlCipherResult(const SqlCipherDriver* driver, std::shared_ptr<Connection> connection);
    ~SqlCipherResult() override;

protected:
    bool prepare(const QString& query) override;
    bool exec() override;
    bool reset(const QString& query) override;
    QVariant data(int field) override;
    bool isNull(int field) override;
    bool fetch(int index) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override { return -1; }  // unknown until all rows are read (QuerySize is not a feature)
    int numRowsAffected() override { return m_rowsAffected; }
    QSqlRecord record() const override { return m_record; }
    QVariant lastInsertId() const override { return m_lastInsertId; }
    void detachFromResultSet() override;
    QVariant handle() const override;

private:
    bool fail(const QString& text, const Status& status);
    bool bindAll();
    bool readRow();  // caches one more row; false at the end or on error
    void buildRecord();
    const QList<QVariant>* current() const;

    std::shared_ptr<Connection> m_connection;
    Statement m_stmt;
    std::deque<QList<QVariant>> m_rows;
    int m_firstCached = 0;  // row number of m_rows.front()
    bool m_done = true;
    QSqlRecord m_record;
    int m_rowsAffected = 0;
    QVariant m_lastInsertId;
};

}  // namespace dantoc::client
