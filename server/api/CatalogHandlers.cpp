#include "api/ApiContext.h"
#include "http/Router.h"

namespace dantoc::server {

void registerCatalogRoutes(Router&, const ApiContext&) {}

}  // namespace dantoc::server
