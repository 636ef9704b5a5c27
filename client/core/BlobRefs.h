// BlobRefs: the attachments a submission value points to — every {"sha256": <64 hex>, "size": n, ...} object in
// it (attachment fields, also inside roster rows) — for the ops that must wait for an upload (EntryService) and the
// scans a reviewer's store fetches ahead (BlobPrefetch). Pure functions; thread-safe.
#pragma once

#include "base/Json.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::client {

struct BlobRef
{
    std::string sha256;
    std::int64_t size = -1;  // as the value says; -1 when it does not say
};

// Each distinct blob once, in the order met (depth first).
std::vector<BlobRef> blobRefsIn(const Json& value);

}  // namespace dantoc::client
