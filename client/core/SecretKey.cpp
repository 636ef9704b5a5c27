#include "core/SecretKey.h"

#include <sodium.h>

namespace dantoc::client {

namespace {

using Bytes = std::array<std::uint8_t, SecretKey::kSize>;

void destroy(Bytes* bytes)
{
    if (bytes != nullptr) {
        sodium_memzero(bytes->data(), bytes->size());
        sodium_munlock(bytes->data(), bytes->size());  // also wipes
        delete bytes;
    }
}

Bytes* allocate()
{
    [[maybe_unused]] const int ready = sodium_init();  // idempotent; randombytes_buf needs it
    auto* bytes = new Bytes{};
    // Best effort: RLIMIT_MEMLOCK may refuse; the key is still wiped on destruction.
    (void)sodium_mlock(bytes->data(), bytes->size());
    return bytes;
}

}  // namespace

SecretKey::SecretKey() : m_bytes(allocate(), &destroy) {}

SecretKey::~SecretKey() = default;

SecretKey SecretKey::random()
{
    SecretKey key;
    randombytes_buf(key.data(), kSize);
    return key;
}

}  // namespace dantoc::client
