// Ordering and idempotency rules (classifyOp), epoch handling, push-reply interpretation, Backoff, BatchSizer.
#include "SyncTestData.h"

#include "sync/Backoff.h"
#include "sync/BatchSizer.h"
#include "sync/OpOrdering.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace dantoc;
using namespace dantoc::sync;
using namespace dantoc::sync::test;

TEST_CASE("classifyOp: next in order, duplicate, gap and device fork")
{
    const Operation op5 = editOp(5);

    SUBCASE("the next dev_seq with an unknown op_id is applied and advances the sequence")
    {
        const auto c = classifyOp({4, std::nullopt, false}, op5);
        CHECK(c.disposition == OpDisposition::Apply);
        CHECK(c.advancesSeq);
        CHECK(classifyOp({0, std::nullopt, false}, editOp(1)).disposition == OpDisposition::Apply);
    }
    SUBCASE("a resent op (same op_id at its slot) is a duplicate and advances nothing")
    {
        const auto c = classifyOp({9, op5.opId, true}, op5);
        CHECK(c.disposition == OpDisposition::Duplicate);
        CHECK_FALSE(c.advancesSeq);
    }
    SUBCASE("a gap defers")
    {
        const auto c = classifyOp({3, std::nullopt, false}, op5);
        CHECK(c.disposition == OpDisposition::Gap);
        CHECK_FALSE(c.advancesSeq);
        CHECK(classifyOp({0, std::nullopt, false}, op5).disposition == OpDisposition::Gap);
    }
    SUBCASE("a known dev_seq with a different op_id is a fork (restored or cloned device database)")
    {
        const auto c = classifyOp({7, opId(99), false}, op5);
        CHECK(c.disposition == OpDisposition::Fork);
        CHECK_FALSE(c.advancesSeq);
        CHECK(classifyOp({5, opId(99), true}, op5).disposition == OpDisposition::Fork);
        CHECK(classifyOp({7, std::nullopt, false}, op5).disposition == OpDisposition::Fork);  // slot pruned, op unknown
    }
    SUBCASE("after a fork, an op re-pushed under the new device id is a duplicate that takes the new slot")
    {
        const auto c = classifyOp({4, std::nullopt, true}, op5);
        CHECK(c.disposition == OpDisposition::Duplicate);
        CHECK(c.advancesSeq);
    }
    CHECK(opDispositionName(OpDisposition::Fork) == "fork");
}

namespace {

// A minimal server ledger driven only by classifyOp, to check the rules compose: resending any prefix or
// suffix of a device's ops, in any order of batches, applies each op exactly once.
struct Ledger {
    std::map<std::string, std::uint64_t> lastSeq;                          // device -> last_dev_seq
    std::map<std::pair<std::string, std::uint64_t>, std::string> slots;  // (device, seq) -> op_id
    std::set<std::string> known;                                          // op_ids with an outcome
    int applied = 0;

    // Returns next_expected_seq; processing stops at a gap or a fork, like the server.
    std::uint64_t push(const std::vector<Operation>& ops, bool* fork = nullptr)
    {
        for (const Operation& op : ops) {
            ServerOpView view;
            view.lastDevSeq = lastSeq[op.deviceId];
            if (auto it = slots.find({op.deviceId, op.devSeq}); it != slots.end()) {
                view.opIdAtSeq = it->second;
            }
            view.opIdKnown = known.count(op.opId) != 0;
            const OpClassification c = classifyOp(view, op);
            if (c.disposition == OpDisposition::Gap) {
                break;
            }
            if (c.disposition == OpDisposition::Fork) {
                if (fork) {
                    *fork = true;
                }
                break;
            }
            if (c.disposition == OpDisposition::Apply) {
                ++applied;
                known.insert(op.opId);
            }
            if (c.advancesSeq) {
                lastSeq[op.deviceId] = op.devSeq;
                slots[{op.deviceId, op.devSeq}] = op.opId;
            }
        }
        return lastSeq[ops.empty() ? std::string() : ops.front().deviceId] + 1;
    }
};

}  // namespace

