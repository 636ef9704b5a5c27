// GET /api/v1/units[?at=YYYY-MM-DD]: the unit versions valid on that date (default today) that the caller may see.
// Provincial roles see the whole province; every other role sees its own unit's subtree, and on past dates the old
// units whose territory went into it (ScopePolicy::unitsAt). A strong ETag over the answer; If-None-Match answers
// 304. Read-only; thread-safe like the store.
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

ApiResponse listUnits(const ApiContext& ctx, const ApiRequest& request, const Principal* who)
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
    const std::string date = at.is_null() ? todayOf(ctx.clock) : at.get<std::string>();
    auto units = ctx.scope.unitsAt(isProvincial(who->role) ? std::string() : who->unitCode, date);
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
    return withBodyEtag(request, ApiResponse::json(200, Json{{"at", at}, {"units", list}}.dump()));
}

}  // namespace

void registerUnitRoutes(Router& router, const ApiContext& context)
{
    const ApiContext ctx = context;  // the references outlive the router; the struct itself may be a temporary
    router.add(Route{"GET", "/api/v1/units", 0, Auth::Authenticated,
                     [ctx](const ApiRequest& request, const Principal* who) { return listUnits(ctx, request, who); },
                     "units.list"});
}

}  // namespace dantoc::server
