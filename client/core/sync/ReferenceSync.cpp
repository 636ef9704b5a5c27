#include "core/sync/ReferenceSync.h"

#include "core/CatalogRepository.h"
#include "core/FormTemplateRepository.h"
#include "core/PeriodRepository.h"
#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"
#include "core/UnitRepository.h"

#include "base/Csv.h"
#include "base/Json.h"
#include "base/Utf8.h"
#include "catalog/EthnicGroupCatalog.h"
#include "catalog/IndicatorCatalog.h"
#include "catalog/ReligionCatalog.h"
#include "forms/FormTemplate.h"
#include "sync/SyncTuning.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dantoc::client::sync {

namespace tuning = dantoc::sync::tuning;

struct ReferenceSync::Plan
{
    std::vector<StoredFormTemplate> forms;              // versions to add or replace
    std::optional<std::vector<StoredCatalog>> catalogs;  // the whole new set, when the list changed
    std::optional<std::vector<UnitRow>> units;
    std::optional<std::vector<PeriodRow>> periods;
    std::vector<std::pair<std::string, std::string>> etags;  // sync_meta key -> list ETag ("" = none sent)
    ReferenceStats stats;
};

namespace {

constexpr const char* kKinds[] = {"forms", "catalogs", "units", "periods"};

// What one GET brought: nothing new (304), or a body with its ETag.
struct Fetched
{
    bool notModified = false;
    std::string body;
    std::string etag;
};

// An answer the client cannot use is a transient failure like a network error: the cycle fails, backs off and asks
// again; only the session errors keep their code (the caller must log in again).
Status refused(const std::string& what, const Status& status)
{
    const ErrorCode code = status.code() == ErrorCode::Unauthenticated || status.code() == ErrorCode::PermissionDenied
                               ? status.code()
                               : ErrorCode::Unavailable;
    return Status(code, "reference data, " + what + ": " + status.message());
}

Status unusable(const std::string& what, const std::string& why)
{
    return Status(ErrorCode::Unavailable, "reference data, " + what + ": " + why);
}

std::string metaKey(const char* kind)
{
    return std::string(ReferenceSync::kEtagKeyPrefix) + kind;
}

Result<Fetched> fetch(HttpTransport& transport, const std::string& what, const QString& path, const std::string& etag)
{
    std::map<QByteArray, QByteArray> headers;
    if (!etag.empty()) {
        headers.emplace("If-None-Match", QByteArray::fromStdString(etag));
    }
    auto reply = transport.request("GET", path, {}, headers);
    if (!reply) {
        return refused(what, reply.status());
    }
    if (reply->status == 304) {
        return Fetched{true, {}, etag};
    }
    if (reply->status != 200) {
        return unusable(what, "unexpected HTTP " + std::to_string(reply->status));
    }
    if (static_cast<std::size_t>(reply->body.size()) > tuning::kReferenceAnswerMaxBytes) {
        return unusable(what, "the answer is larger than " + std::to_string(tuning::kReferenceAnswerMaxBytes) + " bytes");
    }
    Fetched out;
    out.body = reply->body.toStdString();
    if (auto it = reply->headers.find("etag"); it != reply->headers.end()) {
        out.etag = it->second;
    }
    return out;
}

// The array `key` of a JSON object answer; each element must be an object.
Result<Json> listIn(const std::string& body, const char* key)
{
    auto json = parseJson(body, JsonLimits{tuning::kReferenceAnswerMaxBytes, 8});
    if (!json) {
        return json.status();
    }
    const Json* list = json->is_object() ? jsonMember(*json, key) : nullptr;
    if (list == nullptr || !list->is_array()) {
        return Status(ErrorCode::ParseError, std::string("expected an object with an array \"") + key + "\"");
    }
    for (const Json& item : *list) {
        if (!item.is_object()) {
            return Status(ErrorCode::ParseError, std::string("\"") + key + "\" holds a non-object");
        }
    }
    return *list;
}

// A required string member; `where` names the element in the error.
Result<std::string> stringAt(const Json& item, const char* key, const std::string& where)
{
    const std::string* value = jsonString(item, key);
    if (value == nullptr) {
        return Status(ErrorCode::ParseError, where + "." + key + ": expected a string");
    }
    return *value;
}

// A string or null member ("" for null).
Result<std::string> optionalStringAt(const Json& item, const char* key, const std::string& where)
{
    const Json* value = jsonMember(item, key);
    if (value != nullptr && value->is_null()) {
        return std::string();
    }
    return stringAt(item, key, where);
}

// Form ids and catalog names go into request paths: only the identifier characters of sync-protocol §1.
bool isIdentifier(const std::string& name)
{
    if (name.empty() || name.size() > tuning::kMaxIdentifierBytes) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == ':' || c == '-';
    });
}

