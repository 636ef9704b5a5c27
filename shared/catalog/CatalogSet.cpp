#include "catalog/CatalogSet.h"

#include <fstream>
#include <sstream>

namespace dantoc::catalog {

namespace {

Result<std::string> readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Status(ErrorCode::IoError, "cannot read " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) {
        return Status(ErrorCode::IoError, "error reading " + path.string());
    }
    return out.str();
}

constexpr std::string_view kEthnicGroups = "ethnic_groups";
constexpr std::string_view kReligions = "religions";

}  // namespace

Result<CatalogSet> CatalogSet::loadFromDirectory(const std::filesystem::path& dir)
{
    auto ethnic = readText(dir / "ethnic_groups.csv");
    if (!ethnic) {
        return ethnic.status();
    }
    auto religions = readText(dir / "religions.csv");
    if (!religions) {
        return religions.status();
    }
    auto indicators = readText(dir / "indicators.csv");
    if (!indicators) {
        return indicators.status();
    }
    return loadFromTexts(*ethnic, *religions, *indicators, dir.string());
}

Result<CatalogSet> CatalogSet::loadFromTexts(std::string_view ethnicGroupsCsv, std::string_view religionsCsv,
                                             std::string_view indicatorsCsv, std::string_view sourceName)
{
    const std::string base(sourceName);
    auto ethnic = EthnicGroupCatalog::loadCsv(ethnicGroupsCsv, base + "/ethnic_groups.csv");
    if (!ethnic) {
        return ethnic.status();
    }
    auto religions = ReligionCatalog::loadCsv(religionsCsv, base + "/religions.csv");
    if (!religions) {
        return religions.status();
    }
    auto indicators = IndicatorCatalog::loadCsv(indicatorsCsv, base + "/indicators.csv");
    if (!indicators) {
        return indicators.status();
    }
    CatalogSet set;
    set.m_ethnicGroups = std::move(*ethnic);
    set.m_religions = std::move(*religions);
    set.m_indicators = std::move(*indicators);
    return set;
}

bool CatalogSet::hasChoiceList(std::string_view name)
{
    return name == kEthnicGroups || name == kReligions;
}

std::vector<Choice> CatalogSet::choices(std::string_view name) const
{
    std::vector<Choice> out;
    if (name == kEthnicGroups) {
        for (const auto& group : m_ethnicGroups.all()) {
            out.push_back(Choice{group.code, group.nameVi, {}});
        }
    } else if (name == kReligions) {
        for (const auto& religion : m_religions.all()) {
            out.push_back(Choice{religion.code, religion.nameVi, religion.nameEn});
        }
    }
    return out;
}

bool CatalogSet::containsChoice(std::string_view name, std::string_view code) const
{
    if (name == kEthnicGroups) {
        return m_ethnicGroups.find(code) != nullptr;
    }
    if (name == kReligions) {
        return m_religions.find(code) != nullptr;
    }
    return false;
}

}  // namespace dantoc::catalog
