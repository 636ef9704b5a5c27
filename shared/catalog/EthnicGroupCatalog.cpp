#include "catalog/EthnicGroupCatalog.h"

#include "base/Csv.h"
#include "catalog/CsvFields.h"
#include "text/VietnameseText.h"

#include <algorithm>

namespace dantoc::catalog {

namespace {

// Search key: folded, letters and digits only ("H'Mông" -> "hmong"), so spelling variants meet.
std::string searchKey(std::string_view text)
{
    std::string folded = text::foldForSearch(text);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace

Result<EthnicGroupCatalog> EthnicGroupCatalog::loadCsv(std::string_view csv, std::string_view sourceName)
{
    auto table = CsvTable::parse(csv, sourceName);
    if (!table) {
        return table.status();
    }
    if (auto st = table->requireColumns({"code", "name_vi", "code_1979", "other_names"}); !st) {
        return st;
    }
    EthnicGroupCatalog catalog;
    for (const auto& row : table->rows()) {
        EthnicGroup group;
        group.code = trimSpaces(table->get(row, "code"));
        group.nameVi = trimSpaces(table->get(row, "name_vi"));
        group.code1979 = trimSpaces(table->get(row, "code_1979"));
        group.otherNames = splitSemicolonList(table->get(row, "other_names"));
        group.otherNamesVerified = table->get(row, "other_names_verified") == "yes";
        group.searchAliases = splitSemicolonList(table->get(row, "search_aliases"));
        if (group.code.empty() || group.nameVi.empty()) {
            return Status(ErrorCode::InvalidArgument, table->where(row) + ": empty code or name_vi");
        }
        const std::size_t index = catalog.m_groups.size();
        if (!catalog.m_byCode.emplace(group.code, index).second) {
            return Status(ErrorCode::InvalidArgument, table->where(row) + ": duplicate code " + group.code);
        }
        if (!group.code1979.empty() && !catalog.m_by1979.emplace(group.code1979, index).second) {
            return Status(ErrorCode::InvalidArgument,
                          table->where(row) + ": duplicate code_1979 " + group.code1979);
        }
        catalog.m_groups.push_back(std::move(group));
    }
    return catalog;
}

const EthnicGroup* EthnicGroupCatalog::find(std::string_view code) const
{
    auto it = m_byCode.find(std::string(code));
    return it == m_byCode.end() ? nullptr : &m_groups[it->second];
}

const EthnicGroup* EthnicGroupCatalog::findBy1979Code(std::string_view code1979) const
{
    auto it = m_by1979.find(std::string(code1979));
    return it == m_by1979.end() ? nullptr : &m_groups[it->second];
}

Result<std::string> EthnicGroupCatalog::convert1979To2008(std::string_view code1979) const
{
    const EthnicGroup* group = findBy1979Code(code1979);
    if (group == nullptr) {
        return Status(ErrorCode::NotFound, "unknown 1979 ethnic group code '" + std::string(code1979) + "'");
    }
    return group->code;
}

bool EthnicGroupCatalog::isMinority(std::string_view code) const
{
    return code != "01" && find(code) != nullptr;
}

std::vector<const EthnicGroup*> EthnicGroupCatalog::search(std::string_view query) const
{
    const std::string key = searchKey(query);
    if (key.empty()) {
        return {};
    }
    // rank: 0 exact name, 1 exact other name or alias, 2 name prefix, 3 other/alias prefix, 4 substring anywhere
    std::vector<std::pair<int, std::size_t>> hits;
    for (std::size_t i = 0; i < m_groups.size(); ++i) {
        const EthnicGroup& group = m_groups[i];
        int best = 99;
        const std::string name = searchKey(group.nameVi);
        if (name == key) {
            best = 0;
        } else if (name.starts_with(key)) {
            best = 2;
        } else if (name.find(key) != std::string::npos) {
            best = 4;
        }
        auto consider = [&](const std::string& other) {
            const std::string k = searchKey(other);
            if (k == key) {
                best = std::min(best, 1);
            } else if (k.starts_with(key)) {
                best = std::min(best, 3);
            } else if (k.find(key) != std::string::npos) {
                best = std::min(best, 4);
            }
        };
        for (const auto& other : group.otherNames) {
            consider(other);
        }
        for (const auto& alias : group.searchAliases) {
            consider(alias);
        }
        if (best != 99) {
            hits.emplace_back(best, i);
        }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const EthnicGroup*> out;
    out.reserve(hits.size());
    for (const auto& hit : hits) {
        out.push_back(&m_groups[hit.second]);
    }
    return out;
}

}  // namespace dantoc::catalog
