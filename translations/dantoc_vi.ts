<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <source>The data is not valid.</source>
        <translation>Dữ liệu không hợp lệ.</translation>
    </message>
    <message>
        <source>The data could not be read.</source>
        <translation>Không đọc được dữ liệu.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Không tìm thấy.</translation>
    </message>
    <message>
        <source>It already exists.</source>
        <translation>Đã tồn tại.</translation>
    </message>
    <message>
        <source>Someone else changed it meanwhile.</source>
        <translation>Đã có người khác thay đổi trong lúc này.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Bạn không có quyền thực hiện thao tác này.</translation>
    </message>
    <message>
        <source>Wrong password or passphrase.</source>
        <translation>Sai mật khẩu hoặc mật khẩu kho.</translation>
    </message>
    <message>
        <source>This cannot be done now.</source>
        <translation>Chưa thể thực hiện việc này lúc này.</translation>
    </message>
    <message>
        <source>A size limit was reached.</source>
        <translation>Đã vượt quá giới hạn kích thước.</translation>
    </message>
    <message>
        <source>The disk could not be read or written.</source>
        <translation>Không đọc hoặc ghi được ổ đĩa.</translation>
    </message>
    <message>
        <source>The local store is damaged. Contact the provincial IT officer.</source>
        <translation>Kho dữ liệu trên máy bị hỏng. Hãy liên hệ cán bộ tin học của tỉnh.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your work is kept and will be sent later.</source>
        <translation>Không kết nối được máy chủ. Dữ liệu của bạn vẫn được giữ và sẽ được gửi sau.</translation>
    </message>
    <message>
        <source>An internal error occurred.</source>
        <translation>Đã xảy ra lỗi nội bộ.</translation>
    </message>
    <message>
        <source>This unit is outside your account's area.</source>
        <translation>Đơn vị này nằm ngoài địa bàn của tài khoản.</translation>
    </message>
    <message>
        <source>The record changed after you looked at it.</source>
        <translation>Phiếu đã thay đổi sau khi bạn xem.</translation>
    </message>
    <message>
        <source>The record's state changed on the server.</source>
        <translation>Trạng thái của phiếu đã thay đổi trên máy chủ.</translation>
    </message>
    <message>
        <source>The reporting period is closed.</source>
        <translation>Kỳ báo cáo đã khóa.</translation>
    </message>
    <message>
        <source>The server does not know this reporting period.</source>
        <translation>Máy chủ không có kỳ báo cáo này.</translation>
    </message>
    <message>
        <source>The period does not match the form's kind of period.</source>
        <translation>Kỳ báo cáo không đúng loại kỳ của biểu mẫu.</translation>
    </message>
    <message>
        <source>The server found errors in the data.</source>
        <translation>Máy chủ phát hiện lỗi trong dữ liệu.</translation>
    </message>
    <message>
        <source>The server does not know this form version.</source>
        <translation>Máy chủ không có phiên bản biểu mẫu này.</translation>
    </message>
    <message>
        <source>Merged with another change, the record would break the form's rules.</source>
        <translation>Khi gộp với thay đổi khác, phiếu sẽ vi phạm quy tắc của biểu mẫu.</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Tài khoản của bạn không được làm việc này.</translation>
    </message>
    <message>
        <source>A record with this id already exists on the server.</source>
        <translation>Trên máy chủ đã có phiếu với mã này.</translation>
    </message>
    <message>
        <source>The record does not exist on the server.</source>
        <translation>Phiếu không tồn tại trên máy chủ.</translation>
    </message>
    <message>
        <source>The record is locked on the server.</source>
        <translation>Phiếu đã bị khóa trên máy chủ.</translation>
    </message>
    <message>
        <source>Waiting for the attached scan to finish uploading.</source>
        <translation>Đang chờ tải xong bản quét đính kèm.</translation>
    </message>
    <message>
        <source>Changed in two places at once: check the highlighted fields.</source>
        <translation>Bị sửa đồng thời ở hai nơi: hãy kiểm tra các ô được đánh dấu.</translation>
    </message>
    <message>
        <source>The server's certificate is not the one you confirmed. Do not continue; call the provincial IT officer.</source>
        <translation>Chứng chỉ của máy chủ không phải chứng chỉ bạn đã xác nhận. Đừng tiếp tục; hãy gọi cán bộ tin học của tỉnh.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Không kết nối được máy chủ.</translation>
    </message>
    <message>
        <source>Wrong account or password.</source>
        <translation>Sai tài khoản hoặc mật khẩu.</translation>
    </message>
    <message>
        <source>This store is bound to another account.</source>
        <translation>Kho dữ liệu này đã gắn với tài khoản khác.</translation>
    </message>
    <message>
        <source>The server is busy; it will be tried again.</source>
        <translation>Máy chủ đang bận; sẽ thử lại sau.</translation>
    </message>
    <message>
        <source>Refused by the server (%1).</source>
        <translation>Máy chủ từ chối (%1).</translation>
    </message>
