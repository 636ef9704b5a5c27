#include "http/BuiltinRoutes.h"

#include "base/Clock.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

namespace dantoc::server {

namespace {

bool isLoopback(const std::string& address)
{
    return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

}  // namespace

void registerBuiltinRoutes(Router& router, const Config& config, std::shared_ptr<Metrics> metrics)
{
    router.add(Route{"GET", "/api/v1/health", 0, Auth::None,
                     [](const ApiRequest&, const Principal*) {
                         nlohmann::json body = {{"status", "ok"},
                                                {"version", DANTOC_VERSION},
                                                {"server_time_ms", SystemClock::instance().nowUnixMillis()}};
                         return ApiResponse::json(200, body.dump());
                     },
                     "health"});

    // Prometheus scrapes from the server itself (or a local agent); from elsewhere only when configured.
    const bool loopbackOnly = config.metricsFromLoopbackOnly;
    router.add(Route{"GET", "/metrics", 0, Auth::None,
                     [metrics, loopbackOnly](const ApiRequest& request, const Principal*) {
                         if (loopbackOnly && !isLoopback(request.remoteAddress)) {
                             return ApiResponse::error(403, "forbidden", "metrics are served to loopback only");
                         }
                         ApiResponse response = ApiResponse::json(200, metrics->renderPrometheus());
                         response.contentType = "text/plain; version=0.0.4";
                         return response;
                     },
                     "metrics"});

    if (config.enableTestRoutes) {
        router.add(Route{"POST", "/api/v1/test/slow", 1024, Auth::None,
                         [](const ApiRequest& request, const Principal*) {
                             int ms = 500;
                             if (auto it = request.query.find("ms"); it != request.query.end()) {
                                 ms = std::clamp(std::atoi(it->second.c_str()), 0, 10000);
                             }
                             std::this_thread::sleep_for(std::chrono::milliseconds(ms));
                             return ApiResponse::json(200, R"({"slept":true})");
                         },
                         "test.slow"});
    }
}

}  // namespace dantoc::server
