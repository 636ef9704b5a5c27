// StoreHeader: the small plaintext file next to the database holding what is needed to derive the key
// (format version, Argon2id parameters, salt) and, during a passphrase change, the previous salt. No survey
// data, no key material. Value type; file I/O is not synchronised (one writer per store).
#pragma once

#include "core/KeyDerivation.h"

#include "base/Result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::client {

struct StoreHeader
{
    static constexpr int kFormatVersion = 1;

    int formatVersion = kFormatVersion;
    KdfParams kdf;
    std::vector<std::uint8_t> salt;
    // Set only between "new header written" and "rekey committed": the salt (and parameters) the database may
    // still be keyed with. See Store::changePassphrase for the ordering.
    std::optional<KdfParams> previousKdf;
    std::optional<std::vector<std::uint8_t>> previousSalt;

    std::string serialize() const;
    static Result<StoreHeader> parse(std::string_view text);

    // Read a header file (at most 4 KB; anything malformed is Corruption).
    static Result<StoreHeader> read(const std::filesystem::path& path);
    // Crash-safe replace: write <path>.tmp, fsync it, rename over <path>, fsync the directory.
    Status write(const std::filesystem::path& path) const;
};

}  // namespace dantoc::client
