// FormCache: parsed form templates by (form id, version), loaded once from the CatalogStore (a published version
// never changes), and the choice-list resolver over the shipped catalogs, for server-side validation of pushed
// records. Thread-safe (a mutex guards the map; templates are immutable and shared).
#pragma once

#include "catalog/CatalogSet.h"
#include "forms/CatalogChoiceResolver.h"
#include "forms/FormTemplate.h"
#include "store/CatalogStore.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace dantoc::server {

class FormCache
{
public:
    // `catalogsDir` holds ethnic_groups.csv and religions.csv; when they cannot be loaded, `choices_from` lists
    // are unknown to validation (and reported as such).
    FormCache(CatalogStore& catalogs, const std::filesystem::path& catalogsDir);

    // NotFound when the version was never published; must be called outside a store transaction.
    Result<std::shared_ptr<const forms::FormTemplate>> get(const std::string& formId, int version);
    const forms::ChoiceListResolver* choices() const { return m_resolver ? &*m_resolver : nullptr; }

private:
    CatalogStore& m_catalogs;
    std::optional<catalog::CatalogSet> m_catalogSet;
    std::optional<forms::CatalogChoiceResolver> m_resolver;
    std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::shared_ptr<const forms::FormTemplate>> m_forms;
};

}  // namespace dantoc::server
