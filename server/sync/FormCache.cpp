#include "sync/FormCache.h"

namespace dantoc::server {

FormCache::FormCache(CatalogStore& catalogs, const std::filesystem::path& catalogsDir) : m_catalogs(catalogs)
{
    if (auto loaded = catalog::CatalogSet::loadFromDirectory(catalogsDir)) {
        m_catalogSet.emplace(std::move(*loaded));
        m_resolver.emplace(*m_catalogSet);
    }
}

Result<std::shared_ptr<const forms::FormTemplate>> FormCache::get(const std::string& formId, int version)
{
    const auto key = std::make_pair(formId, version);
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_forms.find(key); it != m_forms.end()) {
            return it->second;
        }
    }
    auto stored = m_catalogs.formVersion(formId, version);
    if (!stored) {
        return stored.status();
    }
    if (!*stored) {
        return Status(ErrorCode::NotFound, "form " + formId + " version " + std::to_string(version) +
                                               " is not published");
    }
    auto parsed = forms::FormTemplate::parse((*stored)->json);
    if (!parsed) {
        return Status(ErrorCode::Corruption, "published form " + formId + ": " + parsed.status().message());
    }
    auto shared = std::make_shared<const forms::FormTemplate>(std::move(*parsed));
    std::lock_guard lock(m_mutex);
    m_forms.emplace(key, shared);
    return shared;
}

}  // namespace dantoc::server
