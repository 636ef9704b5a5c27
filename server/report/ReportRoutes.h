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

// The unit a report asks for (`unit`, default the caller's own unit) and the record unit codes of its subtree
// (old communes merged into it included), or the error to answer: 400 without a period, 403 when the unit is
// outside the caller's scope.
struct ReportScope {
    std::string unitCode;
    std::vector<std::string> recordUnitCodes;
};
std::variant<ReportScope, ApiResponse> resolveReportScope(const ApiContext& ctx, const ApiRequest& request,
                                                          const Principal& who);

// A query parameter, "" when absent.
std::string queryValue(const ApiRequest& request, const char* key);

// The aggregate report a request asks for (period, unit, indicator, ethnic, form), limited to the caller's scope,
// or the error to answer. Shared by GET /aggregates and the aggregate exports.
std::variant<AggregateReport, ApiResponse> aggregateReportFor(const ApiContext& ctx, const ApiRequest& request,
                                                              const Principal& who);

// GET /api/v1/aggregates
void registerAggregateRoutes(Router& router, const ApiContext& context);
// GET /api/v1/exports/aggregates.csv, /exports/aggregates.xlsx, /exports/records.csv
void registerExportRoutes(Router& router, const ApiContext& context);

}  // namespace dantoc::server
