#include "core/review/ReviewPlace.h"

#include "core/SyncMetaRepository.h"
#include "core/UnitRepository.h"

#include <vector>

namespace dantoc::client::review {

namespace {

constexpr const char* kOwnerLevel =
    "commune";                        // as server/sync/RecordWorkflow: records belong to their commune
constexpr std::size_t kMaxDepth = 16; // a parent cycle in bad data must not loop forever

} // namespace

Result<ReviewIdentity> loadIdentity(Connection& connection)
{
    SyncMetaRepository meta(connection);
    auto account = meta.get(SyncMetaRepository::kAccount);
    auto role = meta.get(SyncMetaRepository::kAccountRole);
    auto unit = meta.get(SyncMetaRepository::kAccountUnit);
    for (const auto* value : {&account, &role, &unit}) {
        if (!*value) {
            return value->status();
        }
    }
    if (!*account || (*account)->empty()) {
        return Status(ErrorCode::FailedPrecondition,
                      "Kho chưa đăng ký với máy chủ / this store is not enrolled: run `dantoc enroll` first");
    }
    if (!*role || !*unit) {
        return Status(
            ErrorCode::FailedPrecondition,
            "Chưa biết vai trò của tài khoản, hãy đăng nhập lại bằng mật khẩu / the account's role is not "
            "known yet: log in again with the password (`dantoc login`)");
    }
    auto parsedRole = workflow::parseRole(**role);
    if (!parsedRole) {
        return Status(ErrorCode::FailedPrecondition, "the server gave an unknown role: " + **role);
    }
    ReviewIdentity who;
    who.account = **account;
    who.role = *parsedRole;
    who.unitCode = **unit;
    auto unitRow = UnitRepository(connection).get(who.unitCode);
    if (unitRow) {
        who.level = unitRow->level;
    } else if (unitRow.status().code() != ErrorCode::NotFound) {
        return unitRow.status();
    }
    return who;
}

Result<RecordPlace> placeRecord(Connection& connection, const std::string& recordUnit,
                                const ReviewIdentity& who)
{
    if (recordUnit.empty()) {
        return Status(ErrorCode::InvalidArgument, "the record names no unit");
    }
    UnitRepository units(connection);
    std::vector<UnitRow> path; // the record's unit first, then its ancestors
    std::string code = recordUnit;
    std::string above; // a parent code the store does not hold
    while (!code.empty() && path.size() < kMaxDepth) {
        auto row = units.get(code);
        if (!row) {
            if (row.status().code() != ErrorCode::NotFound || path.empty()) {
                return row.status();
            }
            above = code;
            break;
        }
        code = row->parent;
        path.push_back(std::move(*row));
    }
    std::size_t ownerIndex = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i].level == kOwnerLevel) {
            ownerIndex = i;
            break;
        }
    }
    RecordPlace place;
    place.ownerCode = path[ownerIndex].code;
    for (std::size_t i = ownerIndex; i < path.size(); ++i) {
        place.chain.push_back(path[i].level);
    }
    if (!above.empty()) {
        place.chain.push_back("^" + above);
    }
    place.actor.role = who.role;
    place.actor.level = who.level;
    place.actor.scope = workflow::Scope::Unrelated;
    if (who.unitCode == place.ownerCode) {
        place.actor.scope = workflow::Scope::Owner;
    } else {
        for (std::size_t i = ownerIndex + 1; i < path.size(); ++i) {
            if (path[i].code == who.unitCode) {
                place.actor.scope = workflow::Scope::Ancestor;
                break;
            }
        }
    }
    return place;
}

workflow::WorkflowState workflowStateOf(const SubmissionSummary& record, const workflow::Chain& chain)
{
    workflow::WorkflowState state;
    auto parsed = workflow::parseState(record.state);
    state.state = parsed ? *parsed : workflow::State::Draft;
    state.level = record.level.empty() && !chain.empty() ? chain.front() : record.level;
    state.revision = 1;
    state.acceptedRevision = state.state == workflow::State::Accepted ? 1 : 0;
    state.submitCount = state.state == workflow::State::Draft ? 0 : 1;
    state.contentVer = record.contentVersion;
    return state;
}

Status denialStatus(workflow::Denial denial)
{
    const workflow::Label label = workflow::label(denial);
    return Status(ErrorCode::FailedPrecondition, std::string(workflow::toName(denial)) + ": " +
                                                     std::string(label.vi) + " / " + std::string(label.en));
}

} // namespace dantoc::client::review
