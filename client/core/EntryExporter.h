// EntryExporter: selects records by unit, period, state and form, and writes them as CSV (UTF-8 with BOM, one
// row per record, Vietnamese column labels from the form; for Excel) or JSON (submission documents with state
// and the form's labels). Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"
#include "core/SubmissionRepository.h"

#include "base/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace dantoc::client {

struct EntryFilter
{
    std::optional<std::string> unit;
    std::optional<std::string> period;
    std::optional<std::string> state;
    std::optional<std::string> formId;
};

class EntryExporter
{
public:
    static constexpr std::size_t kMaxRecords = 200'000;

    explicit EntryExporter(Connection& connection) : m_connection(connection) {}

    // Matching records with their bodies, by form, unit, period, then newest first.
    Result<std::vector<Submission>> select(const EntryFilter& filter);
    // CSV of one form's records (FailedPrecondition when the selection mixes forms: give formId). Text cells
    // starting with = + - @ get a leading apostrophe so a spreadsheet never runs them as formulas.
    Result<std::string> toCsv(const EntryFilter& filter);
    // {"records": [{id, form, unit, period, state, server_ver, values}], "labels": {form id: {field: label}}}.
    Result<std::string> toJson(const EntryFilter& filter);

private:
    Connection& m_connection;
};

}  // namespace dantoc::client
