// GET /api/v1/audit: the audit log for provincial administrators, filtered and paged by seq.
#include "api/ApiContext.h"
#include "api/HandlerUtil.h"
#include "http/Router.h"

#include <charconv>

namespace dantoc::server {

namespace {

bool parseInt(const std::string& text, std::int64_t& out)
{
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

}  // namespace

void registerAuditRoutes(Router& router, const ApiContext& ctx)
{
    Store* store = &ctx.store;
    router.add(Route{
        "GET", "/api/v1/audit", 0, Auth::Authenticated,
        [store](const ApiRequest& request, const Principal* who) {
            if (who->role != Role::ProvincialAdmin) {
                return forbidden("Chỉ quản trị cấp tỉnh / provincial administrators only");
            }
            AuditFilter filter;
            for (const auto& [key, value] : request.query) {
                std::int64_t number = 0;
                if (key == "actor") {
                    filter.actor = value;
                } else if (key == "action") {
                    filter.action = value;
                } else if (key == "target") {
                    filter.target = value;
                } else if (key == "since" || key == "until" || key == "after" || key == "limit") {
                    if (!parseInt(value, number) || number < 0) {
                        return badRequest("\"" + key + "\" must be a non-negative integer");
                    }
                    if (key == "since") {
                        filter.since = number;
                    } else if (key == "until") {
                        filter.until = number;
                    } else if (key == "after") {
                        filter.afterSeq = number;
                    } else if (number < 1 || number > 1000) {
                        // Refused, not clamped: the client learns that it did not get what it asked for.
                        return badRequest("\"limit\" must be between 1 and 1000");
                    } else {
                        filter.limit = number;
                    }
                } else {
                    return badRequest("unknown query parameter \"" + key + "\"");
                }
            }
            auto entries = store->listAudit(filter);
            if (!entries) {
                return errorFromStatus(entries.status());
            }
            Json items = Json::array();
            for (const AuditEntry& e : *entries) {
                Json detail = Json::parse(e.event.detailJson, nullptr, false);
                items.push_back({{"seq", e.seq},
                                 {"at", e.event.at},
                                 {"actor", e.event.actor},
                                 {"action", e.event.action},
                                 {"target", e.event.target},
                                 {"detail", detail.is_discarded() ? Json(e.event.detailJson) : detail},
                                 {"hash", e.hash}});
            }
            Json body = {{"entries", items}};
            if (!entries->empty() && static_cast<std::int64_t>(entries->size()) == filter.limit) {
                body["next_after"] = entries->back().seq;
            }
            return ApiResponse::json(200, body.dump());
        },
        "audit.list"});
}

}  // namespace dantoc::server
