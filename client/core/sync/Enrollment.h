// Enrollment: binds this store to a provincial server and an account (issue 3 "Enrollment"; seed 004 art. 6.2b):
// the server certificate's fingerprint pinned, login with the forced change of a default password, tokens kept
// only in the encrypted store (sync_meta), the device id registered through POST /api/v1/sync/devices. Also
// re-login and the transport built from what enrollment stored. Not thread-safe (the Connection's thread; a
// QCoreApplication must exist for the network calls).
#pragma once

#include "core/Connection.h"
#include "core/sync/HttpTransport.h"
#include "core/sync/ReferenceSync.h"

#include "base/Json.h"
#include "base/Result.h"

#include <QUrl>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace dantoc::client::sync {

struct EnrollRequest
{
    QUrl server;              // https://host:port
    std::string fingerprint;  // SHA-256 of the server certificate the user confirmed (hex, colons optional)
    std::string account;
    std::string password;
    std::optional<std::string> newPassword;  // required when the server demands a password change
    std::string deviceName;                  // 1..100 characters; "" -> "dantoc"
};

struct DeviceRegistration
{
    std::string deviceId;
    bool created = false;  // 201 (new) rather than 200 (already bound to this account)
    std::uint64_t nextExpectedSeq = 1;
    std::string serverEpoch;
};

struct EnrollResult
{
    std::string fingerprint;  // normalized, as pinned
    bool passwordChanged = false;
    DeviceRegistration device;
    ReferenceStats reference;  // what the server's forms, catalogs, units and periods changed in the store
};

class Enrollment
{
public:
    // Logs in (changing the password when the server demands it), stores server URL, fingerprint, account and
    // tokens, registers the store's device id, then brings the server's reference data (ReferenceSync). Errors:
    // Unauthenticated (password), FailedPrecondition (a new password is needed, or it equals the old one),
    // AlreadyExists (device_taken: bound to another account), PermissionDenied (pin mismatch), Unavailable
    // (network, or reference data that could not be brought: the store is enrolled then, and the next sync or
    // enroll brings it). Nothing is stored unless login succeeded.
    static Result<EnrollResult> enroll(Connection& connection, const EnrollRequest& request);

    // A transport for the enrolled server with the stored tokens; refreshed tokens are written back to the store.
    // FailedPrecondition when the store is not enrolled.
    static Result<std::unique_ptr<HttpTransport>> transportFor(Connection& connection);

    // Logs in again: with `password` when given (and `newPassword` if the server demands a change), else by the
    // stored refresh token. Stores the new tokens and re-registers the device (idempotent).
    static Status login(Connection& connection, HttpTransport& transport, const std::optional<std::string>& password,
                        const std::optional<std::string>& newPassword);

    // POST /api/v1/sync/devices for the store's current device id; records it as registered.
    static Result<DeviceRegistration> registerDevice(Connection& connection, HttpTransport& transport);

private:
    // `account` (optional) receives the login answer's "account" object (role, unit_code).
    static Result<bool> passwordLogin(HttpTransport& transport, const std::string& account,
                                      const std::string& password, const std::optional<std::string>& newPassword,
                                      Json* accountOut = nullptr);
    static Status storeTokens(Connection& connection, const HttpTransport& transport);
};

}  // namespace dantoc::client::sync
