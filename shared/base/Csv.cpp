#include "base/Csv.h"

namespace dantoc {

namespace {

std::string at(std::string_view source, std::size_t line)
{
    return std::string(source) + ":" + std::to_string(line) + ": ";
}

}  // namespace

Result<std::vector<CsvRow>> parseCsvRows(std::string_view text, std::string_view sourceName, const CsvLimits& limits)
{
    if (text.size() > limits.maxBytes) {
        return Status(ErrorCode::ResourceExhausted, std::string(sourceName) + ": CSV larger than " +
                                                        std::to_string(limits.maxBytes) + " bytes");
    }
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::vector<CsvRow> rows;
    std::size_t line = 1;
    std::size_t pos = 0;
    const std::size_t n = text.size();
    while (pos < n) {
        // Skip an empty line.
        if (text[pos] == '\n') {
            ++pos;
            ++line;
            continue;
        }
        if (text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n') {
            pos += 2;
            ++line;
            continue;
        }
        if (rows.size() >= limits.maxRows) {
            return Status(ErrorCode::ResourceExhausted,
                          at(sourceName, line) + "more than " + std::to_string(limits.maxRows) + " records");
        }
        CsvRow row;
        row.line = line;
        bool endOfRecord = false;
        while (!endOfRecord) {
            std::string field;
            if (pos < n && text[pos] == '"') {
                const std::size_t openLine = line;
                ++pos;
                bool closed = false;
                while (pos < n) {
                    const char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < n && text[pos + 1] == '"') {
                            field.push_back('"');
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        closed = true;
                        break;
                    }
                    if (c == '\n') {
                        ++line;
                    }
                    field.push_back(c);
                    ++pos;
                    if (field.size() > limits.maxFieldBytes) {
                        return Status(ErrorCode::ResourceExhausted,
                                      at(sourceName, openLine) + "field longer than " +
                                          std::to_string(limits.maxFieldBytes) + " bytes");
                    }
                }
                if (!closed) {
                    return Status(ErrorCode::ParseError, at(sourceName, openLine) + "unterminated quoted field");
                }
                if (pos < n && text[pos] != ',' && text[pos] != '\n' &&
                    !(text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n') &&
                    !(text[pos] == '\r' && pos + 1 == n)) {
                    return Status(ErrorCode::ParseError,
                                  at(sourceName, line) + "unexpected character after a closing quote");
                }
            } else {
                while (pos < n && text[pos] != ',' && text[pos] != '\n') {
                    if (text[pos] == '\r' && (pos + 1 == n || text[pos + 1] == '\n')) {
                        break;
                    }
                    if (text[pos] == '"') {
                        return Status(ErrorCode::ParseError,
                                      at(sourceName, line) + "quote inside an unquoted field");
                    }
                    field.push_back(text[pos]);
                    ++pos;
                    if (field.size() > limits.maxFieldBytes) {
                        return Status(ErrorCode::ResourceExhausted,
                                      at(sourceName, line) + "field longer than " +
                                          std::to_string(limits.maxFieldBytes) + " bytes");
                    }
                }
            }
            row.fields.push_back(std::move(field));
            if (row.fields.size() > limits.maxFields) {
                return Status(ErrorCode::ResourceExhausted,
                              at(sourceName, row.line) + "more than " + std::to_string(limits.maxFields) +
                                  " fields in a record");
            }
            if (pos >= n) {
                endOfRecord = true;
            } else if (text[pos] == ',') {
                ++pos;
            } else {
                // '\n' or "\r\n" or a final '\r'
                if (text[pos] == '\r') {
                    ++pos;
                }
                if (pos < n && text[pos] == '\n') {
                    ++pos;
                }
                ++line;
                endOfRecord = true;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<CsvTable> CsvTable::parse(std::string_view text, std::string_view sourceName, const CsvLimits& limits)
{
    auto rows = parseCsvRows(text, sourceName, limits);
    if (!rows) {
        return rows.status();
    }
    CsvTable table;
    table.m_sourceName = std::string(sourceName);
    if (rows->empty()) {
        return Status(ErrorCode::ParseError, std::string(sourceName) + ": empty CSV (no header row)");
    }
    table.m_header = std::move(rows->front().fields);
    for (std::size_t i = 0; i < table.m_header.size(); ++i) {
        if (table.m_header[i].empty()) {
            return Status(ErrorCode::ParseError, table.where(rows->front()) + ": empty column name in the header");
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (table.m_header[j] == table.m_header[i]) {
                return Status(ErrorCode::ParseError,
                              table.where(rows->front()) + ": duplicate column '" + table.m_header[i] + "'");
            }
        }
    }
    table.m_rows.reserve(rows->size() - 1);
    for (std::size_t i = 1; i < rows->size(); ++i) {
        CsvRow& row = (*rows)[i];
        if (row.fields.size() != table.m_header.size()) {
            return Status(ErrorCode::ParseError, table.where(row) + ": " + std::to_string(row.fields.size()) +
                                                     " fields, the header has " +
                                                     std::to_string(table.m_header.size()));
        }
        table.m_rows.push_back(std::move(row));
    }
    return table;
}

std::optional<std::size_t> CsvTable::columnIndex(std::string_view column) const
{
    for (std::size_t i = 0; i < m_header.size(); ++i) {
        if (m_header[i] == column) {
            return i;
        }
    }
    return std::nullopt;
}

Status CsvTable::requireColumns(const std::vector<std::string_view>& columns) const
{
    for (std::string_view column : columns) {
        if (!hasColumn(column)) {
            return Status(ErrorCode::InvalidArgument,
                          m_sourceName + ": missing column '" + std::string(column) + "'");
        }
    }
    return Status::ok();
}

std::string_view CsvTable::get(const CsvRow& row, std::string_view column) const
{
    const auto index = columnIndex(column);
    if (!index || *index >= row.fields.size()) {
        return {};
    }
    return row.fields[*index];
}

std::string CsvTable::where(const CsvRow& row) const
{
    return m_sourceName + ":" + std::to_string(row.line);
}

}  // namespace dantoc
