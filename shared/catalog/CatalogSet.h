// CatalogSet: every catalog of a resources/catalogs directory, plus generic choice lists for forms
// ("ethnic_groups", "religions"). Immutable after load: safe for concurrent const calls.
#pragma once

#include "base/Result.h"
#include "catalog/EthnicGroupCatalog.h"
#include "catalog/IndicatorCatalog.h"
#include "catalog/ReligionCatalog.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::catalog {

struct Choice {
    std::string code;
    std::string labelVi;
    std::string labelEn;  // may be empty (ethnic group names have no English form)
};

class CatalogSet
{
public:
    // Reads ethnic_groups.csv, religions.csv and indicators.csv from `dir` (all required).
    static Result<CatalogSet> loadFromDirectory(const std::filesystem::path& dir);
    // From texts already read (tests, embedded resources).
    static Result<CatalogSet> loadFromTexts(std::string_view ethnicGroupsCsv, std::string_view religionsCsv,
                                            std::string_view indicatorsCsv, std::string_view sourceName);

    const EthnicGroupCatalog& ethnicGroups() const { return m_ethnicGroups; }
    const ReligionCatalog& religions() const { return m_religions; }
    const IndicatorCatalog& indicators() const { return m_indicators; }

    // Names of the choice lists served: "ethnic_groups", "religions".
    static bool hasChoiceList(std::string_view name);
    // The list in catalog order; empty for an unknown name.
    std::vector<Choice> choices(std::string_view name) const;
    bool containsChoice(std::string_view name, std::string_view code) const;

private:
    EthnicGroupCatalog m_ethnicGroups;
    ReligionCatalog m_religions;
    IndicatorCatalog m_indicators;
};

}  // namespace dantoc::catalog
