#include "ServerSetup.h"

#include "tls/SelfSignedCertificate.h"

namespace dantoc::server {

Result<std::string> initDataDirectory(const InitOptions& options, Config& config)
{
    std::error_code ec;
    std::filesystem::create_directories(options.dataDir, ec);
    if (ec) {
        return Status(ErrorCode::IoError, "cannot create " + options.dataDir.string() + ": " + ec.message());
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
    return certificateFingerprint(pem->certificatePem);
}

}  // namespace dantoc::server
