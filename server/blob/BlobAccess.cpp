#include "blob/BlobAccess.h"

#include <algorithm>
#include <vector>

namespace dantoc::server {

Result<std::optional<std::uint64_t>> BlobAccess::readableSize(const Principal& who, const std::string& sha256) const
{
    auto size = m_blobs.completeSize(sha256);
    if (!size || !*size) {
        return size;
    }
    auto units = m_records.unitsReferencingBlob(sha256);
    if (!units) {
        return units.status();
    }
    std::vector<std::string> inScope;
    for (const std::string& unit : *units) {
        if (m_scope.inScope(who.unitCode, unit)) {
            inScope.push_back(unit);
        }
    }
    if (inScope.empty()) {
        return std::optional<std::uint64_t>();
    }
    auto uploaders = m_blobs.completedBy(sha256);
    if (!uploaders) {
        return uploaders.status();
    }
    for (const std::string& accountId : *uploaders) {
        if (accountId == who.accountId) {
            return *size;
        }
        auto account = m_store.accountById(accountId);
        if (!account) {
            return account.status();
        }
        if (!*account) {
            continue;  // an uploader since deleted proves nothing
        }
        const std::string& uploaderUnit = (*account)->unitCode;
        const bool related =
            m_scope.inScope(who.unitCode, uploaderUnit) ||
            std::any_of(inScope.begin(), inScope.end(),
                        [&](const std::string& unit) { return m_scope.inScope(uploaderUnit, unit); });
        if (related) {
            return *size;
        }
    }
    return std::optional<std::uint64_t>();
}

Result<bool> BlobAccess::mayReference(const Principal& who, const std::string& sha256) const
{
    auto own = m_blobs.upload(sha256, who.accountId);
    if (!own) {
        return own.status();
    }
    if (*own && (*own)->complete) {
        return true;
    }
    auto readable = readableSize(who, sha256);
    if (!readable) {
        return readable.status();
    }
    return readable->has_value();
}

}  // namespace dantoc::server
