#include "api/ApiContext.h"
#include "http/Router.h"

namespace dantoc::server {

void registerSyncRoutes(Router&, const ApiContext&) {}

}  // namespace dantoc::server
