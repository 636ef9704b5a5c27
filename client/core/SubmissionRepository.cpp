#include "core/SubmissionRepository.h"

#include "core/Transaction.h"

#include "base/Json.h"
#include "base/Uuid.h"

#include <algorithm>

namespace dantoc::client {

namespace {

constexpr const char* kSummaryColumns =
    "id, form_id, form_ver, unit, period, state, level, server_ver, content_ver, flags, updated_at";

void readSummary(const Statement& stmt, SubmissionSummary& out)
{
    out.id = stmt.columnText(0);
    out.formId = stmt.columnText(1);
    out.formVersion = static_cast<int>(stmt.columnInt64(2));
    out.unit = stmt.columnText(3);
    out.period = stmt.columnText(4);
    out.state = stmt.columnText(5);
    out.level = stmt.columnText(6);
    out.serverVersion = stmt.columnInt64(7);
    out.contentVersion = stmt.columnInt64(8);
    out.flags = stmt.columnInt64(9);
    out.updatedAt = stmt.columnInt64(10);
}

Status checkBody(const std::string& body)
{
    auto json = parseJson(body);
    if (!json) {
        return {ErrorCode::InvalidArgument, "submission body: " + json.status().message()};
    }
    if (!json->is_object()) {
        return {ErrorCode::InvalidArgument, "submission body must be a JSON object"};
    }
    return Status::ok();
}

}  // namespace

Result<Submission> SubmissionRepository::createDraft(const NewDraft& draft)
{
    if (draft.formId.empty() || draft.unit.empty() || draft.period.empty()) {
        return Status(ErrorCode::InvalidArgument, "a draft needs form, unit and period");
    }
    if (!draft.id.empty() && !isUuid(draft.id)) {
        return Status(ErrorCode::InvalidArgument, "record id must be a UUID");
    }
    if (Status status = checkBody(draft.body); !status) {
        return status;
    }
    Submission record;
    record.id = draft.id.empty() ? newUuid() : draft.id;
    record.formId = draft.formId;
    record.formVersion = draft.formVersion;
    record.unit = draft.unit;
    record.period = draft.period;
    record.state = kDraftState;
    record.level = draft.level;
    record.flags = kFlagLocalChanges;
    record.updatedAt = m_clock.nowUnixMillis();
    record.body = draft.body;

    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto stmt = m_connection.prepare(
        "INSERT INTO record(id, form_id, form_ver, unit, period, state, level, body, flags, updated_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, record.id);
    if (status) status = stmt->bindText(2, record.formId);
    if (status) status = stmt->bindInt64(3, record.formVersion);
    if (status) status = stmt->bindText(4, record.unit);
    if (status) status = stmt->bindText(5, record.period);
    if (status) status = stmt->bindText(6, record.state);
    if (status) status = stmt->bindText(7, record.level);
    if (status) status = stmt->bindText(8, record.body);
    if (status) status = stmt->bindInt64(9, record.flags);
    if (status) status = stmt->bindInt64(10, record.updatedAt);
    if (status) status = stmt->execute();
    if (status) status = transaction.commit();
    if (!status) {
        return status;
    }
    return record;
}

Status SubmissionRepository::saveDraftBody(const std::string& id, const std::string& body)
{
    if (Status status = checkBody(body); !status) {
        return status;
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto stmt = m_connection.prepare("UPDATE record SET body = ?1, updated_at = ?2, flags = flags | ?3 WHERE id = ?4");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, body);
    if (status) status = stmt->bindInt64(2, m_clock.nowUnixMillis());
    if (status) status = stmt->bindInt64(3, kFlagLocalChanges);
    if (status) status = stmt->bindText(4, id);
    if (status) status = stmt->execute();
    if (status && m_connection.changes() == 0) {
        status = Status(ErrorCode::NotFound, "no submission " + id);
    }
    if (status) status = transaction.commit();
    return status;
}

Result<Submission> SubmissionRepository::get(const std::string& id)
{
    auto stmt = m_connection.prepare(std::string("SELECT ") + kSummaryColumns + ", body FROM record WHERE id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, id); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return Status(ErrorCode::NotFound, "no submission " + id);
    }
    Submission record;
    readSummary(*stmt, record);
    record.body = stmt->columnText(11);
    return record;
}

Result<std::vector<SubmissionSummary>> SubmissionRepository::list(const SubmissionQuery& query)
{
    // Shapes match the indexes record_by_unit_state and record_by_unit_period_state, newest first.
    std::string sql = std::string("SELECT ") + kSummaryColumns + " FROM record WHERE unit = :unit";
    if (query.period) {
        sql += " AND period = :period";
    }
    if (query.state) {
        sql += " AND state = :state";
    }
    sql += " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset";
    auto stmt = m_connection.prepare(sql);
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(stmt->parameterIndex(":unit"), query.unit);
    if (status && query.period) status = stmt->bindText(stmt->parameterIndex(":period"), *query.period);
    if (status && query.state) status = stmt->bindText(stmt->parameterIndex(":state"), *query.state);
    if (status) status = stmt->bindInt64(stmt->parameterIndex(":limit"), std::clamp(query.limit, 0, kMaxPage));
    if (status) status = stmt->bindInt64(stmt->parameterIndex(":offset"), std::max(query.offset, 0));
    if (!status) {
        return status;
    }
    std::vector<SubmissionSummary> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            break;
        }
        readSummary(*stmt, out.emplace_back());
    }
    return out;
}

