#include "sync/Backoff.h"

#include <algorithm>
#include <array>

namespace dantoc::sync {

Backoff::Backoff(RandomSource& random, std::int64_t baseMillis, std::int64_t capMillis)
    : m_random(random), m_base(std::max<std::int64_t>(1, baseMillis)), m_cap(std::max(capMillis, m_base))
{
}

std::int64_t Backoff::currentCeilingMillis() const
{
    std::int64_t d = m_base;
    for (int i = 0; i < m_failures && d < m_cap; ++i) {
        d *= 2;
    }
    return std::min(d, m_cap);
}

std::int64_t Backoff::nextDelayMillis()
{
    const std::int64_t ceiling = currentCeilingMillis();
    if (m_failures < 62) {
        ++m_failures;
    }
    std::array<std::uint8_t, 8> bytes{};
    m_random.fill(bytes.data(), bytes.size());
    std::uint64_t r = 0;
    for (const std::uint8_t b : bytes) {
        r = (r << 8) | b;
    }
    const std::int64_t half = ceiling / 2;
    const auto span = static_cast<std::uint64_t>(ceiling - half) + 1;  // [half, ceiling] inclusive
    return half + static_cast<std::int64_t>(r % span);
}

}  // namespace dantoc::sync
