// RecordStore: submissions (records), their versions, devices, operations and outcomes, the change log (pull
// sequence), conflicts, comments and review actions, behind an interface so a PostgreSQL store can replace the
// embedded SQLite one. Every mutating call is one transaction (with its audit event); the sync engine runs each
// pushed operation in one inTransaction() body over the RecordTxn primitives. Implementations are thread-safe.
#pragma once

#include "base/Result.h"
#include "store/StoreTypes.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::server {

// A record as stored (the current version). Other components (aggregates, exports, blobs) read records only
// through listRecords(); the sync engine owns everything else about them.
struct StoredRecord {
    std::string recordId;
    std::string formId;
    int formVersion = 0;
    std::string unitCode;
    std::string period;
    std::string state;  // workflow state name (shared/workflow)
    std::string level;  // workflow level: commune, district, province
    std::int64_t version = 0;         // server version, bumped by every change
    std::int64_t contentVersion = 0;  // the version at which the values body last changed
    std::string bodyJson;             // the canonical values body
    std::int64_t updatedAt = 0;       // unix ms
    bool deleted = false;
    // Workflow bookkeeping (shared/workflow WorkflowState) and provenance.
    int revision = 1;
    int acceptedRevision = 0;
    int submitCount = 0;
    std::string createdBy;  // account id
    std::int64_t createdAt = 0;
};

struct DeviceRow;
struct StoredOp;
struct CommentRow;
struct ConflictRow;
struct ChangeRow;

// The primitives of one push transaction (store/SyncRows.h has the rows). Valid only inside the body passed to
// RecordStore::inTransaction(); every call joins that transaction.
class RecordTxn
{
public:
    virtual ~RecordTxn() = default;
    // One op of a batch: opens a savepoint; either released (its writes join the transaction) or rolled back (its
    // writes undone, the ops before it kept). Not nested. rollbackOp fails when the storage error that prompted it
    // already ended the whole transaction; then nothing of it will be committed.
    virtual Status beginOp() = 0;
    virtual Status releaseOp() = 0;
    virtual Status rollbackOp() = 0;
    virtual Result<std::optional<DeviceRow>> device(const std::string& deviceId) = 0;
    virtual Result<std::optional<std::string>> opIdAtSlot(const std::string& deviceId, std::int64_t devSeq) = 0;
    virtual Result<std::optional<StoredOp>> storedOp(const std::string& opId) = 0;
    // slot (device, devSeq) = opId, and the device's last_dev_seq = devSeq.
    virtual Status advanceSlot(const std::string& deviceId, std::int64_t devSeq, const std::string& opId) = 0;
    virtual Status insertOp(const StoredOp& op) = 0;
    // Whether this device has a parked op on this record (later ops of the device on it park behind it).
    virtual Result<bool> hasParkedOp(const std::string& deviceId, const std::string& recordId) = 0;
    // A parked op was applied: its final outcome replaces the deferred one.
    virtual Status unpark(const std::string& opId, const std::string& outcomeJson) = 0;
    virtual Result<std::optional<StoredRecord>> record(const std::string& recordId) = 0;
    // The record's new current version: the record row, a version row naming `opId`, its attachment references
    // and one change-log entry (the next pull sequence number).
    virtual Status writeVersion(const StoredRecord& record, const std::string& opId, const std::string& authorId,
                                const std::vector<std::string>& blobs) = 0;
    // A change-log entry re-announcing the record's current version (its flags changed, e.g. a new conflict).
    virtual Status logRecordChange(const StoredRecord& record, std::int64_t at) = 0;
    // A comment (and its change-log entry, filed under the record's unit).
    virtual Status insertComment(const CommentRow& comment, const std::string& unitCode) = 0;
    virtual Status insertConflict(const ConflictRow& conflict) = 0;
    virtual Status audit(const AuditEvent& event) = 0;
};

enum class DeviceBinding { Created, AlreadyYours, TakenByOther };

struct RecordQuery {
    std::vector<std::string> unitCodes;      // empty: any unit (callers filter scope before or after)
    std::optional<std::string> formId;
    std::optional<std::string> period;
    std::vector<std::string> states;          // empty: any state
    bool includeDeleted = false;
    std::int64_t limit = 100000;
};

class RecordStore
{
public:
    virtual ~RecordStore() = default;

    virtual Result<std::vector<StoredRecord>> listRecords(const RecordQuery& query) = 0;
    // Units of the records that reference this attachment (for blob scope checks); empty when none.
    virtual Result<std::vector<std::string>> unitsReferencingBlob(const std::string& sha256) = 0;

    // ---- sync (server/sync) ----
    // Runs `body` in one write transaction: committed when it returns ok, rolled back otherwise.
    virtual Status inTransaction(const std::function<Status(RecordTxn&)>& body) = 0;
    // The server epoch (sync-protocol §5): random, created with the store, regenerated by restore.
    virtual Result<std::string> epoch() = 0;
    virtual Status regenerateEpoch() = 0;
    // Binds a device id to an account (idempotent for the same account; audited when created).
    virtual Result<DeviceBinding> registerDevice(const DeviceRow& device, const AuditEvent& audit) = 0;
    virtual Result<std::optional<DeviceRow>> device(const std::string& deviceId) = 0;
    // Change-feed entries with seq > afterSeq, ascending, at most maxRows, joined with what a pull item shows.
    virtual Result<std::vector<ChangeRow>> changesAfter(std::int64_t afterSeq, int maxRows) = 0;
    virtual Result<std::int64_t> lastSeq() = 0;
    // Ops parked awaiting attachments, by device then dev_seq.
    virtual Result<std::vector<StoredOp>> parkedOps() = 0;
    virtual Result<std::optional<StoredRecord>> record(const std::string& recordId) = 0;
    virtual Result<std::vector<CommentRow>> comments(const std::string& recordId) = 0;
    // Conflicts of these records (all when empty), open ones only unless includeResolved.
    virtual Result<std::vector<ConflictRow>> conflicts(const std::vector<std::string>& recordIds,
                                                       bool includeResolved) = 0;
    virtual Result<std::optional<ConflictRow>> conflict(const std::string& conflictId) = 0;
    // Marks a conflict resolved (NotFound when unknown; ok and unchanged when already resolved); adds a change-log
    // entry for the record so every device sees the flag drop.
    virtual Status resolveConflict(const std::string& conflictId, const std::string& accountId, std::int64_t at,
                                   const AuditEvent& audit) = 0;
};

}  // namespace dantoc::server
