// Routes of aggregates and exports (api/AggregateHandlers.cpp, api/ExportHandlers.cpp), registered by
// registerCatalogRoutes, and the scope check they share. Stateless; thread-safe as the ApiContext is.
#pragma once

#include "api/ApiContext.h"
#include "http/ApiTypes.h"
#include "report/AggregateReport.h"

#include <string>
#include <variant>
#include <vector>

namespace dantoc::server {

class Router;

// The unit a report asks for (`unit`, default the caller's own unit) and the record unit codes under it on `at`
// (older codes whose territory went into it included; `at` empty: today, or the last day the unit existed) that
// the caller's scope holds, or the error to answer: 400 without a period, 403 when the unit is outside the
// caller's scope.
struct ReportScope {
    std::string unitCode;
    std::vector<std::string> recordUnitCodes;
};
std::variant<ReportScope, ApiResponse> resolveReportScope(const ApiContext& ctx, const ApiRequest& request,
                                                          const Principal& who, const std::string& at);

// A query parameter, "" when absent.
std::string queryValue(const ApiRequest& request, const char* key);

// The aggregate report a request asks for (period, unit, at, indicator, ethnic, form), limited to the caller's
// scope, or the error to answer (400 for a malformed at, 409 for a unit split before at). Shared by GET
// /aggregates and the aggregate exports.
std::variant<AggregateReport, ApiResponse> aggregateReportFor(const ApiContext& ctx, const ApiRequest& request,
                                                              const Principal& who);

// GET /api/v1/aggregates
void registerAggregateRoutes(Router& router, const ApiContext& context);
// GET /api/v1/exports/aggregates.csv, /exports/aggregates.xlsx, /exports/records.csv
void registerExportRoutes(Router& router, const ApiContext& context);

}  // namespace dantoc::server