PulledVersion PulledVersion::of(const Submission& record)
{
    PulledVersion version;
    version.id = record.id;
    version.formId = record.formId;
    version.formVersion = record.formVersion;
    version.unit = record.unit;
    version.period = record.period;
    version.state = record.state;
    version.level = record.level;
    version.serverVersion = record.serverVersion;
    version.shownBody = record.body;
    version.serverBody = record.body;
    version.flags = record.flags;
    return version;
}

Status SubmissionRepository::storePulled(const PulledVersion& version)
{
    if (version.id.empty() || version.formId.empty() || version.unit.empty() || version.period.empty()) {
        return Status(ErrorCode::InvalidArgument, "a pulled record needs id, form, unit and period");
    }
    // The bodies come from Json objects the sync client just dumped: only their shape is checked, not re-parsed
    // (a pull page stores thousands of them).
    for (const std::string* body : {&version.shownBody, &version.serverBody}) {
        if (body->size() < 2 || body->front() != '{' || body->back() != '}') {
            return Status(ErrorCode::InvalidArgument, "a pulled record body must be a JSON object");
        }
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto upsert = m_connection.prepare(
        "INSERT OR REPLACE INTO record(id, form_id, form_ver, unit, period, state, level, server_ver, content_ver, "
        "body, flags, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11)");
    if (!upsert) {
        return upsert.status();
    }
    Status status = upsert->bindText(1, version.id);
    if (status) status = upsert->bindText(2, version.formId);
    if (status) status = upsert->bindInt64(3, version.formVersion);
    if (status) status = upsert->bindText(4, version.unit);
    if (status) status = upsert->bindText(5, version.period);
    if (status) status = upsert->bindText(6, version.state);
    if (status) status = upsert->bindText(7, version.level);
    // content_ver is the version the user saw (sync-protocol §7): a transition's content_ver starts from here.
    if (status) status = upsert->bindInt64(8, version.serverVersion);
    if (status) status = upsert->bindText(9, version.shownBody);
    if (status) status = upsert->bindInt64(10, version.flags);
    if (status) status = upsert->bindInt64(11, m_clock.nowUnixMillis());
    if (status) status = upsert->execute();
    if (!status) {
        return status;
    }
    auto base = m_connection.prepare("INSERT OR REPLACE INTO record_base(id, server_ver, body) VALUES(?1, ?2, ?3)");
    if (!base) {
        return base.status();
    }
    status = base->bindText(1, version.id);
    if (status) status = base->bindInt64(2, version.serverVersion);
    if (status) status = base->bindText(3, version.serverBody);
    if (status) status = base->execute();
    if (status) status = transaction.commit();
    return status;
}

Result<bool> SubmissionRepository::remove(const std::string& id)
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto deleteRow = [&](const char* sql) -> Result<bool> {
        auto stmt = m_connection.prepare(sql);
        if (!stmt) {
            return stmt.status();
        }
        Status status = stmt->bindText(1, id);
        if (status) status = stmt->execute();
        if (!status) {
            return status;
        }
        return m_connection.changes() > 0;
    };
    auto removed = deleteRow("DELETE FROM record WHERE id = ?1");
    if (!removed) {
        return removed.status();
    }
    if (auto base = deleteRow("DELETE FROM record_base WHERE id = ?1"); !base) {
        return base.status();
    }
    if (Status status = transaction.commit(); !status) {
        return status;
    }
    return *removed;
}

