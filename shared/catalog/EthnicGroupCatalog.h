// EthnicGroupCatalog: the 54 ethnic groups (GSO 2008 codes, Decision 1019/QĐ-TCTK) with their 1979 codes and other
// names, loaded from CSV; lookup, 1979 -> 2008 conversion and accent-insensitive search. Immutable after load:
// safe for concurrent const calls.
#pragma once

#include "base/Result.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dantoc::catalog {

struct EthnicGroup {
    std::string code;      // GSO 2008, "01".."54"
    std::string nameVi;
    std::string code1979;  // Decision 121-TCTK/PPCĐ
    std::vector<std::string> otherNames;     // local and older names, for search
    bool otherNamesVerified = false;
    std::vector<std::string> searchAliases;  // project-added spellings ("Hmong"), for search only
};

class EthnicGroupCatalog
{
public:
    // Columns: code,name_vi,code_1979,other_names (';'-separated) [,other_names_verified][,search_aliases].
    // Errors: missing column, empty or duplicate code, duplicate code_1979.
    static Result<EthnicGroupCatalog> loadCsv(std::string_view csv, std::string_view sourceName);

    // The code system of `code` (always this one: imports in 1979 codes are converted on the way in).
    static constexpr std::string_view kCodeSystem = "gso_2008";
    std::string_view codeSystem() const { return kCodeSystem; }

    const std::vector<EthnicGroup>& all() const { return m_groups; }  // in code order
    const EthnicGroup* find(std::string_view code) const;
    const EthnicGroup* findBy1979Code(std::string_view code1979) const;
    // 1979 code -> 2008 code; NotFound when unknown.
    Result<std::string> convert1979To2008(std::string_view code1979) const;
    // Kinh ("01") is the majority; every other known code is a minority. False for unknown codes.
    bool isMinority(std::string_view code) const;
    // Accent/case-insensitive search over name, other names and aliases ("Mèo", "hmong" -> Mông); best first:
    // exact name, exact other name, name prefix, substring. Empty query -> empty.
    std::vector<const EthnicGroup*> search(std::string_view query) const;

private:
    std::vector<EthnicGroup> m_groups;
    std::unordered_map<std::string, std::size_t> m_byCode;
    std::unordered_map<std::string, std::size_t> m_by1979;
};

}  // namespace dantoc::catalog
