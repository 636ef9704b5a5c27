// Transaction: RAII scope over Connection::begin/commit/rollback. Rolls back unless commit() succeeded, so an
// early return or a failed step leaves nothing behind. Nested scopes become SAVEPOINTs. Not thread-safe.
#pragma once

#include "core/Connection.h"

namespace dantoc::client {

class [[nodiscard]] Transaction
{
public:
    explicit Transaction(Connection& connection) : m_connection(connection), m_status(connection.begin()) {}
    ~Transaction()
    {
        if (m_status.isOk() && !m_done) {
            (void)m_connection.rollback();
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Whether BEGIN succeeded; check before using the transaction.
    const Status& status() const { return m_status; }
    Status commit()
    {
        if (!m_status.isOk()) {
            return m_status;
        }
        m_done = true;
        Status status = m_connection.commit();
        if (!status.isOk()) {
            (void)m_connection.rollback();
        }
        return status;
    }

private:
    Connection& m_connection;
    Status m_status;
    bool m_done = false;
};

}  // namespace dantoc::client
