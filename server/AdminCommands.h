// Administration commands of dantoc-server that work directly on a data directory's store (no running server
// needed): seeding the province and the first admin, demo data, user management, audit verification. Every change
// is audited with actor "cli". Not thread-safe (one command per process).
#pragma once

#include "auth/PasswordHasher.h"
#include "store/Store.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace dantoc::server {

struct CreatedAccount {
    std::string username;
    std::string role;
    std::string unitCode;
    std::string password;  // generated; shown once
};

// The province root and, with demo, a few post-2025 communes of Lào Cai (used when resources/demo/province/ has
// no unit file).
Status seedUnits(Store& store, bool demo);
// The first provincial admin ("admin"); with demo also a viewer and one officer per demo commune.
Result<std::vector<CreatedAccount>> seedAccounts(Store& store, const PasswordHasher& hasher, bool demo,
                                                 std::int64_t now);

Result<CreatedAccount> addAccount(Store& store, const PasswordHasher& hasher, const std::string& username,
                                  const std::string& role, const std::string& unitCode,
                                  const std::string& displayName, std::int64_t now);
// Edits (role/unit/display name when non-empty), closes, or resets the password (returned) of `username`.
Status editAccount(Store& store, const std::string& username, const std::string& role, const std::string& unitCode,
                   const std::string& displayName, std::int64_t now);
Status closeAccount(Store& store, const std::string& username, std::int64_t now);
Result<std::string> resetAccountPassword(Store& store, const PasswordHasher& hasher, const std::string& username,
                                         std::int64_t now);

// Verifies the whole audit chain; on success returns the number of entries.
Result<std::size_t> verifyAudit(Store& store);

}  // namespace dantoc::server
