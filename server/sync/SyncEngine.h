// SyncEngine: the server side of sync-protocol.md — device registration, push (one transaction per request, a
// savepoint per op: classifyOp, then applying it with its idempotency record and audit) and pull (in-scope change-feed pages by
// (epoch, seq) cursor). Transport-free: the HTTP handlers (api/SyncHandlers.cpp) decode and encode the messages.
// Thread-safe (stores and caches are).
#pragma once

#include "base/Clock.h"
#include "http/ApiTypes.h"
#include "scope/ScopePolicy.h"
#include "store/BlobStore.h"
#include "store/CatalogStore.h"
#include "store/RecordStore.h"
#include "store/Store.h"
#include "sync/FormCache.h"
#include "sync/OpOrdering.h"
#include "sync/OpApplier.h"
#include "sync/PullMessages.h"
#include "sync/PushMessages.h"
#include "sync/UnitIndex.h"

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_set>

namespace dantoc::server {

struct DeviceRegistration {
    bool created = false;
    std::uint64_t nextExpectedSeq = 1;
    std::string serverEpoch;
};

class SyncEngine
{
public:
    SyncEngine(Store& store, RecordStore& records, CatalogStore& catalogs, BlobStore& blobs,
               const ScopePolicy& scope, const Clock& clock, const std::filesystem::path& catalogsDir);

    // AlreadyExists when the device id is bound to another account.
    Result<DeviceRegistration> registerDevice(const Principal& caller, const std::string& deviceId,
                                              const std::string& name);
    // PermissionDenied ("device_not_bound") when the request's device is not registered to the caller. An op whose
    // attachments are not all uploaded yet is parked (deferred awaiting_attachment, dev_seq consumed), and so are
    // the device's later ops on the same record; parked ops are applied, in dev_seq order, at the start of any
    // later push once their attachments are complete (the client re-sends them after its upload: a duplicate
    // answered with the final outcome).
    Result<sync::PushResponse> push(const Principal& caller, const sync::PushRequest& request);
    // `compressed`: the answer travels zstd-compressed, so a page may hold more raw bytes than limit_bytes.
    Result<sync::PullResponse> pull(const Principal& caller, const sync::PullRequest& request, bool compressed);

private:
    Result<std::shared_ptr<const UnitIndex>> units();
    // The unit codes (of any date) in `root`'s scope, cached until the units change (pull filters on it).
    Result<std::shared_ptr<const std::unordered_set<std::string>>> scopeCodes(const std::string& root);
    Status checkDevice(const Principal& caller, const std::string& deviceId);
    Status drainParked();
    // Forms and periods the ops need, looked up before any record transaction.
    struct Lookups {
        std::map<std::pair<std::string, std::uint64_t>, std::shared_ptr<const forms::FormTemplate>> forms;
        std::map<std::string, std::optional<Period>> periods;
        std::set<std::string> incompleteBlobs;
    };
    // incompleteBlobs: the files `who` may not reference yet (blob/BlobAccess.h).
    Status lookUp(const Principal& who, const std::vector<sync::Operation>& ops, Lookups& out);
    static OpInputs inputsFor(const Lookups& lookups, const sync::Operation& op);
    // What one op of a push decided.
    struct OpStep {
        sync::OpDisposition disposition = sync::OpDisposition::Apply;
        sync::OpOutcome outcome;
    };
    // One op of a push, inside the batch transaction's savepoint for it: classify, then apply, park or refuse it
    // with its outcome, slot and audit entry. An error Status only for a storage failure.
    Status pushOp(RecordTxn& txn, const Principal& caller, const sync::Operation& op, const OpInputs& inputs,
                  const UnitIndex& unitIndex, const Lookups& lookups, OpStep& step);

    Store& m_store;
    RecordStore& m_records;
    CatalogStore& m_catalogs;
    BlobStore& m_blobs;
    const ScopePolicy& m_scope;
    const Clock& m_clock;
    FormCache m_forms;
    std::mutex m_unitsMutex;
    std::shared_ptr<const UnitIndex> m_units;  // guarded by m_unitsMutex
    std::int64_t m_unitsGeneration = -1;
    std::map<std::string, std::shared_ptr<const std::unordered_set<std::string>>> m_scopeCodes;  // m_unitsMutex
};

}  // namespace dantoc::server
