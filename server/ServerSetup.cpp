#include "ServerSetup.h"

#include "admin/DataDirPermissions.h"
#include "audit/AuditKey.h"
#include "tls/SelfSignedCertificate.h"

namespace dantoc::server {

Result<std::string> initDataDirectory(const InitOptions& options, Config& config)
{
    // 0700 before anything is written into it (a directory created beforehand keeps no wider mode).
    if (Status s = secureDataDirectory(options.dataDir); !s) {
        return s;
    }
    if (std::filesystem::exists(options.dataDir / "config.json") && !options.force) {
        return Status(ErrorCode::AlreadyExists, options.dataDir.string() + " is already initialised");
    }
    config = Config{};
    config.dataDir = options.dataDir;
    auto pem = makeSelfSignedCertificate(options.hostNames);
    if (!pem) {
        return pem.status();
    }
    if (Status s = writePemPair(*pem, config.resolve(config.certificateFile), config.resolve(config.privateKeyFile));
        !s) {
        return s;
    }
    if (Status s = config.save(); !s) {
        return s;
    }
    // The audit chain's key, apart from the database (audit/AuditKey.h); an existing one is kept (--force).
    if (auto key = AuditKey::create(options.dataDir / kAuditKeyFile);
        !key && key.status().code() != ErrorCode::AlreadyExists) {
        return key.status();
    }
    if (Status s = secureDataDirectory(options.dataDir); !s) {  // config, certificate and key: 0600
        return s;
    }
    return certificateFingerprint(pem->certificatePem);
}

}  // namespace dantoc::server
