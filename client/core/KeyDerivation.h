// Passphrase -> store key with Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13). Stateless; thread-safe.
#pragma once

#include "core/SecretKey.h"

#include "base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::client {

struct KdfParams
{
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimit = 0;  // bytes

    // crypto_pwhash OPSLIMIT_MODERATE / MEMLIMIT_MODERATE (3 passes, 256 MiB): about a second on a 2020 laptop,
    // far above ASVS's Argon2id minimum (19 MiB, t=2).
    static KdfParams production();
    // The library minimum: for tests only, so suites do not spend seconds per open.
    static KdfParams testing();
    bool operator==(const KdfParams&) const = default;
};

inline constexpr std::size_t kSaltSize = 16;  // crypto_pwhash_SALTBYTES

// Fails with InvalidArgument for an empty passphrase or out-of-range parameters (a hostile header), and
// ResourceExhausted when the memory cannot be allocated.
Result<SecretKey> deriveKey(std::string_view passphrase, const std::vector<std::uint8_t>& salt,
                            const KdfParams& params);

std::vector<std::uint8_t> randomSalt();

}  // namespace dantoc::client
