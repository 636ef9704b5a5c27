// ReligionCatalog: recognised religions (GSO 2008 list, 01-14, plus project codes 00/15/16) from CSV.
// Immutable after load: safe for concurrent const calls.
#pragma once

#include "base/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace dantoc::catalog {

struct Religion {
    std::string code;
    std::string nameVi;
    std::string nameEn;
};

class ReligionCatalog
{
public:
    // Columns: code,name_vi,name_en. Errors: missing column, empty or duplicate code.
    static Result<ReligionCatalog> loadCsv(std::string_view csv, std::string_view sourceName);

    const std::vector<Religion>& all() const { return m_religions; }
    const Religion* find(std::string_view code) const;

private:
    std::vector<Religion> m_religions;
};

}  // namespace dantoc::catalog
