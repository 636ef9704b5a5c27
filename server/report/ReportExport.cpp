// CSV and XLSX writers for aggregates and records (see the header).
#include "report/ReportExport.h"

#include "base/Uuid.h"

#include <xlsxwriter.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace dantoc::server {

namespace {

// The last column says under which date's boundaries the figures stand (the same period reads differently
// before and after a merger).
constexpr std::array<const char*, 14> kAggregateHeaders = {
    "Kỳ báo cáo", "Mã đơn vị", "Tên đơn vị", "Cấp", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Mã dân tộc",
    "Dân tộc", "Giá trị", "Số đơn vị có số liệu", "Số đơn vị phải báo cáo", "Số đơn vị đã báo cáo",
    "Địa giới theo ngày"};
constexpr std::size_t kFirstCountColumn = 10;
constexpr std::size_t kLastCountColumn = 12;

std::string levelVi(const std::string& level)
{
    if (level == "province") {
        return "Tỉnh";
    }
    if (level == "district") {
        return "Huyện";
    }
    if (level == "commune") {
        return "Xã";
    }
    if (level == "village") {
        return "Thôn";
    }
    return level;
}

std::string number(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

std::vector<std::string> aggregateCells(const AggregateReport& report, const AggregateLine& line)
{
    const aggregation::AggregateRow& row = line.row;
    return {report.period,
            row.unit.code,
            line.unitName,
            levelVi(row.level),
            row.indicator,
            line.indicatorName,
            line.indicatorUnit,
            row.ethnicGroup,
            row.ethnicGroup.empty() ? std::string("Tổng số") : line.ethnicName,
            row.value ? number(*row.value) : std::string(),
            std::to_string(row.contributing),
            std::to_string(row.expected),
            std::to_string(row.reported),
            report.date};
}

std::string joinRow(const std::vector<std::string>& cells)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            line += ',';
        }
        line += csvCell(cells[i]);
    }
    line += "\r\n";
    return line;
}

std::string utcTime(std::int64_t unixMillis)
{
    const std::time_t seconds = static_cast<std::time_t>(unixMillis / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string fieldCell(const forms::FieldDef& field, const Json& value)
{
    if (value.is_null()) {
        return {};
    }
    if (field.isRoster()) {
        return value.is_array() ? std::to_string(value.size()) : std::string();
    }
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "Có" : "Không";
    }
    if (value.is_number()) {
        return number(value.get<double>());
    }
    if (value.is_array()) {  // choices
        std::string joined;
        for (const Json& item : value) {
            if (!joined.empty()) {
                joined += "; ";
            }
            joined += item.is_string() ? item.get<std::string>() : item.dump();
        }
        return joined;
    }
    if (value.is_object()) {
        if (value.contains("lat") && value.contains("lon") && value["lat"].is_number() && value["lon"].is_number()) {
            return number(value["lat"].get<double>()) + ", " + number(value["lon"].get<double>());
        }
        if (value.contains("name") && value["name"].is_string()) {
            return value["name"].get<std::string>();
        }
    }
    return value.dump();
}

}  // namespace

std::string csvCell(const std::string& text)
{
    std::string cell = text;
    // A spreadsheet runs =, +, -, @ (and tab/CR-led) cells as formulas: neutralise text, keep plain numbers.
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                          cell[0] == '\r')) {
        char* end = nullptr;
        const double parsed = std::strtod(cell.c_str(), &end);
        (void)parsed;
        const bool plainNumber = cell[0] == '-' && end == cell.c_str() + cell.size() && cell.size() > 1;
        if (!plainNumber) {
            cell.insert(cell.begin(), '\'');
        }
    }
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
        return cell;
    }
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string aggregatesCsv(const AggregateReport& report)
{
    std::string out = kUtf8Bom;
    out += joinRow(std::vector<std::string>(kAggregateHeaders.begin(), kAggregateHeaders.end()));
    for (const AggregateLine& line : report.lines) {
        out += joinRow(aggregateCells(report, line));
    }
    return out;
}

Result<std::string> aggregatesXlsx(const AggregateReport& report, const std::filesystem::path& tempDir)
{
    std::error_code ec;
    std::filesystem::create_directories(tempDir, ec);
    if (ec) {
        return Status(ErrorCode::IoError, "cannot create the export directory: " + ec.message());
    }
    const std::filesystem::path file = tempDir / ("aggregates-" + newUuid() + ".xlsx");
    const std::string tmpdir = tempDir.string();
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char*>(tmpdir.c_str());  // libxlsxwriter only reads it
    lxw_workbook* workbook = workbook_new_opt(file.string().c_str(), &options);
    if (!workbook) {
        return Status(ErrorCode::IoError, "cannot create the workbook");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Tổng hợp");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (std::size_t c = 0; c < kAggregateHeaders.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), kAggregateHeaders[c], bold);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    lxw_row_t r = 1;
    for (const AggregateLine& line : report.lines) {
        const std::vector<std::string> cells = aggregateCells(report, line);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            if (c == 9 && line.row.value) {
                worksheet_write_number(sheet, r, col, *line.row.value, nullptr);
            } else if (c >= kFirstCountColumn && c <= kLastCountColumn) {
                worksheet_write_number(sheet, r, col, std::stod(cells[c]), nullptr);
            } else if (!cells[c].empty()) {
                worksheet_write_string(sheet, r, col, cells[c].c_str(), nullptr);
            }
        }
        ++r;
    }
    const lxw_error closed = workbook_close(workbook);  // frees the workbook
    std::string bytes;
    if (closed == LXW_NO_ERROR) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        bytes = text.str();
    }
    std::filesystem::remove(file, ec);
    if (closed != LXW_NO_ERROR || bytes.empty()) {
        return Status(ErrorCode::IoError, std::string("cannot write the workbook: ") + lxw_strerror(closed));
    }
    return bytes;
}

std::string recordsCsv(const forms::FormTemplate& form, const std::vector<StoredRecord>& records,
                       const std::map<std::string, std::string>& unitNames)
{
    std::vector<std::string> headers = {"Mã phiếu",  "Mã đơn vị",      "Tên đơn vị", "Kỳ báo cáo",
                                        "Trạng thái", "Phiên bản mẫu", "Cập nhật (UTC)"};
    std::vector<const forms::FieldDef*> columns;
    for (int index : form.topLevelFields()) {
        const forms::FieldDef& field = form.fields()[static_cast<std::size_t>(index)];
        columns.push_back(&field);
        headers.push_back(field.label.vi.empty() ? field.name : field.label.vi);
    }
    std::string out = kUtf8Bom;
    out += joinRow(headers);
    for (const StoredRecord& record : records) {
        auto unit = unitNames.find(record.unitCode);
        std::vector<std::string> cells = {record.recordId,
                                          record.unitCode,
                                          unit == unitNames.end() ? std::string() : unit->second,
                                          record.period,
                                          record.state,
                                          std::to_string(record.formVersion),
                                          utcTime(record.updatedAt)};
        auto values = parseJson(record.bodyJson);
        for (const forms::FieldDef* field : columns) {
            const Json* value = nullptr;
            if (values && values->is_object()) {
                auto it = values->find(field->column);
                value = it == values->end() ? nullptr : &*it;
            }
            cells.push_back(value ? fieldCell(*field, *value) : std::string());
        }
        out += joinRow(cells);
    }
    return out;
}

}  // namespace dantoc::server
