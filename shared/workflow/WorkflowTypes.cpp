#include "workflow/WorkflowTypes.h"

#include <string>

namespace dantoc::workflow {

namespace {

struct StateInfo {
    State value;
    std::string_view name;
    Label label;
};
constexpr StateInfo kStates[] = {
    {State::Draft, "draft", {"Nháp", "Draft"}},
    {State::Submitted, "submitted", {"Đã gửi", "Submitted"}},
    {State::Returned, "returned", {"Trả lại để sửa", "Returned for correction"}},
    {State::Approved, "approved", {"Đã duyệt", "Approved"}},
    {State::Forwarded, "forwarded", {"Đã chuyển cấp trên", "Forwarded to the next level"}},
    {State::Accepted, "accepted", {"Tỉnh đã tiếp nhận", "Accepted by the province"}},
};

struct ActionInfo {
    Action value;
    std::string_view name;
    Label label;
};
constexpr ActionInfo kActions[] = {
    {Action::Save, "save", {"Lưu", "Save"}},
    {Action::Submit, "submit", {"Gửi báo cáo", "Submit"}},
    {Action::Return, "return", {"Trả lại để sửa", "Return for correction"}},
    {Action::Resubmit, "resubmit", {"Gửi lại", "Resubmit"}},
    {Action::Approve, "approve", {"Phê duyệt", "Approve"}},
    {Action::Forward, "forward", {"Chuyển cấp trên", "Forward"}},
    {Action::Accept, "accept", {"Tiếp nhận", "Accept"}},
    {Action::Reopen, "reopen", {"Hủy duyệt", "Reopen"}},
    {Action::Amend, "amend", {"Điều chỉnh (tạo bản sửa đổi)", "Amend (new revision)"}},
    {Action::Comment, "comment", {"Ghi chú", "Comment"}},
};

struct RoleInfo {
    Role value;
    std::string_view name;
    Label label;
};
constexpr RoleInfo kRoles[] = {
    {Role::CommuneOfficer, "commune_officer", {"Cán bộ cấp xã", "Commune officer"}},
    {Role::DistrictReviewer, "district_reviewer", {"Cán bộ duyệt cấp huyện", "District reviewer"}},
    {Role::ProvincialAdmin, "provincial_admin", {"Quản trị cấp tỉnh", "Provincial administrator"}},
    {Role::ProvincialViewer, "provincial_viewer", {"Người xem cấp tỉnh", "Provincial viewer"}},
    {Role::ProvincialReviewer, "provincial_reviewer", {"Cán bộ duyệt cấp tỉnh", "Provincial reviewer"}},
};

constexpr std::pair<Scope, std::string_view> kScopes[] = {
    {Scope::Unrelated, "unrelated"},
    {Scope::Owner, "owner"},
    {Scope::Ancestor, "ancestor"},
};

struct DenialInfo {
    Denial value;
    std::string_view name;
    Label label;
};
constexpr DenialInfo kDenials[] = {
    {Denial::None, "none", {"Được phép", "Allowed"}},
    {Denial::InvalidChain, "invalid_chain", {"Quy trình duyệt của kỳ báo cáo không hợp lệ", "The review chain is invalid"}},
    {Denial::InvalidState,
     "invalid_state",
     {"Trạng thái phiếu không hợp lệ với quy trình duyệt", "The record's state does not fit the review chain"}},
    {Denial::ReadOnlyRole, "read_only_role", {"Tài khoản chỉ có quyền xem", "This account may only view"}},
    {Denial::ActorLevelNotInChain,
     "actor_level_not_in_chain",
     {"Cấp của tài khoản không tham gia quy trình duyệt này", "Your level takes no part in this review chain"}},
    {Denial::RoleLevelMismatch,
     "role_level_mismatch",
     {"Vai trò của tài khoản không phù hợp với cấp", "The account's role does not match its level"}},
    {Denial::InconsistentScope,
     "inconsistent_scope",
     {"Đơn vị của tài khoản không khớp với cấp", "The account's unit does not match its level"}},
    {Denial::OutOfScope, "out_of_scope", {"Phiếu không thuộc phạm vi quản lý của đơn vị", "The record is outside your unit"}},
    {Denial::NotOwner, "not_owner", {"Chỉ đơn vị lập phiếu được làm việc này", "Only the owner unit may do this"}},
    {Denial::NotReviewer, "not_reviewer", {"Chỉ cấp duyệt được làm việc này", "Only a reviewing level may do this"}},
    {Denial::NotYourLevel,
     "not_your_level",
     {"Phiếu đang chờ xử lý ở cấp khác", "The record is waiting at another level"}},
    {Denial::StateChanged,
     "state_changed",
     {"Trạng thái phiếu đã thay đổi, vui lòng tải lại", "The record's state changed; reload it"}},
    {Denial::StaleReview,
     "stale_review",
     {"Số liệu đã thay đổi từ khi bạn xem, vui lòng xem lại", "The data changed since you reviewed it; review again"}},
    {Denial::WrongState, "wrong_state", {"Không thực hiện được ở trạng thái hiện tại", "Not possible in the current state"}},
    {Denial::FinalLevelAccepts,
     "final_level_accepts",
     {"Cấp cuối cùng dùng thao tác Tiếp nhận", "The final level accepts instead of approving"}},
    {Denial::NotFinalLevel,
     "not_final_level",
     {"Chỉ cấp cuối cùng được tiếp nhận", "Only the final level accepts"}},
    {Denial::ReasonRequired, "reason_required", {"Cần nhập lý do hoặc nội dung", "A reason or text is required"}},
    {Denial::UnansweredComments,
     "unanswered_comments",
     {"Cần trả lời tất cả ý kiến của cấp duyệt trước khi gửi lại",
      "Reply to every reviewer comment before resubmitting"}},
    {Denial::InvalidComment, "invalid_comment", {"Ý kiến hoặc trả lời không hợp lệ", "Invalid comment or reply"}},
};

template <typename Table, typename E>
const auto& findInfo(const Table& table, E value)
{
    for (const auto& info : table) {
        if (info.value == value) {
            return info;
        }
    }
    return table[0];  // unreachable for valid enumerators
}

template <typename E, typename Table>
Result<E> parseFrom(const Table& table, std::string_view name, std::string_view what)
{
    for (const auto& info : table) {
        if (info.name == name) {
            return info.value;
        }
    }
    return Status(ErrorCode::InvalidArgument, "unknown " + std::string(what) + " '" + std::string(name) + "'");
}

}  // namespace

std::string_view toName(State state) { return findInfo(kStates, state).name; }
std::string_view toName(Action action) { return findInfo(kActions, action).name; }
std::string_view toName(Role role) { return findInfo(kRoles, role).name; }
std::string_view toName(Denial denial) { return findInfo(kDenials, denial).name; }
std::string_view toName(Scope scope)
{
    for (const auto& [value, name] : kScopes) {
        if (value == scope) {
            return name;
        }
    }
    return "unrelated";
}

Result<State> parseState(std::string_view name) { return parseFrom<State>(kStates, name, "workflow state"); }
Result<Action> parseAction(std::string_view name) { return parseFrom<Action>(kActions, name, "workflow action"); }
Result<Role> parseRole(std::string_view name) { return parseFrom<Role>(kRoles, name, "role"); }
Result<Denial> parseDenial(std::string_view name) { return parseFrom<Denial>(kDenials, name, "denial reason"); }
Result<Scope> parseScope(std::string_view name)
{
    for (const auto& [value, n] : kScopes) {
        if (n == name) {
            return value;
        }
    }
    return Status(ErrorCode::InvalidArgument, "unknown scope '" + std::string(name) + "'");
}

Label label(State state) { return findInfo(kStates, state).label; }
Label label(Action action) { return findInfo(kActions, action).label; }
Label label(Role role) { return findInfo(kRoles, role).label; }
Label label(Denial denial) { return findInfo(kDenials, denial).label; }

}  // namespace dantoc::workflow
