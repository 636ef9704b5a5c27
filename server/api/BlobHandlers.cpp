#include "api/ApiContext.h"
#include "http/Router.h"

namespace dantoc::server {

void registerBlobRoutes(Router&, const ApiContext&) {}

}  // namespace dantoc::server