Status SubmissionRepository::setFlags(const std::string& id, std::int64_t setMask, std::int64_t clearMask)
{
    auto stmt = m_connection.prepare("UPDATE record SET flags = (flags | ?1) & ~?2 WHERE id = ?3");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, setMask);
    if (status) status = stmt->bindInt64(2, clearMask);
    if (status) status = stmt->bindText(3, id);
    if (status) status = stmt->execute();
    if (status && m_connection.changes() == 0) {
        status = Status(ErrorCode::NotFound, "no submission " + id);
    }
    return status;
}

Result<std::optional<MergeBase>> SubmissionRepository::mergeBase(const std::string& id)
{
    auto stmt = m_connection.prepare("SELECT server_ver, body FROM record_base WHERE id = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, id); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return std::optional<MergeBase>();
    }
    return std::optional<MergeBase>(MergeBase{stmt->columnInt64(0), stmt->columnText(1)});
}

Status SubmissionRepository::setFlagsIfPresent(const std::string& id, std::int64_t setMask, std::int64_t clearMask)
{
    Status status = setFlags(id, setMask, clearMask);
    return status.code() == ErrorCode::NotFound ? Status::ok() : status;
}

Result<std::vector<SubmissionSummary>> SubmissionRepository::listInStates(const std::vector<std::string>& states)
{
    std::vector<SubmissionSummary> out;
    if (states.empty()) {
        return out;
    }
    std::string sql = std::string("SELECT ") + kSummaryColumns + " FROM record WHERE state IN (";
    for (std::size_t i = 0; i < states.size(); ++i) {
        sql += i == 0 ? "?" : ", ?";
    }
    sql += ") ORDER BY updated_at, id LIMIT " + std::to_string(kMaxPage * 20);
    auto stmt = m_connection.prepare(sql);
    if (!stmt) {
        return stmt.status();
    }
    for (std::size_t i = 0; i < states.size(); ++i) {
        if (Status status = stmt->bindText(static_cast<int>(i + 1), states[i]); !status) {
            return status;
        }
    }
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            break;
        }
        readSummary(*stmt, out.emplace_back());
    }
    return out;
}

Status SubmissionRepository::setWorkflowPosition(const std::string& id, const std::string& state,
                                                 const std::string& level)
{
    auto stmt = m_connection.prepare("UPDATE record SET state = ?1, level = ?2, updated_at = ?3 WHERE id = ?4");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, state);
    if (status) status = stmt->bindText(2, level);
    if (status) status = stmt->bindInt64(3, m_clock.nowUnixMillis());
    if (status) status = stmt->bindText(4, id);
    if (status) status = stmt->execute();
    if (status && m_connection.changes() == 0) {
        status = Status(ErrorCode::NotFound, "no submission " + id);
    }
    return status;
}

}  // namespace dantoc::client
