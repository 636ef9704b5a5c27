// Injected time: production code asks a Clock, tests drive a ManualClock. Implementations are thread-safe.
#pragma once

#include <atomic>
#include <cstdint>

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

}  // namespace dantoc
