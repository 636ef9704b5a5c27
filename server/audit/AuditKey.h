// The audit chain's HMAC-SHA256 key (issue 19, finding 4): 32 random bytes, hex, in <data>/keys/audit.key (0600,
// its directory 0700), kept apart from the database so that whoever can rewrite the database file cannot recompute
// the chain. Back it up apart from the database backups. Immutable after load; thread-safe.
#pragma once

#include "base/Result.h"

#include <array>
#include <filesystem>
#include <string>

namespace dantoc::server {

// Relative to the data directory.
inline constexpr const char* kAuditKeyFile = "keys/audit.key";

class AuditKey
{
public:
    static constexpr std::size_t kBytes = 32;

    // Reads an existing key file; NotFound when there is none, Corruption when it is not 64 hex digits.
    static Result<AuditKey> load(const std::filesystem::path& file);
    // Creates a new random key file (exclusive create, mode 0600, parent directory 0700); AlreadyExists if one is
    // there, which is never overwritten.
    static Result<AuditKey> create(const std::filesystem::path& file);

    // Lower-case hex HMAC-SHA256 of `data`.
    std::string macHex(const std::string& data) const;

private:
    AuditKey() = default;
    std::array<unsigned char, kBytes> m_key{};
};

}  // namespace dantoc::server
