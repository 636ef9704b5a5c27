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
</TS>