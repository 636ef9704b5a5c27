// The store's schema as an ordered list of migrations; PRAGMA user_version holds how many have run. Each step
// runs in its own transaction together with the user_version bump. Stateless; thread-safety is the Connection's.
#pragma once

#include "core/Connection.h"

#include "base/Result.h"

namespace dantoc::client {

inline constexpr int kCurrentSchemaVersion = 5;

// Brings the database up to `targetVersion` (tests create older versions with it). A database newer than this
// program is refused (FailedPrecondition) rather than touched.
Status migrateSchema(Connection& connection, int targetVersion = kCurrentSchemaVersion);
Result<int> schemaVersion(Connection& connection);

}  // namespace dantoc::client
