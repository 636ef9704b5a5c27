// Self-signed TLS material for `dantoc-server init`: an EC P-256 key and an X.509 certificate whose SANs name
// localhost, 127.0.0.1, ::1 and any configured host names. Clients pin its SHA-256 fingerprint on first use.
// Stateless functions; thread-safe.
#pragma once

#include "base/Result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace dantoc::server {

struct PemPair {
    std::string certificatePem;
    std::string privateKeyPem;
};

Result<PemPair> makeSelfSignedCertificate(const std::vector<std::string>& extraHostNames, int validDays = 825);

// Writes both PEM files (the key with mode 0600 where the platform allows).
Status writePemPair(const PemPair& pair, const std::filesystem::path& certificateFile,
                    const std::filesystem::path& privateKeyFile);

// "AB:CD:…" — SHA-256 of the DER certificate, upper-case hex with colons (as browsers and openssl show it).
Result<std::string> certificateFingerprint(const std::string& certificatePem);
std::string fingerprintOfDer(const unsigned char* der, std::size_t size);

}  // namespace dantoc::server
