// ResourcesDir: where the shipped catalogs, forms and demo data are (resources/ in a build tree, share/dantoc once
// installed), for the tools that seed a new store (`dantoc init`, dantoc-desk's enrollment). Thread-safe.
#pragma once

#include <QString>

namespace dantoc::client {

// $DANTOC_RESOURCES, else the first resources/ or share/dantoc/ holding forms/ found upwards from the executable;
// "" when none.
QString findResourcesDir();

}  // namespace dantoc::client
