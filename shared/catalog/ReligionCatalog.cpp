#include "catalog/ReligionCatalog.h"

#include "base/Csv.h"
#include "catalog/CsvFields.h"

#include <set>

namespace dantoc::catalog {

Result<ReligionCatalog> ReligionCatalog::loadCsv(std::string_view csv, std::string_view sourceName)
{
    auto table = CsvTable::parse(csv, sourceName);
    if (!table) {
        return table.status();
    }
    if (auto st = table->requireColumns({"code", "name_vi", "name_en"}); !st) {
        return st;
    }
    ReligionCatalog catalog;
    std::set<std::string> codes;
    for (const auto& row : table->rows()) {
        Religion religion{std::string(trimSpaces(table->get(row, "code"))),
                          std::string(trimSpaces(table->get(row, "name_vi"))),
                          std::string(trimSpaces(table->get(row, "name_en")))};
        if (religion.code.empty() || religion.nameVi.empty()) {
            return Status(ErrorCode::InvalidArgument, table->where(row) + ": empty code or name_vi");
        }
        if (!codes.insert(religion.code).second) {
            return Status(ErrorCode::InvalidArgument, table->where(row) + ": duplicate code " + religion.code);
        }
        catalog.m_religions.push_back(std::move(religion));
    }
    return catalog;
}

const Religion* ReligionCatalog::find(std::string_view code) const
{
    for (const auto& religion : m_religions) {
        if (religion.code == code) {
            return &religion;
        }
    }
    return nullptr;
}

}  // namespace dantoc::catalog
