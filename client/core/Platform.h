// Process hardening for the client: no core dumps (they would hold decrypted survey data and key material).
// Call once, early in main(), before the store is opened. Thread-safe (process-wide, idempotent).
#pragma once

#include "base/Status.h"

namespace dantoc::client {

// Linux: RLIMIT_CORE = 0 and PR_SET_DUMPABLE = 0 (also blocks ptrace by other same-user processes).
Status disableCoreDumps();

}  // namespace dantoc::client