// A catalog the client will load later must load now: the shared loader for the ones it knows, any well-formed
// UTF-8 CSV for the others.
Status checkCatalog(const std::string& name, const std::string& body)
{
    if (utf8::firstInvalid(body) != std::string_view::npos) {
        return Status(ErrorCode::ParseError, "not UTF-8");
    }
    Status status = Status::ok();
    if (name == "ethnic_groups") {
        status = catalog::EthnicGroupCatalog::loadCsv(body, name).status();
    } else if (name == "religions") {
        status = catalog::ReligionCatalog::loadCsv(body, name).status();
    } else if (name == "indicators") {
        status = catalog::IndicatorCatalog::loadCsv(body, name).status();
    } else {
        status = CsvTable::parse(body, name).status();
    }
    return status;
}

// Rows of `after` that are new or differ, plus rows of `before` that are gone.
template <typename Row, typename Key>
std::size_t changedRows(const std::vector<Row>& before, const std::vector<Row>& after, Key key)
{
    std::map<std::string, const Row*> old;
    for (const Row& row : before) {
        old[key(row)] = &row;
    }
    std::size_t changed = 0;
    for (const Row& row : after) {
        auto it = old.find(key(row));
        if (it == old.end() || !(*it->second == row)) {
            ++changed;
        }
        if (it != old.end()) {
            old.erase(it);
        }
    }
    return changed + old.size();
}

}  // namespace

Status ReferenceSync::forgetEtags(Connection& connection)
{
    SyncMetaRepository meta(connection);
    for (const char* kind : kKinds) {
        if (Status status = meta.remove(metaKey(kind)); !status) {
            return status;
        }
    }
    return Status::ok();
}

Status ReferenceSync::planForms(Plan& plan)
{
    const std::string key = metaKey("forms");
    auto held = SyncMetaRepository(m_connection).get(key);
    if (!held) {
        return held.status();
    }
    // Every version, not only the newest: records pulled or drafts kept on an older version need it.
    auto list = fetch(m_transport, "form list", QStringLiteral("/api/v1/forms?versions=all"), held->value_or(""));
    if (!list) {
        return list.status();
    }
    if (list->notModified) {
        return Status::ok();
    }
    auto listed = listIn(list->body, "forms");
    if (!listed) {
        return unusable("form list", listed.status().message());
    }
    FormTemplateRepository stored(m_connection);
    for (std::size_t i = 0; i < listed->size(); ++i) {
        const Json& item = (*listed)[i];
        const std::string where = "forms[" + std::to_string(i) + "]";
        auto id = stringAt(item, "id", where);
        auto etag = stringAt(item, "etag", where);
        const Json* version = jsonMember(item, "version");
        if (!id || !etag) {
            return unusable("form list", (!id ? id.status() : etag.status()).message());
        }
        if (!isIdentifier(*id) || version == nullptr || !version->is_number_integer() || version->get<std::int64_t>() < 1 ||
            version->get<std::int64_t>() > 1'000'000) {
            return unusable("form list", where + ": expected an identifier id and a positive integer version");
        }
        const int number = version->get<int>();
        auto mine = stored.get(*id, number);
        if (!mine && mine.status().code() != ErrorCode::NotFound) {
            return mine.status();
        }
        if (mine && mine->etag == *etag) {
            continue;  // this version as the server has it is already here
        }
        const std::string what = "form " + *id + " v" + std::to_string(number);
        auto document = fetch(m_transport, what,
                              QStringLiteral("/api/v1/forms/%1/%2").arg(QString::fromStdString(*id)).arg(number),
                              mine ? mine->etag : std::string());
        if (!document) {
            return document.status();
        }
        if (document->notModified) {
            continue;
        }
        auto parsed = forms::FormTemplate::parse(document->body);
        if (!parsed) {
            return unusable(what, parsed.status().message());
        }
        if (parsed->id() != *id || parsed->version() != number) {
            return unusable(what, "the template says " + parsed->id() + " v" + std::to_string(parsed->version()));
        }
        plan.forms.push_back({*id, number, std::move(document->body), document->etag.empty() ? *etag : document->etag});
    }
    plan.stats.forms = plan.forms.size();
    plan.etags.emplace_back(key, list->etag);
    return Status::ok();
}

