// GET /api/v1/aggregates?period=&unit=&at=&indicator=&ethnic=&form=: figures of approved data
// (report/AggregateReport.h) for a unit of the caller's scope, under the boundaries of `at` (default the period's
// last day). Thread-safe like the stores.
#include "api/HandlerUtil.h"
#include "http/Router.h"
#include "report/AggregateReport.h"
#include "report/ReportBoundaries.h"
#include "report/ReportRoutes.h"

#include <algorithm>
#include <iterator>

namespace dantoc::server {

namespace {

Json aggregateJson(const AggregateReport& report)
{
    Json rows = Json::array();
    for (const AggregateLine& line : report.lines) {
        const aggregation::AggregateRow& row = line.row;
        rows.push_back({{"period", row.period},
                        {"unit", row.unit.code},
                        {"unit_valid_from", row.unit.validFrom},
                        {"unit_name", line.unitName},
                        {"level", row.level},
                        {"indicator", row.indicator},
                        {"indicator_name", line.indicatorName},
                        {"indicator_unit", line.indicatorUnit},
                        {"ethnic_group", row.ethnicGroup},
                        {"ethnic_name", line.ethnicName},
                        {"value", row.value ? Json(*row.value) : Json(nullptr)},
                        {"contributing", row.contributing},
                        {"expected", row.expected},
                        {"reported", row.reported}});
    }
    Json issues = Json::array();
    for (const aggregation::AggregationIssue& issue : report.issues) {
        issues.push_back({{"kind", aggregation::toName(issue.kind)}, {"message", issue.message}});
    }
    return {{"period", report.period},
            {"unit", report.unitCode},
            {"unit_valid_from", report.unitValidFrom},
            {"unit_name", report.unitName},
            {"date", report.date},
            {"records", report.records},
            {"rows", rows},
            {"issues", issues}};
}

ApiResponse getAggregates(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    auto report = aggregateReportFor(ctx, request, *who);
    if (auto* error = std::get_if<ApiResponse>(&report)) {
        return *error;
    }
    return ApiResponse::json(200, aggregateJson(std::get<AggregateReport>(report)).dump());
}

}  // namespace

std::string queryValue(const ApiRequest& request, const char* key)
{
    auto it = request.query.find(key);
    return it == request.query.end() ? std::string() : it->second;
}

std::variant<AggregateReport, ApiResponse> aggregateReportFor(const ApiContext& ctx, const ApiRequest& request,
                                                              const Principal& who)
{
    const std::string period = queryValue(request, "period");
    if (period.empty()) {
        return badRequest("Thiếu kỳ báo cáo (period) / the period query parameter is required");
    }
    // The boundaries: `at`, else the period's last day (an unknown period is answered below, 404).
    std::string at = queryValue(request, "at");
    if (request.query.count("at") > 0 && !isIsoDate(at)) {
        return badRequest("Ngày địa giới (at) phải có dạng YYYY-MM-DD, nhận được \"" + at +
                          "\" / at must be a date YYYY-MM-DD");
    }
    const bool defaultDate = at.empty();
    if (defaultDate) {
        auto stored = ctx.catalogs.period(period);
        if (!stored) {
            return errorFromStatus(stored.status());
        }
        if (stored->has_value()) {
            at = (*stored)->endsOn;
        }
    }
    auto scope = resolveReportScope(ctx, request, who, at);
    if (auto* error = std::get_if<ApiResponse>(&scope)) {
        return *error;
    }
    const ReportScope& allowed = std::get<ReportScope>(scope);
    AggregateQuery query{period,
                         allowed.unitCode,
                         queryValue(request, "indicator"),
                         queryValue(request, "ethnic"),
                         queryValue(request, "form"),
                         defaultDate ? std::string() : at};
    auto report = computeAggregateReport(ctx.store, ctx.catalogs, ctx.records, ctx.resourcesDir,
                                         allowed.recordUnitCodes, query);
    if (!report) {
        return errorFromStatus(report.status());
    }
    return std::move(*report);
}

std::variant<ReportScope, ApiResponse> resolveReportScope(const ApiContext& ctx, const ApiRequest& request,
                                                          const Principal& who, const std::string& at)
{
    if (queryValue(request, "period").empty()) {
        return badRequest("Thiếu kỳ báo cáo (period) / the period query parameter is required");
    }
    ReportScope scope;
    scope.unitCode = queryValue(request, "unit");
    if (scope.unitCode.empty()) {
        scope.unitCode = who.unitCode;
    }
    if (!ctx.scope.inScope(who.unitCode, scope.unitCode)) {
        return forbidden("Đơn vị ngoài phạm vi của tài khoản / unit outside the account's scope");
    }
    // The codes under the unit as the tree stood on `at` (an old district, old Yên Bái under code 15, ...), of
    // which the caller may see those in its own scope.
    auto under = ctx.scope.codesUnder(scope.unitCode, at);
    if (!under) {
        return errorFromStatus(under.status());
    }
    auto mine = ctx.scope.codesInScope(who.unitCode);
    if (!mine) {
        return errorFromStatus(mine.status());
    }
    std::sort(under->begin(), under->end());
    std::sort(mine->begin(), mine->end());
    std::set_intersection(under->begin(), under->end(), mine->begin(), mine->end(),
                          std::back_inserter(scope.recordUnitCodes));
    return scope;
}

void registerAggregateRoutes(Router& router, const ApiContext& context)
{
    const ApiContext ctx = context;
    router.add(Route{"GET", "/api/v1/aggregates", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return getAggregates(ctx, request, who);
                     },
                     "aggregates.get"});
}

}  // namespace dantoc::server
