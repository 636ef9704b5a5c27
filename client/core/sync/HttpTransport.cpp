#include "core/sync/HttpTransport.h"

#include "sync/SyncTuning.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslSocket>

#include <cctype>

namespace dantoc::client::sync {

namespace {

namespace tuning = dantoc::sync::tuning;
using dantoc::sync::ContentEncoding;

constexpr dantoc::sync::RouteLimits kAuthResponseLimits{64 * 1024, 64 * 1024};

std::string hexOf(const QByteArray& digest, bool colons)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (int i = 0; i < digest.size(); ++i) {
        if (colons && i) {
            out += ':';
        }
        const auto byte = static_cast<unsigned char>(digest[i]);
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
    return out;
}

std::string fingerprintOf(const QSslCertificate& certificate)
{
    if (certificate.isNull()) {
        return {};
    }
    return hexOf(certificate.digest(QCryptographicHash::Sha256), false);
}

ErrorCode codeForStatus(int status)
{
    switch (status) {
    case 400: return ErrorCode::InvalidArgument;
    case 401: return ErrorCode::Unauthenticated;
    case 403: return ErrorCode::PermissionDenied;
    case 404: return ErrorCode::NotFound;
    case 409: return ErrorCode::Conflict;
    case 413: return ErrorCode::ResourceExhausted;
    case 415:
    case 426: return ErrorCode::FailedPrecondition;
    default: return status >= 500 || status == 429 ? ErrorCode::Unavailable : ErrorCode::Internal;
    }
}

}  // namespace

HttpTransport::HttpTransport(QUrl baseUrl, std::string pinnedFingerprint)
    : m_baseUrl(std::move(baseUrl)), m_pin(normalizeFingerprint(pinnedFingerprint)),
      m_manager(std::make_unique<QNetworkAccessManager>())
{
}

HttpTransport::~HttpTransport() = default;

std::string HttpTransport::normalizeFingerprint(std::string_view fingerprint)
{
    std::string out;
    for (char c : fingerprint) {
        if (c == ':' || c == ' ') {
            continue;
        }
        if (!std::isxdigit(static_cast<unsigned char>(c))) {
            return {};
        }
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out.size() == 64 ? out : std::string();
}

Result<std::string> HttpTransport::fetchFingerprint(const QUrl& baseUrl)
{
    if (baseUrl.scheme() != QLatin1String("https") || baseUrl.host().isEmpty()) {
        return Status(ErrorCode::InvalidArgument, "the server address must be https://host:port");
    }
    QSslSocket socket;
    // QueryPeer: ask for the certificate without verifying it; nothing is sent before the caller compares it.
    socket.setPeerVerifyMode(QSslSocket::QueryPeer);
    socket.connectToHostEncrypted(baseUrl.host(), static_cast<quint16>(baseUrl.port(443)));
    if (!socket.waitForEncrypted(static_cast<int>(tuning::kNoProgressTimeoutMillis))) {
        return Status(ErrorCode::Unavailable,
                      "cannot reach " + baseUrl.toString().toStdString() + ": " + socket.errorString().toStdString());
    }
    const QSslCertificate certificate = socket.peerCertificate();
    socket.abort();
    if (certificate.isNull()) {
        return Status(ErrorCode::Unavailable, "the server presented no certificate");
    }
    return hexOf(certificate.digest(QCryptographicHash::Sha256), true);
}

void HttpTransport::setTokens(std::string accessToken, std::string refreshToken)
{
    m_accessToken = std::move(accessToken);
    m_refreshToken = std::move(refreshToken);
}

void HttpTransport::setTokensChangedHandler(std::function<void(const std::string&, const std::string&)> handler)
{
    m_tokensChanged = std::move(handler);
}

void HttpTransport::setProgressHandler(std::function<void(qint64, qint64)> handler)
{
    m_progress = std::move(handler);
}

Result<HttpReply> HttpTransport::requestOnce(const QByteArray& method, const QString& path, const QByteArray& body,
                                             const std::map<QByteArray, QByteArray>& headers, bool authorize)
{
    m_lastError = ServerError{};
    if (m_stop != nullptr && m_stop->load()) {
        m_lastError.code = "cancelled";
        return Status(ErrorCode::Unavailable, "stopped before the request was sent");
    }
    if (m_pin.empty()) {
        m_lastError.code = "pin_mismatch";
        return Status(ErrorCode::FailedPrecondition, "no valid server certificate fingerprint is pinned");
    }
    QUrl url = m_baseUrl;
    // "path?query": setPath alone would percent-encode the '?' into the path.
    if (const qsizetype mark = path.indexOf(QLatin1Char('?')); mark >= 0) {
        url.setPath(path.left(mark));
        url.setQuery(path.mid(mark + 1));
    } else {
        url.setPath(path);
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(static_cast<int>(tuning::kNoProgressTimeoutMillis));  // no bytes moved: abort
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(ssl);
    for (const auto& [name, value] : headers) {
        request.setRawHeader(name, value);
    }
    if (authorize && !m_accessToken.empty()) {
        request.setRawHeader("Authorization", QByteArray("Bearer ") + QByteArray::fromStdString(m_accessToken));
    }

    // HEAD through head(): a custom "HEAD" verb would make Qt wait for the body its Content-Length announces.
    QNetworkReply* reply =
        method == "HEAD" ? m_manager->head(request) : m_manager->sendCustomRequest(request, method, body);
    bool pinRejected = false;
    const std::string pin = m_pin;
    // Self-signed (or otherwise unverifiable) certificates raise sslErrors: accept exactly the pinned one.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin, &pinRejected](const QList<QSslError>& errors) {
        QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (peer.isNull() && !errors.isEmpty()) {
            peer = errors.first().certificate();
        }
        if (fingerprintOf(peer) == pin) {
            reply->ignoreSslErrors(errors);
        } else {
            pinRejected = true;
        }
    });
    // A certificate that verifies against a CA is still refused unless it is the pinned one.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [reply, pin, &pinRejected]() {
        if (fingerprintOf(reply->sslConfiguration().peerCertificate()) != pin) {
            pinRejected = true;
            reply->abort();
        }
    });
    if (m_progress) {
        auto sent = std::make_shared<qint64>(0);
        auto received = std::make_shared<qint64>(0);
        QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [this, sent, received](qint64 done, qint64) {
            *sent = done;
            m_progress(*sent, *received);
        });
        QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [this, sent, received](qint64 done, qint64) {
            *received = done;
            m_progress(*sent, *received);
        });
    }
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply*)> owner(reply, [](QNetworkReply* r) { r->deleteLater(); });

    const std::string peer = fingerprintOf(reply->sslConfiguration().peerCertificate());
    if (pinRejected || (!peer.empty() && peer != m_pin)) {
        m_lastError.code = "pin_mismatch";
        return Status(ErrorCode::PermissionDenied,
                      "the server's certificate does not match the pinned fingerprint (refused)");
    }
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttr.isValid()) {
        m_lastError.code = reply->error() == QNetworkReply::OperationCanceledError ? "timeout" : "network";
        return Status(ErrorCode::Unavailable, "no answer from the server: " + reply->errorString().toStdString());
    }
    HttpReply out;
    out.status = statusAttr.toInt();
    out.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs()) {
        out.headers[pair.first.toLower().toStdString()] = pair.second.toStdString();
    }
    m_bytesSent += body.size();
    m_bytesReceived += out.body.size();
    return out;
}

