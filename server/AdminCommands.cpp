#include "AdminCommands.h"

#include "admin/AdminTree.h"
#include "admin/UnitImport.h"
#include "audit/AuditChain.h"
#include "audit/AuditCheckpoint.h"
#include "auth/LoginThrottle.h"
#include "base/Clock.h"
#include "base/Uuid.h"

#include <chrono>
#include <cstdio>

namespace dantoc::server {

namespace {

const std::vector<Unit>& demoUnits()
{
    // Post-reform (1 July 2025) Lào Cai: province 15, communes directly under it (no district level).
    static const std::vector<Unit> units = {
        {"02647", "Phường Lào Cai", "commune", "15", "phường"},
        {"02671", "Phường Cam Đường", "commune", "15", "phường"},
        {"02680", "Xã Hợp Thành", "commune", "15", "xã"},
        {"02683", "Xã Bát Xát", "commune", "15", "xã"},
        {"02686", "Xã A Mú Sung", "commune", "15", "xã"},
    };
    return units;
}

// A district of the demo tree before the 1 July 2025 reform (resources/demo/province): when it is valid on the
// server's date, the demo accounts are those of the province as it was then.
constexpr const char* kDemoOldDistrict = "082";

// Four old communes of Huyện Bát Xát (082) before the reform, for the pre-reform demo's officers.
const std::vector<Unit>& demoUnitsBeforeReform()
{
    static const std::vector<Unit> units = {
        {"02683", "Thị trấn Bát Xát", "commune", "082", "thị trấn"},
        {"02710", "Xã Bản Vược", "commune", "082", "xã"},
        {"02716", "Xã Bản Qua", "commune", "082", "xã"},
        {"02734", "Xã Quang Kim", "commune", "082", "xã"},
    };
    return units;
}

Result<Account> accountNamed(Store& store, const std::string& username)
{
    auto found = store.accountByUsername(username);
    if (!found) {
        return found.status();
    }
    if (!found->has_value()) {
        return Status(ErrorCode::NotFound, "no account named \"" + username + "\"");
    }
    return **found;
}

// "YYYY-MM-DD" (UTC) of a unix-ms instant.
std::string dateOf(std::int64_t millis)
{
    const auto days = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(millis)));
    const std::chrono::year_month_day ymd{days};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

// An account belongs to a unit that exists on the day it is made. Codes are reused across reforms (15 is old Yên
// Bái until 2025-06-30, new Lào Cai from 2025-07-01), so the version valid that day is the one asked about, not
// the code's newest: before the merger "15" is Yên Bái and accepted, after it an old commune merged away is
// refused.
Status checkUnitCurrent(Store& store, const std::string& unitCode, std::int64_t now)
{
    auto versions = store.listUnitVersions();  // ordered by code, valid_from
    if (!versions) {
        return versions.status();
    }
    const std::string today = dateOf(now);
    const Unit* latest = nullptr;
    const Unit* next = nullptr;  // the first version beginning after today
    for (const Unit& unit : *versions) {
        if (unit.code != unitCode) {
            continue;
        }
        if (unit.validFrom <= today && (unit.validTo.empty() || today <= unit.validTo)) {
            return Status::ok();
        }
        if (unit.validFrom > today && next == nullptr) {
            next = &unit;
        }
        latest = &unit;
    }
    if (latest == nullptr) {
        return Status(ErrorCode::InvalidArgument, "không có đơn vị \"" + unitCode + "\" / unknown unit \"" +
                                                      unitCode + "\"");
    }
    if (next != nullptr) {
        return Status(ErrorCode::InvalidArgument, "đơn vị \"" + unitCode + "\" chỉ có từ ngày " + next->validFrom +
                                                      " / unit \"" + unitCode + "\" is valid only from " +
                                                      next->validFrom);
    }
    return Status(ErrorCode::InvalidArgument, "đơn vị \"" + unitCode + "\" không còn tồn tại / unit \"" + unitCode +
                                                  "\" no longer exists (valid until " + latest->validTo + ")");
}

}  // namespace