Status ReferenceSync::planCatalogs(Plan& plan)
{
    const std::string key = metaKey("catalogs");
    auto held = SyncMetaRepository(m_connection).get(key);
    if (!held) {
        return held.status();
    }
    auto list = fetch(m_transport, "catalog list", QStringLiteral("/api/v1/catalogs"), held->value_or(""));
    if (!list) {
        return list.status();
    }
    if (list->notModified) {
        return Status::ok();
    }
    auto catalogs = listIn(list->body, "catalogs");
    if (!catalogs) {
        return unusable("catalog list", catalogs.status().message());
    }
    CatalogRepository stored(m_connection);
    auto before = stored.list();
    if (!before) {
        return before.status();
    }
    std::map<std::string, StoredCatalog> mine;
    for (StoredCatalog& catalog : *before) {
        mine.emplace(catalog.name, std::move(catalog));
    }
    std::vector<StoredCatalog> next;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < catalogs->size(); ++i) {
        const std::string where = "catalogs[" + std::to_string(i) + "]";
        auto name = stringAt((*catalogs)[i], "name", where);
        auto etag = stringAt((*catalogs)[i], "etag", where);
        if (!name || !etag) {
            return unusable("catalog list", (!name ? name.status() : etag.status()).message());
        }
        if (!isIdentifier(*name)) {
            return unusable("catalog list", where + ".name: not an identifier");
        }
        if (std::any_of(next.begin(), next.end(), [&](const StoredCatalog& c) { return c.name == *name; })) {
            return unusable("catalog list", "catalog " + *name + " listed twice");
        }
        auto it = mine.find(*name);
        if (it != mine.end() && it->second.etag == *etag) {
            next.push_back(it->second);
            ++kept;
            continue;
        }
        const std::string what = "catalog " + *name;
        auto document = fetch(m_transport, what, QStringLiteral("/api/v1/catalogs/") + QString::fromStdString(*name),
                              it != mine.end() ? it->second.etag : std::string());
        if (!document) {
            return document.status();
        }
        if (document->notModified) {
            if (it == mine.end()) {
                return unusable(what, "304 to a request without If-None-Match");
            }
            next.push_back(it->second);
            ++kept;
            continue;
        }
        if (Status status = checkCatalog(*name, document->body); !status) {
            return unusable(what, status.message());
        }
        const std::string served = document->etag.empty() ? *etag : document->etag;
        // The version label is the content's ETag without its quotes: the server has no other version for catalogs.
        std::string version = served;
        version.erase(std::remove(version.begin(), version.end(), '"'), version.end());
        next.push_back({*name, version.empty() ? std::string("server") : version, served, std::move(document->body)});
    }
    // Added or replaced ones, plus the ones the server no longer lists.
    plan.stats.catalogs = (next.size() - kept) + (before->size() - kept);
    plan.catalogs = std::move(next);
    plan.etags.emplace_back(key, list->etag);
    return Status::ok();
}

Status ReferenceSync::planUnits(Plan& plan)
{
    const std::string key = metaKey("units");
    auto held = SyncMetaRepository(m_connection).get(key);
    if (!held) {
        return held.status();
    }
    // Today's units in this account's scope, as the server sees them.
    auto list = fetch(m_transport, "unit list", QStringLiteral("/api/v1/units"), held->value_or(""));
    if (!list) {
        return list.status();
    }
    if (list->notModified) {
        return Status::ok();
    }
    auto units = listIn(list->body, "units");
    if (!units) {
        return unusable("unit list", units.status().message());
    }
    std::vector<UnitRow> next;
    for (std::size_t i = 0; i < units->size(); ++i) {
        const Json& item = (*units)[i];
        const std::string where = "units[" + std::to_string(i) + "]";
        auto code = stringAt(item, "code", where);
        auto name = stringAt(item, "name", where);
        auto level = stringAt(item, "level", where);
        auto parent = optionalStringAt(item, "parent_code", where);
        auto validFrom = optionalStringAt(item, "valid_from", where);
        auto validTo = optionalStringAt(item, "valid_to", where);
        for (const Result<std::string>* field : {&code, &name, &level, &parent, &validFrom, &validTo}) {
            if (!*field) {
                return unusable("unit list", field->status().message());
            }
        }
        next.push_back({*code, *name, *level, *parent, *validFrom, *validTo});
    }
    auto before = UnitRepository(m_connection).all();
    if (!before) {
        return before.status();
    }
    plan.stats.units = changedRows(*before, next, [](const UnitRow& unit) { return unit.code; });
    plan.units = std::move(next);
    plan.etags.emplace_back(key, list->etag);
    return Status::ok();
}

