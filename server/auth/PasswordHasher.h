// Argon2id password hashing (libsodium crypto_pwhash_str) with a configurable cost; tests use a cheap one.
// Thread-safe (libsodium is initialised once).
#pragma once

#include "base/Result.h"

#include <cstddef>
#include <string>

namespace dantoc::server {

class PasswordHasher
{
public:
    // opsLimit >= 1 (libsodium's minimum for Argon2id), memLimit in bytes >= 8 KiB.
    PasswordHasher(unsigned long long opsLimit, std::size_t memLimit);

    Result<std::string> hash(const std::string& password) const;
    bool verify(const std::string& storedHash, const std::string& password) const;

    // A random password for new and reset accounts: 16 characters from an unambiguous alphabet.
    static std::string generatePassword();
    // Policy: 10..128 bytes, not only letters or only digits. Returns a message for the user, empty if fine.
    static std::string policyViolation(const std::string& password);

private:
    unsigned long long m_opsLimit;
    std::size_t m_memLimit;
};

}  // namespace dantoc::server
