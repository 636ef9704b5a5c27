// Routes that belong to the transport rather than to the domain: health, metrics, and (only when
// Config::enableTestRoutes) a slow route the shutdown tests use. Registered at start-up.
#pragma once

#include "Config.h"
#include "http/Metrics.h"
#include "http/Router.h"

#include <memory>

namespace dantoc::server {

void registerBuiltinRoutes(Router& router, const Config& config, std::shared_ptr<Metrics> metrics);

}  // namespace dantoc::server
