#include "sync/Rejections.h"

#include <map>

namespace dantoc::server {

namespace {

const std::map<std::string, sync::LocalizedText>& messages()
{
    static const std::map<std::string, sync::LocalizedText> table{
        {"invalid", {"Dữ liệu của thao tác không hợp lệ với biểu mẫu", "The operation's values break the form"}},
        {"validation_failed", {"Kết quả sau khi gộp không hợp lệ", "The merged result fails validation"}},
        {"out_of_scope", {"Đơn vị ngoài phạm vi quản lý của tài khoản", "The unit is outside the account's scope"}},
        {"permission_denied", {"Tài khoản không có quyền thực hiện thao tác này", "The account may not do this"}},
        {"state_changed",
         {"Trạng thái phiếu đã thay đổi, vui lòng tải lại", "The record's state changed; reload it"}},
        {"stale_review",
         {"Đã có phiên bản mới hơn, vui lòng xem lại", "A newer version exists; review again"}},
        {"record_exists", {"Phiếu với mã này đã tồn tại", "A record with this id already exists"}},
        {"record_not_found", {"Không tìm thấy phiếu", "The record does not exist"}},
        {"form_version_unknown",
         {"Phiên bản biểu mẫu chưa được ban hành trên máy chủ", "The form version is not published on the server"}},
        {"frozen",
         {"Phiếu đã được duyệt, chỉ có thể đề xuất sửa đổi", "The record is approved; propose an amendment instead"}},
        {"period_closed",
         {"Kỳ báo cáo đã đóng, không nhận phiếu mới", "The reporting period is closed to new records"}},
        {"period_unknown", {"Kỳ báo cáo không tồn tại", "The reporting period does not exist"}},
        {"period_mismatch",
         {"Kỳ báo cáo không đúng loại kỳ của biểu mẫu (năm, 6 tháng, quý...)",
          "The reporting period is not of the form's kind (year, half-year, quarter...)"}},
    };
    return table;
}

std::string codeFor(workflow::Denial denial)
{
    using workflow::Denial;
    switch (denial) {
    case Denial::OutOfScope: return "out_of_scope";
    case Denial::StateChanged: return "state_changed";
    case Denial::StaleReview: return "stale_review";
    case Denial::WrongState:
    case Denial::FinalLevelAccepts:
    case Denial::NotFinalLevel:
    case Denial::ReasonRequired:
    case Denial::UnansweredComments:
    case Denial::InvalidComment: return "invalid";
    default: return "permission_denied";
    }
}

}  // namespace

sync::OpOutcome rejectOp(const std::string& opId, const std::string& code, const std::string& detail)
{
    sync::LocalizedText text{code, code};
    if (auto it = messages().find(code); it != messages().end()) {
        text = it->second;
    }
    if (!detail.empty()) {
        text.vi += ": " + detail;
        text.en += ": " + detail;
    }
    return sync::OpOutcome::rejected(opId, code, std::move(text));
}

sync::OpOutcome rejectDenial(const std::string& opId, workflow::Denial denial)
{
    const workflow::Label label = workflow::label(denial);
    return sync::OpOutcome::rejected(opId, codeFor(denial), sync::LocalizedText{std::string(label.vi),
                                                                                std::string(label.en)});
}

}  // namespace dantoc::server
