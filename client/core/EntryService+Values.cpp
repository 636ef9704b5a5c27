// EntryService, values: the canonical form of a submission's values (no nulls, roster row ids, NFC text) and the
// body as of the last enqueued operation.
#include "core/EntryService.h"

#include "core/NfcJson.h"

#include "base/Uuid.h"
#include "sync/BodyMerge.h"

namespace dantoc::client {

namespace {

bool isRosterLike(const Json& value)
{
    if (!value.is_array() || value.empty()) {
        return false;
    }
    for (const Json& item : value) {
        if (!item.is_object()) {
            return false;
        }
    }
    return true;
}

// Drops nulls and gives roster rows ids, recursively through rows (plain objects are atomic values).
void canonicalize(Json& object)
{
    for (auto it = object.begin(); it != object.end();) {
        if (it->is_null()) {
            it = object.erase(it);
            continue;
        }
        if (isRosterLike(*it)) {
            for (Json& row : *it) {
                const Json* id = jsonMember(row, "_id");
                if (id == nullptr || id->is_null() || (id->is_string() && id->get_ref<const std::string&>().empty())) {
                    row["_id"] = EntryService::newRowId();
                }
                canonicalize(row);
            }
        }
        ++it;
    }
}

}  // namespace

std::string EntryService::newRowId()
{
    return newUuid();
}

Result<Json> EntryService::canonicalValues(const Json& values)
{
    if (!values.is_object()) {
        return Status(ErrorCode::InvalidArgument, "the values of a submission must be a JSON object");
    }
    Json out = values;
    canonicalize(out);
    // Decomposed text (pasted from a PDF or a Mac) is stored composed, as the user sees it and validation counts it.
    composeNfcStrings(out);
    return out;
}

Result<Json> EntryService::enqueuedBody(const std::string& recordId)
{
    Json body = Json::object();
    auto base = m_connection.prepare("SELECT body FROM record_base WHERE id = ?1");
    if (!base) {
        return base.status();
    }
    if (Status status = base->bindText(1, recordId); !status) {
        return status;
    }
    auto row = base->step();
    if (!row) {
        return row.status();
    }
    if (*row) {
        auto parsed = parseJson(base->columnTextView(0));
        if (!parsed || !parsed->is_object()) {
            return Status(ErrorCode::Corruption, "record_base " + recordId + " is not a JSON object");
        }
        body = std::move(*parsed);
    }
    auto ops = m_connection.prepare(
        "SELECT payload FROM outbox WHERE record_id = ?1 AND status = 'pending' AND kind IN ('create', 'edit') "
        "ORDER BY dev_seq");
    if (!ops) {
        return ops.status();
    }
    if (Status status = ops->bindText(1, recordId); !status) {
        return status;
    }
    for (;;) {
        auto next = ops->step();
        if (!next) {
            return next.status();
        }
        if (!*next) {
            break;
        }
        auto json = parseJson(ops->columnTextView(0));
        if (!json) {
            return Status(ErrorCode::Corruption, "outbox payload: " + json.status().message());
        }
        auto op = sync::parseOperation(*json);
        if (!op) {
            return Status(ErrorCode::Corruption, "outbox payload: " + op.status().message());
        }
        auto applied = sync::applySet(body, op->set);
        if (!applied) {
            return Status(ErrorCode::Corruption, "outbox payload does not apply: " + applied.status().message());
        }
        body = std::move(*applied);
    }
    return body;
}

}  // namespace dantoc::client
