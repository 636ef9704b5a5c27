#include "core/KeyDerivation.h"

#include <sodium.h>

namespace dantoc::client {

KdfParams KdfParams::production()
{
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::testing()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<SecretKey> deriveKey(std::string_view passphrase, const std::vector<std::uint8_t>& salt,
                            const KdfParams& params)
{
    if (passphrase.empty()) {
        return Status(ErrorCode::InvalidArgument, "empty passphrase");
    }
    if (salt.size() != crypto_pwhash_SALTBYTES) {
        return Status(ErrorCode::InvalidArgument, "bad salt size");
    }
    // Bounds: the header is plaintext and could be edited; refuse parameters that would hang or exhaust memory
    // (1 GiB, 16 passes) as well as ones below the library minimum.
    if (params.opsLimit < crypto_pwhash_OPSLIMIT_MIN || params.opsLimit > 16 ||
        params.memLimit < crypto_pwhash_MEMLIMIT_MIN || params.memLimit > (std::uint64_t{1} << 30)) {
        return Status(ErrorCode::InvalidArgument, "key-derivation parameters out of range");
    }
    if (sodium_init() < 0) {
        return Status(ErrorCode::Internal, "libsodium failed to initialise");
    }
    SecretKey key;
    if (crypto_pwhash(key.data(), SecretKey::kSize, passphrase.data(), passphrase.size(), salt.data(),
                      params.opsLimit, static_cast<std::size_t>(params.memLimit),
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Status(ErrorCode::ResourceExhausted, "not enough memory to derive the key");
    }
    return key;
}

std::vector<std::uint8_t> randomSalt()
{
    if (sodium_init() < 0) {
        return {};  // unusable libsodium: callers get no salt and deriveKey refuses it
    }
    std::vector<std::uint8_t> salt(crypto_pwhash_SALTBYTES);
    randombytes_buf(salt.data(), salt.size());
    return salt;
}

}  // namespace dantoc::client
