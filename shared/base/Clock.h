// Injected time: production code asks a Clock, tests drive a ManualClock. Implementations are thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace dantoc {

class Clock
{
public:
    virtual ~Clock() = default;
    // Wall-clock time, milliseconds since the Unix epoch (UTC).
    virtual std::int64_t nowUnixMillis() const = 0;
};

class SystemClock final : public Clock
{
public:
    std::int64_t nowUnixMillis() const override;
    static SystemClock& instance();
};

// A clock that only moves when told to; for tests and the deterministic sync harness.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(std::int64_t startMillis = 1'700'000'000'000) : m_now(startMillis) {}
    std::int64_t nowUnixMillis() const override { return m_now.load(); }
    void set(std::int64_t millis) { m_now.store(millis); }
    void advance(std::int64_t millis) { m_now.fetch_add(millis); }

private:
    std::atomic<std::int64_t> m_now;
};

// A clock whose calendar date is pinned to one day while the time of day runs on: the demo of the province "as
// it was" before a reform (dantoc-server init --as-of 2025-06-30) lives on that date, so the unit tree, the review
// chain and the accounts valid that day are the ones in force. Time still moves within the day (ordering, token
// lifetimes), and jumps back by a day at each real midnight; that is acceptable for a demo or a training server
// and is why production servers never set it.
class PinnedDateClock final : public Clock
{
public:
    // day: days since 1970-01-01 (UTC).
    PinnedDateClock(const Clock& base, std::int64_t day) : m_base(base), m_day(day) {}
    std::int64_t nowUnixMillis() const override;
    // "YYYY-MM-DD" to days since 1970-01-01; nullopt unless a real calendar date.
    static std::optional<std::int64_t> dayOf(const std::string& isoDate);

private:
    const Clock& m_base;
    std::int64_t m_day;
};

}  // namespace dantoc
