<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>DeskApplication</name>
    <message>
        <source>Ethnic-affairs data: survey entry, review and reports, offline first.</source>
        <translation>Dữ liệu công tác dân tộc: nhập phiếu, duyệt và báo cáo, làm việc cả khi mất mạng.</translation>
    </message>
    <message>
        <source>The local store directory.</source>
        <translation>Thư mục kho dữ liệu trên máy.</translation>
    </message>
    <message>
        <source>Interface language: vi or en.</source>
        <translation>Ngôn ngữ giao diện: vi hoặc en.</translation>
    </message>
    <message>
        <source>Quit once the first screen is shown (smoke tests).</source>
        <translation>Thoát ngay khi màn hình đầu tiên hiện ra (để kiểm thử).</translation>
    </message>
</context>
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
    <name>PassphraseText</name>
    <message>
        <source>Use at least %1 characters; a short sentence is easy to remember.</source>
        <translation>Dùng ít nhất %1 ký tự; một câu ngắn sẽ dễ nhớ.</translation>
    </message>
    <message>
        <source>Too easy to guess: avoid repeated characters and runs like 12345.</source>
        <translation>Quá dễ đoán: tránh ký tự lặp lại và dãy như 12345.</translation>
    </message>
    <message>
        <source>This passphrase is among the first ones a thief tries.</source>
        <translation>Mật khẩu này nằm trong số những mật khẩu kẻ gian thử đầu tiên.</translation>
    </message>
    <message>
        <source>Mix letters with digits or spaces, or use at least %1 characters.</source>
        <translation>Kết hợp chữ với số hoặc dấu cách, hoặc dùng ít nhất %1 ký tự.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>province</source>
        <translation>tỉnh</translation>
    </message>
    <message>
        <source>district</source>
        <translation>huyện</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <source>village</source>
        <translation>thôn</translation>
    </message>