Result<std::size_t> seedUnits(Store& store, bool demo, const std::filesystem::path& resourcesDir,
                              const std::string& /*date: every version is stored now*/)
{
    const auto demoDir = resourcesDir / "demo" / "province";
    if (demo && !resourcesDir.empty() && std::filesystem::exists(demoDir / "units.csv")) {
        // The whole demo tree, every date, with lineage: the same validated, audited path as `unit import`.
        const auto lineage = std::filesystem::exists(demoDir / "lineage.csv") ? demoDir / "lineage.csv"
                                                                                : std::filesystem::path();
        auto counts = importUnitFiles(store, demoDir / "units.csv", lineage, "cli",
                                      SystemClock::instance().nowUnixMillis());
        if (!counts) {
            return counts.status();
        }
        return counts->versionsAdded + counts->versionsChanged + counts->versionsUnchanged;
    }
    // The province as it is since the 1 July 2025 reform (importing the demo tree later replaces this version).
    std::vector<Unit> units = {{"15", "Tỉnh Lào Cai", "province", "", "tỉnh", demo ? "" : "2025-07-01", ""}};
    if (demo) {
        // Test fallback without resources: undated (kUnitDefaultValidFrom), so any clock date sees them.
        units.insert(units.end(), demoUnits().begin(), demoUnits().end());
    }
    if (Status s = store.upsertUnits(units); !s) {
        return s;
    }
    return units.size();
}

Result<CreatedAccount> addAccount(Store& store, const PasswordHasher& hasher, const std::string& username,
                                  const std::string& role, const std::string& unitCode,
                                  const std::string& displayName, std::int64_t now)
{
    auto parsedRole = roleFromName(role);
    if (!parsedRole) {
        return Status(ErrorCode::InvalidArgument, "unknown role \"" + role + "\"");
    }
    if (Status s = checkUnitCurrent(store, unitCode, now); !s) {
        return s;
    }
    CreatedAccount created{username, role, unitCode, PasswordHasher::generatePassword()};
    auto hashed = hasher.hash(created.password);
    if (!hashed) {
        return hashed.status();
    }
    Account account;
    account.id = newUuid();
    account.username = username;
    account.displayName = displayName.empty() ? username : displayName;
    account.role = *parsedRole;
    account.unitCode = unitCode;
    account.passwordHash = *hashed;
    account.mustChangePassword = true;
    account.createdAt = now;
    account.updatedAt = now;
    const nlohmann::json detail = {{"username", username}, {"role", role}, {"unit_code", unitCode}};
    if (Status s = store.insertAccount(account, {now, "cli", "account.create", account.id, detail.dump()}); !s) {
        return s;
    }
    return created;
}

Result<std::vector<CreatedAccount>> seedAccounts(Store& store, const PasswordHasher& hasher, bool demo,
                                                 std::int64_t now)
{
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> wanted;
    if (demo && checkUnitCurrent(store, kDemoOldDistrict, now).isOk()) {
        // The province as it was before the 1 July 2025 reform (init --as-of): old Lào Cai (10) with its districts,
        // so the chain is commune -> district -> province. One reviewer per review level: the district's and the
        // province's; officers of four communes of Huyện Bát Xát (all merged into today's Xã Bát Xát).
        wanted = {{"admin", "provincial_admin", "10", "Quản trị Ban Dân tộc tỉnh Lào Cai"},
                  {"viewer", "provincial_viewer", "10", "Lãnh đạo Ban Dân tộc tỉnh Lào Cai"},
                  {"duyet10", "provincial_reviewer", "10", "Cán bộ duyệt Ban Dân tộc tỉnh Lào Cai"},
                  {"huyen082", "district_reviewer", kDemoOldDistrict, "Cán bộ duyệt Phòng Dân tộc huyện Bát Xát"}};
        for (const Unit& unit : demoUnitsBeforeReform()) {
            wanted.emplace_back("xa" + unit.code, "commune_officer", unit.code, "Cán bộ " + unit.name);
        }
    } else {
        wanted = {{"admin", "provincial_admin", "15", "Quản trị Ban Dân tộc tỉnh"}};
        if (demo) {
            wanted.emplace_back("viewer", "provincial_viewer", "15", "Lãnh đạo Ban Dân tộc tỉnh");
            // One reviewer per review level of the demo chain: after the reform it is commune -> province, so the
            // province is the only review level (issue 15: a reviewer who is not the administrator).
            wanted.emplace_back("duyet15", "provincial_reviewer", "15", "Cán bộ duyệt Ban Dân tộc tỉnh");
            for (const Unit& unit : demoUnits()) {
                wanted.emplace_back("xa" + unit.code, "commune_officer", unit.code, "Cán bộ " + unit.name);
            }
        }
    }
    std::vector<CreatedAccount> out;
    for (const auto& [username, role, unit, name] : wanted) {
        auto created = addAccount(store, hasher, username, role, unit, name, now);
        if (!created) {
            return created.status();
        }
        out.push_back(std::move(created.value()));
    }
    return out;
}

