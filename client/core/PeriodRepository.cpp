#include "core/PeriodRepository.h"

#include "core/Transaction.h"

#include <set>

namespace dantoc::client {

namespace {

constexpr const char* kSelect =
    "SELECT id, label, IFNULL(starts, ''), IFNULL(ends, ''), IFNULL(state, '') FROM periods";

PeriodRow readPeriod(const Statement& stmt)
{
    return {stmt.columnText(0), stmt.columnText(1), stmt.columnText(2), stmt.columnText(3), stmt.columnText(4)};
}

Status bindOptional(Statement& stmt, int index, const std::string& value)
{
    return value.empty() ? stmt.bindNull(index) : stmt.bindText(index, value);
}

}  // namespace

Result<PeriodRow> PeriodRepository::get(const std::string& id)
{
    auto stmt = m_connection.prepare(std::string(kSelect) + " WHERE id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, id); !status) {
        return status;
    }
    return stmt->readOne<PeriodRow>(readPeriod, "no period " + id);
}

Result<std::vector<PeriodRow>> PeriodRepository::list()
{
    auto stmt = m_connection.prepare(std::string(kSelect) + " ORDER BY IFNULL(starts, '') DESC, id DESC");
    if (!stmt) {
        return stmt.status();
    }
    return stmt->readAll<PeriodRow>(readPeriod);
}

Status PeriodRepository::replaceAll(const std::vector<PeriodRow>& periods)
{
    std::set<std::string> seen;
    for (const PeriodRow& period : periods) {
        if (period.id.empty() || period.label.empty()) {
            return {ErrorCode::InvalidArgument, "a period needs an id and a label"};
        }
        if (!seen.insert(period.id).second) {
            return {ErrorCode::InvalidArgument, "period " + period.id + " appears twice"};
        }
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    if (Status status = m_connection.exec("DELETE FROM periods"); !status) {
        return status;
    }
    auto stmt = m_connection.prepare("INSERT INTO periods(id, label, starts, ends, state) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!stmt) {
        return stmt.status();
    }
    for (const PeriodRow& period : periods) {
        Status status = stmt->reset();
        if (status) status = stmt->bindText(1, period.id);
        if (status) status = stmt->bindText(2, period.label);
        if (status) status = bindOptional(*stmt, 3, period.starts);
        if (status) status = bindOptional(*stmt, 4, period.ends);
        if (status) status = bindOptional(*stmt, 5, period.state);
        if (status) status = stmt->execute();
        if (!status) {
            return status;
        }
    }
    return transaction.commit();
}

}  // namespace dantoc::client