Status HttpTransport::failure(const HttpReply& reply)
{
    m_lastError.status = reply.status;
    if (auto it = reply.headers.find("retry-after"); it != reply.headers.end()) {
        try {
            m_lastError.retryAfterSeconds = std::stoi(it->second);
        } catch (const std::exception&) {
            m_lastError.retryAfterSeconds = 0;
        }
    }
    auto encoding = dantoc::sync::parseContentEncoding(
        reply.headers.count("content-encoding") ? reply.headers.at("content-encoding") : std::string());
    if (encoding) {
        auto json = dantoc::sync::decodeMessage(std::string_view(reply.body.constData(), reply.body.size()), *encoding,
                                                kAuthResponseLimits);
        if (json) {
            if (auto error = dantoc::sync::parseErrorResponse(*json)) {
                m_lastError.code = error->code;
                m_lastError.message = error->message;
            } else if (json->is_object() && json->contains("error") && (*json)["error"].is_object()) {
                // The auth/admin API answers {"error": {"code", "message": "text"}}: take what is there.
                const Json& body = (*json)["error"];
                if (body.contains("code") && body["code"].is_string()) {
                    m_lastError.code = body["code"].get<std::string>();
                }
                if (body.contains("message") && body["message"].is_string()) {
                    m_lastError.message.en = body["message"].get<std::string>();
                    m_lastError.message.vi = m_lastError.message.en;
                }
            }
        }
    }
    if (m_lastError.code.empty()) {
        m_lastError.code = "http_" + std::to_string(reply.status);
    }
    std::string text = "HTTP " + std::to_string(reply.status) + " " + m_lastError.code;
    if (!m_lastError.message.vi.empty() || !m_lastError.message.en.empty()) {
        text += ": " + m_lastError.message.vi + " / " + m_lastError.message.en;
    }
    return Status(codeForStatus(reply.status), text);
}

