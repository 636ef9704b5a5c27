// GET /api/v1/units[?at=YYYY-MM-DD]: the unit versions valid on that date (default today) that the caller may see.
// Provincial roles see the whole province; every other role sees its own unit's subtree, and on past dates the old
// units whose territory went into it (ScopePolicy::unitsAt). Read-only; thread-safe like the store.
#include "api/ApiContext.h"
#include "api/HandlerUtil.h"
#include "http/Router.h"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace dantoc::server {

namespace {

// "YYYY-MM-DD" with a plausible month and day (the calendar check proper is the admin tree's business).
bool isIsoDate(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
            return false;
        }
    }
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
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
    return role == Role::ProvincialAdmin || role == Role::ProvincialViewer;
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
    return ApiResponse::json(200, Json{{"at", at}, {"units", list}}.dump());
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
