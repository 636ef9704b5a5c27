// HttpsClient: a small synchronous HTTPS/1.1 client for tests and tools, over real TLS, accepting the server only
// if its certificate's SHA-256 fingerprint matches the pinned one. One connection, reused (keep-alive) until
// close() or an error. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace dantoc::test {

struct HttpResult {
    int status = 0;  // 0: no response (connection or TLS failure; see error)
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string error;
};

class HttpsClient
{
public:
    // maxTlsVersion: 0 = default; otherwise e.g. TLS1_1_VERSION to check that old versions are refused.
    HttpsClient(std::string host, std::uint16_t port, std::string pinnedFingerprint, int maxTlsVersion = 0);
    ~HttpsClient();

    HttpResult request(const std::string& method, const std::string& target, const std::string& body = {},
                       const std::map<std::string, std::string>& headers = {});
    HttpResult get(const std::string& target, const std::string& token = {});
    HttpResult post(const std::string& target, const std::string& body, const std::string& token = {});
    void close();
    // Writes raw bytes over a fresh TLS connection and returns everything read until the server closes it
    // (for malformed-HTTP tests).
    std::string rawExchange(const std::string& bytes);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Sends raw bytes over plain TCP and returns what came back (for "plain HTTP to the TLS port").
std::string rawTcpExchange(const std::string& host, std::uint16_t port, const std::string& bytes);

}  // namespace dantoc::test
