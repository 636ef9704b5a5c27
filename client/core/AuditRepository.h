// AuditRepository: the local audit trail (who changed what, when), kept inside the encrypted store and carried
// to the server with the operations (SEC-LOG-5). Append-only. Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Clock.h"
#include "base/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::client {

struct AuditEntry
{
    std::int64_t id = 0;
    std::int64_t at = 0;  // unix ms
    std::string actor;
    std::string action;
    std::string recordId;
    std::string detail;
};

class AuditRepository
{
public:
    explicit AuditRepository(Connection& connection, const Clock& clock = SystemClock::instance())
        : m_connection(connection), m_clock(clock)
    {
    }

    Result<std::int64_t> append(const std::string& actor, const std::string& action, const std::string& recordId,
                                const std::string& detail);
    // Oldest first; an empty record id lists everything (newest `limit` entries).
    Result<std::vector<AuditEntry>> list(const std::string& recordId, int limit = 200);

private:
    Connection& m_connection;
    const Clock& m_clock;
};

}  // namespace dantoc::client
