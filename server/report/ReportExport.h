// Exports of aggregates (CSV, XLSX) and of records (CSV, one row per record, columns from the form template), with
// Vietnamese headers. CSV is UTF-8 with a BOM so Excel opens it as UTF-8; cells that a spreadsheet would run as a
// formula are prefixed with an apostrophe. Stateless; thread-safe (the XLSX writer uses its own temporary file).
#pragma once

#include "base/Result.h"
#include "forms/FormTemplate.h"
#include "report/AggregateReport.h"
#include "store/RecordStore.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace dantoc::server {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// One CSV cell (RFC 4180 quoting; formula-looking text neutralised).
std::string csvCell(const std::string& text);

std::string aggregatesCsv(const AggregateReport& report);
// The workbook bytes: sheet "Tổng hợp" with the same columns as the CSV. `tempDir` receives a short-lived file.
Result<std::string> aggregatesXlsx(const AggregateReport& report, const std::filesystem::path& tempDir);

// `unitNames`: code -> name, for the unit column. Columns: record id, unit code and name, period, state, form
// version, updated (UTC), then every top-level field of `form` by its Vietnamese label (choices as their codes
// joined by "; ", GPS as "lat, lon", attachments by file name, rosters as their row count).
std::string recordsCsv(const forms::FormTemplate& form, const std::vector<StoredRecord>& records,
                       const std::map<std::string, std::string>& unitNames);

}  // namespace dantoc::server