TEST_CASE("classifyOp composes: lost responses, resends and out-of-order batches apply each op once")
{
    SeededRandom random(42);
    std::vector<Operation> ops;
    for (std::uint64_t i = 1; i <= 30; ++i) {
        ops.push_back(editOp(i));
    }
    Ledger server;
    std::uint64_t acknowledged = 0;  // the client's view: ops below this are done
    for (int round = 0; round < 400 && acknowledged < 30; ++round) {
        // The client sends a window starting at a random point at or before its first unacknowledged op
        // (simulating resends after lost responses); sometimes the response is lost.
        const auto start = static_cast<std::size_t>(random.engine()() % (acknowledged + 1));
        const auto count = 1 + static_cast<std::size_t>(random.engine()() % 6);
        std::vector<Operation> batch(ops.begin() + static_cast<long>(start),
                                     ops.begin() + static_cast<long>(std::min<std::size_t>(start + count, 30)));
        const std::uint64_t next = server.push(batch);
        if (random.engine()() % 3 != 0) {
            acknowledged = next - 1;  // response delivered
        }
    }
    CHECK(acknowledged == 30);
    CHECK(server.applied == 30);

    // The device database is restored from an old copy and reuses dev_seq 20 for a new op: fork.
    Operation reused = editOp(20);
    reused.opId = opId(1000);
    bool fork = false;
    server.push({reused}, &fork);
    CHECK(fork);

    // The client registers a new device id and re-pushes: ops the server already has are duplicates that take
    // the new device's slots, the new op applies.
    std::vector<Operation> repush = {editOp(29), editOp(30), reused};
    const std::string newDevice = "99999999-0000-4000-8000-000000000000";
    for (std::size_t i = 0; i < repush.size(); ++i) {
        repush[i].deviceId = newDevice;
        repush[i].devSeq = i + 1;
    }
    CHECK(server.push(repush) == 4);
    CHECK(server.applied == 31);
}

TEST_CASE("epoch checks and re-push after a server restore")
{
    CHECK(checkEpoch(Cursor{"", 0}, "e1") == EpochCheck::First);
    CHECK(checkEpoch(Cursor{"e1", 40}, "e1") == EpochCheck::Same);
    CHECK(checkEpoch(Cursor{"e1", 40}, "e2") == EpochCheck::Changed);
    CHECK(restartCursor("e2") == Cursor{"e2", 0});
    // The restored server's next_expected_seq is 12: the journal's ops 12.. are re-pushed, in order, once.
    CHECK(journalOpsToRepush({15, 3, 12, 14, 13, 11, 12}, 12) == std::vector<std::uint64_t>{12, 13, 14, 15});
    CHECK(journalOpsToRepush({1, 2}, 3).empty());
}

TEST_CASE("checkPullPage: cursors only move forward, epoch changes only through epoch_reset")
{
    PullItem item;
    item.seq = 12;
    item.kind = PullItemKind::Revoke;
    item.recordId = kRecord;
    const Cursor at10{"e1", 10};
    CHECK(checkPullPage(at10, PullResponse{"e1", false, {item}, Cursor{"e1", 15}, false}).isOk());
    CHECK(checkPullPage(at10, PullResponse{"e1", false, {}, Cursor{"e1", 10}, false}).isOk());
    CHECK(checkPullPage(Cursor{"", 0}, PullResponse{"e1", false, {item}, Cursor{"e1", 12}, true}).isOk());
    CHECK(checkPullPage(at10, PullResponse{"e2", true, {}, Cursor{"e2", 0}, true}).isOk());

    CHECK_FALSE(checkPullPage(at10, PullResponse{"e2", false, {item}, Cursor{"e2", 12}, false}).isOk());
    CHECK_FALSE(checkPullPage(at10, PullResponse{"e1", false, {}, Cursor{"e1", 9}, false}).isOk());
    CHECK_FALSE(checkPullPage(Cursor{"e1", 12}, PullResponse{"e1", false, {item}, Cursor{"e1", 12}, false}).isOk());
    CHECK_FALSE(checkPullPage(at10, PullResponse{"e1", false, {item}, Cursor{"e1", 11}, false}).isOk());
    CHECK_FALSE(checkPullPage(at10, PullResponse{"e2", true, {}, Cursor{"e2", 5}, true}).isOk());
    CHECK_FALSE(checkPullPage(at10, PullResponse{"e2", true, {item}, Cursor{"e2", 0}, true}).isOk());
}

