#include "admin/UnitImport.h"

#include "base/Csv.h"
#include "base/Utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <tuple>

namespace dantoc::server {

namespace {

constexpr std::size_t kMaxCodeBytes = 32;
constexpr std::size_t kMaxFieldBytes = 512;

const std::vector<std::string> kUnitFields = {"code",        "name_vi",    "level",   "unit_type",
                                              "parent_code", "valid_from", "valid_to"};
const std::vector<std::string> kLineageFields = {"old_code",       "old_valid_from", "new_code",
                                                 "new_valid_from", "effective_date", "kind"};

// One input row: its fields by name and where it came from ("units.csv:12", "units.json: element 3").
struct InputRow {
    std::map<std::string, std::string> fields;
    std::string where;
    const std::string& get(const std::string& name) const
    {
        static const std::string empty;
        auto it = fields.find(name);
        return it == fields.end() ? empty : it->second;
    }
};

Status invalid(const std::string& where, const std::string& what)
{
    return Status(ErrorCode::InvalidArgument, where + ": " + what);
}

Status checkFields(const InputRow& row)
{
    for (const auto& [name, value] : row.fields) {
        if (value.size() > kMaxFieldBytes) {
            return invalid(row.where, name + " is longer than " + std::to_string(kMaxFieldBytes) + " bytes");
        }
        if (utf8::firstInvalid(value) != std::string_view::npos) {
            return invalid(row.where, name + " is not valid UTF-8");
        }
        for (char c : value) {
            if (static_cast<unsigned char>(c) < 0x20) {
                return invalid(row.where, name + " contains a control character (line break, tab, ...)");
            }
        }
    }
    return Status::ok();
}

// GSO codes are digits; local (village) codes add letters, '-', '_' or '.'.
Status checkCode(const InputRow& row, const std::string& field)
{
    const std::string& code = row.get(field);
    if (code.empty() && field == "parent_code") {
        return Status::ok();
    }
    bool ok = !code.empty() && code.size() <= kMaxCodeBytes;
    for (char c : code) {
        ok = ok && ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
                    c == '_' || c == '.');
    }
    return ok ? Status::ok()
              : invalid(row.where, "bad " + field + " '" + code + "' (letters, digits, '-', '_', '.'; at most " +
                                       std::to_string(kMaxCodeBytes) + " bytes)");
}

Result<std::vector<InputRow>> parseCsv(const UnitImportSource& source, const std::vector<std::string>& fields,
                                       std::size_t required)
{
    auto table = CsvTable::parse(source.text, source.name);
    if (!table) {
        return table.status();
    }
    std::vector<std::string_view> needed(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(required));
    if (Status s = table->requireColumns(needed); !s) {
        return s;
    }
    std::vector<InputRow> rows;
    for (const CsvRow& csvRow : table->rows()) {
        InputRow row;
        row.where = table->where(csvRow);
        for (const std::string& field : fields) {
            row.fields[field] = std::string(table->get(csvRow, field));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<std::vector<InputRow>> parseJson(const UnitImportSource& source, const std::vector<std::string>& fields,
                                        std::size_t required)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(source.text);
    } catch (const nlohmann::json::exception& e) {
        return Status(ErrorCode::ParseError, source.name + ": not valid JSON (" + e.what() + ")");
    }
    if (!doc.is_array()) {
        return Status(ErrorCode::InvalidArgument, source.name + ": expected a JSON array of objects");
    }
    std::vector<InputRow> rows;
    std::size_t index = 0;
    for (const auto& element : doc) {
        ++index;
        InputRow row;
        row.where = source.name + ": element " + std::to_string(index);
        if (!element.is_object()) {
            return invalid(row.where, "not an object");
        }
        for (const auto& [key, value] : element.items()) {
            if (std::find(fields.begin(), fields.end(), key) == fields.end()) {
                return invalid(row.where, "unknown field \"" + key + "\"");
            }
            if (!value.is_string() && !value.is_null()) {
                return invalid(row.where, "field \"" + key + "\" must be a string or null");
            }
        }
        for (std::size_t f = 0; f < fields.size(); ++f) {
            auto it = element.find(fields[f]);
            if (it == element.end() && f < required) {
                return invalid(row.where, "missing field \"" + fields[f] + "\"");
            }
            row.fields[fields[f]] = it == element.end() || it->is_null() ? std::string() : it->get<std::string>();
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<std::vector<InputRow>> parseSource(const UnitImportSource& source, const std::vector<std::string>& fields,
                                          std::size_t required)
{
    auto rows = source.json ? parseJson(source, fields, required) : parseCsv(source, fields, required);
    if (!rows) {
        return rows.status();
    }
    for (const InputRow& row : *rows) {
        if (Status s = checkFields(row); !s) {
            return s;
        }
    }
    return rows;
}

std::string quoted(const std::string& value)
{
    std::string out = "\"";
    for (char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string csvLine(const std::vector<std::string>& values)
{
    std::string line;
    for (std::size_t i = 0; i < values.size(); ++i) {
        line += (i ? "," : "") + quoted(values[i]);
    }
    return line + "\n";
}

std::vector<std::string> unitValues(const Unit& u)
{
    return {u.code, u.name, u.level, u.unitType, u.parentCode, u.validFrom, u.validTo};
}

std::vector<std::string> lineageValues(const UnitLineage& l)
{
    return {l.oldCode, l.oldValidFrom, l.newCode, l.newValidFrom, l.effectiveDate, l.kind};
}

// Generated CSV (one record per line, header on line 1) plus, per line, where that record came from.
struct Generated {
    std::string text;
    std::vector<std::string> origins;  // index = line number
};

Generated startCsv(const std::vector<std::string>& header)
{
    Generated g;
    std::string line;
    for (std::size_t i = 0; i < header.size(); ++i) {
        line += (i ? "," : "") + header[i];
    }
    g.text = line + "\n";
    g.origins = {"", "header"};
    return g;
}

void addLine(Generated& g, const std::vector<std::string>& values, std::string origin)
{
    g.text += csvLine(values);
    g.origins.push_back(std::move(origin));
}

// Rewrites the admin tree's "import/units.csv:N" and "line N" into the origins of those generated lines.
std::string rewrite(const std::string& message, const Generated& units, const Generated& lineage)
{
    auto originOf = [](const Generated& g, const std::string& number) {
        const std::size_t n = std::stoul(number);
        return n < g.origins.size() ? g.origins[n] : "line " + number;
    };
    static const std::regex located(R"(^import/(units|lineage)\.csv:(\d+))");
    static const std::regex other(R"(line (\d+))");
    std::smatch m;
    std::string out = message;
    const Generated* current = &units;
    if (std::regex_search(message, m, located)) {
        current = m[1] == "units" ? &units : &lineage;
        out = originOf(*current, m[2]) + std::string(m.suffix());
    }
    std::string result;
    auto begin = std::sregex_iterator(out.begin(), out.end(), other);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        result += out.substr(last, static_cast<std::size_t>(it->position()) - last);
        result += originOf(*current, (*it)[1]);
        last = static_cast<std::size_t>(it->position() + it->length());
    }
    return result + out.substr(last);
}

using VersionKey = std::pair<std::string, std::string>;
using LineageKey = std::tuple<std::string, std::string, std::string, std::string>;

LineageKey keyOf(const UnitLineage& l)
{
    return {l.oldCode, l.oldValidFrom, l.newCode, l.newValidFrom};
}

bool sameVersion(const Unit& a, const Unit& b)
{
    return a.name == b.name && a.level == b.level && a.parentCode == b.parentCode && a.unitType == b.unitType &&
           a.validTo == b.validTo;
}

Result<std::string> readFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return Status(ErrorCode::NotFound, "cannot read " + file.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        return Status(ErrorCode::IoError, "error reading " + file.string());
    }
    return text.str();
}

}  // namespace

Result<admin::AdminTree> buildAdminTree(const std::vector<Unit>& versions, const std::vector<UnitLineage>& lineage)
{
    Generated units = startCsv(kUnitFields);
    for (const Unit& u : versions) {
        addLine(units, unitValues(u), "stored unit (" + u.code + ", " + u.validFrom + ")");
    }
    Generated links = startCsv(kLineageFields);
    for (const UnitLineage& l : lineage) {
        addLine(links, lineageValues(l), "stored lineage " + l.oldCode + " -> " + l.newCode);
    }
    auto tree = admin::AdminTree::loadCsv(units.text, links.text, "import");
    if (!tree) {
        return Status(tree.status().code(), "store: " + rewrite(tree.status().message(), units, links));
    }
    return tree;
}

Result<UnitImportCounts> importUnits(Store& store, const UnitImportSource& unitsSource,
                                     const std::optional<UnitImportSource>& lineageSource, const std::string& actor,
                                     std::int64_t now)
{
    auto unitRows = parseSource(unitsSource, kUnitFields, 7);
    if (!unitRows) {
        return unitRows.status();
    }
    std::vector<InputRow> lineageRows;
    if (lineageSource) {
        auto rows = parseSource(*lineageSource, kLineageFields, 4);
        if (!rows) {
            return rows.status();
        }
        lineageRows = std::move(rows.value());
    }
    std::vector<Unit> fileUnits;
    for (const InputRow& row : *unitRows) {
        if (Status s = checkCode(row, "code"); !s) {
            return s;
        }
        if (Status s = checkCode(row, "parent_code"); !s) {
            return s;
        }
        fileUnits.push_back(Unit{row.get("code"), row.get("name_vi"), row.get("level"), row.get("parent_code"),
                                 row.get("unit_type"), row.get("valid_from"), row.get("valid_to")});
    }
    std::vector<UnitLineage> fileLineage;
    for (const InputRow& row : lineageRows) {
        for (const char* field : {"old_code", "new_code"}) {
            if (Status s = checkCode(row, field); !s) {
                return s;
            }
        }
        UnitLineage l{row.get("old_code"),       row.get("old_valid_from"), row.get("new_code"),
                      row.get("new_valid_from"), row.get("effective_date"), row.get("kind")};
        if (l.effectiveDate.empty()) {
            l.effectiveDate = l.newValidFrom;
        }
        fileLineage.push_back(std::move(l));
    }

    auto storedUnits = store.listUnitVersions();
    if (!storedUnits) {
        return storedUnits.status();
    }
    auto storedLineage = store.listUnitLineage();
    if (!storedLineage) {
        return storedLineage.status();
    }
    std::map<VersionKey, const Unit*> fileKeys;
    for (const Unit& u : fileUnits) {
        fileKeys.emplace(VersionKey{u.code, u.validFrom}, &u);
    }
    std::map<LineageKey, const UnitLineage*> fileLineageKeys;
    for (const UnitLineage& l : fileLineage) {
        fileLineageKeys.emplace(keyOf(l), &l);
    }

    // Stored rows first (not replaced by the file), then the file's: errors then point at the file's lines.
    Generated units = startCsv(kUnitFields);
    std::map<VersionKey, const Unit*> storedKeys;
    for (const Unit& u : *storedUnits) {
        storedKeys.emplace(VersionKey{u.code, u.validFrom}, &u);
        if (!fileKeys.count({u.code, u.validFrom})) {
            addLine(units, unitValues(u), "stored unit (" + u.code + ", " + u.validFrom + ")");
        }
    }
    for (std::size_t i = 0; i < fileUnits.size(); ++i) {
        addLine(units, unitValues(fileUnits[i]), (*unitRows)[i].where);
    }
    Generated links = startCsv(kLineageFields);
    std::map<LineageKey, const UnitLineage*> storedLineageKeys;
    for (const UnitLineage& l : *storedLineage) {
        storedLineageKeys.emplace(keyOf(l), &l);
        if (!fileLineageKeys.count(keyOf(l))) {
            addLine(links, lineageValues(l), "stored lineage " + l.oldCode + " -> " + l.newCode);
        }
    }
    for (std::size_t i = 0; i < fileLineage.size(); ++i) {
        addLine(links, lineageValues(fileLineage[i]), lineageRows[i].where);
    }
    auto tree = admin::AdminTree::loadCsv(units.text, links.text, "import");
    if (!tree) {
        return Status(tree.status().code(), rewrite(tree.status().message(), units, links));
    }

    UnitImportCounts counts;
    std::vector<Unit> changedUnits;
    for (const Unit& u : fileUnits) {
        auto it = storedKeys.find({u.code, u.validFrom});
        if (it == storedKeys.end()) {
            ++counts.versionsAdded;
            changedUnits.push_back(u);
        } else if (!sameVersion(*it->second, u)) {
            ++counts.versionsChanged;
            changedUnits.push_back(u);
        } else {
            ++counts.versionsUnchanged;
        }
    }
    std::vector<UnitLineage> changedLineage;
    for (const UnitLineage& l : fileLineage) {
        auto it = storedLineageKeys.find(keyOf(l));
        if (it == storedLineageKeys.end()) {
            ++counts.lineageAdded;
            changedLineage.push_back(l);
        } else if (it->second->effectiveDate != l.effectiveDate || it->second->kind != l.kind) {
            ++counts.lineageChanged;
            changedLineage.push_back(l);
        } else {
            ++counts.lineageUnchanged;
        }
    }
    if (!counts.changedAnything()) {
        return counts;
    }
    const nlohmann::json detail = {{"units_file", unitsSource.name},
                                   {"lineage_file", lineageSource ? lineageSource->name : std::string()},
                                   {"versions_added", counts.versionsAdded},
                                   {"versions_changed", counts.versionsChanged},
                                   {"lineage_added", counts.lineageAdded},
                                   {"lineage_changed", counts.lineageChanged}};
    if (Status s = store.applyUnitImport(changedUnits, changedLineage,
                                         {now, actor, "unit.import", unitsSource.name, detail.dump()});
        !s) {
        return s;
    }
    return counts;
}

Result<UnitImportCounts> importUnitFiles(Store& store, const std::filesystem::path& unitsFile,
                                         const std::filesystem::path& lineageFile, const std::string& actor,
                                         std::int64_t now)
{
    auto unitsText = readFile(unitsFile);
    if (!unitsText) {
        return unitsText.status();
    }
    const UnitImportSource units{unitsFile.filename().string(), std::move(unitsText.value()),
                                 unitsFile.extension() == ".json"};
    std::optional<UnitImportSource> lineage;
    if (!lineageFile.empty()) {
        auto lineageText = readFile(lineageFile);
        if (!lineageText) {
            return lineageText.status();
        }
        lineage = UnitImportSource{lineageFile.filename().string(), std::move(lineageText.value()),
                                   lineageFile.extension() == ".json"};
    }
    return importUnits(store, units, lineage, actor, now);
}

}  // namespace dantoc::server
