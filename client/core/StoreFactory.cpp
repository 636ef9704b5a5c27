#include "core/StoreFactory.h"

#include "core/CatalogRepository.h"
#include "core/FormTemplateRepository.h"
#include "core/PeriodRepository.h"
#include "core/Transaction.h"
#include "core/UnitRepository.h"
#include "core/sync/ReferenceSync.h"

#include "base/Csv.h"
#include "forms/FormTemplate.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace dantoc::client {

namespace fs = std::filesystem;

namespace {

Result<std::string> readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Status(ErrorCode::NotFound, "cannot read " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<fs::path> filesWithExtension(const fs::path& dir, const std::string& extension)
{
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return out;
    }
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == extension) {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// This year's half-years and the year, open; last year's, closed.
std::vector<PeriodRow> defaultPeriods(const Clock& clock)
{
    const std::int64_t days = clock.nowUnixMillis() / 86'400'000;
    // Civil year from days since 1970 (Howard Hinnant's algorithm, year only).
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int year = static_cast<int>(yoe + era * 400 + (mp >= 10 ? 1 : 0));
    std::vector<PeriodRow> out;
    for (int y : {year, year - 1}) {
        const std::string ys = std::to_string(y);
        const std::string state = y == year ? "open" : "closed";
        out.push_back({ys + "-H2", "6 tháng cuối năm " + ys, ys + "-07-01", ys + "-12-31", state});
        out.push_back({ys + "-H1", "6 tháng đầu năm " + ys, ys + "-01-01", ys + "-06-30", state});
        out.push_back({ys, "Năm " + ys, ys + "-01-01", ys + "-12-31", state});
    }
    return out;
}

}  // namespace

Result<SeedCounts> StoreFactory::seed(Connection& connection, const fs::path& resourcesDir, const Clock& clock)
{
    std::vector<StoredCatalog> catalogs;
    for (const fs::path& path : filesWithExtension(resourcesDir / "catalogs", ".csv")) {
        auto text = readText(path);
        if (!text) {
            return text.status();
        }
        catalogs.push_back({path.stem().string(), "seed", "", std::move(*text)});
    }
    std::vector<StoredFormTemplate> forms;
    for (const fs::path& path : filesWithExtension(resourcesDir / "forms", ".json")) {
        auto text = readText(path);
        if (!text) {
            return text.status();
        }
        auto form = forms::FormTemplate::parse(*text);
        if (!form) {
            return Status(ErrorCode::InvalidArgument, path.string() + ": " + form.status().message());
        }
        forms.push_back({form->id(), form->version(), std::move(*text), ""});
    }
    std::vector<UnitRow> units;
    const fs::path unitsPath = resourcesDir / "demo" / "province" / "units.csv";
    if (std::error_code ec; fs::exists(unitsPath, ec)) {
        auto text = readText(unitsPath);
        if (!text) {
            return text.status();
        }
        auto table = CsvTable::parse(*text, unitsPath.string());
        if (!table) {
            return table.status();
        }
        if (Status status = table->requireColumns({"code", "name_vi", "level", "parent_code", "valid_from", "valid_to"});
            !status) {
            return status;
        }
        for (const CsvRow& row : table->rows()) {
            if (!table->get(row, "valid_to").empty()) {
                continue;  // only the units valid today
            }
            units.push_back({std::string(table->get(row, "code")), std::string(table->get(row, "name_vi")),
                             std::string(table->get(row, "level")), std::string(table->get(row, "parent_code")),
                             std::string(table->get(row, "valid_from")), ""});
        }
    }
    const std::vector<PeriodRow> periods = defaultPeriods(clock);

    Transaction transaction(connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    Status status = CatalogRepository(connection).replaceAll(catalogs);
    if (status) status = FormTemplateRepository(connection).replaceAll(forms);
    if (status) status = UnitRepository(connection).replaceAll(units);
    if (status) status = PeriodRepository(connection).replaceAll(periods);
    // The server's lists must be asked for again in full: a 304 would keep the shipped copies.
    if (status) status = sync::ReferenceSync::forgetEtags(connection);
    if (status) status = transaction.commit();
    if (!status) {
        return status;
    }
    return SeedCounts{static_cast<int>(catalogs.size()), static_cast<int>(forms.size()), static_cast<int>(units.size()),
                      static_cast<int>(periods.size())};
}

Result<std::unique_ptr<Store>> StoreFactory::create(const fs::path& directory, std::string_view passphrase,
                                                    const fs::path& resourcesDir, const StoreOptions& options,
                                                    const Clock& clock)
{
    auto store = Store::create(directory, passphrase, options);
    if (!store) {
        return store.status();
    }
    if (!resourcesDir.empty()) {
        auto seeded = seed((*store)->connection(), resourcesDir, clock);
        if (!seeded) {
            return seeded.status();
        }
    }
    return store;
}

}  // namespace dantoc::client
