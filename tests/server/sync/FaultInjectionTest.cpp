// Failure injection on the push path: a storage error at every write step of one operation's transaction leaves
// nothing of that operation behind (no record version, no outcome, no slot, dev_seq not consumed), and the
// retried push then applies it exactly once; in a batch (one transaction, a savepoint per op) the failing op is
// undone alone: the ops before it stay committed, the retry applies the rest once, and the audit chain verifies.
// The record store is the real SQLite one, wrapped so that the k-th write primitive of a transaction fails.
#include "sync/SyncFixture.h"

#include "audit/AuditChain.h"
#include "scope/AdminScopePolicy.h"
#include "store/SyncRows.h"
#include "sync/SyncEngine.h"

using namespace dantoc;
using namespace dantoc::test;
namespace ds = dantoc::sync;
namespace srv = dantoc::server;

namespace {

// Fails the `failAt`-th write primitive (1-based) of every transaction; reads pass through.
class FaultyTxn final : public srv::RecordTxn
{
public:
    FaultyTxn(srv::RecordTxn& inner, int failAt) : m_inner(inner), m_failAt(failAt) {}

    Status beginOp() override { return m_inner.beginOp(); }
    Status releaseOp() override { return m_inner.releaseOp(); }
    Status rollbackOp() override { return m_inner.rollbackOp(); }

    Result<std::optional<srv::DeviceRow>> device(const std::string& id) override { return m_inner.device(id); }
    Result<std::optional<std::string>> opIdAtSlot(const std::string& id, std::int64_t seq) override
    {
        return m_inner.opIdAtSlot(id, seq);
    }
    Result<std::optional<srv::StoredOp>> storedOp(const std::string& id) override { return m_inner.storedOp(id); }
    Result<std::optional<srv::StoredRecord>> record(const std::string& id) override { return m_inner.record(id); }
    Status advanceSlot(const std::string& id, std::int64_t seq, const std::string& op) override
    {
        return step() ? m_inner.advanceSlot(id, seq, op) : fault();
    }
    Status insertOp(const srv::StoredOp& op) override { return step() ? m_inner.insertOp(op) : fault(); }
    Result<bool> hasParkedOp(const std::string& device, const std::string& record) override
    {
        return m_inner.hasParkedOp(device, record);
    }
    Status unpark(const std::string& id, const std::string& json) override
    {
        return step() ? m_inner.unpark(id, json) : fault();
    }
    Status writeVersion(const srv::StoredRecord& r, const std::string& op, const std::string& author,
                        const std::vector<std::string>& blobs) override
    {
        return step() ? m_inner.writeVersion(r, op, author, blobs) : fault();
    }
    Status logRecordChange(const srv::StoredRecord& r, std::int64_t at) override
    {
        return step() ? m_inner.logRecordChange(r, at) : fault();
    }
    Status insertComment(const srv::CommentRow& c, const std::string& unit) override
    {
        return step() ? m_inner.insertComment(c, unit) : fault();
    }
    Status insertConflict(const srv::ConflictRow& c) override { return step() ? m_inner.insertConflict(c) : fault(); }
    Status audit(const srv::AuditEvent& e) override { return step() ? m_inner.audit(e) : fault(); }

    int writes() const { return m_writes; }

private:
    bool step() { return ++m_writes != m_failAt; }
    static Status fault() { return Status(ErrorCode::IoError, "injected: disk I/O error"); }

    srv::RecordTxn& m_inner;
    int m_failAt;
    int m_writes = 0;
};

class FaultyRecords final : public srv::RecordStore
{
public:
    explicit FaultyRecords(srv::RecordStore& inner) : m_inner(inner) {}
    int failAt = 0;        // 0: no fault
    int lastWrites = 0;    // write primitives the last transaction called

