// Catalogs, form templates and reporting periods: GET /api/v1/forms[/{id}/{version}], /catalogs[/{name}],
// /periods (any signed-in account: every office needs them offline), and the provincial admin's
// POST /api/v1/admin/forms and /admin/periods. Published forms, catalogs and every list carry strong ETags;
// If-None-Match answers 304 so a client's reference refresh costs one round trip. The three lists are answered
// from answer caches (api/AnswerCache.h) under the catalog generation (forms, periods) or the catalog files' sizes
// and times, so an unchanged list costs one look-up. Thread-safe like the stores and the caches.
#include "api/AnswerCache.h"
#include "api/ApiContext.h"
#include "api/HandlerUtil.h"
#include "audit/AuditChain.h"
#include "catalog/CatalogAdmin.h"
#include "http/Router.h"
#include "report/ReportRoutes.h"

#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

namespace dantoc::server {

namespace {

constexpr std::size_t kFormBodyLimit = 1024 * 1024;
constexpr std::size_t kPeriodBodyLimit = 4 * 1024;
// The catalogs served, as files of <resources>/catalogs (CSV, the format shared/catalog loads).
constexpr std::array<std::string_view, 4> kCatalogNames = {"ethnic_groups", "religions", "indicators",
                                                           "provinces_2025"};

// The answer caches of the lists, one per list (each drops its answers when its own version moves on).
struct ListCaches {
    AnswerCache forms;
    AnswerCache catalogs;
    AnswerCache periods;
};

// The version of the forms and periods lists: the catalog generation, bumped with every publish and period save.
std::optional<std::string> catalogGeneration(const ApiContext& ctx, ApiResponse& failed)
{
    auto generation = ctx.catalogs.generation();
    if (!generation) {
        failed = errorFromStatus(generation.status());
        return std::nullopt;
    }
    return std::to_string(*generation);
}

bool isProvincialAdmin(const Principal* who)
{
    return who->role == Role::ProvincialAdmin;
}

Json formSummary(const StoredForm& form)
{
    Json summary = {{"id", form.formId}, {"version", form.version}, {"etag", form.etag},
                    {"published_at", form.publishedAt}};
    if (auto doc = parseJson(form.json, JsonLimits{kFormBodyLimit, 64}); doc && doc->is_object()) {
        if (const Json* title = jsonMember(*doc, "title")) {
            summary["title"] = *title;
        }
    }
    return summary;
}

Json periodJson(const Period& period)
{
    return {{"id", period.id}, {"label", period.label}, {"starts_on", period.startsOn},
            {"ends_on", period.endsOn}, {"open", period.open}};
}

// ?versions=all lists every published version (what a client syncing its store needs: records and drafts on an
// older version keep validating against it); the default is the newest version of each form.
ApiResponse listForms(const ApiContext& ctx, AnswerCache& cache, const ApiRequest& request)
{
    bool allVersions = false;
    for (const auto& [key, value] : request.query) {
        if (key != "versions" || (value != "all" && value != "latest")) {
            return badRequest("the only query parameter is versions=all|latest");
        }
        allVersions = value == "all";
    }
    ApiResponse failed;
    const auto version = catalogGeneration(ctx, failed);  // before the list is read (never older than its key)
    if (!version) {
        return failed;
    }
    return cache.answer(request, *version, allVersions ? "all" : "latest", [&] {
        auto forms = allVersions ? ctx.catalogs.allForms() : ctx.catalogs.latestForms();
        if (!forms) {
            return errorFromStatus(forms.status());
        }
        Json list = Json::array();
        for (const StoredForm& form : *forms) {
            list.push_back(formSummary(form));
        }
        return ApiResponse::json(200, Json{{"forms", list}}.dump());
    });
}

ApiResponse getForm(const ApiContext& ctx, const ApiRequest& request)
{
    const std::string& versionText = request.pathParams.at("version");
    int version = 0;
    const auto [end, error] = std::from_chars(versionText.data(), versionText.data() + versionText.size(), version);
    if (error != std::errc() || end != versionText.data() + versionText.size() || version < 1) {
        return badRequest("form version must be a positive integer");
    }
    auto form = ctx.catalogs.formVersion(request.pathParams.at("id"), version);
    if (!form) {
        return errorFromStatus(form.status());
    }
    if (!form->has_value()) {
        return ApiResponse::error(404, "not_found", "Không có mẫu phiếu này / no such form version");
    }
    if (auto unchanged = notModified(request, (*form)->etag)) {
        return *unchanged;
    }
    ApiResponse response = ApiResponse::json(200, (*form)->json);
    response.headers.emplace_back("ETag", (*form)->etag);
    return response;
}

ApiResponse publishForm(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    if (!isProvincialAdmin(who)) {
        return forbidden("Chỉ quản trị cấp tỉnh / provincial administrators only");
    }
    auto form = publishFormDocument(ctx.catalogs, request.body, who->accountId, ctx.clock.nowUnixMillis());
    if (!form) {
        return errorFromStatus(form.status());
    }
    ApiResponse response = ApiResponse::json(201, formSummary(*form).dump());
    response.headers.emplace_back("ETag", form->etag);
    return response;
}

std::optional<std::string> readCatalog(const ApiContext& ctx, const std::string& name)
{
    std::ifstream in(ctx.resourcesDir / "catalogs" / (name + ".csv"), std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

bool isCatalogName(const std::string& name)
{
    for (std::string_view known : kCatalogNames) {
        if (known == name) {
            return true;
        }
    }
    return false;
}

// What the catalog list depends on: each file's presence, size and modification time (the files are replaced by
// an upgrade or by hand, never through the API). A stat per file instead of reading and hashing them all.
std::string catalogFilesVersion(const ApiContext& ctx)
{
    std::string version;
    for (std::string_view name : kCatalogNames) {
        const auto file = ctx.resourcesDir / "catalogs" / (std::string(name) + ".csv");
        std::error_code error;
        const auto size = std::filesystem::file_size(file, error);
        const auto time = error ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(file, error);
        version += std::string(name) + (error ? ":-" : ":" + std::to_string(size) + ":" +
                                                           std::to_string(time.time_since_epoch().count())) +
                   ";";
    }
    return version;
}

ApiResponse listCatalogs(const ApiContext& ctx, AnswerCache& cache, const ApiRequest& request)
{
    return cache.answer(request, catalogFilesVersion(ctx), "", [&] {
        Json list = Json::array();
        for (std::string_view name : kCatalogNames) {
            if (auto text = readCatalog(ctx, std::string(name))) {
                list.push_back({{"name", name}, {"etag", "\"" + sha256Hex(*text) + "\""}});
            }
        }
        return ApiResponse::json(200, Json{{"catalogs", list}}.dump());
    });
}

ApiResponse getCatalog(const ApiContext& ctx, const ApiRequest& request)
{
    const std::string& name = request.pathParams.at("name");
    std::optional<std::string> text = isCatalogName(name) ? readCatalog(ctx, name) : std::nullopt;
    if (!text) {
        return ApiResponse::error(404, "not_found", "Không có danh mục này / no such catalog");
    }
    const std::string etag = "\"" + sha256Hex(*text) + "\"";
    if (auto unchanged = notModified(request, etag)) {
        return *unchanged;
    }
    ApiResponse response;
    response.status = 200;
    response.body = std::move(*text);
    response.contentType = "text/csv; charset=utf-8";
    response.headers.emplace_back("ETag", etag);
    return response;
}

ApiResponse listPeriods(const ApiContext& ctx, AnswerCache& cache, const ApiRequest& request)
{
    ApiResponse failed;
    const auto version = catalogGeneration(ctx, failed);
    if (!version) {
        return failed;
    }
    return cache.answer(request, *version, "", [&] {
        auto periods = ctx.catalogs.listPeriods();
        if (!periods) {
            return errorFromStatus(periods.status());
        }
        Json list = Json::array();
        for (const Period& period : *periods) {
            list.push_back(periodJson(period));
        }
        return ApiResponse::json(200, Json{{"periods", list}}.dump());
    });
}

ApiResponse savePeriodRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    if (!isProvincialAdmin(who)) {
        return forbidden("Chỉ quản trị cấp tỉnh / provincial administrators only");
    }
    auto parsed = parseObjectBody(request, {"id", "label", "starts_on", "ends_on", "open"});
    if (auto* error = std::get_if<ApiResponse>(&parsed)) {
        return *error;
    }
    const Json& body = std::get<Json>(parsed);
    bool bad = false;
    auto id = optionalString(body, "id", bad);
    auto label = optionalString(body, "label", bad);
    auto startsOn = optionalString(body, "starts_on", bad);
    auto endsOn = optionalString(body, "ends_on", bad);
    const Json* open = jsonMember(body, "open");
    if (bad || !id || !label || !startsOn || !endsOn || !open || !open->is_boolean()) {
        return badRequest("\"id\", \"label\", \"starts_on\", \"ends_on\" (strings) and \"open\" (boolean) are required");
    }
    const Period period{*id, *label, *startsOn, *endsOn, open->get<bool>()};
    if (Status s = savePeriod(ctx.catalogs, period, who->accountId, ctx.clock.nowUnixMillis()); !s) {
        return errorFromStatus(s);
    }
    return ApiResponse::json(200, periodJson(period).dump());
}

// Closes an existing period (submissions refused from now on); closing a closed period again changes nothing.
ApiResponse closePeriodRoute(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
{
    if (!isProvincialAdmin(who)) {
        return forbidden("Chỉ quản trị cấp tỉnh / provincial administrators only");
    }
    auto period = ctx.catalogs.period(request.pathParams.at("id"));
    if (!period) {
        return errorFromStatus(period.status());
    }
    if (!period->has_value()) {
        return ApiResponse::error(404, "not_found", "Không có kỳ báo cáo này / no such period");
    }
    Period closed = **period;
    if (closed.open) {
        closed.open = false;
        if (Status s = savePeriod(ctx.catalogs, closed, who->accountId, ctx.clock.nowUnixMillis()); !s) {
            return errorFromStatus(s);
        }
    }
    return ApiResponse::json(200, periodJson(closed).dump());
}

}  // namespace

void registerCatalogRoutes(Router& router, const ApiContext& context)
{
    const ApiContext ctx = context;  // the references outlive the router; the struct itself may be a temporary
    auto caches = std::make_shared<ListCaches>();  // lives as long as the routes
    router.add(Route{"GET", "/api/v1/forms", 0, Auth::Authenticated,
                     [ctx, caches](const ApiRequest& request, const Principal*) {
                         return listForms(ctx, caches->forms, request);
                     },
                     "forms.list"});
    router.add(Route{"GET", "/api/v1/forms/{id}/{version}", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal*) { return getForm(ctx, request); },
                     "forms.get"});
    router.add(Route{"POST", "/api/v1/admin/forms", kFormBodyLimit, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) { return publishForm(ctx, request, who); },
                     "admin.forms.publish"});
    router.add(Route{"GET", "/api/v1/catalogs", 0, Auth::Authenticated,
                     [ctx, caches](const ApiRequest& request, const Principal*) {
                         return listCatalogs(ctx, caches->catalogs, request);
                     },
                     "catalogs.list"});
    router.add(Route{"GET", "/api/v1/catalogs/{name}", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal*) { return getCatalog(ctx, request); },
                     "catalogs.get"});
    router.add(Route{"GET", "/api/v1/periods", 0, Auth::Authenticated,
                     [ctx, caches](const ApiRequest& request, const Principal*) {
                         return listPeriods(ctx, caches->periods, request);
                     },
                     "periods.list"});
    router.add(Route{"POST", "/api/v1/admin/periods", kPeriodBodyLimit, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return savePeriodRoute(ctx, request, who);
                     },
                     "admin.periods.save"});
    router.add(Route{"POST", "/api/v1/admin/periods/{id}/close", 1024, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) {
                         return closePeriodRoute(ctx, request, who);
                     },
                     "admin.periods.close"});
    registerAggregateRoutes(router, context);
    registerExportRoutes(router, context);
}

}  // namespace dantoc::server
