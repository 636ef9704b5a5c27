// GET /api/v1/exports/aggregates.csv|.xlsx?period=&unit=[&at=&indicator=&ethnic=&form=] and
// /exports/records.csv?form=&period=&unit=[&at=]: downloads for Excel, scoped like the aggregates (a unit outside
// the caller's scope is 403). Every export is audited (data leaving the system). Thread-safe like the stores.
#include "admin/UnitImport.h"
#include "api/HandlerUtil.h"
#include "forms/FormTemplate.h"
#include "http/Router.h"
#include "report/AggregateReport.h"
#include "report/ReportBoundaries.h"
#include "report/ReportExport.h"
#include "report/ReportRoutes.h"

#include <algorithm>

namespace dantoc::server {

namespace {

// Period and unit codes are plain identifiers; anything else never reaches a file name.
std::string safeName(const std::string& text)
{
    std::string out;
    for (char c : text) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
                        c == '_';
        out += ok ? c : '_';
    }
    return out;
}

ApiResponse download(std::string body, const std::string& contentType, const std::string& fileName)
{
    ApiResponse response;
    response.status = 200;
    response.body = std::move(body);
    response.contentType = contentType;
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

void auditExport(const ApiContext& ctx, const Principal& who, const std::string& action, const std::string& unit,
                 const Json& detail)
{
    // Best effort after the figures are computed: a failing audit append is reported by the store's own log.
    (void)ctx.store.appendAudit({ctx.clock.nowUnixMillis(), who.accountId, action, unit, detail.dump()});
}

ApiResponse exportAggregates(const ApiContext& ctx, const ApiRequest& request, const Principal* who, bool xlsx)
{
    auto computed = aggregateReportFor(ctx, request, *who);
    if (auto* error = std::get_if<ApiResponse>(&computed)) {
        return *error;
    }
    const AggregateReport* report = &std::get<AggregateReport>(computed);
    const std::string base = "tong-hop-" + safeName(report->period) + "-" + safeName(report->unitCode);
    std::string body;
    if (xlsx) {
        auto bytes = aggregatesXlsx(*report, ctx.dataDir / "tmp" / "exports");
        if (!bytes) {
            return errorFromStatus(bytes.status());
        }
        body = std::move(bytes.value());
    } else {
        body = aggregatesCsv(*report);
    }
    auditExport(ctx, *who, xlsx ? "export.aggregates_xlsx" : "export.aggregates_csv", report->unitCode,
                {{"period", report->period}, {"at", report->date}, {"rows", report->lines.size()}});
    if (xlsx) {
        return download(std::move(body), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        base + ".xlsx");
    }
    return download(std::move(body), "text/csv; charset=utf-8", base + ".csv");
}

// The name of each record's unit as it was in the period (a reused code names another unit today: 02647 is Phường
// Kim Tân in 2024, Phường Lào Cai since the 2025 merger); the latest name where the period or the tree is unknown.
Result<std::map<std::string, std::string>> unitNamesOfPeriod(const ApiContext& ctx, const std::string& periodId,
                                                              const std::vector<StoredRecord>& records)
{
    auto versions = ctx.store.listUnitVersions();
    if (!versions) {
        return versions.status();
    }
    std::map<std::string, std::string> names;  // versions come ordered by valid_from: the latest name wins
    for (const Unit& unit : *versions) {
        names[unit.code] = unit.name;
    }
    auto period = ctx.catalogs.period(periodId);
    auto lineage = ctx.store.listUnitLineage();
    if (!period || !period->has_value() || !lineage) {
        return names;
    }
    auto tree = buildAdminTree(*versions, *lineage);
    if (!tree) {
        return names;
    }
    for (const StoredRecord& record : records) {
        if (const admin::Unit* version =
                recordVersion(*tree, record.unitCode, (*period)->startsOn, (*period)->endsOn)) {
            names[record.unitCode] = version->nameVi;
        }
    }
    return names;
}

ApiResponse exportRecords(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    const std::string formId = queryValue(request, "form");
    if (formId.empty()) {
        return badRequest("Thiếu mẫu phiếu (form) / the form query parameter is required");
    }
    // `at`: the records of the units under `unit` on that date (default: today, or the unit's last day).
    const std::string at = queryValue(request, "at");
    if (request.query.count("at") > 0 && !isIsoDate(at)) {
        return badRequest("Ngày địa giới (at) phải có dạng YYYY-MM-DD, nhận được \"" + at +
                          "\" / at must be a date YYYY-MM-DD");
    }
    auto scope = resolveReportScope(ctx, request, *who, at);
    if (auto* error = std::get_if<ApiResponse>(&scope)) {
        return *error;
    }
    const ReportScope& allowed = std::get<ReportScope>(scope);
    const std::string period = queryValue(request, "period");
    auto forms = ctx.catalogs.latestForms();
    if (!forms) {
        return errorFromStatus(forms.status());
    }
    const StoredForm* stored = nullptr;
    for (const StoredForm& form : *forms) {
        stored = form.formId == formId ? &form : stored;
    }
    if (!stored) {
        return ApiResponse::error(404, "not_found", "Không có mẫu phiếu này / no such form");
    }
    auto form = forms::FormTemplate::parse(stored->json);
    if (!form) {
        return errorFromStatus(form.status());
    }
    std::vector<StoredRecord> records;
    if (!allowed.recordUnitCodes.empty()) {  // an empty list would mean "any unit"
        RecordQuery query;
        query.unitCodes = allowed.recordUnitCodes;
        query.formId = formId;
        query.period = period;
        auto listed = ctx.records.listRecords(query);
        if (!listed) {
            return errorFromStatus(listed.status());
        }
        for (StoredRecord& record : *listed) {
            const bool inScope = std::find(allowed.recordUnitCodes.begin(), allowed.recordUnitCodes.end(),
                                           record.unitCode) != allowed.recordUnitCodes.end();
            if (!record.deleted && inScope && record.formId == formId && record.period == period) {
                records.push_back(std::move(record));
            }
        }
    }
    auto names = unitNamesOfPeriod(ctx, period, records);
    if (!names) {
        return errorFromStatus(names.status());
    }
    auditExport(ctx, *who, "export.records_csv", allowed.unitCode,
                {{"period", period}, {"at", at}, {"form", formId}, {"records", records.size()}});
    return download(recordsCsv(*form, records, *names), "text/csv; charset=utf-8",
                    "phieu-" + safeName(formId) + "-" + safeName(period) + "-" + safeName(allowed.unitCode) + ".csv");
}

}  // namespace

void registerExportRoutes(Router& router, const ApiContext& context)
{
    const ApiContext ctx = context;
    router.add(Route{"GET", "/api/v1/exports/aggregates.csv", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return exportAggregates(ctx, request, who, false);
                     },
                     "exports.aggregates_csv"});
    router.add(Route{"GET", "/api/v1/exports/aggregates.xlsx", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return exportAggregates(ctx, request, who, true);
                     },
                     "exports.aggregates_xlsx"});
    router.add(Route{"GET", "/api/v1/exports/records.csv", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) { return exportRecords(ctx, request, who); },
                     "exports.records_csv"});
}

}  // namespace dantoc::server
