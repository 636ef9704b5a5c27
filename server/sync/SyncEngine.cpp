#include "sync/SyncEngine.h"

#include "base/Uuid.h"
#include "blob/BlobAccess.h"
#include "store/SyncRows.h"
#include "sync/AttachmentRefs.h"
#include "sync/Rejections.h"
#include "sync/OpOrdering.h"
#include "sync/SyncTuning.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <unordered_set>

namespace dantoc::server {

namespace {

std::string isoDate(std::int64_t unixMillis)
{
    const std::time_t seconds = static_cast<std::time_t>(unixMillis / 1000);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &seconds);
#else
    gmtime_r(&seconds, &tm);
#endif
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

}  // namespace

SyncEngine::SyncEngine(Store& store, RecordStore& records, CatalogStore& catalogs, BlobStore& blobs,
                       const ScopePolicy& scope, const Clock& clock, const std::filesystem::path& catalogsDir)
    : m_store(store), m_records(records), m_catalogs(catalogs), m_blobs(blobs), m_scope(scope), m_clock(clock),
      m_forms(catalogs, catalogsDir)
{
}

Result<std::shared_ptr<const UnitIndex>> SyncEngine::units()
{
    auto generation = m_store.unitGeneration();
    if (!generation) {
        return generation.status();
    }
    const std::string today = isoDate(m_clock.nowUnixMillis());
    std::lock_guard lock(m_unitsMutex);
    if (!m_units || m_unitsGeneration != *generation || m_units->date() != today) {
        auto built = UnitIndex::build(m_scope, today);
        if (!built) {
            return built.status();
        }
        m_units = std::make_shared<const UnitIndex>(std::move(*built));
        m_unitsGeneration = *generation;
        m_scopeCodes.clear();
    }
    return m_units;
}

Result<std::shared_ptr<const std::unordered_set<std::string>>> SyncEngine::scopeCodes(const std::string& root)
{
    if (auto current = units(); !current) {
        return current.status();
    }
    {
        std::lock_guard lock(m_unitsMutex);
        if (auto it = m_scopeCodes.find(root); it != m_scopeCodes.end()) {
            return it->second;
        }
    }
    auto codes = m_scope.codesInScope(root);
    if (!codes) {
        return codes.status();
    }
    auto set = std::make_shared<const std::unordered_set<std::string>>(codes->begin(), codes->end());
    std::lock_guard lock(m_unitsMutex);
    m_scopeCodes[root] = set;
    return set;
}

Result<DeviceRegistration> SyncEngine::registerDevice(const Principal& caller, const std::string& deviceId,
                                                      const std::string& name)
{
    const std::int64_t now = m_clock.nowUnixMillis();
    AuditEvent audit{now, caller.accountId, "device.register", deviceId, Json{{"name", name}}.dump()};
    auto binding = m_records.registerDevice(DeviceRow{deviceId, caller.accountId, name, 0, now}, audit);
    if (!binding) {
        return binding.status();
    }
    if (*binding == DeviceBinding::TakenByOther) {
        return Status(ErrorCode::AlreadyExists, "device " + deviceId + " is registered to another account");
    }
    auto device = m_records.device(deviceId);
    auto epoch = m_records.epoch();
    if (!device || !*device) {
        return device ? Status(ErrorCode::Internal, "device vanished") : device.status();
    }
    if (!epoch) {
        return epoch.status();
    }
    return DeviceRegistration{*binding == DeviceBinding::Created,
                              static_cast<std::uint64_t>((*device)->lastDevSeq + 1), *epoch};
}

Status SyncEngine::checkDevice(const Principal& caller, const std::string& deviceId)
{
    auto device = m_records.device(deviceId);
    if (!device) {
        return device.status();
    }
    if (!*device || (*device)->accountId != caller.accountId) {
        return Status(ErrorCode::PermissionDenied, "device_not_bound");
    }
    return Status::ok();
}

Status SyncEngine::lookUp(const Principal& who, const std::vector<sync::Operation>& ops, Lookups& out)
{
    for (const auto& op : ops) {
        const auto key = std::make_pair(op.form.id, op.form.version);
        if (!out.forms.contains(key)) {
            auto form = m_forms.get(op.form.id, static_cast<int>(op.form.version));
            if (!form && form.status().code() != ErrorCode::NotFound) {
                return form.status();
            }
            out.forms[key] = form ? *form : nullptr;
        }
        if (op.kind == sync::OpKind::Create && !out.periods.contains(op.period)) {
            auto period = m_catalogs.period(op.period);
            if (!period) {
                return period.status();
            }
            out.periods[op.period] = *period;
        }
        // A file the caller may not reference (stored for another commune only) waits exactly like one never
        // uploaded: the outcome must not tell whether anyone holds it (issue 19, finding 1).
        const BlobAccess access(m_store, m_records, m_blobs, m_scope);
        for (const std::string& sha : op.blobs) {
            auto usable = access.mayReference(who, sha);
            if (!usable) {
                return usable.status();
            }
            if (!*usable) {
                out.incompleteBlobs.insert(sha);
            }
        }
    }
    return Status::ok();
}

OpInputs SyncEngine::inputsFor(const Lookups& lookups, const sync::Operation& op)
{
    OpInputs inputs;
    if (auto it = lookups.forms.find(std::make_pair(op.form.id, op.form.version)); it != lookups.forms.end()) {
        inputs.form = it->second;
    }
    if (auto it = lookups.periods.find(op.period); it != lookups.periods.end()) {
        inputs.period = it->second;
    }
    return inputs;
}

Status SyncEngine::drainParked()
{
    auto parked = m_records.parkedOps();
    if (!parked) {
        return parked.status();
    }
    if (parked->empty()) {
        return Status::ok();
    }
    auto unitIndex = units();
    if (!unitIndex) {
        return unitIndex.status();
    }
    std::set<std::pair<std::string, std::string>> blocked;  // (device, record): an earlier op still waits
    for (const StoredOp& row : *parked) {
        const auto key = std::make_pair(row.deviceId, row.recordId);
        if (blocked.contains(key)) {
            continue;
        }
        auto op = sync::parseOperation(Json::parse(row.opJson, nullptr, false));
        if (!op) {
            return Status(ErrorCode::Corruption, "parked op " + row.opId + ": " + op.status().message());
        }
        auto account = m_store.accountById(row.accountId);
        if (!account) {
            return account.status();
        }
        if (!*account) {
            return Status(ErrorCode::Corruption, "parked op " + row.opId + ": unknown account");
        }
        // The op is decided as its author, with the author's current role and unit.
        const Principal author{(*account)->id, (*account)->username, (*account)->role, (*account)->unitCode, false};
        Lookups lookups;
        if (Status s = lookUp(author, {*op}, lookups); !s) {
            return s;
        }
        if (!lookups.incompleteBlobs.empty()) {
            blocked.insert(key);
            continue;
        }
        const OpInputs inputs = inputsFor(lookups, *op);
        const std::int64_t now = m_clock.nowUnixMillis();
        Status s = m_records.inTransaction([&](RecordTxn& txn) -> Status {
            auto stored = txn.storedOp(op->opId);
            if (!stored) {
                return stored.status();
            }
            if (!*stored || !(*stored)->parked) {
                return Status::ok();  // another push applied it meanwhile
            }
            OpEnvironment env{author, **unitIndex, m_forms.choices(), now};
            auto outcome = OpApplier(txn, env, inputs).apply(*op);
            if (!outcome) {
                return outcome.status();
            }
            const Json outcomeJson = outcome->toJson();
            if (Status w = txn.unpark(op->opId, outcomeJson.dump()); !w) {
                return w;
            }
            return txn.audit(AuditEvent{now, author.accountId, "record." + std::string(sync::opKindName(op->kind)),
                                        op->recordId,
                                        Json{{"op_id", op->opId}, {"unparked", true}, {"outcome", outcomeJson}}.dump()});
        });
        if (!s) {
            return s;
        }
    }
    return Status::ok();
}

Status SyncEngine::pushOp(RecordTxn& txn, const Principal& caller, const sync::Operation& op,
                          const OpInputs& inputs, const UnitIndex& unitIndex, const Lookups& lookups, OpStep& step)
{
    const std::int64_t now = m_clock.nowUnixMillis();
    auto device = txn.device(op.deviceId);
    if (!device) {
        return device.status();
    }
    auto slot = txn.opIdAtSlot(op.deviceId, static_cast<std::int64_t>(op.devSeq));
    if (!slot) {
        return slot.status();
    }
    auto stored = txn.storedOp(op.opId);
    if (!stored) {
        return stored.status();
    }
    sync::ServerOpView view;
    view.lastDevSeq = *device ? static_cast<std::uint64_t>((*device)->lastDevSeq) : 0;
    view.opIdAtSeq = *slot;
    view.opIdKnown = stored->has_value();
    const auto classification = sync::classifyOp(view, op);
    step.disposition = classification.disposition;
    switch (classification.disposition) {
    case sync::OpDisposition::Gap:
    case sync::OpDisposition::Fork: return Status::ok();
    case sync::OpDisposition::Duplicate: {
        if (!*stored) {
            return Status(ErrorCode::Corruption, "op " + op.opId + " holds a slot but has no outcome");
        }
        auto outcome = sync::parseOpOutcome(Json::parse((*stored)->outcomeJson, nullptr, false));
        if (!outcome) {
            return Status(ErrorCode::Corruption, "op " + op.opId + ": " + outcome.status().message());
        }
        step.outcome = *outcome;
        if (classification.advancesSeq) {
            return txn.advanceSlot(op.deviceId, static_cast<std::int64_t>(op.devSeq), op.opId);
        }
        return Status::ok();
    }
    case sync::OpDisposition::Apply: break;
    }
    // `blobs` naming anything but the attachments the op writes is refused before it can wait for them.
    std::optional<sync::OpOutcome> refused;
    if (inputs.form) {
        if (Status refs = checkBlobReferences(*inputs.form, op); !refs) {
            refused = rejectOp(op.opId, "invalid", refs.message());
        }
    }
    // Park it when an attachment is missing, or behind an earlier parked op of this device on the record.
    bool park = !refused && std::any_of(op.blobs.begin(), op.blobs.end(), [&](const std::string& sha) {
        return lookups.incompleteBlobs.contains(sha);
    });
    if (!park && !refused) {
        auto behind = txn.hasParkedOp(op.deviceId, op.recordId);
        if (!behind) {
            return behind.status();
        }
        park = *behind;
    }
    if (refused) {
        step.outcome = *refused;
    } else if (park) {
        step.outcome = sync::OpOutcome::deferred(op.opId, std::string(sync::kDeferredAwaitingAttachment));
    } else {
        const OpEnvironment env{caller, unitIndex, m_forms.choices(), now};
        auto outcome = OpApplier(txn, env, inputs).apply(op);
        if (!outcome) {
            return outcome.status();
        }
        step.outcome = *outcome;
    }
    const Json outcomeJson = step.outcome.toJson();
    StoredOp row{op.opId, op.deviceId, static_cast<std::int64_t>(op.devSeq), caller.accountId, op.recordId,
                 std::string(sync::opKindName(op.kind)), now, outcomeJson.dump(), sync::toJson(op).dump(), park};
    if (Status w = txn.insertOp(row); !w) {
        return w;
    }
    if (Status w = txn.advanceSlot(op.deviceId, static_cast<std::int64_t>(op.devSeq), op.opId); !w) {
        return w;
    }
    return txn.audit(AuditEvent{now, caller.accountId,
                                park ? std::string("record.parked") : "record." + std::string(sync::opKindName(op.kind)),
                                op.recordId,
                                Json{{"op_id", op.opId}, {"device_id", op.deviceId}, {"outcome", outcomeJson}}.dump()});
}

Result<sync::PushResponse> SyncEngine::push(const Principal& caller, const sync::PushRequest& request)
{
    if (Status s = checkDevice(caller, request.deviceId); !s) {
        return s;
    }
    if (Status s = drainParked(); !s) {
        return s;
    }
    auto epoch = m_records.epoch();
    if (!epoch) {
        return epoch.status();
    }
    auto unitIndex = units();
    if (!unitIndex) {
        return unitIndex.status();
    }
    // The catalog and blob stores cannot be read inside a record transaction (one connection): look up first.
    Lookups lookups;
    if (Status s = lookUp(caller, request.ops, lookups); !s) {
        return s;
    }

    sync::PushResponse response;
    response.serverEpoch = *epoch;
    // The whole request is one write transaction (one COMMIT per batch, not per op: the per-op commits were a
    // third of the server's push CPU), each op in its own savepoint. A storage failure in an op undoes that op
    // only: the ops before it are committed and the request fails as it did with one transaction per op (the
    // client retries; the committed ops come back as duplicates with their stored outcomes). A crash before the
    // commit leaves none of the batch; the reply is sent only after it.
    Status failed = Status::ok();
    // An empty request (a client asking for next_expected_seq) takes no write lock and writes nothing.
    Status s = request.ops.empty() ? Status::ok() : m_records.inTransaction([&](RecordTxn& txn) -> Status {
        for (std::size_t i = 0; i < request.ops.size(); ++i) {
            const sync::Operation& op = request.ops[i];
            OpStep step;
            if (Status begun = txn.beginOp(); !begun) {
                return begun;
            }
            const Status applied = pushOp(txn, caller, op, inputsFor(lookups, op), **unitIndex, lookups, step);
            if (!applied) {
                failed = applied;
                // The ops before this one stay; when the error already ended the transaction, nothing does.
                if (Status undone = txn.rollbackOp(); !undone) {
                    return applied;
                }
                return Status::ok();
            }
            if (Status released = txn.releaseOp(); !released) {
                return released;
            }
            if (step.disposition == sync::OpDisposition::Gap) {
                for (std::size_t j = i; j < request.ops.size(); ++j) {
                    response.results.push_back(
                        sync::OpOutcome::deferred(request.ops[j].opId, std::string(sync::kDeferredOutOfOrder)));
                }
                break;
            }
            if (step.disposition == sync::OpDisposition::Fork) {
                response.fork = sync::DeviceFork{op.devSeq};
                break;
            }
            response.results.push_back(std::move(step.outcome));
        }
        return Status::ok();
    });
    if (!s) {
        return s;
    }
    if (!failed) {
        return failed;
    }
    auto device = m_records.device(request.deviceId);
    if (!device) {
        return device.status();
    }
    response.nextExpectedSeq = *device ? static_cast<std::uint64_t>((*device)->lastDevSeq + 1) : 1;
    return response;
}

Result<sync::PullResponse> SyncEngine::pull(const Principal& caller, const sync::PullRequest& request,
                                            bool compressed)
{
    auto epoch = m_records.epoch();
    if (!epoch) {
        return epoch.status();
    }
    sync::PullResponse page;
    page.epoch = *epoch;
    if (!request.cursor.epoch.empty() && request.cursor.epoch != *epoch) {
        page.epochReset = true;
        page.next = sync::Cursor{*epoch, 0};
        page.more = true;
        return page;
    }
    auto codes = scopeCodes(caller.unitCode);
    if (!codes) {
        return codes.status();
    }
    const std::unordered_set<std::string>& inScope = **codes;
    const std::size_t limit = std::clamp<std::size_t>(static_cast<std::size_t>(request.limitBytes),
                                                      sync::tuning::kPullPageMinBytes,
                                                      sync::tuning::kPullPageMaxBytes);
    // limit_bytes counts compressed bytes; sync bodies compress about 6:1, so 4:1 keeps a page under the limit.
    const std::size_t rawBudget = compressed ? limit * 4 : limit;
    // Change rows come with their record bodies, so a scan reads what it asks for: start with about what one page
    // holds (a page of 3 KB village reports is ~20 items; reading 1,000 rows per page threw 98% of them away and
    // took most of a pull page's time) and double while rows turn out to be outside the caller's scope.
    constexpr int kFirstScanRows = 32;
    constexpr int kMaxScanRows = 1000;
    constexpr std::size_t kMaxScannedPerPage = 50'000;
    int scanRows = kFirstScanRows;
    std::int64_t after = static_cast<std::int64_t>(request.cursor.seq);
    std::size_t rawBytes = 0;
    std::size_t scanned = 0;
    bool full = false;
    bool end = false;
    while (!full && !end && scanned < kMaxScannedPerPage) {
        auto rows = m_records.changesAfter(after, scanRows);
        if (!rows) {
            return rows.status();
        }
        end = rows->size() < static_cast<std::size_t>(scanRows);
        scanRows = std::min(scanRows * 2, kMaxScanRows);
        for (ChangeRow& row : *rows) {
            ++scanned;
            after = row.seq;
            if (!inScope.contains(row.unitCode)) {
                continue;
            }
            sync::PullItem item;
            item.seq = static_cast<std::uint64_t>(row.seq);
            item.recordId = row.recordId;
            if (row.kind == "comment") {
                item.kind = sync::PullItemKind::Comment;
                item.commentId = row.comment.commentId;
                item.author = row.authorName;
                item.at = static_cast<std::uint64_t>(row.comment.at);
                item.text = row.comment.text;
                item.field = row.comment.field;
            } else {
                const StoredRecord& r = row.record;
                item.kind = sync::PullItemKind::Record;
                item.ver = static_cast<std::uint64_t>(r.version);
                item.state = r.state;
                item.level = r.level;
                item.form = sync::FormRef{r.formId, static_cast<std::uint64_t>(r.formVersion)};
                item.unit = r.unitCode;
                item.period = r.period;
                item.deleted = r.deleted;
                if (!r.deleted) {
                    Json body = Json::parse(r.bodyJson, nullptr, false);
                    if (body.is_discarded()) {
                        return Status(ErrorCode::Corruption, "record " + r.recordId + ": stored body is not JSON");
                    }
                    item.body = std::move(body);
                }
                item.opIdsApplied = row.opIds;
                if (row.hasOpenConflict) {
                    item.flags.push_back("conflict");
                }
            }
            rawBytes += sync::toJson(item).dump().size();
            page.items.push_back(std::move(item));
            if (page.items.size() >= sync::tuning::kMaxItemsPerPull || rawBytes >= rawBudget) {
                full = true;
                break;
            }
        }
    }
    // The last row consumed decides the cursor; rows after it (if any) come with the next page.
    auto last = m_records.lastSeq();
    if (!last) {
        return last.status();
    }
    page.next = sync::Cursor{*epoch, static_cast<std::uint64_t>(after)};
    page.more = after < *last;
    return page;
}

}  // namespace dantoc::server
