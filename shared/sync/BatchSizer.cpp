#include "sync/BatchSizer.h"

#include <algorithm>

namespace dantoc::sync {

BatchSizer::BatchSizer(std::size_t startBytes, std::size_t minBytes, std::size_t maxBytes)
    : m_current(0), m_min(std::max<std::size_t>(1, minBytes)), m_max(std::max(maxBytes, m_min))
{
    m_current = std::clamp(startBytes, m_min, m_max);
}

void BatchSizer::onSuccess()
{
    const std::size_t grown = m_current / tuning::kBatchGrowDenominator * tuning::kBatchGrowNumerator +
                              m_current % tuning::kBatchGrowDenominator;
    m_current = std::min(std::max(grown, m_current + 1), m_max);
}

void BatchSizer::onFailure() { m_current = std::max(m_current / 2, m_min); }

}  // namespace dantoc::sync
