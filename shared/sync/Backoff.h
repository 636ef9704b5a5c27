// Backoff: randomized exponential retry delay for transient sync failures, capped (sync-design §3). The random
// source is injected so the deterministic harness replays exactly. Not thread-safe; one per sync engine.
#pragma once

#include "base/Uuid.h"
#include "sync/SyncTuning.h"

#include <cstdint>

namespace dantoc::sync {

class Backoff
{
public:
    explicit Backoff(RandomSource& random, std::int64_t baseMillis = tuning::kBackoffBaseMillis,
                     std::int64_t capMillis = tuning::kBackoffCapMillis);

    // The delay before the next attempt after one more consecutive failure: uniform in [d/2, d] with
    // d = min(cap, base * 2^failures) ("equal jitter": never a hot loop, never in lock-step with other devices).
    std::int64_t nextDelayMillis();
    // A success, or a connectivity change (retry immediately): start again from the base.
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }
    // The upper bound d for the current failure count (before jitter); for progress display and tests.
    std::int64_t currentCeilingMillis() const;

private:
    RandomSource& m_random;
    std::int64_t m_base;
    std::int64_t m_cap;
    int m_failures = 0;
};

}  // namespace dantoc::sync
