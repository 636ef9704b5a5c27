#include "forms/CatalogChoiceResolver.h"

namespace dantoc::forms {

namespace {

constexpr std::string_view kAdminPrefix = "admin_units:";

}  // namespace

bool CatalogChoiceResolver::hasList(std::string_view listId) const
{
    if (catalog::CatalogSet::hasChoiceList(listId)) {
        return true;
    }
    return m_admin != nullptr && listId.starts_with(kAdminPrefix) && listId.size() > kAdminPrefix.size();
}

bool CatalogChoiceResolver::contains(std::string_view listId, std::string_view code) const
{
    if (catalog::CatalogSet::hasChoiceList(listId)) {
        return m_catalogs.containsChoice(listId, code);
    }
    if (m_admin == nullptr || !listId.starts_with(kAdminPrefix)) {
        return false;
    }
    const std::string_view level = listId.substr(kAdminPrefix.size());
    const admin::Unit* unit = m_admin->find(code, m_date);
    return unit != nullptr && unit->level == level;
}

}  // namespace dantoc::forms
