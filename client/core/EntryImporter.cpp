#include "core/EntryImporter.h"

#include "core/FormTemplateRepository.h"
#include "core/Transaction.h"

#include "base/Csv.h"
#include "base/Uuid.h"
#include "forms/Submission.h"
#include "text/VietnameseText.h"
#include "validation/Validate.h"

#include <charconv>
#include <optional>
#include <set>

namespace dantoc::client {

struct EntryImporter::Entry
{
    std::size_t index = 0;
    std::size_t line = 0;
    forms::Submission submission;
};

namespace {

constexpr std::size_t kMaxEntries = 100'000;

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// A CSV cell as the field's JSON value; nullopt with `error` when it does not read as that type.
std::optional<Json> cellValue(const forms::FieldDef& field, const std::string& cell, std::string& error)
{
    switch (field.valueType) {
    case forms::FieldType::Integer: {
        std::int64_t value = 0;
        auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
        if (ec != std::errc() || end != cell.data() + cell.size()) {
            error = "không phải số nguyên / not an integer: " + cell;
            return std::nullopt;
        }
        return Json(value);
    }
    case forms::FieldType::Decimal: {
        std::string text = cell;
        for (char& c : text) {
            c = c == ',' ? '.' : c;  // Vietnamese decimal comma
        }
        double value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size()) {
            error = "không phải số / not a number: " + cell;
            return std::nullopt;
        }
        return Json(value);
    }
    case forms::FieldType::Boolean:
        if (cell == "true" || cell == "1" || cell == "có" || cell == "Có") {
            return Json(true);
        }
        if (cell == "false" || cell == "0" || cell == "không" || cell == "Không") {
            return Json(false);
        }
        error = "không phải có/không / not a yes/no value: " + cell;
        return std::nullopt;
    case forms::FieldType::Choices: {
        Json list = Json::array();
        std::size_t start = 0;
        while (start <= cell.size()) {
            const auto end = cell.find(';', start);
            std::string item = trimmed(std::string_view(cell).substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (!item.empty()) {
                list.push_back(item);
            }
            if (end == std::string::npos) {
                break;
            }
            start = end + 1;
        }
        return list;
    }
    case forms::FieldType::Gps:
    case forms::FieldType::Attachment:
    case forms::FieldType::Roster: {
        auto parsed = parseJson(cell);
        if (!parsed) {
            error = "cần JSON / JSON expected: " + parsed.status().message();
            return std::nullopt;
        }
        return *parsed;
    }
    default:
        return Json(cell);
    }
}

}  // namespace

Result<ImportReport> EntryImporter::importJson(std::string_view text, ImportAction action)
{
    ImportReport report;
    auto document = parseJson(text);
    if (!document) {
        report.errors.push_back({0, 0, "", "parse", document.status().message()});
        return report;
    }
    std::vector<Entry> entries;
    const Json items = document->is_array() ? *document : Json::array({*document});
    if (items.size() > kMaxEntries) {
        report.errors.push_back({0, 0, "", "too_many", "more than " + std::to_string(kMaxEntries) + " entries"});
        return report;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto submission = forms::Submission::fromJson(items[i]);
        if (!submission) {
            report.errors.push_back({i + 1, 0, "", "parse", submission.status().message()});
            continue;
        }
        entries.push_back({i + 1, 0, std::move(*submission)});
    }
    report.entries = items.size();
    return run(entries, std::move(report), action);
}

Result<ImportReport> EntryImporter::importCsv(std::string_view text, const std::string& formId, ImportAction action)
{
    ImportReport report;
    auto form = FormTemplateRepository(m_connection).load(formId);
    if (!form) {
        if (form.status().code() != ErrorCode::NotFound) {
            return form.status();
        }
        report.errors.push_back({0, 0, "", "unknown_form", form.status().message()});
        return report;
    }
    auto table = CsvTable::parse(text, "csv");
    if (!table) {
        report.errors.push_back({0, 0, "", "parse", table.status().message()});
        return report;
    }
    if (Status status = table->requireColumns({"unit", "period"}); !status) {
        report.errors.push_back({0, 1, "", "missing_column", status.message()});
        return report;
    }
    for (const std::string& column : table->header()) {
        if (column == "unit" || column == "period" || column == "id") {
            continue;
        }
        const forms::FieldDef* field = form->field(column);
        if (field == nullptr || field->roster >= 0) {
            report.errors.push_back({0, 1, column, "unknown_field",
                                     "biểu mẫu không có trường này / the form has no such field: " + column});
        }
    }
    if (!report.errors.empty()) {
        return report;
    }
    std::vector<Entry> entries;
    std::size_t index = 0;
    for (const CsvRow& row : table->rows()) {
        ++index;
        Entry entry{index, row.line, {}};
        entry.submission.formId = form->id();
        entry.submission.formVersion = form->version();
        entry.submission.unit = trimmed(table->get(row, "unit"));
        entry.submission.period = trimmed(table->get(row, "period"));
        entry.submission.id = trimmed(table->get(row, "id"));
        bool ok = true;
        for (std::size_t c = 0; c < table->header().size(); ++c) {
            const std::string& column = table->header()[c];
            if (column == "unit" || column == "period" || column == "id") {
                continue;
            }
            const std::string cell = trimmed(row.fields[c]);
            if (cell.empty()) {
                continue;  // absent
            }
            std::string error;
            auto value = cellValue(*form->field(column), cell, error);
            if (!value) {
                report.errors.push_back({index, row.line, column, "type", error});
                ok = false;
                continue;
            }
            entry.submission.values[column] = std::move(*value);
        }
        if (ok) {
            entries.push_back(std::move(entry));
        }
    }
    report.entries = index;
    return run(entries, std::move(report), action);
}

Result<ImportReport> EntryImporter::run(std::vector<Entry>& entries, ImportReport report, ImportAction action)
{
    FormTemplateRepository formsRepo(m_connection);
    std::set<std::string> idsInFile;
    // Pass 1: check everything; nothing is written.
    for (Entry& entry : entries) {
        forms::Submission& s = entry.submission;
        const auto problem = [&](std::string field, std::string code, std::string message) {
            report.errors.push_back({entry.index, entry.line, std::move(field), std::move(code), std::move(message)});
        };
        if (s.unit.empty() || s.period.empty()) {
            problem("", "missing", "thiếu đơn vị hoặc kỳ báo cáo / unit and period are required");
            continue;
        }
        if (!s.id.empty() && !isUuid(s.id)) {
            problem("id", "invalid_id", "mã phiếu phải là UUID / the id must be a UUID");
            continue;
        }
        auto form = formsRepo.loadShared(s.formId, s.formVersion);
        if (!form) {
            if (form.status().code() != ErrorCode::NotFound) {
                return form.status();
            }
            problem("form", "unknown_form", form.status().message());
            continue;
        }
        if (!s.id.empty() && !idsInFile.insert(s.id).second) {
            problem("id", "duplicate", "mã phiếu lặp lại trong tệp / the id appears twice in the file: " + s.id);
            continue;
        }
        if (!s.id.empty()) {
            auto exists = m_connection.prepare("SELECT 1 FROM record WHERE id = ?1");
            if (!exists) {
                return exists.status();
            }
            if (Status status = exists->bindText(1, s.id); !status) {
                return status;
            }
            auto row = exists->step();
            if (!row) {
                return row.status();
            }
            if (*row) {
                problem("id", "duplicate", "phiếu đã có trong kho / the submission is already in the store: " + s.id);
                continue;
            }
        }
        auto values = EntryService::canonicalValues(s.values);
        if (!values) {
            problem("values", "invalid", values.status().message());
            continue;
        }
        s.values = std::move(*values);
        for (auto& [key, note] : s.notes) {
            note = text::composeNfc(note);  // values are composed by canonicalValues; the explanations likewise
        }
        for (const validation::Issue& issue : m_service.validateSubmission(**form, s)) {
            std::string field = issue.field;
            if (issue.row) {
                field += "[" + std::to_string(*issue.row + 1) + "]";
            }
            ImportProblem item{entry.index, entry.line, field, issue.code, issue.message};
            (issue.severity == forms::Severity::Error ? report.errors : report.warnings).push_back(std::move(item));
        }
    }
    if (!report.errors.empty()) {
        return report;
    }
    // Pass 2: write everything in one transaction.
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    std::vector<std::string> ids;
    for (const Entry& entry : entries) {
        const forms::Submission& s = entry.submission;
        auto record = m_service.createDraft({s.id, s.formId, s.formVersion, s.unit, s.period, "", s.values.dump()});
        if (!record) {
            return record.status();
        }
        if (action != ImportAction::Draft) {
            auto saved = m_service.save(record->id, s.values, s.notes);
            if (!saved) {
                return saved.status();
            }
        }
        if (action == ImportAction::Submit) {
            auto submitted = m_service.submit(record->id, s.notes);
            if (!submitted) {
                return submitted.status();
            }
            if (submitted->refused) {
                return Status(ErrorCode::Internal, "submit refused after validation passed: " + record->id);
            }
        }
        ids.push_back(record->id);
    }
    if (Status status = transaction.commit(); !status) {
        return status;
    }
    // The service's own announcements were inside this transaction (savepoints), so none went out: one for all.
    if (ChangeNotifier* notifier = m_service.options().notifier;
        notifier != nullptr && m_connection.transactionDepth() == 0) {
        notifier->notifyRecords(ids);
    }
    report.recordIds = std::move(ids);
    return report;
}

}  // namespace dantoc::client
