// HttpTransport: the client's HTTPS link to the provincial server on QtNetwork (sync-protocol §1): the server's
// certificate pinned by SHA-256 fingerprint, JSON bodies through WireCodec (zstd), bearer token with one refresh and
// retry on 401, no-progress timeout, ErrorResponse decoding. Blocking calls (a local QEventLoop), usable from the CLI,
// tests and the GUI thread. Not thread-safe: use it from the thread that created it (QCoreApplication must exist).
#pragma once

#include "base/Json.h"
#include "base/Result.h"
#include "sync/PushMessages.h"
#include "sync/WireCodec.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QUrl>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace dantoc::client::sync {

struct HttpReply {
    int status = 0;  // HTTP status; never 0 in a successful Result
    QByteArray body;
    std::map<std::string, std::string> headers;  // lower-case names
};

// The server's answer to a failed request, when there was one (else status 0 and a transport error).
struct ServerError {
    int status = 0;            // 0: no HTTP answer (network, TLS, timeout, pin mismatch)
    std::string code;          // ErrorResponse.code ("unauthenticated", "busy" ...), or "pin_mismatch", "network"
    dantoc::sync::LocalizedText message;
    int retryAfterSeconds = 0;  // from Retry-After on 429/503
};

class HttpTransport
{
public:
    // baseUrl: "https://host:port"; pinnedFingerprint: SHA-256 of the server certificate (DER), hex with or without
    // colons, any case (as `dantoc-server init` prints it).
    HttpTransport(QUrl baseUrl, std::string pinnedFingerprint);
    ~HttpTransport();
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;

    // Connects without trusting anything and returns the fingerprint of the certificate the server presents
    // ("AB:CD:..."), for the user to compare with the one `dantoc-server init` printed. Sends no data.
    static Result<std::string> fetchFingerprint(const QUrl& baseUrl);
    // Upper-case hex without separators; "" when the text is not 64 hex digits.
    static std::string normalizeFingerprint(std::string_view fingerprint);

    void setTokens(std::string accessToken, std::string refreshToken);
    const std::string& accessToken() const { return m_accessToken; }
    const std::string& refreshToken() const { return m_refreshToken; }
    // Called after a successful refresh (so the caller can persist the new tokens in the encrypted store).
    void setTokensChangedHandler(std::function<void(const std::string& access, const std::string& refresh)> handler);
    // Read before each request (from the transport's thread; set from any): once true, requests fail at once with
    // Unavailable and lastError().code "cancelled", touching no socket; a request in flight still finishes. The
    // flag must outlive the transport. How a sync thread is told to stop after the current request.
    void setStopFlag(const std::atomic<bool>* stop) { m_stop = stop; }
    // Bytes moved so far in the current request (sent, received); for progress display.
    void setProgressHandler(std::function<void(qint64 sent, qint64 received)> handler);

    // One request; `path` may carry a query ("/api/v1/forms?versions=all"). `authorize` adds the bearer token, and
    // a 401 refreshes it and retries once. A non-2xx answer other than 304 (to a conditional request) is an error
    // Status (see lastError()); Unavailable for transient failures (network, 429, 5xx).
    Result<HttpReply> request(const QByteArray& method, const QString& path, const QByteArray& body = {},
                              const std::map<QByteArray, QByteArray>& headers = {}, bool authorize = true);
    // POST a JSON message (zstd-compressed when `compress`), decode the JSON answer with `responseLimits`.
    Result<Json> postJson(const QString& path, const Json& message, const dantoc::sync::RouteLimits& responseLimits,
                          bool compress = true, bool authorize = true);

    // Auth API: login / password change / refresh store the new tokens here and return the whole token answer
    // (must_change_password, account ...).
    Result<Json> login(const std::string& username, const std::string& password);
    Result<Json> changePassword(const std::string& currentPassword, const std::string& newPassword);
    Status refresh();

    // The last failure's details (valid after an error Result).
    const ServerError& lastError() const { return m_lastError; }
    // Bytes on the wire (bodies) since construction: for benchmarks and progress.
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }

private:
    Result<HttpReply> requestOnce(const QByteArray& method, const QString& path, const QByteArray& body,
                                  const std::map<QByteArray, QByteArray>& headers, bool authorize);
    Status failure(const HttpReply& reply);
    Result<Json> storeTokens(const HttpReply& reply);

    QUrl m_baseUrl;
    std::string m_pin;  // normalized
    std::unique_ptr<QNetworkAccessManager> m_manager;
    std::string m_accessToken;
    std::string m_refreshToken;
    std::function<void(const std::string&, const std::string&)> m_tokensChanged;
    std::function<void(qint64, qint64)> m_progress;
    ServerError m_lastError;
    const std::atomic<bool>* m_stop = nullptr;
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
};

}  // namespace dantoc::client::sync