    Status inTransaction(const std::function<Status(srv::RecordTxn&)>& body) override
    {
        return m_inner.inTransaction([&](srv::RecordTxn& txn) {
            FaultyTxn faulty(txn, failAt);
            Status s = body(faulty);
            lastWrites = faulty.writes();
            return s;
        });
    }
    Result<std::vector<srv::StoredRecord>> listRecords(const srv::RecordQuery& q) override { return m_inner.listRecords(q); }
    Result<std::vector<std::string>> unitsReferencingBlob(const std::string& s) override
    {
        return m_inner.unitsReferencingBlob(s);
    }
    Result<std::string> epoch() override { return m_inner.epoch(); }
    Status regenerateEpoch() override { return m_inner.regenerateEpoch(); }
    Result<srv::DeviceBinding> registerDevice(const srv::DeviceRow& d, const srv::AuditEvent& a) override
    {
        return m_inner.registerDevice(d, a);
    }
    Result<std::optional<srv::DeviceRow>> device(const std::string& id) override { return m_inner.device(id); }
    Result<std::vector<srv::ChangeRow>> changesAfter(std::int64_t seq, int max) override
    {
        return m_inner.changesAfter(seq, max);
    }
    Result<std::int64_t> lastSeq() override { return m_inner.lastSeq(); }
    Result<std::vector<srv::StoredOp>> parkedOps() override { return m_inner.parkedOps(); }
    Result<std::optional<srv::StoredRecord>> record(const std::string& id) override { return m_inner.record(id); }
    Result<std::vector<srv::CommentRow>> comments(const std::string& id) override { return m_inner.comments(id); }
    Result<std::vector<srv::ConflictRow>> conflicts(const std::vector<std::string>& ids, bool all) override
    {
        return m_inner.conflicts(ids, all);
    }
    Result<std::optional<srv::ConflictRow>> conflict(const std::string& id) override { return m_inner.conflict(id); }
    Status resolveConflict(const std::string& id, const std::string& who, std::int64_t at,
                           const srv::AuditEvent& a) override
    {
        return m_inner.resolveConflict(id, who, at, a);
    }

private:
    srv::RecordStore& m_inner;
};

}  // namespace

TEST_CASE("a storage failure at any write step of an op leaves nothing of it; the retry applies it once")
{
    SyncFixture f;
    const std::string token = f.ready("xa02683");
    Device device(f, token);  // registers through the router; the engine below shares the store
    REQUIRE(device.registerSelf() == 201);
    srv::AdminScopePolicy scope(f.store(), f.clock, f.dataDir());
    FaultyRecords records(f.app().records());
    srv::SyncEngine engine(f.store(), records, f.app().catalogs(), f.app().blobs(), scope, f.clock,
                           std::string(DANTOC_RESOURCES_DIR) + "/catalogs");
    auto me = f.app().auth().authenticate(token);
    REQUIRE(me.isOk());

    const std::string id = newUuid();
    auto create = device.create(id, {{"households_total", 10}});
    ds::PushRequest request;
    request.deviceId = device.deviceId();
    request.ops = {create};

    // Fail each write primitive of the op's transaction in turn, until the op gets through.
    int steps = 0;
    for (int failAt = 1;; ++failAt) {
        CAPTURE(failAt);
        records.failAt = failAt;
        auto answer = engine.push(*me, request);
        if (answer.isOk()) {
            steps = failAt - 1;  // every step passed: the fault point was beyond the last write
            CHECK(answer->results.at(0) == ds::OpOutcome::applied(create.opId, 1));
            break;
        }
        CHECK(answer.status().code() == ErrorCode::IoError);
        // Nothing of the op: no record, no stored outcome, the device still expects dev_seq 1.
        auto stored = f.app().records().record(id);
        REQUIRE(stored.isOk());
        CHECK_FALSE(stored->has_value());
        auto bound = f.app().records().device(device.deviceId());
        REQUIRE(bound.isOk());
        CHECK((*bound)->lastDevSeq == 0);
        auto head = f.app().records().lastSeq();
        REQUIRE(head.isOk());
        CHECK(*head == 0);
        REQUIRE(failAt < 20);
    }
    CHECK(steps >= 4);  // the version, the outcome, the slot and the audit at least
    // The retry (a duplicate now) answers the same outcome and adds no version.
    records.failAt = 0;
    auto again = engine.push(*me, request);
    REQUIRE(again.isOk());
    CHECK(again->results.at(0) == ds::OpOutcome::applied(create.opId, 1));
    CHECK(again->nextExpectedSeq == 2);
    CHECK(*f.app().records().lastSeq() == 1);
}

