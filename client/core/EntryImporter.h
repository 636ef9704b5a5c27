// EntryImporter: imports submissions from a JSON file (one submission or an array, in the shape of
// resources/demo/*.sample.json) or a CSV file (header = unit, period and field names; one row per submission),
// all or nothing per file: every entry is parsed and validated first, and any error (listed per entry and field)
// leaves the store untouched. Not thread-safe (the Connection's thread).
#pragma once

#include "core/EntryService.h"

#include "base/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace dantoc::client {

enum class ImportAction { Draft, Save, Submit };

struct ImportProblem
{
    std::size_t entry = 0;  // 1-based: array element, or CSV data row
    std::size_t line = 0;   // CSV source line (0 for JSON)
    std::string field;      // "" for the whole entry
    std::string code;       // validation code, or "parse", "unknown_form", "duplicate" ...
    std::string message;
};

struct ImportReport
{
    std::size_t entries = 0;
    std::vector<std::string> recordIds;  // imported, in file order (empty when refused)
    std::vector<ImportProblem> errors;   // non-empty: nothing was imported
    std::vector<ImportProblem> warnings;
    bool imported() const { return errors.empty(); }
};

class EntryImporter
{
public:
    EntryImporter(Connection& connection, EntryService& service) : m_connection(connection), m_service(service) {}

    // A hostile file gives problems, never a crash; the Status is an error only when the store itself fails.
    Result<ImportReport> importJson(std::string_view text, ImportAction action);
    // `formId` names the form (its newest version in the store).
    Result<ImportReport> importCsv(std::string_view text, const std::string& formId, ImportAction action);

private:
    struct Entry;
    Result<ImportReport> run(std::vector<Entry>& entries, ImportReport report, ImportAction action);

    Connection& m_connection;
    EntryService& m_service;
};

}  // namespace dantoc::client
