#include "validation/Messages.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace dantoc::validation {

namespace {

struct Entry {
    std::string_view code;
    std::string_view vi;
    std::string_view en;
};

constexpr std::array<Entry, 21> kMessages = {{
    {"required", "Bắt buộc nhập", "Required"},
    {"type", "Sai kiểu dữ liệu: cần {expected}", "Wrong type: expected {expected}"},
    {"min", "Giá trị phải ≥ {min}", "Must be at least {min}"},
    {"max", "Giá trị phải ≤ {max}", "Must be at most {max}"},
    {"min_length", "Phải có ít nhất {min_length} ký tự", "Must have at least {min_length} characters"},
    {"max_length", "Không được quá {max_length} ký tự", "Must have at most {max_length} characters"},
    {"regex", "Không đúng định dạng", "Does not match the required format"},
    {"not_in_choices", "Mã \"{value}\" không có trong danh sách lựa chọn", "Code \"{value}\" is not in the choice list"},
    {"unknown_field", "Trường \"{name}\" không có trong biểu mẫu", "Field \"{name}\" is not part of the form"},
    {"constraint", "Giá trị không thỏa điều kiện: {expression}", "Value does not satisfy: {expression}"},
    {"check", "Không thỏa kiểm tra {check}", "Check {check} failed"},
    {"roster_min_rows", "Cần ít nhất {min_rows} dòng", "Needs at least {min_rows} rows"},
    {"roster_max_rows", "Không được quá {max_rows} dòng", "Must have at most {max_rows} rows"},
    {"warning_unexplained", "Cảnh báo cần được giải trình: {warning}", "This warning needs an explanation: {warning}"},
    {"not_relevant_value", "Trường này không áp dụng nhưng có giá trị", "This field does not apply but has a value"},
    {"computed_mismatch", "Giá trị tính toán phải là {expected}", "The computed value should be {expected}"},
    {"row_id", "Dòng thiếu mã định danh _id hợp lệ (UUID)", "The row lacks a valid _id (UUID)"},
    {"duplicate_row_id", "Mã dòng _id bị trùng", "Duplicate row _id"},
    {"form_mismatch", "Phiếu thuộc biểu mẫu {submitted}, không phải {expected}",
     "The submission is for form {submitted}, not {expected}"},
    {"period", "Kỳ báo cáo \"{period}\" không đúng dạng {expected}", "Period \"{period}\" is not of the form {expected}"},
    {"unit", "Thiếu mã đơn vị", "The unit code is missing"},
}};

}  // namespace

forms::LocalizedText defaultMessage(std::string_view code)
{
    for (const Entry& e : kMessages) {
        if (e.code == code) {
            return {std::string(e.vi), std::string(e.en)};
        }
    }
    return {std::string(code), std::string(code)};
}

std::string formatMessage(std::string_view text, const MessageParams& params)
{
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view name = text.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [key, value] : params) {
                    if (key == name) {
                        out += value;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i];
        ++i;
    }
    return out;
}

forms::LocalizedText typeDescription(forms::FieldType type)
{
    using forms::FieldType;
    switch (type) {
    case FieldType::Integer: return {"số nguyên", "a whole number"};
    case FieldType::Decimal: return {"số", "a number"};
    case FieldType::Text: return {"văn bản", "text"};
    case FieldType::Date: return {"ngày dạng YYYY-MM-DD", "a date YYYY-MM-DD"};
    case FieldType::Choice: return {"một mã lựa chọn", "one choice code"};
    case FieldType::Choices: return {"danh sách mã lựa chọn không trùng", "a list of distinct choice codes"};
    case FieldType::Boolean: return {"đúng/sai (true/false)", "true or false"};
    case FieldType::Gps: return {"tọa độ {lat, lon, accuracy}", "coordinates {lat, lon, accuracy}"};
    case FieldType::Attachment: return {"tệp đính kèm {sha256, name, size, mime}", "an attachment {sha256, name, size, mime}"};
    case FieldType::Roster: return {"danh sách dòng", "a list of rows"};
    case FieldType::Computed: return {"giá trị tính toán", "a computed value"};
    }
    return {"giá trị", "a value"};
}

std::string formatNumber(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

}  // namespace dantoc::validation
