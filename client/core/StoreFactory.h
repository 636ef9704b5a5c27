// StoreFactory: creates a new local store and seeds it from the shipped resources (catalogs, default forms, the
// demo province's current units, this year's periods), so a store works offline before its first sync; sync
// (ReferenceSync) later replaces all of it. One helper for `dantoc init` and `dantoc enroll`. Not thread-safe.
#pragma once

#include "core/Store.h"

#include "base/Clock.h"
#include "base/Result.h"

#include <filesystem>
#include <memory>
#include <string_view>

namespace dantoc::client {

struct SeedCounts
{
    int catalogs = 0;
    int forms = 0;
    int units = 0;
    int periods = 0;
};

class StoreFactory
{
public:
    // Store::create, then seed() when `resourcesDir` is not empty. A failed seed removes nothing the caller had:
    // the store directory was new (AlreadyExists otherwise) and is left created but unseeded.
    static Result<std::unique_ptr<Store>> create(const std::filesystem::path& directory, std::string_view passphrase,
                                                 const std::filesystem::path& resourcesDir,
                                                 const StoreOptions& options = {},
                                                 const Clock& clock = SystemClock::instance());
    // Replaces catalogs, form templates, units and periods with the shipped ones, in one transaction.
    // resourcesDir holds catalogs/*.csv, forms/*.json and demo/province/units.csv (each optional).
    static Result<SeedCounts> seed(Connection& connection, const std::filesystem::path& resourcesDir,
                                   const Clock& clock = SystemClock::instance());
};

}  // namespace dantoc::client
