// Publishing form templates and opening/closing reporting periods: the checks shared by the admin API, the CLI
// and `init --demo`. Every change goes through CatalogStore with its audit event. Stateless; thread-safe.
#pragma once

#include "store/CatalogStore.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::server {

// Parses `json` with the shared form parser (shared/forms) and publishes it. Returns the stored form (its ETag).
// A parse error is InvalidArgument with the parser's message; nothing is stored.
Result<StoredForm> publishFormDocument(CatalogStore& store, std::string_view json, const std::string& actor,
                                       std::int64_t now);

// Checks a period: id of 1–64 [A-Za-z0-9_.-], a non-empty label, dates YYYY-MM-DD with startsOn <= endsOn.
Status checkPeriod(const Period& period);
// Creates or replaces `period` after checkPeriod; audited as period.open / period.close.
Status savePeriod(CatalogStore& store, const Period& period, const std::string& actor, std::int64_t now);

// `init`: publishes every default template of <resourcesDir>/forms (idempotent). Returns the form ids.
Result<std::vector<std::string>> publishDefaultForms(CatalogStore& store, const std::filesystem::path& resourcesDir,
                                                     std::int64_t now);
// `init --demo`: the demo province's reporting periods (2024-H2 … 2026-H2; 2025-H2 closed).
Status seedDemoPeriods(CatalogStore& store, std::int64_t now);

}  // namespace dantoc::server
