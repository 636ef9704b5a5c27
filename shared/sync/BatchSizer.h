// BatchSizer: the adaptive size of the next push request, in compressed bytes on the wire (sync-design §8):
// start at 16 KB, halve after a failure, x1.5 after a success, within [2 KB, 48 KB]. Not thread-safe; one per
// sync engine.
#pragma once

#include "sync/SyncTuning.h"

#include <cstddef>

namespace dantoc::sync {

class BatchSizer
{
public:
    BatchSizer(std::size_t startBytes = tuning::kBatchStartBytes, std::size_t minBytes = tuning::kBatchMinBytes,
               std::size_t maxBytes = tuning::kBatchMaxBytes);

    // Target for the next request. A single operation larger than this is still sent alone (progress first).
    std::size_t targetBytes() const { return m_current; }
    void onSuccess();
    // A cut, a no-progress timeout or a 5xx: smaller requests are likelier to complete on this link.
    void onFailure();

private:
    std::size_t m_current;
    std::size_t m_min;
    std::size_t m_max;
};

}  // namespace dantoc::sync