TEST_CASE("a storage failure in the middle of a batch undoes that op only; its neighbours are kept or applied once")
{
    SyncFixture f;
    const std::string token = f.ready("xa02683");
    Device device(f, token);
    REQUIRE(device.registerSelf() == 201);
    srv::AdminScopePolicy scope(f.store(), f.clock, f.dataDir());
    FaultyRecords records(f.app().records());
    srv::SyncEngine engine(f.store(), records, f.app().catalogs(), f.app().blobs(), scope, f.clock,
                           std::string(DANTOC_RESOURCES_DIR) + "/catalogs");
    auto me = f.app().auth().authenticate(token);
    REQUIRE(me.isOk());

    // How many write primitives one applied create makes (the version, the outcome, the slot, the audit…).
    ds::PushRequest probe;
    probe.deviceId = device.deviceId();
    probe.ops = {device.create(newUuid(), {{"households_total", 1}})};
    REQUIRE(engine.push(*me, probe).isOk());
    const int perOp = records.lastWrites;
    REQUIRE(perOp >= 4);
    std::int64_t changes = *f.app().records().lastSeq();

    // A batch of three creates whose middle one fails at each of its write steps in turn (the first op's writes
    // come before it in the one transaction of the batch).
    for (int step = 1; step <= perOp; ++step) {
        CAPTURE(step);
        const std::string first = newUuid();
        const std::string middle = newUuid();
        const std::string last = newUuid();
        ds::PushRequest request;
        request.deviceId = device.deviceId();
        request.ops = {device.create(first, {{"households_total", 10}}), device.create(middle, {{"households_total", 20}}),
                       device.create(last, {{"households_total", 30}})};
        records.failAt = perOp + step;
        auto failed = engine.push(*me, request);
        REQUIRE_FALSE(failed.isOk());
        CHECK(failed.status().code() == ErrorCode::IoError);
        // The op before the failure is committed; nothing of the failing op (its savepoint undone) or after it.
        auto kept = f.app().records().record(first);
        REQUIRE(kept.isOk());
        REQUIRE(kept->has_value());
        CHECK((*kept)->version == 1);
        CHECK_FALSE(f.app().records().record(middle)->has_value());
        CHECK_FALSE(f.app().records().record(last)->has_value());
        auto bound = f.app().records().device(device.deviceId());
        REQUIRE(bound.isOk());
        CHECK((*bound)->lastDevSeq == static_cast<std::int64_t>(request.ops[0].devSeq));
        CHECK(*f.app().records().lastSeq() == changes + 1);

        // The retry: the first is a duplicate (its stored outcome), the other two are applied, each once.
        records.failAt = 0;
        auto again = engine.push(*me, request);
        REQUIRE(again.isOk());
        REQUIRE(again->results.size() == 3);
        CHECK(again->results[0] == ds::OpOutcome::applied(request.ops[0].opId, 1));
        CHECK(again->results[1] == ds::OpOutcome::applied(request.ops[1].opId, 1));
        CHECK(again->results[2] == ds::OpOutcome::applied(request.ops[2].opId, 1));
        CHECK(again->nextExpectedSeq == request.ops[2].devSeq + 1);
        changes += 3;
        CHECK(*f.app().records().lastSeq() == changes);
        for (const std::string& id : {first, middle, last}) {
            auto stored = f.app().records().record(id);
            REQUIRE(stored.isOk());
            REQUIRE(stored->has_value());
            CHECK((*stored)->version == 1);
        }
    }
    // The hash chain holds: the undone ops' audit entries left no hole or fork in it.
    auto entries = f.store().allAudit();
    REQUIRE(entries.isOk());
    CHECK(srv::verifyAuditChain(*entries, f.store().auditKey()).isOk());
}
