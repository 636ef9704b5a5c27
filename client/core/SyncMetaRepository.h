// SyncMetaRepository: small key/value state of the sync client (table sync_meta): device id, server epoch,
// per-stream pull cursors, server URL and fingerprint, account. Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace dantoc::client {

class SyncMetaRepository
{
public:
    static constexpr const char* kDeviceId = "device_id";
    static constexpr const char* kServerEpoch = "server_epoch";
    static constexpr const char* kNextDevSeq = "next_dev_seq";
    static constexpr const char* kServerUrl = "server_url";
    static constexpr const char* kServerFingerprint = "server_fingerprint";
    static constexpr const char* kAccount = "account";
    // The account's role and unit as the server's login answer gave them (review/ReviewIdentity): what the review
    // queue offers is decided offline from them; the server decides again on push.
    static constexpr const char* kAccountRole = "account_role";
    static constexpr const char* kAccountUnit = "account_unit";
    // Pulled comments name their author by display name (else user name): how this account's own comments are told
    // apart from the reviewers'.
    static constexpr const char* kAccountDisplayName = "account_display_name";
    // Sync client (client/core/sync): tokens live only here, inside the encrypted store.
    static constexpr const char* kAccessToken = "access_token";
    static constexpr const char* kRefreshToken = "refresh_token";
    static constexpr const char* kRegisteredDevice = "registered_device_id";  // the id /sync/devices accepted
    static constexpr const char* kDeviceName = "device_name";
    static constexpr const char* kLastSyncAt = "last_sync_at";          // unix ms of the last complete cycle
    static constexpr const char* kLastSyncError = "last_sync_error";    // "" after a complete cycle

    explicit SyncMetaRepository(Connection& connection) : m_connection(connection) {}

    Result<std::optional<std::string>> get(const std::string& key);
    Status set(const std::string& key, const std::string& value);
    Status remove(const std::string& key);

    // The pull cursor of one stream ("records", "catalogs"...); "" when none yet.
    Result<std::string> cursor(const std::string& stream);
    Status setCursor(const std::string& stream, const std::string& cursor);

    // The names this account's comments carry when pulled back: the user name and the display name (when known).
    Result<std::vector<std::string>> selfAuthorNames();

    // This device's id, created (a UUID) on first use and then stable.
    Result<std::string> deviceId();
    // A new device id (after the server reports a cloned/restored database: device_fork).
    Result<std::string> resetDeviceId();

private:
    Connection& m_connection;
};

}  // namespace dantoc::client