Status editAccount(Store& store, const std::string& username, const std::string& role, const std::string& unitCode,
                   const std::string& displayName, std::int64_t now)
{
    auto account = accountNamed(store, username);
    if (!account) {
        return account.status();
    }
    nlohmann::json changes = nlohmann::json::object();
    if (!role.empty()) {
        auto parsedRole = roleFromName(role);
        if (!parsedRole) {
            return Status(ErrorCode::InvalidArgument, "unknown role \"" + role + "\"");
        }
        changes["role"] = {roleName(account->role), role};
        account->role = *parsedRole;
    }
    if (!unitCode.empty()) {
        if (Status s = checkUnitCurrent(store, unitCode, now); !s) {
            return s;
        }
        changes["unit_code"] = {account->unitCode, unitCode};
        account->unitCode = unitCode;
    }
    if (!displayName.empty()) {
        changes["display_name"] = {account->displayName, displayName};
        account->displayName = displayName;
    }
    account->updatedAt = now;
    if (Status s = store.updateAccount(*account, {now, "cli", "account.update", account->id, changes.dump()}); !s) {
        return s;
    }
    return store.revokeAccountTokens(account->id);
}

Status closeAccount(Store& store, const std::string& username, std::int64_t now)
{
    auto account = accountNamed(store, username);
    if (!account) {
        return account.status();
    }
    account->closed = true;
    account->updatedAt = now;
    if (Status s = store.updateAccount(*account, {now, "cli", "account.close", account->id, "{}"}); !s) {
        return s;
    }
    return store.revokeAccountTokens(account->id);
}

Result<std::string> resetAccountPassword(Store& store, const PasswordHasher& hasher, const std::string& username,
                                         std::int64_t now)
{
    auto account = accountNamed(store, username);
    if (!account) {
        return account.status();
    }
    std::string password = PasswordHasher::generatePassword();
    auto hashed = hasher.hash(password);
    if (!hashed) {
        return hashed.status();
    }
    account->passwordHash = *hashed;
    account->mustChangePassword = true;
    account->updatedAt = now;
    if (Status s = store.updateAccount(*account, {now, "cli", "account.reset_password", account->id, "{}"}); !s) {
        return s;
    }
    (void)store.revokeAccountTokens(account->id);
    (void)store.clearLoginFailures(LoginThrottle::accountKey(account->username));
    return password;
}

Result<std::size_t> verifyAudit(Store& store, const std::optional<std::string>& checkpointText)
{
    auto entries = store.allAudit();
    if (!entries) {
        return entries.status();
    }
    if (Status s = verifyAuditChain(*entries, store.auditKey()); !s) {
        return s;
    }
    if (checkpointText) {
        if (auto checked = verifyAuditCheckpoint(*checkpointText, *entries, store.auditKey()); !checked) {
            return checked.status();
        }
    }
    return entries->size();
}

Result<std::string> makeCheckpoint(Store& store, std::int64_t now)
{
    auto entries = store.allAudit();
    if (!entries) {
        return entries.status();
    }
    if (Status s = verifyAuditChain(*entries, store.auditKey()); !s) {
        return s;  // never sign a broken chain
    }
    return makeAuditCheckpoint(*entries, store.auditKey(), now);
}

}  // namespace dantoc::server
