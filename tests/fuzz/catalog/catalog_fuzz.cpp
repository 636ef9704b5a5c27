// Fuzz target for the catalog module's parsers: the CSV reader, the catalog loaders and the admin-tree loader.
// The first byte picks the parser; the rest is the file. Every input must give a value or a Status, never a crash.
#include "admin/AdminTree.h"
#include "base/Csv.h"
#include "catalog/EthnicGroupCatalog.h"
#include "catalog/IndicatorCatalog.h"
#include "catalog/ReligionCatalog.h"
#include "text/VietnameseText.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    dantoc::CsvLimits limits;
    limits.maxBytes = 1u << 20;
    limits.maxFieldBytes = 4096;
    switch (data[0] % 6) {
    case 0: {
        auto rows = dantoc::parseCsvRows(text, "fuzz.csv", limits);
        (void)rows;
        auto table = dantoc::CsvTable::parse(text, "fuzz.csv", limits);
        if (table) {
            for (const auto& row : table->rows()) {
                (void)table->get(row, "code");
            }
        }
        break;
    }
    case 1: {
        auto groups = dantoc::catalog::EthnicGroupCatalog::loadCsv(text, "fuzz");
        if (groups) {
            (void)groups->search("mong");
        }
        break;
    }
    case 2: {
        auto religions = dantoc::catalog::ReligionCatalog::loadCsv(text, "fuzz");
        (void)religions;
        break;
    }
    case 3: {
        auto indicators = dantoc::catalog::IndicatorCatalog::loadCsv(text, "fuzz");
        (void)indicators;
        break;
    }
    case 4: {
        // units and lineage separated by a form feed
        const auto split = text.find('\f');
        const std::string_view units = text.substr(0, split);
        const std::string_view lineage =
            split == std::string_view::npos ? std::string_view("old_code,old_valid_from,new_code,new_valid_from,"
                                                               "effective_date,kind\n")
                                            : text.substr(split + 1);
        auto tree = dantoc::admin::AdminTree::loadCsv(units, lineage, "fuzz");
        if (tree) {
            for (const auto& unit : tree->units()) {
                (void)tree->isInSubtree("01", unit.code, unit.validFrom);
                (void)tree->successorsAt(unit.code, unit.validFrom, "2100-01-01");
                (void)tree->counterpartsAt(unit.code, unit.validFrom, "1900-01-01");
            }
        }
        break;
    }
    default: {
        (void)dantoc::text::foldForSearch(text);
        (void)dantoc::text::canonicalToneKey(text);
        (void)dantoc::text::compareVietnamese(text, "Đà Nẵng");
        (void)dantoc::text::encodeUtf8(dantoc::text::decodeUtf8(text));
        break;
    }
    }
    return 0;
}
