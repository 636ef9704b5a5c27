// Creating a data directory (`dantoc-server init`): config.json and the self-signed TLS material. The store and
// the demo province are added by the admin commands. Not thread-safe (one init per process).
#pragma once

#include "Config.h"
#include "base/Result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace dantoc::server {

struct InitOptions {
    std::filesystem::path dataDir;
    std::vector<std::string> hostNames;  // extra certificate SANs
    bool force = false;                  // allow an existing config (never overwrites the store)
};

// Returns the certificate fingerprint.
Result<std::string> initDataDirectory(const InitOptions& options, Config& configOut);

}  // namespace dantoc::server
