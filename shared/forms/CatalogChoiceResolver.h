// CatalogChoiceResolver: the ChoiceListResolver over the shipped catalogs ("ethnic_groups", "religions") and,
// when given an admin tree and a date, "admin_units:<level>" (codes of units of that level valid at the date).
// Holds references: the CatalogSet and AdminTree must outlive it. Const calls are thread-safe.
#pragma once

#include "admin/AdminTree.h"
#include "catalog/CatalogSet.h"
#include "forms/ChoiceListResolver.h"

#include <string>

namespace dantoc::forms {

class CatalogChoiceResolver final : public ChoiceListResolver
{
public:
    explicit CatalogChoiceResolver(const catalog::CatalogSet& catalogs) : m_catalogs(catalogs) {}
    CatalogChoiceResolver(const catalog::CatalogSet& catalogs, const admin::AdminTree& admin, std::string date)
        : m_catalogs(catalogs), m_admin(&admin), m_date(std::move(date))
    {
    }

    bool hasList(std::string_view listId) const override;
    bool contains(std::string_view listId, std::string_view code) const override;

private:
    const catalog::CatalogSet& m_catalogs;
    const admin::AdminTree* m_admin = nullptr;
    std::string m_date;  // ISO date at which admin units must be valid
};

}  // namespace dantoc::forms