TEST_CASE("interpretPushResponse: finals leave the outbox, deferred and unprocessed stay, mismatches are errors")
{
    PushRequest sent{1, kDevice, {editOp(5), editOp(6), editOp(7)}};
    PushResponse reply{{OpOutcome::applied(opId(5), 3), OpOutcome::deferred(opId(6), "awaiting_attachment")}, 6,
                       "e1", std::nullopt};
    auto plan = interpretPushResponse(sent, reply);
    REQUIRE(plan.isOk());
    REQUIRE(plan->finals.size() == 1);
    CHECK(plan->finals[0].opId == opId(5));
    CHECK(plan->stillPending == std::vector<std::string>{opId(6), opId(7)});
    CHECK(plan->nextExpectedSeq == 6);
    CHECK_FALSE(plan->deviceFork);
    CHECK_FALSE(plan->resendNeeded);

    PushResponse rejectedToo{{OpOutcome::applied(opId(5), 3),
                              OpOutcome::rejected(opId(6), "state_changed", {"Đã phê duyệt", "Already approved"}),
                              OpOutcome::applied(opId(7), 4)},
                             8, "e1", std::nullopt};
    plan = interpretPushResponse(sent, rejectedToo);
    REQUIRE(plan.isOk());
    CHECK(plan->finals.size() == 3);  // a rejection is final and never blocks later ops
    CHECK(plan->stillPending.empty());

    PushResponse restored{{}, 2, "e2", std::nullopt};
    plan = interpretPushResponse(sent, restored);
    REQUIRE(plan.isOk());
    CHECK(plan->resendNeeded);
    CHECK(plan->stillPending.size() == 3);

    PushResponse fork{{}, 9, "e1", DeviceFork{5}};
    plan = interpretPushResponse(sent, fork);
    REQUIRE(plan.isOk());
    CHECK(plan->deviceFork);

    PushResponse wrongOp{{OpOutcome::applied(opId(6), 3)}, 6, "e1", std::nullopt};
    CHECK_FALSE(interpretPushResponse(sent, wrongOp).isOk());
    PushResponse tooMany{{OpOutcome::applied(opId(5), 3), OpOutcome::applied(opId(6), 3),
                          OpOutcome::applied(opId(7), 3), OpOutcome::applied(opId(8), 3)},
                         9, "e1", std::nullopt};
    CHECK_FALSE(interpretPushResponse(sent, tooMany).isOk());
}

TEST_CASE("Backoff: randomized exponential within [d/2, d], capped at 60 s, reset on success")
{
    SeededRandom random(1);
    Backoff backoff(random);
    std::int64_t ceiling = tuning::kBackoffBaseMillis;
    bool sawVariation = false;
    std::int64_t previous = -1;
    for (int i = 0; i < 40; ++i) {
        CAPTURE(i);
        CHECK(backoff.currentCeilingMillis() == ceiling);
        const std::int64_t d = backoff.nextDelayMillis();
        CHECK(d >= ceiling / 2);
        CHECK(d <= ceiling);
        CHECK(d <= tuning::kBackoffCapMillis);
        sawVariation = sawVariation || (previous >= 0 && d != previous && ceiling == tuning::kBackoffCapMillis);
        previous = d;
        ceiling = std::min(ceiling * 2, tuning::kBackoffCapMillis);
    }
    CHECK(sawVariation);
    CHECK(backoff.currentCeilingMillis() == tuning::kBackoffCapMillis);
    backoff.reset();
    CHECK(backoff.failures() == 0);
    CHECK(backoff.nextDelayMillis() <= tuning::kBackoffBaseMillis);

    // The same seed replays the same delays (the deterministic harness depends on it).
    SeededRandom a(99);
    SeededRandom b(99);
    Backoff ba(a);
    Backoff bb(b);
    for (int i = 0; i < 10; ++i) {
        CHECK(ba.nextDelayMillis() == bb.nextDelayMillis());
    }
}

TEST_CASE("BatchSizer: start 16 KB, x1.5 on success up to 48 KB, halve on failure down to 2 KB")
{
    BatchSizer sizer;
    CHECK(sizer.targetBytes() == 16 * 1024);
    sizer.onSuccess();
    CHECK(sizer.targetBytes() == 24 * 1024);
    sizer.onSuccess();
    CHECK(sizer.targetBytes() == 36 * 1024);
    sizer.onSuccess();
    CHECK(sizer.targetBytes() == 48 * 1024);
    sizer.onSuccess();
    CHECK(sizer.targetBytes() == 48 * 1024);
    sizer.onFailure();
    CHECK(sizer.targetBytes() == 24 * 1024);
    for (int i = 0; i < 10; ++i) {
        sizer.onFailure();
    }
    CHECK(sizer.targetBytes() == tuning::kBatchMinBytes);
    sizer.onSuccess();
    CHECK(sizer.targetBytes() == 3 * 1024);

    BatchSizer tiny(1, 1, 10);  // growth never stalls on small odd values
    for (int i = 0; i < 10; ++i) {
        const std::size_t before = tiny.targetBytes();
        tiny.onSuccess();
        CHECK((tiny.targetBytes() > before || tiny.targetBytes() == 10));
    }
}
