#include "core/sync/Enrollment.h"

#include "core/SyncMetaRepository.h"
#include "core/Transaction.h"

#include "base/Json.h"

namespace dantoc::client::sync {

namespace {

constexpr std::size_t kMaxDeviceNameBytes = 100;

std::string deviceNameOr(const std::string& name)
{
    std::string out = name.empty() ? std::string("dantoc") : name;
    if (out.size() > kMaxDeviceNameBytes) {
        // Cut on a UTF-8 character boundary.
        std::size_t cut = kMaxDeviceNameBytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        out.resize(cut);
    }
    return out;
}

// The account's role and unit from a login answer's "account" object; absent members are left as they were.
Status storeAccountPlace(Connection& connection, const Json& account)
{
    SyncMetaRepository meta(connection);
    if (const std::string* role = jsonString(account, "role")) {
        if (Status status = meta.set(SyncMetaRepository::kAccountRole, *role); !status) {
            return status;
        }
    }
    if (const std::string* unit = jsonString(account, "unit_code")) {
        if (Status status = meta.set(SyncMetaRepository::kAccountUnit, *unit); !status) {
            return status;
        }
    }
    if (const std::string* name = jsonString(account, "display_name")) {
        return meta.set(SyncMetaRepository::kAccountDisplayName, *name);
    }
    return Status::ok();
}

}  // namespace

Result<bool> Enrollment::passwordLogin(HttpTransport& transport, const std::string& account,
                                       const std::string& password, const std::optional<std::string>& newPassword,
                                       Json* accountOut)
{
    auto answer = transport.login(account, password);
    if (!answer) {
        return answer.status();
    }
    if (accountOut != nullptr) {
        const Json* described = jsonMember(*answer, "account");
        *accountOut = described != nullptr && described->is_object() ? *described : Json::object();
    }
    const Json* mustChange = jsonMember(*answer, "must_change_password");
    if (mustChange == nullptr || !mustChange->is_boolean() || !mustChange->get<bool>()) {
        return false;
    }
    if (!newPassword || newPassword->empty()) {
        return Status(ErrorCode::FailedPrecondition,
                      "Máy chủ yêu cầu đổi mật khẩu mặc định / the server requires changing the default password: "
                      "give a new one (DANTOC_NEW_PASSWORD or --new-password-file)");
    }
    if (*newPassword == password) {
        return Status(ErrorCode::FailedPrecondition,
                      "Mật khẩu mới phải khác mật khẩu cũ / the new password must differ from the current one");
    }
    auto changed = transport.changePassword(password, *newPassword);
    if (!changed) {
        return changed.status();
    }
    return true;
}

Status Enrollment::storeTokens(Connection& connection, const HttpTransport& transport)
{
    SyncMetaRepository meta(connection);
    Transaction transaction(connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    Status status = meta.set(SyncMetaRepository::kAccessToken, transport.accessToken());
    if (status) status = meta.set(SyncMetaRepository::kRefreshToken, transport.refreshToken());
    if (status) status = transaction.commit();
    return status;
}

Result<DeviceRegistration> Enrollment::registerDevice(Connection& connection, HttpTransport& transport)
{
    SyncMetaRepository meta(connection);
    auto deviceId = meta.deviceId();
    if (!deviceId) {
        return deviceId.status();
    }
    auto name = meta.get(SyncMetaRepository::kDeviceName);
    if (!name) {
        return name.status();
    }
    const Json body{{"device_id", *deviceId}, {"name", deviceNameOr(name->value_or(std::string()))}};
    auto reply = transport.request("POST", QStringLiteral("/api/v1/sync/devices"),
                                   QByteArray::fromStdString(body.dump()), {{"Content-Type", "application/json"}});
    if (!reply) {
        if (transport.lastError().code == "device_taken") {
            return Status(ErrorCode::AlreadyExists,
                          "Thiết bị này đã gắn với tài khoản khác / this device is bound to another account");
        }
        return reply.status();
    }
    auto json = parseJson(std::string_view(reply->body.constData(), static_cast<std::size_t>(reply->body.size())));
    if (!json || !json->is_object()) {
        return Status(ErrorCode::ParseError, "unreadable /sync/devices answer");
    }
    DeviceRegistration out;
    out.created = reply->status == 201;
    const std::string* id = jsonString(*json, "device_id");
    const std::string* epoch = jsonString(*json, "server_epoch");
    const Json* next = jsonMember(*json, "next_expected_seq");
    if (id == nullptr || *id != *deviceId || epoch == nullptr || next == nullptr || !next->is_number_unsigned()) {
        return Status(ErrorCode::ParseError, "/sync/devices answer does not name this device: " + json->dump());
    }
    out.deviceId = *id;
    out.serverEpoch = *epoch;
    out.nextExpectedSeq = next->get<std::uint64_t>();
    if (Status status = meta.set(SyncMetaRepository::kRegisteredDevice, *deviceId); !status) {
        return status;
    }
    return out;
}

Result<EnrollResult> Enrollment::enroll(Connection& connection, const EnrollRequest& request)
{
    if (request.server.scheme() != QLatin1String("https") || request.server.host().isEmpty()) {
        return Status(ErrorCode::InvalidArgument, "the server address must be https://host:port");
    }
    const std::string pin = HttpTransport::normalizeFingerprint(request.fingerprint);
    if (pin.empty()) {
        return Status(ErrorCode::InvalidArgument, "the fingerprint must be 64 hex digits (SHA-256)");
    }
    if (request.account.empty() || request.password.empty()) {
        return Status(ErrorCode::InvalidArgument, "an account and its password are needed");
    }
    SyncMetaRepository meta(connection);
    if (auto bound = meta.get(SyncMetaRepository::kAccount); !bound) {
        return bound.status();
    } else if (*bound && !(*bound)->empty() && **bound != request.account) {
        return Status(ErrorCode::FailedPrecondition,
                      "Kho dữ liệu này đã đăng ký cho tài khoản " + **bound + " / this store is enrolled for account " +
                          **bound);
    }
    HttpTransport transport(request.server, pin);
    Json account;
    auto changed = passwordLogin(transport, request.account, request.password, request.newPassword, &account);
    if (!changed) {
        return changed.status();
    }
    {
        Transaction transaction(connection);
        if (!transaction.status()) {
            return transaction.status();
        }
        Status status = meta.set(SyncMetaRepository::kServerUrl, request.server.toString().toStdString());
        if (status) status = meta.set(SyncMetaRepository::kServerFingerprint, pin);
        if (status) status = meta.set(SyncMetaRepository::kAccount, request.account);
        if (status) status = meta.set(SyncMetaRepository::kDeviceName, deviceNameOr(request.deviceName));
        if (status) status = storeAccountPlace(connection, account);
        if (status) status = meta.set(SyncMetaRepository::kAccessToken, transport.accessToken());
        if (status) status = meta.set(SyncMetaRepository::kRefreshToken, transport.refreshToken());
        if (status) status = transaction.commit();
        if (!status) {
            return status;
        }
    }
    auto device = registerDevice(connection, transport);
    if (!device) {
        return device.status();
    }
    if (Status status = storeTokens(connection, transport); !status) {
        return status;
    }
    // Offline work right after enrollment must use the province's forms and periods, not the shipped ones.
    auto reference = ReferenceSync(connection, transport).run();
    if (!reference) {
        return Status(reference.status().code(),
                      "enrolled, but " + reference.status().message() + " (the next `dantoc sync` brings it)");
    }
    EnrollResult result;
    result.reference = *reference;
    result.fingerprint = pin;
    result.passwordChanged = *changed;
    result.device = std::move(*device);
    return result;
}

Result<std::unique_ptr<HttpTransport>> Enrollment::transportFor(Connection& connection)
{
    SyncMetaRepository meta(connection);
    auto url = meta.get(SyncMetaRepository::kServerUrl);
    auto pin = meta.get(SyncMetaRepository::kServerFingerprint);
    auto access = meta.get(SyncMetaRepository::kAccessToken);
    auto refresh = meta.get(SyncMetaRepository::kRefreshToken);
    for (const auto* value : {&url, &pin, &access, &refresh}) {
        if (!*value) {
            return value->status();
        }
    }
    if (!*url || !*pin) {
        return Status(ErrorCode::FailedPrecondition,
                      "Kho chưa đăng ký với máy chủ / this store is not enrolled: run `dantoc enroll` first");
    }
    auto transport = std::make_unique<HttpTransport>(QUrl(QString::fromStdString(**url)), **pin);
    transport->setTokens(access->value_or(std::string()), refresh->value_or(std::string()));
    transport->setTokensChangedHandler([&connection](const std::string& accessToken, const std::string& refreshToken) {
        // Best effort: a failure here only costs one more refresh next time.
        SyncMetaRepository tokens(connection);
        (void)tokens.set(SyncMetaRepository::kAccessToken, accessToken);
        (void)tokens.set(SyncMetaRepository::kRefreshToken, refreshToken);
    });
    return transport;
}

Status Enrollment::login(Connection& connection, HttpTransport& transport, const std::optional<std::string>& password,
                         const std::optional<std::string>& newPassword)
{
    if (password) {
        auto account = SyncMetaRepository(connection).get(SyncMetaRepository::kAccount);
        if (!account) {
            return account.status();
        }
        if (!*account) {
            return Status(ErrorCode::FailedPrecondition, "this store is not enrolled: run `dantoc enroll` first");
        }
        Json described;
        auto changed = passwordLogin(transport, **account, *password, newPassword, &described);
        if (!changed) {
            return changed.status();
        }
        // An administrator may have changed the role or unit since enrollment.
        if (Status status = storeAccountPlace(connection, described); !status) {
            return status;
        }
    } else if (transport.refreshToken().empty()) {
        return Status(ErrorCode::Unauthenticated, "no stored session: log in with a password");
    } else if (Status status = transport.refresh(); !status) {
        return status;
    }
    if (Status status = storeTokens(connection, transport); !status) {
        return status;
    }
    auto device = registerDevice(connection, transport);
    return device ? Status::ok() : device.status();
}

}  // namespace dantoc::client::sync