Result<HttpReply> HttpTransport::request(const QByteArray& method, const QString& path, const QByteArray& body,
                                         const std::map<QByteArray, QByteArray>& headers, bool authorize)
{
    auto reply = requestOnce(method, path, body, headers, authorize);
    if (!reply) {
        return reply.status();
    }
    if (reply->status == 401 && authorize && !m_refreshToken.empty()) {
        // The access token expired (or was revoked): refresh once and resend the same request. Cursors and the
        // outbox are untouched by this (sync-protocol §1).
        if (Status refreshed = refresh(); refreshed) {
            reply = requestOnce(method, path, body, headers, authorize);
            if (!reply) {
                return reply.status();
            }
        } else {
            return refreshed;
        }
    }
    // 304 answers only a conditional request (If-None-Match): the caller's copy is current, which is no failure.
    if ((reply->status < 200 || reply->status > 299) && reply->status != 304) {
        return failure(*reply);
    }
    return reply;
}

Result<Json> HttpTransport::postJson(const QString& path, const Json& message,
                                     const dantoc::sync::RouteLimits& responseLimits, bool compress, bool authorize)
{
    const ContentEncoding encoding = compress ? ContentEncoding::Zstd : ContentEncoding::Identity;
    auto encoded = dantoc::sync::encodeMessage(message, encoding);
    if (!encoded) {
        return encoded.status();
    }
    std::map<QByteArray, QByteArray> headers{{"Content-Type", "application/json"}, {"Accept-Encoding", "zstd"}};
    if (compress) {
        headers.emplace("Content-Encoding", "zstd");
    }
    auto reply = request("POST", path, QByteArray::fromStdString(*encoded), headers, authorize);
    if (!reply) {
        return reply.status();
    }
    const auto header = reply->headers.find("content-encoding");
    auto responseEncoding =
        dantoc::sync::parseContentEncoding(header == reply->headers.end() ? std::string() : header->second);
    if (!responseEncoding) {
        return responseEncoding.status();
    }
    return dantoc::sync::decodeMessage(std::string_view(reply->body.constData(), reply->body.size()),
                                       *responseEncoding, responseLimits);
}

Result<Json> HttpTransport::storeTokens(const HttpReply& reply)
{
    auto json = dantoc::sync::decodeMessage(std::string_view(reply.body.constData(), reply.body.size()),
                                            ContentEncoding::Identity, kAuthResponseLimits);
    if (!json) {
        return json.status();
    }
    if (!json->is_object() || !(*json)["access_token"].is_string() || !(*json)["refresh_token"].is_string()) {
        return Status(ErrorCode::ParseError, "the server's token answer has no access_token/refresh_token");
    }
    setTokens((*json)["access_token"].get<std::string>(), (*json)["refresh_token"].get<std::string>());
    if (m_tokensChanged) {
        m_tokensChanged(m_accessToken, m_refreshToken);
    }
    return json;
}

Result<Json> HttpTransport::login(const std::string& username, const std::string& password)
{
    const Json body{{"username", username}, {"password", password}};
    auto reply = request("POST", QStringLiteral("/api/v1/auth/login"), QByteArray::fromStdString(body.dump()),
                         {{"Content-Type", "application/json"}}, false);
    if (!reply) {
        return reply.status();
    }
    return storeTokens(*reply);
}

Result<Json> HttpTransport::changePassword(const std::string& currentPassword, const std::string& newPassword)
{
    const Json body{{"current_password", currentPassword}, {"new_password", newPassword}};
    auto reply = request("POST", QStringLiteral("/api/v1/auth/password"), QByteArray::fromStdString(body.dump()),
                         {{"Content-Type", "application/json"}}, true);
    if (!reply) {
        return reply.status();
    }
    return storeTokens(*reply);
}

Status HttpTransport::refresh()
{
    const Json body{{"refresh_token", m_refreshToken}};
    auto reply = requestOnce("POST", QStringLiteral("/api/v1/auth/refresh"), QByteArray::fromStdString(body.dump()),
                             {{"Content-Type", "application/json"}}, false);
    if (!reply) {
        return reply.status();
    }
    if (reply->status != 200) {
        return failure(*reply);
    }
    auto json = storeTokens(*reply);
    return json ? Status::ok() : json.status();
}

}  // namespace dantoc::client::sync
