#include "core/sync/SyncProblems.h"

#include "core/SubmissionRepository.h"

#include "base/Json.h"

#include <set>
#include <utility>

namespace dantoc::client::sync {

namespace {

constexpr const char* kDeferredPrefix = "deferred:";

}  // namespace

ProblemText describeProblem(const SyncProblem& problem)
{
    if (!problem.messageVi.empty() || !problem.messageEn.empty()) {
        return {problem.messageVi.empty() ? problem.messageEn : problem.messageVi,
                problem.messageEn.empty() ? problem.messageVi : problem.messageEn};
    }
    struct Known {
        const char* code;
        const char* vi;
        const char* en;
    };
    static constexpr Known kKnown[] = {
        {"conflict", "Chỉnh sửa trùng với thay đổi khác trên máy chủ, cần giải quyết",
         "The edit overlaps another change on the server and needs resolving"},
        {"awaiting_attachment", "Đang chờ tải lên tệp đính kèm", "Waiting for an attachment to finish uploading"},
        {"out_of_order", "Đang chờ các thao tác trước đó", "Waiting for earlier operations"},
        {"busy", "Máy chủ bận, sẽ gửi lại", "The server is busy; it will be sent again"},
    };
    for (const Known& known : kKnown) {
        if (problem.code == known.code) {
            return {known.vi, known.en};
        }
    }
    return {problem.code, problem.code};
}

Result<std::vector<SyncProblem>> readSyncProblems(Connection& connection)
{
    std::vector<SyncProblem> out;
    std::set<std::pair<std::string, int>> seen;
    const std::string flagged = std::to_string(SubmissionRepository::kFlagNeedsAttention |
                                               SubmissionRepository::kFlagConflict);
    auto journal = connection.prepare(
        "SELECT j.record_id, r.form_id, r.unit, r.period, j.outcome, j.result, j.acked_at FROM op_journal j "
        "JOIN record r ON r.id = j.record_id WHERE j.outcome IN ('rejected', 'conflict') AND (r.flags & " +
        flagged + ") != 0 ORDER BY j.acked_at DESC, j.dev_seq DESC");
    if (!journal) {
        return journal.status();
    }
    for (;;) {
        auto row = journal->step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            break;
        }
        SyncProblem problem;
        problem.kind = journal->columnText(4) == "conflict" ? SyncProblem::Kind::Conflict : SyncProblem::Kind::Rejected;
        problem.recordId = journal->columnText(0);
        if (!seen.insert({problem.recordId, static_cast<int>(problem.kind)}).second) {
            continue;
        }
        problem.formId = journal->columnText(1);
        problem.unit = journal->columnText(2);
        problem.period = journal->columnText(3);
        problem.at = journal->columnInt64(6);
        problem.code = "conflict";
        const Json result = Json::parse(journal->columnText(5), nullptr, false);
        if (result.is_object() && problem.kind == SyncProblem::Kind::Rejected) {
            problem.code = result.value("code", std::string());
            if (const auto message = result.find("message"); message != result.end() && message->is_object()) {
                problem.messageVi = message->value("vi", std::string());
                problem.messageEn = message->value("en", std::string());
            }
        }
        out.push_back(std::move(problem));
    }
    auto parked = connection.prepare(
        "SELECT o.record_id, r.form_id, r.unit, r.period, o.last_error FROM outbox o JOIN record r ON r.id = o.record_id "
        "WHERE o.status = 'pending' AND o.last_error LIKE 'deferred:%' ORDER BY o.dev_seq DESC");
    if (!parked) {
        return parked.status();
    }
    for (;;) {
        auto row = parked->step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            break;
        }
        SyncProblem problem;
        problem.kind = SyncProblem::Kind::Deferred;
        problem.recordId = parked->columnText(0);
        if (!seen.insert({problem.recordId, static_cast<int>(problem.kind)}).second) {
            continue;
        }
        problem.formId = parked->columnText(1);
        problem.unit = parked->columnText(2);
        problem.period = parked->columnText(3);
        std::string reason = parked->columnText(4);
        problem.code = reason.substr(std::string_view(kDeferredPrefix).size());
        problem.code.erase(0, problem.code.find_first_not_of(' '));
        out.push_back(std::move(problem));
    }
    return out;
}

}  // namespace dantoc::client::sync