</context>
<context>
    <name>FieldEditorFactory</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Type to search, or press Down for the list</source>
        <translation>Gõ để tìm, hoặc bấm phím mũi tên xuống để xem danh sách</translation>
    </message>
    <message>
        <source>Calculated from other answers</source>
        <translation>Tự tính từ các câu trả lời khác</translation>
    </message>
    <message>
        <source>Latitude, e.g. 22,60</source>
        <translation>Vĩ độ, ví dụ 22,60</translation>
    </message>
    <message>
        <source>Longitude, e.g. 103,71</source>
        <translation>Kinh độ, ví dụ 103,71</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Vĩ độ</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Kinh độ</translation>
    </message>
    <message>
        <source>Attach a scan or photo…</source>
        <translation>Đính kèm bản quét hoặc ảnh…</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>Chưa đính kèm tệp</translation>
    </message>
    <message>
        <source>Add row (Insert)</source>
        <translation>Thêm dòng (Insert)</translation>
    </message>
    <message>
        <source>Remove row (Ctrl+Delete)</source>
        <translation>Xóa dòng (Ctrl+Delete)</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Chuyển lên (Alt+↑)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Chuyển xuống (Alt+↓)</translation>
    </message>
    <message>
        <source>Type over a cell or press F2 to edit it; Enter goes down. Rows copied from Excel are pasted with Ctrl+V.</source>
        <translation>Gõ đè lên ô hoặc bấm F2 để sửa; Enter chuyển xuống dòng dưới. Dán các dòng sao chép từ Excel bằng Ctrl+V.</translation>
    </message>
</context>
<context>
    <name>ValueText</name>
    <message>
        <source>No file attached</source>
        <translation>Chưa đính kèm tệp</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Dòng %1, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the list of problems)</source>
        <translation>
            <numerusform>… và %n lỗi khác (xem danh sách lỗi)</numerusform>
        </translation>
    </message>
    <message>
        <source>Explain this warning for the reviewer: %1</source>
        <translation>Ghi giải trình cảnh báo này cho cán bộ thẩm định: %1</translation>
    </message>
    <message>
        <source>Explanation (required to submit)</source>
        <translation>Nội dung giải trình (bắt buộc để gửi)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n mục</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dantoc::gui::FormEntryWidget</name>
    <message>
        <source>This form is "%1": it can no longer be changed here. A reviewer can return it for correction.</source>
        <translation>Phiếu đang ở trạng thái "%1": không sửa được ở đây nữa. Cán bộ thẩm định có thể trả lại phiếu để sửa.</translation>
    </message>
    <message>
        <source>Your last change could not be written to this computer: %1</source>
        <translation>Không lưu được thay đổi vừa nhập vào máy này: %1</translation>
    </message>
    <message>
        <source>The form was not saved: %1</source>
        <translation>Chưa lưu được phiếu: %1</translation>
    </message>
    <message>
        <source>Saved. It will be sent at the next synchronisation.</source>
        <translation>Đã lưu. Phiếu sẽ được gửi lên ở lần đồng bộ tới.</translation>
    </message>
    <message numerus="yes">
        <source>Saved as a draft; %n error(s) must still be fixed before submitting.</source>
        <translation>
            <numerusform>Đã lưu nháp; còn %n lỗi phải sửa trước khi gửi.</numerusform>
        </translation>
    </message>
    <message>
        <source>The form was not submitted: %1</source>
        <translation>Chưa gửi được phiếu: %1</translation>
    </message>
    <message>
        <source>Submitted for review. It will be sent to the district at the next synchronisation.</source>
        <translation>Đã gửi thẩm định. Phiếu sẽ được chuyển lên huyện ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Attach a signed scan or a photo</source>
        <translation>Đính kèm bản quét có chữ ký hoặc ảnh chụp</translation>
    </message>
    <message>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>Bản quét và ảnh (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>The file was not attached: %1</source>
        <translation>Chưa đính kèm được tệp: %1</translation>
    </message>
    <message>
        <source>Attached %1 (%2), encrypted in this computer's store.</source>
        <translation>Đã đính kèm %1 (%2), được mã hóa trong kho dữ liệu của máy này.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the form; it is sent to the district at the next synchronisation</source>
        <translation>Lưu phiếu; phiếu sẽ được gửi lên huyện ở lần đồng bộ tới</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Gửi thẩm định</translation>
    </message>
    <message>
        <source>Send the form to the district for review; all errors must be fixed first</source>
        <translation>Gửi phiếu lên huyện thẩm định; phải sửa hết lỗi trước</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>The form could not be opened: %1</source>
        <translation>Không mở được phiếu: %1</translation>
    </message>
    <message>
        <source>Form %1 version %2 is not in this computer's store; synchronise, then try again.</source>
        <translation>Máy này chưa có biểu mẫu %1 phiên bản %2; hãy đồng bộ rồi thử lại.</translation>
    </message>
    <message>
        <source>The saved answers of this form could not be read.</source>
        <translation>Không đọc được các câu trả lời đã lưu của phiếu này.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Problems to check</source>
        <translation>Các lỗi cần kiểm tra</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (mã %2)</translation>
    </message>
    <message>
        <source>Unit: %1  ·  Reporting period: %2  ·  State: %3</source>
        <translation>Đơn vị: %1  ·  Kỳ báo cáo: %2  ·  Trạng thái: %3</translation>
    </message>
    <message numerus="yes">
        <source>Not submitted: %n error(s) to fix. Click a problem in the list to go to it.</source>
        <translation>
            <numerusform>Chưa gửi: còn %n lỗi. Bấm vào từng lỗi trong danh sách để đến chỗ cần sửa.</numerusform></translation>
    </message>
</context>
<context>
    <name>dantoc::gui::IssueListWidget</name>
    <message>
        <source>%1, row %2, %3: %4</source>
        <translation>%1, dòng %2, %3: %4</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, dòng %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Error: must be fixed before submitting</source>
        <translation>Lỗi: phải sửa trước khi gửi</translation>
    </message>
    <message>
        <source>Warning: check it, and explain it if it is right</source>
        <translation>Cảnh báo: kiểm tra lại; nếu số liệu đúng thì ghi giải trình</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Không có lỗi</translation>
    </message>
    <message>
        <source>Errors: %1 · Warnings: %2</source>
        <translation>Lỗi: %1 · Cảnh báo: %2</translation>
    </message>
</context>
</TS>