// PeriodRepository: the reporting periods the province configured (table periods: id, label, starts, ends,
// state open/closed); seeded offline, replaced by what sync pulls. Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Result.h"

#include <string>
#include <vector>

namespace dantoc::client {

struct PeriodRow
{
    std::string id;      // "2025-H2"
    std::string label;   // "6 tháng cuối năm 2025"
    std::string starts;  // YYYY-MM-DD or ""
    std::string ends;    // YYYY-MM-DD or ""
    std::string state;   // "open", "closed" or ""

    friend bool operator==(const PeriodRow&, const PeriodRow&) = default;
};

class PeriodRepository
{
public:
    explicit PeriodRepository(Connection& connection) : m_connection(connection) {}

    Result<PeriodRow> get(const std::string& id);
    // Newest first (by start date, then id).
    Result<std::vector<PeriodRow>> list();
    // Replaces every period in one transaction; InvalidArgument (nothing changes) for an empty id or label or a
    // repeated id.
    Status replaceAll(const std::vector<PeriodRow>& periods);

private:
    Connection& m_connection;
};

}  // namespace dantoc::client
