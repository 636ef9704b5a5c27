#include "core/BlobRefs.h"

#include "sync/JsonReader.h"

#include <algorithm>

namespace dantoc::client {

namespace {

void collect(const Json& value, std::vector<BlobRef>& out)
{
    if (value.is_object()) {
        const std::string* sha = jsonString(value, "sha256");
        if (sha != nullptr && dantoc::sync::isSha256Hex(*sha)) {
            const bool seen = std::any_of(out.begin(), out.end(), [&](const BlobRef& ref) { return ref.sha256 == *sha; });
            if (!seen) {
                const auto size = value.find("size");
                out.push_back({*sha, size != value.end() && size->is_number_integer() ? size->get<std::int64_t>() : -1});
            }
            return;
        }
        for (const auto& [key, item] : value.items()) {
            collect(item, out);
        }
    } else if (value.is_array()) {
        for (const Json& item : value) {
            collect(item, out);
        }
    }
}

}  // namespace

std::vector<BlobRef> blobRefsIn(const Json& value)
{
    std::vector<BlobRef> out;
    collect(value, out);
    return out;
}

}  // namespace dantoc::client
