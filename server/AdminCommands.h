// Administration commands of dantoc-server that work directly on a data directory's store (no running server
// needed): seeding the province and the first admin, demo data, user management, audit verification. Every change
// is audited with actor "cli". Not thread-safe (one command per process).
#pragma once

#include "auth/PasswordHasher.h"
#include "store/Store.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dantoc::server {

struct CreatedAccount {
    std::string username;
    std::string role;
    std::string unitCode;
    std::string password;  // generated; shown once
};

// The province root (valid from 2025-07-01) or, with demo, the whole tree of <resourcesDir>/demo/province/ (all
// dates, with lineage; shared/admin format) imported like `unit import`; a few undated post-2025 Lào Cai communes
// when that is absent (tests). `date` is no longer used. Returns how many unit versions the source has.
Result<std::size_t> seedUnits(Store& store, bool demo, const std::filesystem::path& resourcesDir = {},
                              const std::string& date = "2026-01-01");
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

// Verifies the whole audit chain with the store's key and, when given, that it still holds the checkpoint
// (audit/AuditCheckpoint.h: truncation and rewrites); on success returns the number of entries.
Result<std::size_t> verifyAudit(Store& store, const std::optional<std::string>& checkpointText = std::nullopt);
// Verifies the chain and returns a signed checkpoint of its head (one line of JSON).
Result<std::string> makeCheckpoint(Store& store, std::int64_t now);

}  // namespace dantoc::server
