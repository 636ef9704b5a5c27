// GET /api/v1/units[?at=YYYY-MM-DD]: the unit versions valid on that date (default today) that the caller may see.
// Provincial roles see the whole province; every other role sees its own unit's subtree, and on past dates the old
// units whose territory went into it (ScopePolicy::unitsAt). A strong ETag over the answer; If-None-Match answers
// 304. Answers are kept per (scope root, date asked, today) under the unit generation (api/AnswerCache.h), so an
// unchanged list costs one indexed look-up. Read-only; thread-safe like the store and the cache.
#include "api/AnswerCache.h"
#include "api/ApiContext.h"
#include "api/HandlerUtil.h"
#include "expr/Value.h"
#include "http/Router.h"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace dantoc::server {

namespace {

// A real calendar day written "YYYY-MM-DD" (the shared strict parser).
bool isIsoDate(const std::string& text)
{
    expr::Date date{};
    return expr::parseIsoDate(text, date);
}

std::string todayOf(const Clock& clock)
{
    const auto days = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(clock.nowUnixMillis())));
    const std::chrono::year_month_day ymd{days};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

bool isProvincial(Role role)
{
    return role == Role::ProvincialAdmin || role == Role::ProvincialViewer || role == Role::ProvincialReviewer;
}

// The list as built from the scope policy (a 200 answer without ETag; the cache adds it).
ApiResponse unitList(const ApiContext& ctx, const std::string& root, const std::string& date, const Json& at)
{
    auto units = ctx.scope.unitsAt(root, date);
    if (!units) {
        return errorFromStatus(units.status());
    }
    Json list = Json::array();
    for (const Unit& unit : *units) {
        list.push_back({{"code", unit.code},
                        {"name", unit.name},
                        {"level", unit.level},
                        {"unit_type", unit.unitType},
                        {"parent_code", unit.parentCode.empty() ? Json(nullptr) : Json(unit.parentCode)},
                        {"valid_from", unit.validFrom},
                        {"valid_to", unit.validTo.empty() ? Json(nullptr) : Json(unit.validTo)}});
    }
    return ApiResponse::json(200, Json{{"at", at}, {"units", list}}.dump());
}

ApiResponse listUnits(const ApiContext& ctx, AnswerCache& cache, const ApiRequest& request, const Principal* who)
{
    Json at = nullptr;
    for (const auto& [key, value] : request.query) {
        if (key != "at") {
            return badRequest("unknown query parameter \"" + key + "\"");
        }
        if (!isIsoDate(value)) {
            return badRequest("\"at\" must be a date YYYY-MM-DD");
        }
        at = value;
    }
    const std::string today = todayOf(ctx.clock);
    const std::string date = at.is_null() ? today : at.get<std::string>();
    const std::string root = isProvincial(who->role) ? std::string() : who->unitCode;
    // Read before the list is built, so a kept answer is never older than the generation it is kept under.
    auto generation = ctx.store.unitGeneration();
    if (!generation) {
        return errorFromStatus(generation.status());
    }
    // The answer depends on the root, the date asked (or none: the body says "at": null) and today (scope of
    // old units is decided as of today).
    const std::string key = root + '\n' + (at.is_null() ? std::string() : date) + '\n' + today;
    return cache.answer(request, std::to_string(*generation), key,
                        [&] { return unitList(ctx, root, date, at); });
}

}  // namespace

void registerUnitRoutes(Router& router, const ApiContext& context)
{
    const ApiContext ctx = context;  // the references outlive the router; the struct itself may be a temporary
    auto cache = std::make_shared<AnswerCache>();  // lives as long as the route
    router.add(Route{"GET", "/api/v1/units", 0, Auth::Authenticated,
                     [ctx, cache](const ApiRequest& request, const Principal* who) {
                         return listUnits(ctx, *cache, request, who);
                     },
                     "units.list"});
}

}  // namespace dantoc::server
