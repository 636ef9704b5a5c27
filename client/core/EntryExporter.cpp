#include "core/EntryExporter.h"

#include "forms/Submission.h"

#include "core/FormTemplateRepository.h"
#include "core/UnitRepository.h"

#include "base/Json.h"
#include "workflow/WorkflowTypes.h"

#include <algorithm>
#include <map>

namespace dantoc::client {

namespace {

std::string csvCell(std::string text)
{
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
        text.insert(text.begin(), '\'');
    }
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    return out + "\"";
}

// A value as spreadsheet text: numbers as numbers (never a formula guard), booleans in Vietnamese, lists joined.
std::string cellText(const Json& value)
{
    if (value.is_null()) {
        return {};
    }
    if (value.is_number()) {
        return value.dump();
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "Có" : "Không";
    }
    if (value.is_string()) {
        return csvCell(value.get<std::string>());
    }
    if (value.is_array() && std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); })) {
        std::string joined;
        for (const Json& item : value) {
            joined += (joined.empty() ? "" : "; ") + item.get<std::string>();
        }
        return csvCell(joined);
    }
    return csvCell(value.dump());
}

std::string stateLabel(const std::string& state)
{
    auto parsed = workflow::parseState(state);
    return parsed ? std::string(workflow::label(*parsed).vi) : state;
}

}  // namespace

Result<std::vector<Submission>> EntryExporter::select(const EntryFilter& filter)
{
    std::string sql =
        "SELECT id, form_id, form_ver, unit, period, state, level, server_ver, content_ver, flags, updated_at, body "
        "FROM record WHERE 1";
    if (filter.unit) sql += " AND unit = :unit";
    if (filter.period) sql += " AND period = :period";
    if (filter.state) sql += " AND state = :state";
    if (filter.formId) sql += " AND form_id = :form";
    sql += " ORDER BY form_id, unit, period, updated_at DESC, id LIMIT " + std::to_string(kMaxRecords);
    auto stmt = m_connection.prepare(sql);
    if (!stmt) {
        return stmt.status();
    }
    Status status = Status::ok();
    if (filter.unit) status = stmt->bindText(stmt->parameterIndex(":unit"), *filter.unit);
    if (status && filter.period) status = stmt->bindText(stmt->parameterIndex(":period"), *filter.period);
    if (status && filter.state) status = stmt->bindText(stmt->parameterIndex(":state"), *filter.state);
    if (status && filter.formId) status = stmt->bindText(stmt->parameterIndex(":form"), *filter.formId);
    if (!status) {
        return status;
    }
    return stmt->readAll<Submission>([](const Statement& row) {
        Submission s;
        s.id = row.columnText(0);
        s.formId = row.columnText(1);
        s.formVersion = static_cast<int>(row.columnInt64(2));
        s.unit = row.columnText(3);
        s.period = row.columnText(4);
        s.state = row.columnText(5);
        s.level = row.columnText(6);
        s.serverVersion = row.columnInt64(7);
        s.contentVersion = row.columnInt64(8);
        s.flags = row.columnInt64(9);
        s.updatedAt = row.columnInt64(10);
        s.body = row.columnText(11);
        return s;
    });
}

Result<std::string> EntryExporter::toCsv(const EntryFilter& filter)
{
    auto records = select(filter);
    if (!records) {
        return records.status();
    }
    std::string formId = filter.formId.value_or("");
    int version = 0;
    for (const Submission& record : *records) {
        if (!formId.empty() && record.formId != formId) {
            return Status(ErrorCode::FailedPrecondition,
                          "các phiếu thuộc nhiều biểu mẫu, hãy chọn một / records of several forms: choose one");
        }
        formId = record.formId;
        version = std::max(version, record.formVersion);
    }
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: Excel reads Vietnamese correctly only with it
    out += "Mã phiếu,Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Trạng thái";
    std::vector<std::string> fields;
    if (!formId.empty()) {
        auto form = FormTemplateRepository(m_connection).load(formId, version);
        if (!form) {
            return form.status();
        }
        for (int index : form->topLevelFields()) {
            const forms::FieldDef& field = form->fields()[static_cast<std::size_t>(index)];
            fields.push_back(field.name);
            out += "," + csvCell(field.label.vi.empty() ? field.name : field.label.vi);
        }
    }
    out += "\r\n";
    UnitRepository units(m_connection);
    std::map<std::string, std::string> unitNames;
    for (const Submission& record : *records) {
        auto body = parseJson(record.body);
        if (!body || !body->is_object()) {
            return Status(ErrorCode::Corruption, "record " + record.id + " has no JSON object body");
        }
        if (!unitNames.contains(record.unit)) {
            auto unit = units.get(record.unit);
            unitNames[record.unit] = unit ? unit->name : std::string();
        }
        out += csvCell(record.id) + "," + csvCell(record.unit) + "," + csvCell(unitNames[record.unit]) + "," +
               csvCell(record.period) + "," + csvCell(stateLabel(record.state));
        for (const std::string& field : fields) {
            const Json* value = jsonMember(*body, field);
            out += "," + (value ? cellText(*value) : std::string());
        }
        out += "\r\n";
    }
    return out;
}

Result<std::string> EntryExporter::toJson(const EntryFilter& filter)
{
    auto records = select(filter);
    if (!records) {
        return records.status();
    }
    nlohmann::ordered_json out;
    out["records"] = nlohmann::ordered_json::array();
    nlohmann::ordered_json labels = nlohmann::ordered_json::object();
    FormTemplateRepository formsRepo(m_connection);
    for (const Submission& record : *records) {
        auto body = parseJson(record.body);
        if (!body || !body->is_object()) {
            return Status(ErrorCode::Corruption, "record " + record.id + " has no JSON object body");
        }
        nlohmann::ordered_json item;
        item["id"] = record.id;
        item["form"] = {{"id", record.formId}, {"version", record.formVersion}};
        item["unit"] = record.unit;
        item["period"] = record.period;
        item["state"] = record.state;
        item["state_label"] = stateLabel(record.state);
        item["server_ver"] = record.serverVersion;
        forms::Notes notes;
        forms::takeBodyNotes(*body, notes);
        item["values"] = nlohmann::ordered_json::parse(body->dump());
        if (!notes.empty()) {
            item["notes"] = notes;  // as a submission carries them (form-format.md)
        }
        out["records"].push_back(std::move(item));
        if (!labels.contains(record.formId)) {
            nlohmann::ordered_json formLabels = nlohmann::ordered_json::object();
            if (auto form = formsRepo.load(record.formId, record.formVersion)) {
                for (const forms::FieldDef& field : form->fields()) {
                    formLabels[field.name] = field.label.vi;
                }
            }
            labels[record.formId] = std::move(formLabels);
        }
    }
    out["labels"] = std::move(labels);
    return out.dump(2);
}

}  // namespace dantoc::client