</context>
<context>
    <name>StateText</name>
    <message>
        <source>Draft</source>
        <translation>Nháp</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Returned for correction</source>
        <translation>Bị trả lại để sửa</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Đã chuyển lên</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Máy chủ từ chối</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Waiting for the attachment</source>
        <translation>Chờ tải bản đính kèm</translation>
    </message>
    <message>
        <source>No longer in your area</source>
        <translation>Không còn thuộc địa bàn</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s) (due %1)</source>
        <translation>
            <numerusform>quá hạn %n ngày (hạn %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due %1 (%n day(s) left)</source>
        <translation>
            <numerusform>hạn %1 (còn %n ngày)</numerusform>
        </translation>
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
    <name>dantoc::gui::DeskSession</name>
    <message>
        <source>dantoc — unlock</source>
        <translation>dantoc — mở khóa</translation>
    </message>
    <message numerus="yes">
        <source>The store was locked. It locks by itself after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Kho đã được khóa. Kho tự khóa sau %n phút không sử dụng.</numerusform>
        </translation>
    </message>
    <message>
        <source>The store was locked.</source>
        <translation>Kho đã được khóa.</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::EnrollWizard</name>
    <message>
        <source>Connect this computer to the provincial server</source>
        <translation>Kết nối máy tính này với máy chủ của tỉnh</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Quay lại</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Tiếp &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Open dantoc</source>
        <translation>Mở dantoc</translation>
    </message>
    <message>
        <source>Provincial server</source>
        <translation>Máy chủ của tỉnh</translation>
    </message>
    <message>
        <source>Type the address the provincial ethnic-affairs board gave you.</source>
        <translation>Nhập địa chỉ do Ban Dân tộc tỉnh cung cấp.</translation>
    </message>
    <message>
        <source>Check the server</source>
        <translation>Kiểm tra máy chủ</translation>
    </message>
    <message>
        <source>The fingerprint above is the same as the one on the board's letter</source>
        <translation>Dấu vân tay trên trùng khớp với dấu vân tay trong văn bản của Ban</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>Compare every group of the certificate fingerprint with the one the board sent you. If they differ, stop: someone may be impersonating the server.</source>
        <translation>So sánh từng nhóm ký tự của dấu vân tay chứng chỉ với dấu vân tay Ban đã gửi. Nếu khác nhau, hãy dừng lại: có thể có kẻ giả mạo máy chủ.</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters.</source>
        <translation>Mật khẩu mới cần ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <source>The new password must differ from the default one.</source>
        <translation>Mật khẩu mới phải khác mật khẩu mặc định.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Hai lần nhập mật khẩu mới không giống nhau.</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Tài khoản của bạn</translation>
    </message>
    <message>
        <source>The default password from the board must be changed at the first login.</source>
        <translation>Mật khẩu mặc định do Ban cấp phải được đổi ở lần đăng nhập đầu tiên.</translation>
    </message>
    <message>
        <source>I changed the default password already (this computer replaces another)</source>
        <translation>Tôi đã đổi mật khẩu mặc định trước đây (máy này thay cho máy khác)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Hai lần nhập mật khẩu kho không giống nhau.</translation>
    </message>
    <message>
        <source>Passphrase of the local store</source>
        <translation>Mật khẩu kho dữ liệu trên máy</translation>
    </message>
    <message>
        <source>Everything on this computer is encrypted with it. Nobody can recover it: write it down and keep it locked away.</source>
        <translation>Mọi dữ liệu trên máy này được mã hóa bằng mật khẩu này. Không ai khôi phục được nếu quên: hãy ghi lại và cất giữ cẩn thận.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu kho</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Nhập lại mật khẩu kho</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Đang kết nối</translation>
    </message>
    <message>
        <source>The address must look like https://server:8443</source>
        <translation>Địa chỉ phải có dạng https://máy-chủ:8443</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Đang liên hệ %1…</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>Dấu vân tay chứng chỉ (SHA-256):</translation>
    </message>
    <message>
        <source>Creating the encrypted store and connecting to the server…</source>
        <translation>Đang tạo kho dữ liệu mã hóa và kết nối với máy chủ…</translation>
    </message>
    <message>
        <source>The server asks for a new password: go back and fill in the new password.</source>
        <translation>Máy chủ yêu cầu đổi mật khẩu: hãy quay lại và nhập mật khẩu mới.</translation>
    </message>
    <message>
        <source>Wrong account or password: go back and check them.</source>
        <translation>Sai tài khoản hoặc mật khẩu: hãy quay lại và kiểm tra.</translation>
    </message>
    <message>
        <source>This computer is connected. The store is encrypted with your passphrase; data is sent whenever the server can be reached.</source>
        <translation>Máy tính đã được kết nối. Kho dữ liệu được mã hóa bằng mật khẩu kho của bạn; dữ liệu sẽ được gửi mỗi khi kết nối được máy chủ.</translation>
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
    <message numerus="yes">
        <source>Not submitted: %n error(s) to fix. Click a problem in the list to go to it.</source>
        <translation>
            <numerusform>Chưa gửi: còn %n lỗi. Bấm vào từng lỗi trong danh sách để đến chỗ cần sửa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted for review. It reaches the reviewer at the next synchronisation.</source>
        <translation>Đã gửi thẩm định. Phiếu sẽ đến cấp thẩm định ở lần đồng bộ tới.</translation>
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
        <source>Save the form; it is sent to the server at the next synchronisation</source>
        <translation>Lưu phiếu; phiếu sẽ được gửi lên máy chủ ở lần đồng bộ tới</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Gửi thẩm định</translation>
    </message>
    <message>
        <source>Send the form up for review; all errors must be fixed first</source>
        <translation>Gửi phiếu lên cấp trên thẩm định; phải sửa hết lỗi trước</translation>
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
    <message>
        <source>This record was updated (state: %1); the screen shows the new version.</source>
        <translation>Phiếu đã được cập nhật (trạng thái: %1); màn hình đang hiện bản mới.</translation>
    </message>
    <message>
        <source>This form was returned for correction, but the reviewer's comments could not be read: %1</source>
        <translation>Phiếu này đã bị trả lại để sửa, nhưng không đọc được nhận xét của người duyệt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reviewer's comment(s) to answer</source>
        <translation>
            <numerusform>%n nhận xét của người duyệt cần trả lời</numerusform>
        </translation>
    </message>
    <message>
        <source>reviewer's comments answered</source>
        <translation>đã trả lời nhận xét của người duyệt</translation>
    </message>
    <message>
        <source>Returned for correction by %1 on %2.</source>
        <translation>%1 đã trả lại để sửa ngày %2.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
    <message>
        <source>Returned for correction.</source>
        <translation>Đã bị trả lại để sửa.</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on fields still need your reply: answer each one beside its field, then submit again.</source>
        <translation>
            <numerusform>Còn %n nhận xét theo trường cần bạn trả lời: trả lời từng nhận xét bên cạnh trường đó, rồi gửi lại.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every comment has a reply. Correct what is needed, then submit again.</source>
        <translation>Mọi nhận xét đều đã có trả lời. Hãy sửa những gì cần sửa, rồi gửi lại.</translation>
    </message>
    <message>
        <source>Comments on fields this form does not show: %1</source>
        <translation>Nhận xét về các trường phiếu này không hiển thị: %1</translation>
    </message>
    <message>
        <source>The reply was not saved: %1</source>
        <translation>Chưa lưu được trả lời: %1</translation>
    </message>
    <message>
        <source>Reply saved. It reaches the reviewer at the next synchronisation.</source>
        <translation>Đã lưu trả lời. Người duyệt sẽ nhận được ở lần đồng bộ tới.</translation>
    </message>
    <message numerus="yes">
        <source>Not sent back yet: %n comment(s) of the reviewer still need your reply. Write it under the comment and press "Send reply".</source>
        <translation>
            <numerusform>Chưa gửi lại được: còn %n nhận xét của người duyệt cần bạn trả lời. Hãy ghi trả lời dưới nhận xét và bấm «Gửi trả lời».</numerusform>
        </translation>
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
<context>
    <name>dantoc::gui::LikelyDuplicates</name>
    <message>
        <source>«%1» (row %2)</source>
        <translation>«%1» (dòng %2)</translation>
    </message>
    <message>
        <source>%1: %2 may be the same</source>
        <translation>%1: %2 có thể là một</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::MainWindow</name>
    <message>
        <source>dantoc — ethnic-affairs data</source>
        <translation>dantoc — dữ liệu công tác dân tộc</translation>
    </message>
    <message>
        <source>Find a unit (e.g. bat xat)</source>
        <translation>Tìm đơn vị (ví dụ: bat xat)</translation>
    </message>
    <message>
        <source>Search records</source>
        <translation>Tìm phiếu</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Danh sách phiếu</translation>
    </message>
    <message>
        <source>Records that need attention</source>
        <translation>Phiếu cần xử lý</translation>
    </message>
    <message>
        <source>Not connected to a server: data stays on this computer</source>
        <translation>Chưa kết nối máy chủ: dữ liệu chỉ lưu trên máy này</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Chính</translation>
    </message>
    <message>
        <source>New record…</source>
        <translation>Phiếu mới…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Kho dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>Tất cả các kỳ</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Double-click to open the record and correct it.</source>
        <translation>Nhấp đúp để mở phiếu và sửa.</translation>
    </message>
    <message>
        <source>Nothing refused or waiting.</source>
        <translation>Không có phiếu bị từ chối hay đang chờ.</translation>
    </message>
    <message>
        <source>Cannot open the record</source>
        <translation>Không mở được phiếu</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Phiếu</translation>
    </message>
    <message>
        <source>Cannot create the record</source>
        <translation>Không tạo được phiếu</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Phiếu mới</translation>
    </message>
    <message>
        <source>Choose a unit in the tree first.</source>
        <translation>Hãy chọn một đơn vị trong cây trước.</translation>
    </message>
    <message>
        <source>No form is made for this kind of unit.</source>
        <translation>Chưa có biểu mẫu nào cho loại đơn vị này.</translation>
    </message>
    <message>
        <source>New record for %1</source>
        <translation>Phiếu mới cho %1</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>Chờ duyệt</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::PositionButton</name>
    <message>
        <source>Use my position</source>
        <translation>Lấy vị trí hiện tại</translation>
    </message>
    <message>
        <source>Fills the coordinates from this computer's location source; they can still be typed.</source>
        <translation>Điền tọa độ từ nguồn định vị của máy này; vẫn có thể nhập tay.</translation>
    </message>
    <message>
        <source>The location source gave no valid position: type the coordinates.</source>
        <translation>Nguồn định vị không cho vị trí hợp lệ: hãy nhập tọa độ.</translation>
    </message>
    <message>
        <source>No position within %1 seconds: type the coordinates.</source>
        <translation>Không lấy được vị trí trong %1 giây: hãy nhập tọa độ.</translation>
    </message>
    <message>
        <source>The location source is not available: type the coordinates.</source>
        <translation>Không dùng được nguồn định vị: hãy nhập tọa độ.</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::RecordListModel</name>
    <message>
        <source>No records yet</source>
        <translation>Chưa có phiếu nào</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n phiếu</numerusform>
        </translation>
    </message>
    <message>
        <source>Unit code %1</source>
        <translation>Mã đơn vị %1</translation>
    </message>
    <message>
        <source>Form %1, version %2</source>
        <translation>Biểu mẫu %1, phiên bản %2</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Cần xử lý</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Sửa lần cuối</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::ReviewCommentBox</name>
    <message>
        <source>Your reply to the reviewer (what you checked or corrected)</source>
        <translation>Trả lời người duyệt (bạn đã kiểm tra hoặc sửa gì)</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Gửi trả lời</translation>
    </message>
    <message>
        <source>Reviewer's comment (%1, %2):</source>
        <translation>Nhận xét của người duyệt (%1, %2):</translation>
    </message>
    <message>
        <source>Reviewer's comment on "%1" (%2, %3):</source>
        <translation>Nhận xét của người duyệt về «%1» (%2, %3):</translation>
    </message>
    <message>
        <source>Your reply: %1</source>
        <translation>Bạn đã trả lời: %1</translation>
    </message>
    <message>
        <source>Write your reply first: an empty reply tells the reviewer nothing.</source>
        <translation>Hãy ghi nội dung trả lời trước: trả lời để trống không giúp gì cho người duyệt.</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::ReviewQueueModel</name>
    <message numerus="yes">
        <source>%n record(s) awaiting review</source>
        <translation>
            <numerusform>%n phiếu chờ duyệt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n quá hạn</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (quá hạn)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn nộp</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::ReviewQueueWidget</name>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Biểu mẫu:</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>Tất cả các kỳ</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>Tất cả biểu mẫu</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::ReviewRecordWidget</name>
    <message>
        <source>What should the commune check or correct?</source>
        <translation>Xã cần kiểm tra hoặc sửa gì?</translation>
    </message>
    <message>
        <source>Write the reason for returning it: the commune sees it first.</source>
        <translation>Hãy ghi lý do trả lại: xã sẽ thấy lý do này trước tiên.</translation>
    </message>
    <message>
        <source>The comment on "%1" is empty: write it or remove it.</source>
        <translation>Nhận xét về «%1» đang để trống: hãy ghi nội dung hoặc xoá nhận xét.</translation>
    </message>
    <message>
        <source>Comments go with a return. Remove them, or return the record instead.</source>
        <translation>Nhận xét chỉ đi kèm khi trả lại. Hãy xoá nhận xét, hoặc chọn trả lại hồ sơ.</translation>
    </message>
    <message>
        <source>Not done: the content changed since you opened it (version %1 → %2). The new content is shown, with what changed highlighted; look at it again before you act.</source>
        <translation>Chưa thực hiện: nội dung đã thay đổi từ khi bạn mở (phiên bản %1 → %2). Nội dung mới đang hiển thị, phần thay đổi được tô màu; hãy xem lại trước khi xử lý.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Chưa thực hiện: %1</translation>
    </message>
    <message numerus="yes">
        <source>Returned to the commune with %n field comment(s); it is sent at the next synchronisation.</source>
        <translation>
            <numerusform>Đã trả lại xã kèm %n nhận xét; sẽ được gửi đi ở lần đồng bộ tới.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved; it is sent at the next synchronisation.</source>
        <translation>Đã duyệt; sẽ được gửi đi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Forwarded; it is sent at the next synchronisation.</source>
        <translation>Đã chuyển lên cấp trên; sẽ được gửi đi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Accepted; it is sent at the next synchronisation.</source>
        <translation>Đã tiếp nhận; sẽ được gửi đi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Nothing for you to do on this record now.</source>
        <translation>Hiện bạn không có việc gì cần xử lý với hồ sơ này.</translation>
    </message>
    <message>
        <source>Your action covers content version %1, as shown.</source>
        <translation>Thao tác của bạn áp dụng cho phiên bản nội dung %1 đang hiển thị.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Trả lời: %1</translation>
    </message>
    <message>
        <source>No comments or history yet.</source>
        <translation>Chưa có nhận xét hay lịch sử nào.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Bản quét</translation>
    </message>
    <message>
        <source>Scan (%1)</source>
        <translation>Bản quét (%1)</translation>
    </message>
    <message>
        <source>No signed scan or photo is attached to this record.</source>
        <translation>Hồ sơ này không có bản quét có chữ ký hay ảnh đính kèm.</translation>
    </message>
    <message>
        <source>The scan "%1" is not on this computer yet: it is fetched at the next synchronisation.</source>
        <translation>Bản quét «%1» chưa có trên máy này: sẽ được tải về ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>The scan could not be read: %1</source>
        <translation>Không đọc được bản quét: %1</translation>
    </message>
    <message>
        <source>The PDF could not be shown (damaged or protected).</source>
        <translation>Không hiển thị được tệp PDF (bị hỏng hoặc có bảo vệ).</translation>
    </message>
    <message>
        <source>This file cannot be shown here (%1).</source>
        <translation>Không thể hiển thị tệp này tại đây (%1).</translation>
    </message>
    <message>
        <source>The server refused your last action on this record: %1 The record as the server holds it now is shown.</source>
        <translation>Máy chủ đã từ chối thao tác gần nhất của bạn với hồ sơ này: %1 Đang hiển thị hồ sơ như trên máy chủ hiện nay.</translation>
    </message>
    <message>
        <source>Double-click a field to comment on it in the return.</source>
        <translation>Nháy đúp vào một trường để ghi nhận xét khi trả lại.</translation>
    </message>
    <message>
        <source>Reason for returning (the commune sees it):</source>
        <translation>Lý do trả lại (xã sẽ thấy):</translation>
    </message>
    <message>
        <source>e.g. The number of poor households is much higher than last period.</source>
        <translation>Ví dụ: Số hộ nghèo cao hơn nhiều so với kỳ trước.</translation>
    </message>
    <message>
        <source>Comments on fields (double-click a field on the left to add one):</source>
        <translation>Nhận xét theo trường (nháy đúp vào trường bên trái để thêm):</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <source>Comment on the selected field</source>
        <translation>Nhận xét trường đang chọn</translation>
    </message>
    <message>
        <source>Remove comment</source>
        <translation>Xoá nhận xét</translation>
    </message>
    <message>
        <source>Select a field on the left first.</source>
        <translation>Hãy chọn một trường ở bên trái trước.</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>Trả lại để sửa</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Send it back to the commune with the reason and the field comments</source>
        <translation>Trả hồ sơ về xã kèm lý do và các nhận xét theo trường</translation>
    </message>
    <message>
        <source>Approve what is shown (content version on screen)</source>
        <translation>Duyệt nội dung đang hiển thị (phiên bản trên màn hình)</translation>
    </message>
    <message>
        <source>Send the approved record up to the next level</source>
        <translation>Chuyển hồ sơ đã duyệt lên cấp trên</translation>
    </message>
    <message>
        <source>Accept it at the final level: it counts in the official figures</source>
        <translation>Tiếp nhận ở cấp cuối: hồ sơ được tính vào số liệu chính thức</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <source>Comments and history</source>
        <translation>Nhận xét và lịch sử</translation>
    </message>
    <message>
        <source>The record could not be opened: %1</source>
        <translation>Không mở được hồ sơ: %1</translation>
    </message>
    <message>
        <source>The form of this record is not in the store yet; synchronise first (%1).</source>
        <translation>Biểu mẫu của hồ sơ này chưa có trên máy; hãy đồng bộ trước (%1).</translation>
    </message>
    <message>
        <source>The content changed since you opened it (version %1 → %2): the new content is shown, with what changed highlighted. Look at it again before you act.</source>
        <translation>Nội dung đã thay đổi từ khi bạn mở (phiên bản %1 → %2): nội dung mới đang hiển thị, phần thay đổi được tô màu. Hãy xem lại trước khi xử lý.</translation>
    </message>
    <message>
        <source>%1 · state: %2 · content version %3</source>
        <translation>%1 · trạng thái: %2 · phiên bản nội dung %3</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>quá hạn từ %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Đã thay đổi</translation>
    </message>
    <message>
        <source>When returned (v%1)</source>
        <translation>Khi trả lại (pb %1)</translation>
    </message>
    <message>
        <source>Previous period (%1)</source>
        <translation>Kỳ trước (%1)</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>So sánh với</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>Hồ sơ này</translation>
    </message>
    <message>
        <source>Nothing changed since it was returned.</source>
        <translation>Không có gì thay đổi từ khi trả lại.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed since it was returned (highlighted).</source>
        <translation>
            <numerusform>%n trường đã thay đổi từ khi trả lại (được tô màu).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) from the previous period (highlighted).</source>
        <translation>
            <numerusform>%n điểm khác so với kỳ trước (được tô màu).</numerusform>
        </translation>
    </message>
    <message>
        <source>No earlier report of this unit and form in the store to compare with.</source>
        <translation>Trên máy chưa có báo cáo trước đây của đơn vị và biểu mẫu này để so sánh.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n dòng</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Dòng %1</translation>
    </message>
    <message>
        <source>Row removed</source>
        <translation>Dòng đã xoá</translation>
    </message>
    <message>
        <source>draft created</source>
        <translation>tạo bản nháp</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>đã lưu</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>gửi duyệt</translation>
    </message>
    <message>
        <source>submitted again after correction</source>
        <translation>gửi lại sau khi sửa</translation>
    </message>
    <message>
        <source>returned for correction</source>
        <translation>trả lại để sửa</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <source>forwarded to the next level</source>
        <translation>chuyển lên cấp trên</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>đã tiếp nhận</translation>
    </message>
    <message>
        <source>approval taken back</source>
        <translation>rút lại việc duyệt</translation>
    </message>
    <message>
        <source>comment or reply written</source>
        <translation>ghi nhận xét hoặc trả lời</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>máy này</translation>
    </message>
    <message>
        <source>Take back approval</source>
        <translation>Rút lại phê duyệt</translation>
    </message>
    <message>
        <source>Undo your approval while the record has not been forwarded yet</source>
        <translation>Hủy phê duyệt của bạn khi hồ sơ chưa được chuyển lên cấp trên</translation>
    </message>
    <message>
        <source>⚠ %1 — explanation: %2</source>
        <translation>⚠ %1 — giải trình: %2</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>chưa giải trình</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Cảnh báo:</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Not connected to a server: data stays on this computer</source>
        <translation>Chưa kết nối máy chủ: dữ liệu chỉ lưu trên máy này</translation>
    </message>
    <message>
        <source>Everything sent</source>
        <translation>Đã gửi hết</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n thay đổi đang chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Mất kết nối</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Đang kết nối…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Trực tuyến</translation>
    </message>
    <message>
        <source>● Syncing…</source>
        <translation>● Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Sending %1/%2 · %3</source>
        <translation>Đang gửi %1/%2 · %3</translation>
    </message>
    <message>
        <source>Uploading scans %1/%2 · %3</source>
        <translation>Đang tải bản quét %1/%2 · %3</translation>
    </message>
    <message>
        <source>Receiving %1 record(s) · %2</source>
        <translation>Đang nhận %1 phiếu · %2</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::UnitTreeModel</name>
    <message>
        <source>Administrative units</source>
        <translation>Đơn vị hành chính</translation>
    </message>
    <message>
        <source>%1 %2 (code %3)</source>
        <translation>%1 %2 (mã %3)</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::UnlockWidget</name>
    <message>
        <source>Open the local store</source>
        <translation>Mở kho dữ liệu trên máy</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Kho: %1</translation>
    </message>
    <message>
        <source>Store passphrase</source>
        <translation>Mật khẩu kho</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu kho</translation>
    </message>
    <message>
        <source>Type the store passphrase.</source>
        <translation>Hãy nhập mật khẩu kho.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Đang mở khóa…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again; the store is unchanged.</source>
        <translation>Sai mật khẩu kho. Hãy thử lại; kho không bị thay đổi.</translation>
    </message>
</context>
</TS>