Status ReferenceSync::planPeriods(Plan& plan)
{
    const std::string key = metaKey("periods");
    auto held = SyncMetaRepository(m_connection).get(key);
    if (!held) {
        return held.status();
    }
    auto list = fetch(m_transport, "period list", QStringLiteral("/api/v1/periods"), held->value_or(""));
    if (!list) {
        return list.status();
    }
    if (list->notModified) {
        return Status::ok();
    }
    auto periods = listIn(list->body, "periods");
    if (!periods) {
        return unusable("period list", periods.status().message());
    }
    std::vector<PeriodRow> next;
    for (std::size_t i = 0; i < periods->size(); ++i) {
        const Json& item = (*periods)[i];
        const std::string where = "periods[" + std::to_string(i) + "]";
        auto id = stringAt(item, "id", where);
        auto label = stringAt(item, "label", where);
        auto starts = stringAt(item, "starts_on", where);
        auto ends = stringAt(item, "ends_on", where);
        const Json* open = jsonMember(item, "open");
        for (const Result<std::string>* field : {&id, &label, &starts, &ends}) {
            if (!*field) {
                return unusable("period list", field->status().message());
            }
        }
        if (open == nullptr || !open->is_boolean()) {
            return unusable("period list", where + ".open: expected a boolean");
        }
        next.push_back({*id, *label, *starts, *ends, open->get<bool>() ? "open" : "closed"});
    }
    auto before = PeriodRepository(m_connection).list();
    if (!before) {
        return before.status();
    }
    plan.stats.periods = changedRows(*before, next, [](const PeriodRow& period) { return period.id; });
    plan.periods = std::move(next);
    plan.etags.emplace_back(key, list->etag);
    return Status::ok();
}

Status ReferenceSync::write(const Plan& plan)
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    FormTemplateRepository templates(m_connection);
    for (const StoredFormTemplate& form : plan.forms) {
        if (Status status = templates.put(form); !status) {
            return unusable("form " + form.id, status.message());
        }
    }
    // The repositories check each set as a whole (empty or repeated keys) and refuse it before writing.
    Status status = Status::ok();
    if (plan.catalogs) status = CatalogRepository(m_connection).replaceAll(*plan.catalogs);
    if (status && plan.units) status = UnitRepository(m_connection).replaceAll(*plan.units);
    if (status && plan.periods) status = PeriodRepository(m_connection).replaceAll(*plan.periods);
    if (!status) {
        return status.code() == ErrorCode::InvalidArgument ? unusable("lists", status.message()) : status;
    }
    SyncMetaRepository meta(m_connection);
    for (const auto& [key, etag] : plan.etags) {
        status = etag.empty() ? meta.remove(key) : meta.set(key, etag);
        if (!status) {
            return status;
        }
    }
    return transaction.commit();
}

Result<ReferenceStats> ReferenceSync::run()
{
    // Every answer first, then one write: a failure anywhere leaves the store as it was, and no write lock is held
    // while waiting on the network.
    Plan plan;
    for (Status (ReferenceSync::*step)(Plan&) :
         {&ReferenceSync::planForms, &ReferenceSync::planCatalogs, &ReferenceSync::planUnits,
          &ReferenceSync::planPeriods}) {
        if (Status status = (this->*step)(plan); !status) {
            return status;
        }
    }
    if (plan.etags.empty()) {
        return plan.stats;  // 304 everywhere: nothing to write
    }
    if (Status status = write(plan); !status) {
        return status;
    }
    return plan.stats;
}

}  // namespace dantoc::client::sync
