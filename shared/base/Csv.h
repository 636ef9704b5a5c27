// CSV reader (RFC 4180): quoted fields with embedded commas, newlines and doubled quotes, CRLF or LF, UTF-8 BOM
// stripped, size limits; rows keep their 1-based source line for error messages. Value types; thread-compatible.
#pragma once

#include "base/Result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc {

struct CsvLimits {
    std::size_t maxBytes = 64u * 1024u * 1024u;  // whole input
    std::size_t maxRows = 1'000'000;             // records, header included
    std::size_t maxFields = 1'000;               // per record
    std::size_t maxFieldBytes = 1024u * 1024u;   // per field
};

struct CsvRow {
    std::size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

// Parses every record. Empty lines (outside quotes) are skipped. Errors are ParseError / ResourceExhausted with
// "<sourceName>:<line>: ..." messages.
Result<std::vector<CsvRow>> parseCsvRows(std::string_view text, std::string_view sourceName,
                                         const CsvLimits& limits = {});

// A CSV file with a header row: every record must have exactly as many fields as the header.
class CsvTable
{
public:
    static Result<CsvTable> parse(std::string_view text, std::string_view sourceName, const CsvLimits& limits = {});

    const std::string& sourceName() const { return m_sourceName; }
    const std::vector<std::string>& header() const { return m_header; }
    const std::vector<CsvRow>& rows() const { return m_rows; }  // data rows, header excluded

    std::optional<std::size_t> columnIndex(std::string_view column) const;
    bool hasColumn(std::string_view column) const { return columnIndex(column).has_value(); }
    // InvalidArgument naming the first missing column and the source.
    Status requireColumns(const std::vector<std::string_view>& columns) const;
    // The field of `row` in `column`; empty when the table has no such column.
    std::string_view get(const CsvRow& row, std::string_view column) const;
    // "<sourceName>:<line>", for error messages about a row.
    std::string where(const CsvRow& row) const;

private:
    std::string m_sourceName;
    std::vector<std::string> m_header;
    std::vector<CsvRow> m_rows;
};

}  // namespace dantoc
